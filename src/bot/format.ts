// How numbers, places and times read on screen, in the user's language.
import { timeZoneOf } from "../domain/local-time.js";
import { discountPercent, formatMoney } from "../domain/money.js";
import type { BotContext } from "./context.js";
import { escapeHtml } from "./html.js";

/** What formatting needs of a context: its translations. Pushes, sent outside any update, pass their own. */
export interface Translator {
  t(key: string, variables?: Record<string, string | number>): string;
}

export async function localeOf(ctx: BotContext): Promise<string> {
  return ctx.i18n.getLocale();
}

export function distanceText(ctx: Translator, meters: number): string {
  if (meters < 1000) return ctx.t("distance-m", { m: Math.round(meters / 10) * 10 });
  return ctx.t("distance-km", { km: (meters / 1000).toFixed(meters < 10_000 ? 1 : 0) });
}

export function priceText(
  ctx: Translator,
  locale: string,
  deal: { priceMinor: number; originalPriceMinor: number; currency: string },
  strikeKey: "nearby-line-discount" | "card-price-original",
): { price: string; original: string } {
  const price = formatMoney(deal.priceMinor, deal.currency, locale);
  const percent = discountPercent(deal.priceMinor, deal.originalPriceMinor);
  const original =
    percent > 0
      ? ctx.t(strikeKey, { original: formatMoney(deal.originalPriceMinor, deal.currency, locale), percent })
      : "";
  return { price, original };
}

/** A date as the shop's clock shows it: the time zone comes from the pin. */
export function localDate(date: Date, place: { lat: number; lng: number }, locale: string): string {
  return new Intl.DateTimeFormat(locale === "zh" ? "zh-CN" : "en-GB", {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: timeZoneOf(place),
  }).format(date);
}

export function categoryName(ctx: BotContext, category: string | undefined): string {
  return ctx.t(`category-${category ?? "all"}`);
}

export { escapeHtml };
