// What the core says about reviews outside a conversation (the review port's
// messages), rendered in the recipient's language and sent through the Bot API.
import { InlineKeyboard, InputFile } from "grammy";
import type { PromptOutcome, ReviewedShop, ReviewMessages, ReviewPhotoStore, VoucherToReview } from "../core/ports/review.port.js";
import type { ShownReview } from "../domain/review.js";
import { escapeHtml } from "./html.js";
import { isUnreachable } from "./messaging.js";
import type { Notifier } from "./notifier.js";
import { replyButton, reviewBlock, shopPageButton, starKeyboard } from "./features/review-view.js";

/** `bot` is read at send time: the core is built before the bot that serves it. */
export function createReviewMessaging({ bot }: { bot: () => { notifier: Notifier } }): ReviewMessages {
  return {
    async askForReview(voucher: VoucherToReview): Promise<PromptOutcome> {
      const { notifier } = bot();
      const { t } = await notifier.recipient(voucher.holderId);
      try {
        await notifier.api.sendMessage(
          Number(voucher.holderId),
          t("review-ask-stars", { title: escapeHtml(voucher.dealTitle), shop: escapeHtml(voucher.shop.name) }),
          { parse_mode: "HTML", reply_markup: starKeyboard(voucher.id) },
        );
        return "sent";
      } catch (error) {
        return isUnreachable(error) ? "blocked" : "failed";
      }
    },

    async newReview(ownerId: bigint, review: ShownReview, shop: ReviewedShop): Promise<void> {
      const { notifier } = bot();
      const { t, locale } = await notifier.recipient(ownerId);
      await notifier.tell(
        ownerId,
        "review-new-notice",
        { shop: escapeHtml(shop.name), review: reviewBlock(t, locale, review, shop) },
        (t) =>
          new InlineKeyboard()
            .text(t("review-reply"), replyButton.pack({ id: review.id }))
            .text(t("review-see-shop"), shopPageButton.pack({ id: review.shopId, o: "n", p: 0 })),
      );
    },

    async reviewHidden(review: ShownReview, shop: ReviewedShop): Promise<void> {
      await bot().notifier.tell(review.authorId, "review-hidden-notice", {
        shop: escapeHtml(shop.name),
        title: escapeHtml(review.dealTitle),
        reason: escapeHtml(review.hiddenReason ?? ""),
      });
    },

    async replied(review: ShownReview, shop: ReviewedShop): Promise<void> {
      await bot().notifier.tell(review.authorId, "review-replied-notice", {
        shop: escapeHtml(shop.name),
        reply: escapeHtml(review.reply ?? ""),
      });
    },
  };
}

/**
 * Review photos uploaded from the Mini App become Telegram files like the
 * chat's: the bot sends each to its author's own chat, silently, keeps the
 * file id Telegram gives it and deletes the message (the file stays).
 */
export function createReviewPhotoStore({ bot }: { bot: () => { notifier: Notifier } }): ReviewPhotoStore {
  return {
    async store(authorId, photo, kind) {
      const { api } = bot().notifier;
      try {
        const sent = await api.sendPhoto(Number(authorId), new InputFile(photo.bytes, `review.${kind}`), { disable_notification: true });
        await api.deleteMessage(sent.chat.id, sent.message_id).catch(() => undefined);
        return sent.photo.at(-1)?.file_id ?? null;
      } catch {
        return null;
      }
    },
  };
}
