import { Composer } from "grammy";
import type { BotContext } from "../context.js";
import { answerExpired, CLOSE_DATA, removePressedMessage } from "../keyboards.js";

export function createFallbackFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  feature.callbackQuery(CLOSE_DATA, async (ctx) => {
    await ctx.answerCallbackQuery();
    await removePressedMessage(ctx);
  });

  // A button from an older version of the bot, or forged data.
  feature.on("callback_query", (ctx) => answerExpired(ctx));

  feature.on("message", (ctx) => ctx.reply(ctx.t("unknown-text")));
  return feature;
}
