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
