// Reviews on screen: stars, one review as a block of text, the shop's page of
// reviews with its buttons, and the rating shown beside a shop's name.
import { InlineKeyboard } from "grammy";
import { z } from "zod";
import { averageRating, STARS, SUB_SCORES, type RatingTotals, type ReviewOrder, type ShownReview } from "../../domain/review.js";
import { fitTelegram } from "../../domain/telegram-text.js";
import type { ShopPage } from "../../core/review.service.js";
import { callbackCodec, id } from "../callback-data.js";
import type { BotContext } from "../context.js";
import { escapeHtml, localDate } from "../format.js";
import type { Translate } from "../i18n.js";
import { CLOSE_DATA } from "../keyboards.js";
import { addPagerRow } from "../pager.js";

/** Stars pressed for a voucher (under the prompt, or from /mycodes). */
export const starsButton = callbackCodec("rs", { id, n: id });
/** "Review" on a redeemed voucher in /mycodes: shows the star buttons. */
export const writeButton = callbackCodec("rw", { id });
/** Opens a shop's page of reviews below (from a card or a notice), newest (n) or most helpful (h) first. */
export const shopPageButton = callbackCodec("sp", { id, o: z.enum(["n", "h"]), p: id });
/** On the page itself (the pages, the order): turns it in place. */
export const shopPageTurnButton = callbackCodec("spt", { id, o: z.enum(["n", "h"]), p: id });
export const helpfulButton = callbackCodec("rh", { id });
export const photosButton = callbackCodec("rp", { id });
/** The owner's reply (from the new-review notice or the shop page). */
export const replyButton = callbackCodec("rr", { id });
/** An operator hides a review (a reason is asked). */
export const hideButton = callbackCodec("rx", { id });

export const orderCode = (order: ReviewOrder) => (order === "helpful" ? "h" : "n");
export const orderOf = (code: "n" | "h"): ReviewOrder => (code === "h" ? "helpful" : "newest");

/** ★★★★☆ */
export function starText(stars: number): string {
  return "★".repeat(stars) + "☆".repeat(5 - stars);
}

/** "⭐ 4.7 (12)", or "" for a shop without reviews. */
export function ratingText(t: Translate, totals: RatingTotals): string {
  const average = averageRating(totals);
  return average === null ? "" : t("rating-short", { rating: average.toFixed(1), count: totals.ratingCount });
}

/** A list line's rating: " · ⭐ 4.7 (12)", or "" for a shop without reviews. */
export function lineRating(t: Translate, deal: Partial<RatingTotals>): string {
  return deal.ratingCount ? ` · ${ratingText(t, { ratingSum: deal.ratingSum ?? 0, ratingCount: deal.ratingCount })}` : "";
}

/** Five buttons, 1★ to 5★, for one voucher. */
export function starKeyboard(voucherId: number): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  for (const n of STARS) keyboard.text(`${n}★`, starsButton.pack({ id: voucherId, n }));
  return keyboard;
}

/** One review as readers see it: stars, sub-scores, who and when, the text, photos, the owner's reply. */
/**
 * On a page of five, a review's text and reply are cut to these lengths
 * (with "…"): five at their full 500 and 300 would pass Telegram's 4,096.
 */
const PAGE_TEXT_MAX = 280;
const PAGE_REPLY_MAX = 160;

export function reviewBlock(
  t: Translate,
  locale: string,
  review: ShownReview,
  place: { lat: number; lng: number },
  n?: number,
  excerpt = false,
): string {
  const text = excerpt ? fitTelegram(review.text, PAGE_TEXT_MAX) : review.text;
  const reply = review.reply && excerpt ? fitTelegram(review.reply, PAGE_REPLY_MAX) : review.reply;
  const subs = SUB_SCORES.filter((k) => review[k] !== null)
    .map((k) => t(`review-sub-${k}`, { n: review[k]! }))
    .join(" · ");
  const lines = [
    `${n === undefined ? "" : `${n}. `}${starText(review.stars)} · ${escapeHtml(review.authorName)} · ${localDate(review.createdAt, place, locale)}`,
    t("review-on-deal", { title: escapeHtml(review.dealTitle) }),
    subs,
    text ? `“${escapeHtml(text)}”` : "",
    review.photos.length ? t("review-photo-count", { count: review.photos.length }) : "",
    review.helpful > 0 ? t("review-helpful-count", { count: review.helpful }) : "",
    reply ? t("review-reply-line", { reply: escapeHtml(reply) }) : "",
  ];
  return lines.filter(Boolean).join("\n");
}

export interface Viewer {
  /** The viewer owns the shop: Reply buttons on reviews without a reply. */
  owner: boolean;
  /** The viewer is an operator: Hide buttons. */
  operator: boolean;
}

/** The shop's page: its rating, then its reviews, with votes, photos, the order, the pages, and Reply or Hide for who may. */
export async function shopPageView(ctx: BotContext, locale: string, page: ShopPage, viewer: Viewer) {
  const t = ctx.t.bind(ctx) as Translate;
  const { shop } = page;
  const head = `🏪 <b>${escapeHtml(shop.name)}</b>\n📍 ${escapeHtml(shop.address)}`;
  const rating =
    page.total === 0
      ? t("shop-page-no-reviews")
      : t("shop-page-rating", { rating: (page.rating ?? 0).toFixed(1), count: page.total, order: t(`shop-page-order-${page.order}`) });
  const blocks = page.reviews.map((r, i) => reviewBlock(t, locale, r, shop, i + 1, true));
  const keyboard = new InlineKeyboard();
  page.reviews.forEach((r, i) => {
    const n = i + 1;
    keyboard.text(t("review-helpful-button", { n }), helpfulButton.pack({ id: r.id }));
    if (r.photos.length) keyboard.text(t("review-photos-button", { n }), photosButton.pack({ id: r.id }));
    if (viewer.owner && r.reply === null) keyboard.text(t("review-reply-button", { n }), replyButton.pack({ id: r.id }));
    if (viewer.operator) keyboard.text(t("review-hide-button", { n }), hideButton.pack({ id: r.id }));
    keyboard.row();
  });
  const o = orderCode(page.order);
  addPagerRow(keyboard, page, (p) => shopPageTurnButton.pack({ id: shop.id, o, p }));
  if (page.total > 1) {
    const other: ReviewOrder = page.order === "newest" ? "helpful" : "newest";
    keyboard.row().text(t(`shop-page-sort-${other}`), shopPageTurnButton.pack({ id: shop.id, o: orderCode(other), p: 0 }));
  }
  keyboard.row().text(t("close"), CLOSE_DATA);
  return { text: [head, rating, ...blocks].join("\n\n"), keyboard };
}
