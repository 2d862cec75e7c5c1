// The built Mini App (web/dist) at /app/: the address MINI_APP_URL names.
import { existsSync } from "node:fs";
import path from "node:path";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance } from "fastify";
import type { Logger } from "../logger.js";

export const APP_PATH = "/app/";
export const WEB_DIST = path.resolve(import.meta.dirname, "../../web/dist");

export async function serveWebApp(app: FastifyInstance, { root = WEB_DIST, logger }: { root?: string; logger: Logger }): Promise<void> {
  if (!existsSync(root)) {
    logger.warn({ root }, "the Mini App is not built: /app/ is not served");
    return;
  }
  // The build's own stamp (.stamp) is not part of the app: dotfiles are not found.
  await app.register(fastifyStatic, { root, prefix: APP_PATH, index: "index.html", dotfiles: "ignore" });
  // Without the trailing slash the app's relative asset paths would resolve one level up.
  app.get("/app", (_request, reply) => reply.redirect(APP_PATH));
}
