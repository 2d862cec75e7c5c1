// How the merchant's numbers read: one renderer for /stats and the daily
// summary, given a translation function so it works outside an update too.
import { formatMoney } from "../../domain/money.js";
import { CHANNELS, redemptionRate, returnOnDiscount, type Figures, type Period, type Sums } from "../../domain/stats.js";
import type { Translate } from "../i18n.js";

export function renderFigures(
  t: Translate,
  locale: string,
  { name, period, figures: f, currency }: { name: string; period: Period; figures: Figures; currency: string },
): string {
  // Each currency on its own ("CN¥233 + $10"), the shop's own first; nothing at all reads as zero in it.
  const currencies = (sums: Sums) =>
    Object.keys(sums).sort((a, b) => Number(b === currency) - Number(a === currency) || a.localeCompare(b));
  const money = (sums: Sums) => {
    const held = currencies(sums).filter((c) => sums[c] !== 0);
    if (held.length === 0) return formatMoney(0, currencies(sums)[0] ?? currency, locale);
    return held.map((c) => formatMoney(sums[c]!, c, locale)).join(" + ");
  };
  const ratios = currencies(f.discount).filter((c) => f.discount[c] !== 0);
  const ratio =
    ratios.length === 0
      ? "—"
      : ratios.length === 1
        ? returnOnDiscount(f, ratios[0]!)!.toFixed(2)
        : ratios.map((c) => `${returnOnDiscount(f, c)!.toFixed(2)} (${c})`).join(", ");
  const rate = redemptionRate(f);
  const lines = [
    t("stats-header", { name, period: t(`stats-period-${period}`) }),
    "",
    t("stats-funnel", { impressions: f.impressions, views: f.views, pushes: f.pushes }),
    t("stats-orders", { invoices: f.invoices, purchases: f.purchases, units: f.unitsSold }),
    t("stats-revenue", { revenue: money(f.revenue), refunds: f.refunds, refunded: money(f.refunded) }),
    t("stats-redeemed", { redeemed: f.redeemed, rate: rate === null ? "—" : `${Math.round(rate * 100)}%` }),
    t("stats-customers", { new: f.newCustomers, returning: f.returningCustomers }),
    ...(f.followers ? [t("stats-followers", { total: f.followers.total, new: f.followers.new })] : []),
    t("stats-ratio", { discount: money(f.discount), revenue: money(f.revenue), ratio }),
  ];
  if (f.rating && f.rating.count > 0) {
    const change = f.rating.change === null ? "" : t("stats-rating-change", { change: `${f.rating.change >= 0 ? "+" : "−"}${Math.abs(f.rating.change).toFixed(1)}` });
    lines.push(t("stats-rating", { rating: f.rating.average!.toFixed(1), count: f.rating.count, change }));
  }
  const sources = [...CHANNELS, "other" as const]
    .map((channel) => ({ channel, c: f.byChannel[channel] }))
    .filter(({ channel, c }) => c.impressions + c.views + c.pushes + c.purchases + (channel === "friends" ? f.shares + f.rewardsGiven : 0) > 0)
    .map(({ channel, c }) =>
      channel === "friends"
        ? [
            t("stats-source-friends", {
              channel: t("stats-channel-friends"),
              shares: f.shares,
              views: c.views,
              purchases: c.purchases,
              redeemed: f.friendsRedeemed,
              revenue: money(c.revenue),
            }),
            // What the shop funds for the friends its customers brought.
            ...(f.rewardsGiven > 0 ? [t("stats-source-rewards", { count: f.rewardsGiven, cost: money(f.rewardsCost) })] : []),
          ].join("\n")
        : t("stats-source-line", {
            channel: t(`stats-channel-${channel}`),
            impressions: c.impressions,
            views: c.views,
            pushes: c.pushes,
            purchases: c.purchases,
            revenue: money(c.revenue),
          }),
    );
  if (sources.length) lines.push("", t("stats-sources"), ...sources);
  return lines.join("\n");
}
