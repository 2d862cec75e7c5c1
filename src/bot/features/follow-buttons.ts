// The buttons of following and saving, shared by the deal card and the lists.
// Each carries one id and the wanted state; the handler acts for the presser
// only, so a forged id can at most follow an open shop or save a deal for the
// presser themselves.
import type { InlineKeyboardButton } from "grammy/types";
import { z } from "zod";
import { callbackCodec, id, type CallbackCodec } from "../callback-data.js";
import type { BotContext } from "../context.js";

const on = z.enum(["0", "1"]);

/** Follow ("1") or unfollow ("0") the shop `id`, from its deal's card. */
export const followButton = callbackCodec("fo", { id, on });
/** Save ("1") or unsave ("0") the deal `id` (♡), from its card. */
export const saveButton = callbackCodec("sv", { id, on });

/** The card's Follow and Save buttons as they stand for the viewer: each offers the other state. */
export function markButtons(ctx: BotContext, deal: { id: number; shopId: number }, marks: { following: boolean; saved: boolean }) {
  return {
    follow: { text: ctx.t(marks.following ? "card-following" : "card-follow"), callback_data: followButton.pack({ id: deal.shopId, on: marks.following ? "0" : "1" }) },
    save: { text: ctx.t(marks.saved ? "card-saved" : "card-save"), callback_data: saveButton.pack({ id: deal.id, on: marks.saved ? "0" : "1" }) },
  };
}

/**
 * Flips this codec's button (for this id) on the pressed message, the rest of
 * its keyboard as it was; nothing when the message has no such button.
 */
export async function swapButton<T extends { id: number }>(ctx: BotContext, codec: CallbackCodec<T>, idOf: number, next: InlineKeyboardButton.CallbackButton) {
  const rows = ctx.callbackQuery?.message?.reply_markup?.inline_keyboard ?? [];
  let found = false;
  const inline_keyboard = rows.map((row) =>
    row.map((b) => {
      if (!("callback_data" in b) || !codec.filter.test(b.callback_data) || codec.unpack(b.callback_data)?.id !== idOf) return b;
      found = true;
      return next;
    }),
  );
  if (found) await ctx.editMessageReplyMarkup({ reply_markup: { inline_keyboard } }).catch(() => undefined);
}
