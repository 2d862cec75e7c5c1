// The core's outbound messages (messaging port), rendered in the recipient's
// language and sent through the Bot API.
import { GrammyError, InlineKeyboard, type Api } from "grammy";
import type { Messaging, SendOutcome } from "../core/ports/messaging.port.js";
import { renderFigures } from "./console/stats-view.js";
import { summaryButton } from "./features/summary-toggle.js";
import { escapeHtml } from "./html.js";
import type { Notifier } from "./notifier.js";
import { createPushRenderer } from "./push-message.js";

/** What Telegram's answer to a refused send means for the sender. */
function notSent(error: unknown): SendOutcome {
  const blocked = error instanceof GrammyError && error.error_code === 403;
  return {
    sent: false,
    blocked,
    passing: !(error instanceof GrammyError) || error.error_code === 429 || error.error_code >= 500,
    description: blocked ? error.description : error instanceof Error ? error.message : String(error),
    error,
  };
}

export function createBotMessaging({ api, recipient }: Pick<Notifier, "api" | "recipient">): Messaging {
  const renderPush = createPushRenderer();

  async function send(chatId: bigint, text: string, options: Parameters<Api["sendMessage"]>[2]): Promise<SendOutcome> {
    try {
      return { sent: true, messageId: (await api.sendMessage(Number(chatId), text, options)).message_id };
    } catch (error) {
      return notSent(error);
    }
  }

  return {
    pushDigest(push, items) {
      const { text, options } = renderPush(push, items);
      return { send: () => send(push.userId, text, options) };
    },
    async sendDailySummary(shop, figures) {
      const { locale, t } = await recipient(shop.ownerId);
      const text = `${t("summary-intro")}\n\n${renderFigures(t, locale, { name: escapeHtml(shop.name), period: "today", figures, currency: shop.currency })}`;
      const keyboard = new InlineKeyboard().text(t("summary-stop"), summaryButton.pack({ on: "0" }));
      return send(shop.ownerId, text, { parse_mode: "HTML", reply_markup: keyboard });
    },
  };
}
