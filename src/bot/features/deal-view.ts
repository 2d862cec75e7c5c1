// The deal card: what a customer sees before buying, and what a merchant
// previews before publishing. One renderer for both, so the preview is honest.
import { InlineKeyboard } from "grammy";
import type { DealCard } from "../../core/deal.service.js";
import type { CardMarks } from "../../core/follow.service.js";
import { via, type Via } from "../attribution.js";
import { callbackCodec, id } from "../callback-data.js";
import type { BotContext } from "../context.js";
import { categoryName, distanceText, escapeHtml, localDate, priceText, speakerOf, type Speaker } from "../format.js";
import { CAPTION_MAX, fitTelegram } from "../../domain/telegram-text.js";
import { shownLength } from "../html.js";
import { CLOSE_DATA } from "../keyboards.js";
import { buyButton } from "./checkout/buy.js";
import { sendToFriend, shareLink } from "./checkout/voucher-view.js";
import { markButtons } from "./follow-buttons.js";
import { ratingText, shopPageButton } from "./review-view.js";

/** Opens a deal's card, crediting where the user found it. */
export const dealButton = callbackCodec("d", { id, ...via });
/** The shop's place on a map. */
export const mapButton = callbackCodec("map", { id });

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
  /** The shop's rating totals (visible reviews); absent in a preview. */
  rating?: { ratingSum: number; ratingCount: number };
}

export async function renderCard(ctx: BotContext, card: CardModel): Promise<string> {
  return cardText(await speakerOf(ctx), card);
}

/**
 * The card's lines saying where the deal is and what it costs: the shop, its
 * address with the distance (when known), the price. The group vote's winner
 * shows these same lines.
 */
export function cardLines(
  says: Speaker,
  card: Pick<CardModel, "shopName" | "category" | "address" | "distanceM" | "priceMinor" | "originalPriceMinor" | "currency">,
): { shop: string; address: string; price: string } {
  const { locale, t } = says;
  const { price, original } = priceText(says, locale, card, "card-price-original");
  const distance = card.distanceM === undefined ? "" : ` · ${distanceText(says, card.distanceM)}`;
  return {
    shop: t("card-shop", { shop: escapeHtml(card.shopName), category: categoryName(says, card.category) }),
    address: t("card-address", { address: escapeHtml(card.address), distance }),
    price: t("card-price", { price, original }),
  };
}

/** The card in a given language: also what a friend gets from a share the Mini App prepared, outside any update. */
export function cardText(says: Speaker, card: CardModel): string {
  const { locale, t } = says;
  const { shop, address, price } = cardLines(says, card);
  const head = `<b>${escapeHtml(card.title)}</b>`;
  const tail = [
    shop,
    card.rating ? ratingText(t, card.rating) : "",
    address,
    card.openingHours ? t("card-hours", { hours: escapeHtml(card.openingHours) }) : "",
    price,
    t("card-stock", { left: card.stockLeft, ends: localDate(card.endsAt, card, locale) }),
    t("card-limit", { limit: card.perPersonLimit, days: card.voucherValidDays }),
    t(`card-refund-${policyKey(card.refundPolicy)}`),
    card.minBuyers > 1 ? t("card-group", { needed: card.minBuyers, sofar: card.buyersSoFar ?? 0 }) : "",
    card.finePrint ? `<i>${escapeHtml(card.finePrint)}</i>` : "",
    card.onSale ? "" : t("card-not-on-sale"),
  ]
    .filter(Boolean)
    .join("\n");
  // Only the description is free-length: shorten it so the card fits a caption.
  const room = CAPTION_MAX - shownLength(head) - shownLength(tail) - 4;
  const description = card.description ? escapeHtml(fitTelegram(card.description, Math.max(0, room))) : "";
  return [head, description, "", tail].filter((part, i) => i !== 1 || part).join("\n");
}

/** Whether an HTML card fits a photo caption (Telegram counts after parsing the tags). */
function fitsCaption(html: string): boolean {
  return shownLength(html) <= CAPTION_MAX;
}

/** A customer's card: the deal as it stands for them, and Buy, Map, Follow, Save, Reviews (once the shop has any), Invite (group deals), Open in app (when served) and Close. */
export async function customerCardView(ctx: BotContext, { deal, onSale, distanceM, buyersSoFar }: DealCard, found: Via, marks: CardMarks, appLink?: string) {
  const text = await renderCard(ctx, {
    ...deal,
    shopName: deal.shop.name,
    address: deal.shop.address,
    openingHours: deal.shop.openingHours,
    onSale,
    distanceM,
    buyersSoFar,
    rating: deal.shop,
  });
  const keyboard = new InlineKeyboard()
    .text(ctx.t("card-buy"), buyButton.pack({ id: deal.id, ...found }))
    .text(ctx.t("card-map"), mapButton.pack({ id: deal.id }))
    .row();
  const { follow, save } = markButtons(ctx, deal, marks);
  keyboard.add(follow, save).row();
  if (deal.shop.ratingCount > 0) {
    keyboard.text(ctx.t("card-reviews", { count: deal.shop.ratingCount }), shopPageButton.pack({ id: deal.shopId, o: "n", p: 0 })).row();
  }
  if (deal.minBuyers > 1) keyboard.url(ctx.t("group-invite"), shareLink(ctx.me.username, deal)).row();
  if (onSale) keyboard.add(sendToFriend(ctx.t.bind(ctx), deal.id)).row();
  if (appLink) keyboard.webApp(ctx.t("open-in-app"), appLink).row();
  keyboard.text(ctx.t("close"), CLOSE_DATA);
  return { text, keyboard, photoFileId: deal.photoFileId };
}

/** A card with its photo: in the caption when it fits, else the photo alone and then the card. */
export async function sendCard(ctx: BotContext, text: string, reply_markup: InlineKeyboard, photoFileId: string | null | undefined) {
  if (photoFileId && fitsCaption(text)) {
    return ctx.replyWithPhoto(photoFileId, { caption: text, parse_mode: "HTML", reply_markup });
  }
  if (photoFileId) await ctx.replyWithPhoto(photoFileId);
  return ctx.reply(text, { parse_mode: "HTML", reply_markup });
}
