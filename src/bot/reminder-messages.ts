// The reminders' messages (the reminder messaging port): a saved deal about to
// end or nearly sold out, and vouchers about to expire, in the user's language.
import { InlineKeyboard } from "grammy";
import { z } from "zod";
import type { ReminderMessaging } from "../core/ports/reminder-messaging.port.js";
import type { SendOutcome } from "../core/ports/messaging.port.js";
import { formatVoucherCode } from "../domain/voucher-code.js";
import { callbackCodec } from "./callback-data.js";
import { dealButton } from "./features/deal-view.js";
import { localDate } from "./format.js";
import { escapeHtml } from "./html.js";
import { notSent, type MessagingChannel } from "./messaging.js";

/** Turns the voucher reminders off ("0") or back on ("1"): always the presser's own setting. */
export const voucherRemindersButton = callbackCodec("rv", { on: z.enum(["0", "1"]) });/** Opens /saved. */
export const SAVED_DATA = "saved";
/** Opens /mycodes' list (the button under delivered vouchers). */
const VOUCHER_LIST_DATA = "vl:0";

/** `bot` is read at send time: the core is built before the bot that serves it. */
export function createReminderMessaging({ bot }: { bot: () => Pick<MessagingChannel, "api" | "notifier"> }): ReminderMessaging {
  async function send(userId: bigint, text: string, keyboard: InlineKeyboard): Promise<SendOutcome> {
    try {
      const message = await bot().api.sendMessage(Number(userId), text, { parse_mode: "HTML", reply_markup: keyboard, link_preview_options: { is_disabled: true } });
      return { sent: true, messageId: message.message_id };
    } catch (error) {
      return notSent(error);
    }
  }

  return {
    async savedDealReminder(userId, deal, reason) {
      const { t, locale } = await bot().notifier.recipient(userId);
      const text = t(`saved-reminder-${reason}`, {
        title: escapeHtml(deal.title),
        shop: escapeHtml(deal.shop.name),
        left: deal.stockLeft,
        ends: localDate(deal.endsAt, deal.shop, locale),
      });
      // The reminder leads back to the card; its view counts as the nearby list's, where saved deals come from.
      const keyboard = new InlineKeyboard().text(t("saved-reminder-open"), dealButton.pack({ id: deal.id, s: "n", r: 0 })).text(t("saved-list-button"), SAVED_DATA);
      return send(userId, text, keyboard);
    },
    async voucherReminder(userId, vouchers) {
      const { t, locale } = await bot().notifier.recipient(userId);
      const lines = vouchers.map((v) =>
        t("voucher-reminder-line", {
          code: formatVoucherCode(v.code),
          title: escapeHtml(v.deal.title),
          shop: escapeHtml(v.deal.shop.name),
          expires: localDate(v.expiresAt, v.deal.shop, locale),
        }),
      );
      const text = `${t("voucher-reminder-header", { count: vouchers.length })}\n\n${lines.join("\n")}`;
      const keyboard = new InlineKeyboard()
        .text(t("voucher-list"), VOUCHER_LIST_DATA)
        .row()
        .text(t("voucher-reminders-stop"), voucherRemindersButton.pack({ on: "0" }));
      return send(userId, text, keyboard);
    },
  };
}
