import { Composer } from "grammy";
import type { BotContext } from "../context.js";
import { answerExpired, CLOSE_DATA } from "../keyboards.js";

export const fallbackFeature = new Composer<BotContext>();

fallbackFeature.callbackQuery(CLOSE_DATA, async (ctx) => {
  await ctx.answerCallbackQuery();
  // Telegram deletes a message only within 48 hours of sending it: an older one loses its buttons instead.
  await ctx.deleteMessage().catch(() => ctx.editMessageReplyMarkup());
});

// A button from an older version of the bot, or forged data.
fallbackFeature.on("callback_query", (ctx) => answerExpired(ctx));

fallbackFeature.on("message", (ctx) => ctx.reply(ctx.t("unknown-text")));
