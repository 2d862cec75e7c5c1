// The deal card: what a customer sees before buying, and what a merchant
// previews before publishing. One renderer for both, so the preview is honest.
import type { BotContext } from "../context.js";
import { categoryName, distanceText, escapeHtml, localDate, localeOf, priceText } from "../format.js";
import { CAPTION_MAX, fitTelegram } from "../../domain/telegram-text.js";
import { shownLength } from "../html.js";

/** ON_EXPIRY → on-expiry, the suffix of its message keys. */
export const policyKey = (policy: string) => policy.toLowerCase().replace("_", "-");

export interface CardModel {
  title: string;
  description: string;
  finePrint: string;
  photoFileId: string | null;
  shopName: string;
  category: string;
  address: string;
  openingHours: string;
  lat: number;
  lng: number;
  currency: string;
  priceMinor: number;
  originalPriceMinor: number;
  stockLeft: number;
  perPersonLimit: number;
  voucherValidDays: number;
  endsAt: Date;
  onSale: boolean;
  distanceM?: number;
  refundPolicy: string;
  /** A group deal needs this many buyers (0 or 1: not a group deal). */
  minBuyers: number;
  /** Shown with a group deal's minimum; absent in a preview. */
  buyersSoFar?: number;
}

export async function renderCard(ctx: BotContext, card: CardModel): Promise<string> {
  const locale = await localeOf(ctx);
  const { price, original } = priceText(ctx, locale, card, "card-price-original");
  const distance = card.distanceM === undefined ? "" : ` · ${distanceText(ctx, card.distanceM)}`;
  const head = `<b>${escapeHtml(card.title)}</b>`;
  const tail = [
    ctx.t("card-shop", { shop: escapeHtml(card.shopName), category: categoryName(ctx, card.category) }),
    ctx.t("card-address", { address: escapeHtml(card.address), distance }),
    card.openingHours ? ctx.t("card-hours", { hours: escapeHtml(card.openingHours) }) : "",
    ctx.t("card-price", { price, original }),
    ctx.t("card-stock", { left: card.stockLeft, ends: localDate(card.endsAt, card, locale) }),
    ctx.t("card-limit", { limit: card.perPersonLimit, days: card.voucherValidDays }),
    ctx.t(`card-refund-${policyKey(card.refundPolicy)}`),
    card.minBuyers > 1 ? ctx.t("card-group", { needed: card.minBuyers, sofar: card.buyersSoFar ?? 0 }) : "",
    card.finePrint ? `<i>${escapeHtml(card.finePrint)}</i>` : "",
    card.onSale ? "" : ctx.t("card-not-on-sale"),
  ]
    .filter(Boolean)
    .join("\n");
  // Only the description is free-length: shorten it so the card fits a caption.
  const room = CAPTION_MAX - shownLength(head) - shownLength(tail) - 4;
  const description = card.description ? escapeHtml(fitTelegram(card.description, Math.max(0, room))) : "";
  return [head, description, "", tail].filter((part, i) => i !== 1 || part).join("\n");
}

/** Whether an HTML card fits a photo caption (Telegram counts after parsing the tags). */
export function fitsCaption(html: string): boolean {
  return shownLength(html) <= CAPTION_MAX;
}
