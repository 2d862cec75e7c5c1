// A Bot API that can go down: an HTTP proxy in front of the emulator that
// passes requests through ("up"), cuts every connection ("refuse"), answers
// 502 Bad Gateway as Telegram's front does during an outage ("502"), or
// takes requests and never answers ("hang"). Leaving "up" cuts what is in
// flight, a long poll included.
import http from "node:http";
import type { AddressInfo, Socket } from "node:net";

export type ApiMode = "up" | "refuse" | "502" | "hang";

export class FlakyApi {
  mode: ApiMode = "up";
  private server?: http.Server;
  private readonly sockets = new Set<Socket>();
  private readonly upstream = new Set<http.ClientRequest>();
  private port = 0;

  constructor(private readonly target: string) {}

  async start(): Promise<this> {
    const server = http.createServer((req, res) => this.onRequest(req, res));
    server.on("connection", (socket) => {
      this.sockets.add(socket);
      socket.once("close", () => this.sockets.delete(socket));
      if (this.mode === "refuse") socket.destroy();
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    this.server = server;
    this.port = (server.address() as AddressInfo).port;
    return this;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  set(mode: ApiMode): void {
    const was = this.mode;
    this.mode = mode;
    if (was === "up" && mode !== "up") {
      for (const request of this.upstream) request.destroy();
      for (const socket of this.sockets) socket.destroy();
    }
  }

  async close(): Promise<void> {
    this.set("refuse");
    const server = this.server;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private onRequest(req: http.IncomingMessage, res: http.ServerResponse): void {
    switch (this.mode) {
      case "refuse":
        req.socket.destroy();
        return;
      case "hang":
        return;
      case "502":
        res.writeHead(502, { "content-type": "application/json" });
        res.end(JSON.stringify({ ok: false, error_code: 502, description: "Bad Gateway" }));
        return;
      case "up": {
        const upstream = http.request(`${this.target}${req.url}`, { method: req.method, headers: req.headers }, (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        });
        this.upstream.add(upstream);
        upstream.once("close", () => this.upstream.delete(upstream));
        upstream.on("error", () => req.socket.destroy());
        req.pipe(upstream);
      }
    }
  }
}
