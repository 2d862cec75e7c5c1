import { Composer } from "grammy";
import type { BotContext } from "../context.js";
import { answerExpired, CLOSE_DATA, removePressedMessage } from "../keyboards.js";

export const fallbackFeature = new Composer<BotContext>();

fallbackFeature.callbackQuery(CLOSE_DATA, async (ctx) => {
  await ctx.answerCallbackQuery();
  await removePressedMessage(ctx);
});

// A button from an older version of the bot, or forged data.
fallbackFeature.on("callback_query", (ctx) => answerExpired(ctx));

fallbackFeature.on("message", (ctx) => ctx.reply(ctx.t("unknown-text")));
