// Calls the Mini App's API over HTTP as a Telegram user, with launch data
// signed as Telegram signs it.
import { launchDataFor, type LaunchUser } from "../../src/http/init-data.js";

export interface ApiAnswer<T = any> {
  status: number;
  body: T;
}

export class MiniAppClient {
  constructor(
    readonly base: string,
    private readonly authorization: string | undefined,
  ) {}

  static as(base: string, user: LaunchUser, token: string, signedAt = new Date()): MiniAppClient {
    return new MiniAppClient(base, `tma ${launchDataFor(user, token, signedAt)}`);
  }

  static withHeader(base: string, authorization: string | undefined): MiniAppClient {
    return new MiniAppClient(base, authorization);
  }

  get<T = any>(path: string): Promise<ApiAnswer<T>> {
    return this.call("GET", path);
  }

  post<T = any>(path: string, body: unknown = {}): Promise<ApiAnswer<T>> {
    return this.call("POST", path, body);
  }

  put<T = any>(path: string): Promise<ApiAnswer<T>> {
    return this.call("PUT", path);
  }

  delete<T = any>(path: string): Promise<ApiAnswer<T>> {
    return this.call("DELETE", path);
  }

  async raw(path: string): Promise<Response> {
    return fetch(`${this.base}${path}`, { headers: this.authorization ? { authorization: this.authorization } : {} });
  }

  private async call<T>(method: string, path: string, body?: unknown): Promise<ApiAnswer<T>> {
    const headers: Record<string, string> = {};
    if (this.authorization) headers.authorization = this.authorization;
    if (body !== undefined) headers["content-type"] = "application/json";
    const response = await fetch(`${this.base}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  }
}
