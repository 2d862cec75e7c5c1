// Reads a Bot API request's parameters from the query string and the body:
// JSON, urlencoded or multipart/form-data. Node's own FormData parser rejects
// grammY's multipart framing (lower-case headers, an unquoted filename), which
// Telegram accepts, so multipart is parsed here.
import type { IncomingMessage } from "node:http";

export interface UploadedFile {
  filename: string;
  data: Buffer;
}

export interface RequestParams {
  fields: Record<string, unknown>;
  files: Map<string, UploadedFile>;
}

export async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export function parseParams(url: URL, contentType: string | undefined, body: Buffer): RequestParams {
  const fields: Record<string, unknown> = {};
  const files = new Map<string, UploadedFile>();
  for (const [k, v] of url.searchParams) fields[k] = v;
  const type = (contentType ?? "").toLowerCase();
  if (body.length === 0) return { fields, files };
  if (type.startsWith("application/json")) {
    const parsed: unknown = JSON.parse(body.toString("utf8"));
    if (parsed && typeof parsed === "object") Object.assign(fields, parsed);
  } else if (type.startsWith("application/x-www-form-urlencoded")) {
    for (const [k, v] of new URLSearchParams(body.toString("utf8"))) fields[k] = v;
  } else if (type.startsWith("multipart/form-data")) {
    const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType ?? "");
    if (!boundary) throw new Error("multipart body without a boundary");
    parseMultipart(body, (boundary[1] ?? boundary[2])!.trim(), fields, files);
  }
  return { fields, files };
}

function parseMultipart(body: Buffer, boundary: string, fields: Record<string, unknown>, files: Map<string, UploadedFile>) {
  const delimiter = Buffer.from(`--${boundary}`);
  let pos = body.indexOf(delimiter);
  while (pos >= 0) {
    let start = pos + delimiter.length;
    if (body.subarray(start, start + 2).toString() === "--") break;
    if (body.subarray(start, start + 2).toString() === "\r\n") start += 2;
    const next = body.indexOf(delimiter, start);
    if (next < 0) break;
    let end = next;
    if (body.subarray(end - 2, end).toString() === "\r\n") end -= 2;
    const part = body.subarray(start, end);
    const headerEnd = part.indexOf("\r\n\r\n");
    if (headerEnd >= 0) {
      const headers = part.subarray(0, headerEnd).toString("utf8");
      const content = part.subarray(headerEnd + 4);
      const disposition = headers.split("\r\n").find((l) => /^content-disposition\s*:/i.test(l)) ?? "";
      const name = /;\s*name\s*=\s*(?:"([^"]*)"|([^;\s]+))/i.exec(disposition);
      const filename = /;\s*filename\s*=\s*(?:"([^"]*)"|([^;\r\n]+))/i.exec(disposition);
      const key = name ? (name[1] ?? name[2]!) : undefined;
      if (key !== undefined) {
        if (filename) files.set(key, { filename: (filename[1] ?? filename[2]!).trim(), data: Buffer.from(content) });
        else fields[key] = content.toString("utf8");
      }
    }
    pos = next;
  }
}

// Typed readers: form fields arrive as strings, JSON fields as their own types.

export function optString(fields: Record<string, unknown>, key: string): string | undefined {
  const v = fields[key];
  if (v === undefined || v === null) return undefined;
  return typeof v === "string" ? v : String(v);
}

export function optNumber(fields: Record<string, unknown>, key: string): number | undefined {
  const v = fields[key];
  if (v === undefined || v === null || v === "") return undefined;
  const n = typeof v === "number" ? v : Number(v);
  return Number.isFinite(n) ? n : Number.NaN;
}

export function optBool(fields: Record<string, unknown>, key: string): boolean | undefined {
  const v = fields[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v === "boolean") return v;
  return v === "true" || v === "1" || v === 1;
}

export function optJson<T>(fields: Record<string, unknown>, key: string): T | undefined {
  const v = fields[key];
  if (v === undefined || v === null || v === "") return undefined;
  if (typeof v === "string") return JSON.parse(v) as T;
  return v as T;
}
