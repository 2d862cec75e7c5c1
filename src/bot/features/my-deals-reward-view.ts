// The screens of an offer's referral reward in /mydeals: what the sharer gets
// when a friend redeems, and the cap; then the pick of another offer.
import { InlineKeyboard } from "grammy";
import { formatMoney } from "../../domain/money.js";
import { CAP_PERIODS, REWARD_CAPS } from "../../domain/referral.js";
import type { Deal } from "../../domain/deal.js";
import type { RewardScreen } from "../../core/referral.service.js";
import type { BotContext } from "../context.js";
import { escapeHtml, localeOf } from "../format.js";
import { dealAction, rewardAction } from "./my-deals-view.js";

/** The most offers listed to pick from: the newest, as Telegram shows a keyboard of 100 buttons at most. */
const CHOICES_SHOWN = 30;

const checked = (on: boolean, label: string) => (on ? `✓ ${label}` : label);

export async function rewardScreenView(ctx: BotContext, { deal, setting, reward, given }: RewardScreen) {
  const locale = await localeOf(ctx);
  const now = reward
    ? ctx.t("referral-now-on", {
        reward: escapeHtml(reward.title),
        value: formatMoney(reward.originalPriceMinor, reward.currency, locale),
      })
    : ctx.t("referral-now-off");
  const text = [
    ctx.t("referral-screen", { title: escapeHtml(deal.title) }),
    "",
    now,
    ctx.t("referral-cap", { cap: setting.cap, period: setting.capPeriod, given }),
  ].join("\n");
  const at = (a: "f" | "s" | "x" | "c" | "m", v = 0) => rewardAction.pack({ a, id: deal.id, v });
  const other = reward !== null && reward.id !== deal.id;
  const keyboard = new InlineKeyboard()
    .text(checked(reward === null, ctx.t("referral-off")), at("f"))
    .text(checked(reward?.id === deal.id, ctx.t("referral-same")), at("s"))
    .text(checked(other, ctx.t("referral-other")), at("x"))
    .row();
  for (const cap of REWARD_CAPS) keyboard.text(checked(setting.cap === cap, String(cap)), at("c", cap));
  keyboard.row();
  CAP_PERIODS.forEach((period, i) => keyboard.text(checked(setting.capPeriod === period, ctx.t(`referral-period-${period}`)), at("m", i)));
  keyboard.row().text(ctx.t("console-back"), dealAction.pack({ a: "o", id: deal.id }));
  return { text, keyboard };
}

/** The shop's other offers that can be the reward, one button each. */
export function rewardChoicesView(ctx: BotContext, deal: Deal, offers: Deal[]) {
  const keyboard = new InlineKeyboard();
  for (const offer of offers.slice(0, CHOICES_SHOWN)) {
    keyboard.text(offer.title, rewardAction.pack({ a: "p", id: deal.id, v: offer.id })).row();
  }
  keyboard.text(ctx.t("console-back"), rewardAction.pack({ a: "o", id: deal.id, v: 0 }));
  const text = offers.length === 0 ? ctx.t("referral-pick-none") : ctx.t("referral-pick", { title: escapeHtml(deal.title) });
  return { text, keyboard };
}
