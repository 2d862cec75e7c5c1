// Following shops and saving deals: Follow and ♡ Save on a deal's card (the
// button flips in place), /following (open a shop's offers, unfollow, come
// back) and /saved, and the voucher reminders' opt-out. Every id a button
// carries is the presser's claim: they act on their own follows and saves only.
import { Composer } from "grammy";
import type { FollowService } from "../../core/follow.service.js";
import type { ReminderService } from "../../core/reminder.service.js";
import type { BotContext } from "../context.js";
import { answerExpired } from "../keyboards.js";
import { FOLLOWING_DATA } from "../push-message.js";
import { SAVED_DATA, voucherRemindersButton } from "../reminder-messages.js";
import { followButton, markButtons, saveButton, swapButton } from "./follow-buttons.js";
import {
  followedShopButton,
  followedShopView,
  followingPageButton,
  followingView,
  savedPageButton,
  savedView,
  unfollowButton,
  unsaveButton,
  type Screen,
} from "./follow-view.js";

/** Shows a screen in place of the pressed list, or as a new message from elsewhere (a digest, a reminder). */
async function show(ctx: BotContext, { text, keyboard }: Screen, inPlace: boolean) {
  const options = { parse_mode: "HTML" as const, reply_markup: keyboard };
  if (inPlace && ctx.callbackQuery?.message?.text !== undefined) {
    await ctx.editMessageText(text, options).catch(() => undefined);
  } else {
    await ctx.reply(text, options);
  }
}

export function createFollowFeature({ follows, reminders }: { follows: FollowService; reminders: Pick<ReminderService, "setVoucherReminders"> }): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  async function followingScreen(ctx: BotContext, at: { page: number } | { index: number }) {
    return followingView(ctx, await follows.following(ctx.user.id), at);
  }

  // On a card: follow or unfollow its shop; the button flips, the rest stays.
  feature.callbackQuery(followButton.filter, async (ctx) => {
    const pressed = followButton.unpack(ctx.callbackQuery.data);
    if (!pressed) return answerExpired(ctx);
    const on = pressed.on === "1";
    if (on) {
      const shop = await follows.follow(ctx.user.id, pressed.id);
      await ctx.answerCallbackQuery({ text: ctx.t("follow-done", { shop: shop.name }) });
    } else {
      await follows.unfollow(ctx.user.id, pressed.id);
      await ctx.answerCallbackQuery({ text: ctx.t("unfollow-done") });
    }
    const { follow } = markButtons(ctx, { id: 0, shopId: pressed.id }, { following: on, saved: false });
    await swapButton(ctx, followButton, pressed.id, follow);
  });

  feature.callbackQuery(saveButton.filter, async (ctx) => {
    const pressed = saveButton.unpack(ctx.callbackQuery.data);
    if (!pressed) return answerExpired(ctx);
    const on = pressed.on === "1";
    if (on) await follows.save(ctx.user.id, pressed.id);
    else await follows.unsave(ctx.user.id, pressed.id);
    await ctx.answerCallbackQuery({ text: ctx.t(on ? "save-done" : "unsave-done") });
    const { save } = markButtons(ctx, { id: pressed.id, shopId: 0 }, { following: false, saved: on });
    await swapButton(ctx, saveButton, pressed.id, save);
  });

  feature.command("following", async (ctx) => show(ctx, await followingScreen(ctx, { page: 0 }), false));

  // From a digest: the list as a new message, the digest stays as it was.
  feature.callbackQuery(FOLLOWING_DATA, async (ctx) => {
    await ctx.answerCallbackQuery();
    await show(ctx, await followingScreen(ctx, { page: 0 }), false);
  });

  feature.callbackQuery(followingPageButton.filter, async (ctx) => {
    const pressed = followingPageButton.unpack(ctx.callbackQuery.data);
    if (!pressed) return answerExpired(ctx);
    await ctx.answerCallbackQuery();
    await show(ctx, await followingScreen(ctx, { page: pressed.page }), true);
  });

  feature.callbackQuery(followedShopButton.filter, async (ctx) => {
    const pressed = followedShopButton.unpack(ctx.callbackQuery.data);
    if (!pressed) return answerExpired(ctx);
    const { shop, deals } = await follows.offersOf(ctx.user.id, pressed.id);
    await ctx.answerCallbackQuery();
    await show(ctx, await followedShopView(ctx, shop, deals), true);
  });

  // Unfollow from the list: the list again, at the page that held the shop.
  feature.callbackQuery(unfollowButton.filter, async (ctx) => {
    const pressed = unfollowButton.unpack(ctx.callbackQuery.data);
    if (!pressed) return answerExpired(ctx);
    const before = await follows.following(ctx.user.id);
    const index = before.findIndex((f) => f.shop.id === pressed.id);
    if (index < 0 || !(await follows.unfollow(ctx.user.id, pressed.id))) {
      return ctx.answerCallbackQuery({ text: ctx.t("error-not-following"), show_alert: true });
    }
    await ctx.answerCallbackQuery({ text: ctx.t("unfollow-done-shop", { shop: before[index]!.shop.name }) });
    await show(ctx, await followingScreen(ctx, { index: Math.max(0, index - 1) }), true);
  });

  feature.command("saved", async (ctx) => show(ctx, await savedView(ctx, await follows.saved(ctx.user.id), { page: 0 }), false));

  feature.callbackQuery(SAVED_DATA, async (ctx) => {
    await ctx.answerCallbackQuery();
    await show(ctx, await savedView(ctx, await follows.saved(ctx.user.id), { page: 0 }), false);
  });

  feature.callbackQuery(savedPageButton.filter, async (ctx) => {
    const pressed = savedPageButton.unpack(ctx.callbackQuery.data);
    if (!pressed) return answerExpired(ctx);
    await ctx.answerCallbackQuery();
    await show(ctx, await savedView(ctx, await follows.saved(ctx.user.id), { page: pressed.page }), true);
  });

  feature.callbackQuery(unsaveButton.filter, async (ctx) => {
    const pressed = unsaveButton.unpack(ctx.callbackQuery.data);
    if (!pressed) return answerExpired(ctx);
    const before = await follows.saved(ctx.user.id);
    const index = before.findIndex((s) => s.deal.id === pressed.id);
    if (index < 0 || !(await follows.unsave(ctx.user.id, pressed.id))) {
      return ctx.answerCallbackQuery({ text: ctx.t("unsave-not-saved"), show_alert: true });
    }
    await ctx.answerCallbackQuery({ text: ctx.t("unsave-done") });
    await show(ctx, await savedView(ctx, await follows.saved(ctx.user.id), { index: Math.max(0, index - 1) }), true);
  });

  // The voucher reminders' opt-out, and back in: the presser's own setting, whatever the message.
  feature.callbackQuery(voucherRemindersButton.filter, async (ctx) => {
    const pressed = voucherRemindersButton.unpack(ctx.callbackQuery.data);
    if (!pressed) return answerExpired(ctx);
    const on = pressed.on === "1";
    await reminders.setVoucherReminders(ctx.user.id, on);
    await ctx.answerCallbackQuery({ text: ctx.t(on ? "voucher-reminders-on" : "voucher-reminders-off") });
    const toggle = { text: ctx.t(on ? "voucher-reminders-stop" : "voucher-reminders-start"), callback_data: voucherRemindersButton.pack({ on: on ? "0" : "1" }) };
    const rows = ctx.callbackQuery.message?.reply_markup?.inline_keyboard ?? [[toggle]];
    const inline_keyboard = rows.map((row) => row.map((b) => ("callback_data" in b && voucherRemindersButton.filter.test(b.callback_data) ? toggle : b)));
    await ctx.editMessageReplyMarkup({ reply_markup: { inline_keyboard } }).catch(() => undefined);
  });

  return feature;
}
