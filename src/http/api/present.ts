// How the API writes the core's data as JSON: money with its text in the
// user's language, dates in ISO UTC, a deal's photos as API paths.
import type { DealWithShop } from "../../domain/deal.js";
import { discountPercent, formatMoney } from "../../domain/money.js";
import type { Point } from "../../domain/geo.js";
import type { User } from "../../domain/user.js";
import { averageRating, type RatingTotals, type ShownReview } from "../../domain/review.js";
import { localDate, priceOf, type Speaker } from "../../bot/format.js";

export interface Money {
  minor: number;
  currency: string;
  text: string;
}

/** The user's language, and its translations. */
export type { Speaker };

export type SpeakerOf = (user: User) => Speaker;

export function money(minor: number, currency: string, { locale }: Speaker): Money {
  return { minor, currency, text: formatMoney(minor, currency, locale) };
}

/** A price as a buyer reads it: a free deal's text says "free". */
export function price(minor: number, currency: string, speaker: Speaker): Money {
  return { minor, currency, text: priceOf(speaker, minor, currency, speaker.locale) };
}

export function photoUrls(deal: Pick<DealWithShop, "id" | "photoFileId">): string[] {
  return deal.photoFileId ? [`/api/photos/${deal.id}/0`] : [];
}

/** A deal as lists show it. */
export function dealItem(deal: DealWithShop, distanceM: number | null, speaker: Speaker) {
  return {
    id: deal.id,
    title: deal.title,
    category: deal.category,
    price: price(deal.priceMinor, deal.currency, speaker),
    usualPrice: money(deal.originalPriceMinor, deal.currency, speaker),
    discountPercent: discountPercent(deal.priceMinor, deal.originalPriceMinor),
    distanceM: distanceM === null ? null : Math.round(distanceM),
    lat: deal.lat,
    lng: deal.lng,
    stockLeft: deal.stockLeft,
    endsAt: deal.endsAt.toISOString(),
    shop: { id: deal.shop.id, name: deal.shop.name, ...shopRating(deal.shop) },
    photoUrl: photoUrls(deal)[0] ?? null,
  };
}

/** A shop's rating as the app shows it: the plain average (null without reviews) and how many. */
export function shopRating(totals: RatingTotals) {
  return { rating: averageRating(totals), reviews: totals.ratingCount };
}

/** A review as the shop's page shows it; dates on the shop's clock. */
export function reviewItem(r: ShownReview, shop: { lat: number; lng: number }, { locale }: Speaker) {
  return {
    id: r.id,
    stars: r.stars,
    quality: r.quality,
    service: r.service,
    value: r.value,
    text: r.text,
    author: r.authorName,
    dealTitle: r.dealTitle,
    createdAt: r.createdAt.toISOString(),
    createdAtLocal: localDate(r.createdAt, shop, locale),
    helpful: r.helpful,
    reply: r.reply,
    photos: r.photos.map((_, n) => `/api/photos/review/${r.id}/${n}`),
  };
}

/** Walking directions on OpenStreetMap, from where the user was last seen when known. */
export function routeUrl(to: Point, from: Point | null): string {
  const start = from ? `${from.lat},${from.lng}` : "";
  return `https://www.openstreetmap.org/directions?engine=fossgis_osrm_foot&route=${encodeURIComponent(`${start};${to.lat},${to.lng}`)}`;
}

/** The sale's end as the shop's clock shows it. */
export function localEnd(deal: DealWithShop, { locale }: Speaker): string {
  return localDate(deal.endsAt, deal.shop, locale);
}
