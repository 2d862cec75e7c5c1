// How the nearby list is ordered. A deal's score is a weighted sum of five
// signals, each scaled to 0..1:
//
//   proximity   1 − distance / radius            (the edge of the circle scores 0)
//   discount    (original − price) / original     (half price scores 0.5)
//   popularity  ln(1 + sold) / ln(1 + 1000)       (1000 sold or more scores 1)
//   freshness   0.5 ^ (days since start / 7)      (halves every week)
//   rating      (bayesian − 1) / 4                (the shop's stars with a prior, see rating.ts)
//
//   score = 0.3825 proximity + 0.2125 discount + 0.1275 popularity + 0.1275 freshness + 0.15 rating
//
// The first four are the weights from before ratings (0.45, 0.25, 0.15, 0.15)
// times 0.85: deals of shops without reviews share one rating (the prior), so
// they keep exactly the order they had among themselves.
// Distance leads because an O2O deal is only worth it if the shop is near;
// discount next because it is what the user is shopping for; the rating says
// whether the visit is worth it, with a prior (10 reviews at 3.5 stars) so
// that two 5-star reviews do not outrank 300 at 4.8, and a shop without
// reviews sits at the prior. Ties go to the nearer deal, then to the older
// id, so the order is total and repeatable.
import { bayesianRating } from "./rating.js";

export const WEIGHTS = { proximity: 0.3825, discount: 0.2125, popularity: 0.1275, freshness: 0.1275, rating: 0.15 } as const;
const POPULARITY_SATURATION = 1000;
const FRESHNESS_HALF_LIFE_DAYS = 7;
const DAY_MS = 86_400_000;

export interface RankInput {
  id: number;
  distanceM: number;
  priceMinor: number;
  originalPriceMinor: number;
  soldCount: number;
  startsAt: Date;
  /** The shop's visible reviews: stars summed and counted (none: the prior alone). */
  ratingSum?: number;
  ratingCount?: number;
}

export function score(deal: RankInput, radiusM: number, now: Date): number {
  const proximity = Math.max(0, 1 - deal.distanceM / radiusM);
  const discount =
    deal.originalPriceMinor > 0 ? (deal.originalPriceMinor - deal.priceMinor) / deal.originalPriceMinor : 0;
  const popularity = Math.min(1, Math.log1p(deal.soldCount) / Math.log1p(POPULARITY_SATURATION));
  const ageDays = Math.max(0, (now.getTime() - deal.startsAt.getTime()) / DAY_MS);
  const freshness = 0.5 ** (ageDays / FRESHNESS_HALF_LIFE_DAYS);
  const rating = (bayesianRating({ ratingSum: deal.ratingSum ?? 0, ratingCount: deal.ratingCount ?? 0 }) - 1) / 4;
  return (
    WEIGHTS.proximity * proximity +
    WEIGHTS.discount * discount +
    WEIGHTS.popularity * popularity +
    WEIGHTS.freshness * freshness +
    WEIGHTS.rating * rating
  );
}

/** Orders deals best first; returns a new array. */
export function rank<T extends RankInput>(deals: T[], radiusM: number, now: Date): (T & { score: number })[] {
  return deals
    // Object.assign, not a spread: see insideByDistance in nearby.ts.
    .map((deal) => Object.assign({}, deal, { score: score(deal, radiusM, now) }))
    .sort((a, b) => b.score - a.score || a.distanceM - b.distanceM || a.id - b.id);
}
