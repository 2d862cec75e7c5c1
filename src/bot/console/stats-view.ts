// How the merchant's numbers read: one renderer for /stats and the daily
// summary, given a translation function so it works outside an update too.
import { formatMoney } from "../../domain/money.js";
import { CHANNELS, redemptionRate, returnOnDiscount, type Figures, type Period } from "../../domain/stats.js";

import type { Translate } from "../notifier.js";

export type { Translate };

export function renderFigures(
  t: Translate,
  locale: string,
  { name, period, figures: f, currency }: { name: string; period: Period; figures: Figures; currency: string },
): string {
  const money = (minor: number) => formatMoney(minor, f.currency ?? currency, locale);
  const rate = redemptionRate(f);
  const ratio = returnOnDiscount(f);
  const lines = [
    t("stats-header", { name, period: t(`stats-period-${period}`) }),
    "",
    t("stats-funnel", { impressions: f.impressions, views: f.views, pushes: f.pushes }),
    t("stats-orders", { invoices: f.invoices, purchases: f.purchases, units: f.unitsSold }),
    t("stats-revenue", { revenue: money(f.revenueMinor), refunds: f.refunds, refunded: money(f.refundedMinor) }),
    t("stats-redeemed", { redeemed: f.redeemed, rate: rate === null ? "—" : `${Math.round(rate * 100)}%` }),
    t("stats-customers", { new: f.newCustomers, returning: f.returningCustomers }),
    t("stats-ratio", { discount: money(f.discountMinor), revenue: money(f.revenueMinor), ratio: ratio === null ? "—" : ratio.toFixed(2) }),
  ];
  const sources = [...CHANNELS, "other" as const]
    .map((channel) => ({ channel, c: f.byChannel[channel] }))
    .filter(({ c }) => c.impressions + c.views + c.pushes + c.purchases > 0)
    .map(({ channel, c }) =>
      t("stats-source-line", {
        channel: t(`stats-channel-${channel}`),
        impressions: c.impressions,
        views: c.views,
        pushes: c.pushes,
        purchases: c.purchases,
        revenue: money(c.revenueMinor),
      }),
    );
  if (sources.length) lines.push("", t("stats-sources"), ...sources);
  return lines.join("\n");
}
