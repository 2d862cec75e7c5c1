// How numbers, places and times read on screen, in the user's language.
import { timeZoneOf } from "../domain/local-time.js";
import { discountPercent, formatMoney } from "../domain/money.js";
import type { BotContext } from "./context.js";
import { escapeHtml } from "./html.js";
import type { Translate } from "./i18n.js";

/** What formatting needs: translations, a context's or (outside any update) the recipient's. */
type Translator = { t: Translate };

/** A language and its translations: a reply's (from its context) or, outside any update, the reader's. */
export interface Speaker {
  locale: string;
  t: Translate;
}

export async function localeOf(ctx: BotContext): Promise<string> {
  return ctx.i18n.getLocale();
}

/** The context's language as a Speaker, for views that also render outside an update (the Mini App's shares). */
export async function speakerOf(ctx: BotContext): Promise<Speaker> {
  return { locale: await localeOf(ctx), t: ctx.t };
}

export function distanceText(ctx: Translator, meters: number): string {
  if (meters < 1000) return ctx.t("distance-m", { m: Math.round(meters / 10) * 10 });
  return ctx.t("distance-km", { km: (meters / 1000).toFixed(meters < 10_000 ? 1 : 0) });
}

/** A search radius, a round figure: "500 m", "3 km" ("3 公里"). */
export function radiusText(ctx: Translator, km: number): string {
  return km < 1 ? ctx.t("distance-m", { m: String(km * 1000) }) : ctx.t("distance-km", { km: String(km) });
}

/** A price as a buyer reads it: a free coupon says "free", not "$0". */
export function priceOf(ctx: Translator, minor: number, currency: string, locale: string): string {
  return minor === 0 ? ctx.t("price-free") : formatMoney(minor, currency, locale);
}

export function priceText(
  ctx: Translator,
  locale: string,
  deal: { priceMinor: number; originalPriceMinor: number; currency: string },
  strikeKey: "nearby-line-discount" | "card-price-original",
): { price: string; original: string } {
  const price = priceOf(ctx, deal.priceMinor, deal.currency, locale);
  const usual = formatMoney(deal.originalPriceMinor, deal.currency, locale);
  // "free instead of $6", never "(−100%)".
  if (deal.priceMinor === 0) return { price, original: ctx.t(`${strikeKey}-free`, { original: usual }) };
  const percent = discountPercent(deal.priceMinor, deal.originalPriceMinor);
  return { price, original: percent > 0 ? ctx.t(strikeKey, { original: usual, percent }) : "" };
}

/** A date as the shop's clock shows it: the time zone comes from the pin. */
export function localDate(date: Date, place: { lat: number; lng: number }, locale: string): string {
  return new Intl.DateTimeFormat(locale === "zh" ? "zh-CN" : "en-GB", {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: timeZoneOf(place),
  }).format(date);
}

export function categoryName(ctx: Translator, category: string | undefined): string {
  return ctx.t(`category-${category ?? "all"}`);
}

export { escapeHtml };
