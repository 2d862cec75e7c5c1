// /friends: what the user's shares brought. Every deal they sent from inline
// mode carries their share; the friends who opened it, bought and redeemed
// through it are counted here (each friend once), with the referral rewards
// shops gave for them, and a button starts sharing.
import { Composer, InlineKeyboard } from "grammy";
import type { ShareService } from "../../core/share.service.js";
import type { BotContext } from "../context.js";

export function createFriendsFeature({ shares }: { shares: Pick<ShareService, "brought"> }): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  feature.command("friends", async (ctx) => {
    const brought = await shares.brought(ctx.user.id);
    const text =
      brought.sent + brought.visitors === 0
        ? ctx.t("friends-none", { bot: ctx.me.username })
        : [ctx.t("friends-brought", { ...brought }), ...(brought.rewards > 0 ? [ctx.t("friends-rewards", { rewards: brought.rewards })] : [])].join("\n");
    const share = new InlineKeyboard().switchInlineChosen(ctx.t("friends-share"), { query: "", allow_user_chats: true, allow_group_chats: true });
    await ctx.reply(text, { parse_mode: "HTML", reply_markup: share });
  });

  return feature;
}
