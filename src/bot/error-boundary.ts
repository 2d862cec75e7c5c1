import type { BotError, MiddlewareFn } from "grammy";
import { DomainError } from "../domain/errors.js";
import { CALLBACK_ANSWER_MAX, fitTelegram } from "../domain/telegram-text.js";
import type { Logger } from "../logger.js";
import type { BotContext } from "./context.js";

async function tell(ctx: BotContext, text: string): Promise<void> {
  const plain = text.replace(/<[^>]+>/g, "");
  // An alert over 200 UTF-16 units is refused, and a message may name an offer.
  if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text: fitTelegram(plain, CALLBACK_ANSWER_MAX), show_alert: true });
  else if (ctx.chat) await ctx.reply(text, { parse_mode: "HTML" });
}

/** A broken rule becomes the translated message for its code; state is untouched. */
export const domainErrors: MiddlewareFn<BotContext> = async (ctx, next) => {
  try {
    await next();
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    await tell(ctx, ctx.t(`error-${error.code}`, error.params));
  }
};

/** Anything else is a bug: log it, and give the user a polite generic reply. */
export function unexpectedErrors(logger: Logger) {
  return async (err: BotError<BotContext>): Promise<void> => {
    const ctx = err.ctx;
    logger.error({ err: err.error, update: ctx.update.update_id }, "update failed");
    try {
      await tell(ctx, ctx.t ? ctx.t("generic-error") : "Something went wrong. Please try again.");
    } catch (replyError) {
      logger.warn({ err: replyError }, "could not tell the user about the failure");
    }
  };
}
