// /mydeals → an offer → 🎁 Referral reward: what the sharer gets when a friend
// redeems a voucher bought through their share, and the cap. Every button
// carries the offer's id, checked against the presser by the referral use case.
import { Composer, type InlineKeyboard } from "grammy";
import { CAP_PERIODS } from "../../domain/referral.js";
import type { ReferralService } from "../../core/referral.service.js";
import type { BotContext } from "../context.js";
import { ignoreUnchanged } from "../console/unchanged.js";
import { answerExpired } from "../keyboards.js";
import { rewardChoicesView, rewardScreenView } from "./my-deals-reward-view.js";
import { rewardAction } from "./my-deals-view.js";

type Pressed = NonNullable<ReturnType<typeof rewardAction.unpack>>;

export function createRewardSettingFeature({ referrals }: { referrals: ReferralService }): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  /** What a button shows next; null for a period that does not exist (a forged button). */
  async function screenFor(ctx: BotContext, { a, id: dealId, v }: Pressed): Promise<{ text: string; keyboard: InlineKeyboard } | null> {
    const me = ctx.user.id;
    switch (a) {
      case "o":
        return rewardScreenView(ctx, await referrals.screen(me, dealId));
      case "x": {
        const { deal, offers } = await referrals.choices(me, dealId);
        return rewardChoicesView(ctx, deal, offers);
      }
      case "f":
        return rewardScreenView(ctx, await referrals.setReward(me, dealId, null));
      case "s":
        return rewardScreenView(ctx, await referrals.setReward(me, dealId, dealId));
      case "p":
        return rewardScreenView(ctx, await referrals.setReward(me, dealId, v));
      case "c":
        return rewardScreenView(ctx, await referrals.setCap(me, dealId, v));
      case "m": {
        const period = CAP_PERIODS[v];
        if (!period) return null;
        return rewardScreenView(ctx, await referrals.setCapPeriod(me, dealId, period));
      }
    }
  }

  feature.callbackQuery(rewardAction.filter, async (ctx) => {
    const pressed = rewardAction.unpack(ctx.callbackQuery.data);
    // Built before answering: a refusal is the answer to a forged button.
    const screen = pressed && (await screenFor(ctx, pressed));
    if (!pressed || !screen) return answerExpired(ctx);
    const changed = pressed.a !== "o" && pressed.a !== "x";
    await ctx.answerCallbackQuery(changed ? { text: ctx.t("mydeals-saved") } : undefined);
    await ctx.editMessageText(screen.text, { parse_mode: "HTML", reply_markup: screen.keyboard }).catch(ignoreUnchanged);
  });

  return feature;
}
