// The HTTP face of the emulator: /bot<token>/<method> answered as Telegram
// answers (ok/result or ok:false with error_code and description),
// /file/bot<token>/<path> serving stored files, getUpdates handed to the
// update queue. It counts requests in flight so a driver can tell when the
// bot has finished reacting.
import { createReadStream } from "node:fs";
import http, { type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { FileStore } from "../file-store.js";
import { optNumber, parseParams, readBody, type RequestParams } from "../request-body.js";
import { ApiError, badRequest } from "./api-error.js";
import type { Methods } from "./methods/method.js";
import type { SendRateLimit } from "./send-rate-limit.js";
import type { UpdateQueue } from "./update-queue.js";

export interface ApiServerOptions {
  token: string;
  port?: number;
  methods: Methods;
  queue: UpdateQueue;
  files: FileStore;
  rateLimit?: SendRateLimit;
  /** Added to every answer but a long poll's: the network between a bot and Telegram (0 by default). */
  roundTripMs?: number;
  /** Told of every refused call but a getUpdates ended by a newer one, with the chat it named. */
  onError(method: string, error: ApiError, chatId: number | undefined): void;
}

export class ApiServer {
  /** Requests being answered, long polls aside. */
  inFlight = 0;
  /** When a request last started or ended (Date.now()). */
  lastActivityAt = Date.now();

  private server?: http.Server;
  private apiUrl = "";

  constructor(private readonly options: ApiServerOptions) {}

  /** Listens on 127.0.0.1 and the given port, or a free one. */
  async start(): Promise<void> {
    const server = http.createServer((req, res) => void this.onRequest(req, res));
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(this.options.port ?? 0, "127.0.0.1", () => resolve());
    });
    const { port } = server.address() as AddressInfo;
    this.apiUrl = `http://127.0.0.1:${port}`;
  }

  get url(): string {
    return this.apiUrl;
  }

  async close(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  }

  private async onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const { token, methods, queue } = this.options;
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const fileMatch = /^\/file\/bot([^/]+)\/(.+)$/.exec(url.pathname);
    if (fileMatch) return this.serveFile(fileMatch[1]!, decodeURIComponent(fileMatch[2]!), res);
    const match = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec(url.pathname);
    if (!match) return reply(res, new ApiError(404, "Not Found"));
    if (match[1] !== token) return reply(res, new ApiError(401, "Unauthorized"));
    const method = match[2]!.toLowerCase();
    const handler = methods[method];
    const polling = method === "getupdates";
    if (!polling) this.inFlight++;
    this.lastActivityAt = Date.now();
    let chatId: number | undefined;
    try {
      const body = await readBody(req);
      if (!polling && this.options.roundTripMs) await new Promise((resolve) => setTimeout(resolve, this.options.roundTripMs));
      let params: RequestParams;
      try {
        params = parseParams(url, req.headers["content-type"], body);
      } catch {
        throw badRequest("can't parse request body");
      }
      if (polling) {
        const result = await queue.getUpdates(params, req);
        if (result !== null) reply(res, result);
        return;
      }
      if (!handler) throw new ApiError(404, "Not Found");
      chatId = optNumber(params.fields, "chat_id");
      this.options.rateLimit?.check(method, chatId ?? 0);
      reply(res, await handler(params));
    } catch (error) {
      const apiError = error instanceof ApiError ? error : new ApiError(500, `Internal Server Error: ${(error as Error).message}`);
      if (!(polling && apiError.code === 409)) this.options.onError(match[2]!, apiError, chatId);
      reply(res, apiError);
    } finally {
      if (!polling) this.inFlight--;
      this.lastActivityAt = Date.now();
    }
  }

  private serveFile(token: string, filePath: string, res: ServerResponse): void {
    const file = token === this.options.token ? this.options.files.byFilePath(filePath) : undefined;
    if (!file?.localPath) {
      res.writeHead(404, { "content-type": "application/json" });
      res.end(JSON.stringify({ ok: false, error_code: 404, description: "Not Found" }));
      return;
    }
    res.writeHead(200, { "content-type": "application/octet-stream", "content-length": file.size });
    createReadStream(file.localPath).pipe(res);
  }
}

function reply(res: ServerResponse, result: unknown): void {
  if (res.headersSent || res.destroyed) return;
  if (result instanceof ApiError) {
    res.writeHead(result.code, { "content-type": "application/json" });
    res.end(
      JSON.stringify({
        ok: false,
        error_code: result.code,
        description: result.description,
        ...(result.parameters ? { parameters: result.parameters } : {}),
      }),
    );
    return;
  }
  res.writeHead(200, { "content-type": "application/json" });
  res.end(JSON.stringify({ ok: true, result }));
}
