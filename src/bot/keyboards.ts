import { InlineKeyboard, Keyboard } from "grammy";
import type { BotContext } from "./context.js";

/** The persistent reply keyboard: sharing a location is the main way in. */
export function mainKeyboard(ctx: BotContext): Keyboard {
  return new Keyboard().requestLocation(ctx.t("keyboard-share-location")).resized().persistent();
}

export const CLOSE_DATA = "close";

export function closeButton(ctx: BotContext): InlineKeyboard {
  return new InlineKeyboard().text(ctx.t("close"), CLOSE_DATA);
}

/** How-many buttons: 1–10, then a few round numbers, up to `max` (always offered), five a row. */
export function countButtons(max: number, pack: (n: number) => string): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  // Every count up to ten (one can want 7), then round figures, then all there is.
  const choices = [...new Set([...[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 20, 50, 100].filter((n) => n < max), max])];
  choices.forEach((n, i) => {
    if (i > 0 && i % 5 === 0) keyboard.row();
    keyboard.text(String(n), pack(n));
  });
  return keyboard;
}

/**
 * Removes the message a button was pressed on. Telegram deletes a message only
 * within 48 hours of sending it: an older one loses its buttons instead, so
 * nothing on it can be pressed again.
 */
export async function removePressedMessage(ctx: BotContext): Promise<void> {
  await ctx.deleteMessage().catch(() => ctx.editMessageReplyMarkup().catch(() => undefined));
}

/** The answer to a button that no longer works: malformed, forged, or from a screen that moved on. */
export function answerExpired(ctx: BotContext) {
  return ctx.answerCallbackQuery({ text: ctx.t("button-expired"), show_alert: true });
}
