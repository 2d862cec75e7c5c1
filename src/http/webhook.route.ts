// Telegram posts updates here in webhook mode. A request must carry the secret
// token given with setWebhook (anyone can find the address); Telegram sends an
// update again when an answer was late or lost, so an update_id already taken
// is acknowledged and dropped. Behind a load balancer the repeat may reach
// another instance: the claim is a row in the shared database. The answer goes
// as soon as the update is taken in (handling goes on in the intake), far
// inside Telegram's timeout; a full intake holds the answer, which slows
// Telegram's sending down. (grammY's webhookCallback answers only once the
// update is handled: each update would hold one of Telegram's connections, and
// a pre-checkout query would wait for a free one behind slow updates instead
// of going first in the intake.)
import { timingSafeEqual } from "node:crypto";
import type { FastifyInstance } from "fastify";
import type { Update } from "grammy/types";
import type { Logger } from "../logger.js";

export const SECRET_HEADER = "x-telegram-bot-api-secret-token";

export interface WebhookRouteOptions {
  path: string;
  secret: string;
  /** Claims the update for this instance; false when one took it already. */
  claim(updateId: number): Promise<boolean>;
  /** Takes the update in; resolves when the intake has room again. */
  accept(update: Update): Promise<unknown>;
  logger: Logger;
}

export function registerWebhookRoute(app: FastifyInstance, { path, secret, claim, accept, logger }: WebhookRouteOptions): void {
  const expected = Buffer.from(secret);
  app.post(path, {
    // Checked before the body is read: a stranger's request is refused without
    // the server taking in what it sends.
    onRequest: async (request, reply) => {
      const given = request.headers[SECRET_HEADER];
      const token = Buffer.from(typeof given === "string" ? given : "");
      if (token.length !== expected.length || !timingSafeEqual(token, expected)) {
        logger.warn({ ip: request.ip, hasToken: given !== undefined }, "webhook request refused: wrong or missing secret token");
        return reply.code(401).send({ ok: false });
      }
    },
    handler: async (request, reply) => {
      const update = request.body as Update | undefined;
      const id = update?.update_id;
      if (typeof id !== "number" || !Number.isSafeInteger(id) || id < 0) return reply.code(400).send({ ok: false });
      if (!(await claim(id))) {
        logger.info({ updateId: id }, "webhook: an update already taken came again; dropped");
        return reply.send({ ok: true });
      }
      await accept(update!);
      return reply.send({ ok: true });
    },
  });
}
