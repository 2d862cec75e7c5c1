// The bot's HTTP server: Telegram's webhook (in webhook mode), GET /healthz
// for the supervisor, GET /metrics for Prometheus, and the Mini App (the
// built app at /app/, its API at /api).
import Fastify from "fastify";
import type { Logger } from "../logger.js";
import type { Clock } from "../util/clock.js";
import type { Metrics } from "./metrics.js";
import { registerWebhookRoute, type WebhookRouteOptions } from "./webhook.route.js";
import { registerMiniAppApi, type MiniAppApiOptions } from "./api/mini-app-api.js";
import { serveWebApp } from "./app-static.js";

const REQUEST_TIMEOUT_MS = 120_000;

export interface Health {
  ok: boolean;
  [detail: string]: unknown;
}

export interface HttpServerOptions {
  port: number;
  /** 0.0.0.0 by default; 127.0.0.1 behind a reverse proxy on the same machine. */
  host?: string;
  logger: Logger;
  clock: Clock;
  metrics: Metrics;
  health(): Promise<Health>;
  webhook?: Omit<WebhookRouteOptions, "logger" | "clock">;
  miniApp?: Omit<MiniAppApiOptions, "logger" | "clock"> & { webRoot?: string };
}

export interface HttpServer {
  /** Where it listens, e.g. http://127.0.0.1:8080. */
  readonly url: string;
  close(): Promise<void>;
}

export async function startHttpServer({ port, host = "0.0.0.0", logger, clock, metrics, health, webhook, miniApp }: HttpServerOptions): Promise<HttpServer> {
  const app = Fastify({
    bodyLimit: 1 << 20,
    // A request must arrive whole within this time (a review's photos from a
    // slow phone included): one that trickles in, or never ends, would hold
    // its connection for ever. Fastify sets no limit by default.
    requestTimeout: REQUEST_TIMEOUT_MS,
  });
  if (webhook) registerWebhookRoute(app, { ...webhook, logger });
  if (miniApp) {
    await registerMiniAppApi(app, { ...miniApp, logger, clock });
    await serveWebApp(app, { root: miniApp.webRoot, logger });
  }
  app.get("/healthz", async (_request, reply) => {
    const report = await health();
    return reply.code(report.ok ? 200 : 503).send(report);
  });
  app.get("/metrics", async (_request, reply) => {
    const text = await metrics.registry.metrics();
    return reply.type(metrics.registry.contentType).send(text);
  });
  const address = await app.listen({ port, host });
  logger.info({ address, webhook: webhook?.path }, "HTTP server listening");
  return {
    url: address.replace("0.0.0.0", "127.0.0.1"),
    close: () => app.close(),
  };
}
