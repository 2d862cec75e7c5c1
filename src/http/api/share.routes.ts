// Sending a deal to friends from the Mini App: the share the chat's inline
// "Send to a friend" makes (same credit for the sharer), its card prepared
// with Telegram for the app's share sheet (Telegram.WebApp.shareMessage).
import type { FastifyInstance } from "fastify";
import type { ShareService } from "../../core/share.service.js";
import type { PreparedShares } from "../../bot/features/prepared-share.js";
import type { Logger } from "../../logger.js";
import { ApiError, parse } from "./api-error.js";
import { userOf } from "./auth.js";
import { dealId } from "./params.js";
import type { SpeakerOf } from "./present.js";

export function shareRoutes(
  app: FastifyInstance,
  { shares, preparedShares, speaker, logger }: { shares: ShareService; preparedShares: PreparedShares; speaker: SpeakerOf; logger: Logger },
) {
  app.post("/deals/:id/share", async (request) => {
    const user = userOf(request);
    const { id } = parse(dealId, request.params);
    const shared = await shares.forShareSheet(user, id);
    try {
      const prepared = await preparedShares(shared, { id: user.id, locale: speaker(user).locale });
      return { preparedMessageId: prepared.id, expiresAt: prepared.expiresAt.toISOString() };
    } catch (error) {
      // Telegram would not keep the message (a user who never started the bot): the app falls back to inline mode.
      logger.warn({ err: error, deal: id }, "prepared share refused");
      throw new ApiError(502, "share-refused");
    }
  });
}
