// A shop's rating: the plain average people read, and the Bayesian average
// the ranking uses. Pure arithmetic with no imports, so the Mini App's bundle
// (which ranks nothing, but shares the nearby module's constants) stays small.

/**
 * The Bayesian average: a shop's stars as if PRIOR_REVIEWS reviews at
 * PRIOR_STARS came before its own. Two 5★ reviews read 3.75; 300 at 4.8
 * read 4.76: a few enthusiastic friends do not outrank a long record.
 */
export const PRIOR_STARS = 3.5;
export const PRIOR_REVIEWS = 10;

export interface RatingTotals {
  ratingSum: number;
  ratingCount: number;
}

export function bayesianRating({ ratingSum, ratingCount }: RatingTotals): number {
  return (PRIOR_STARS * PRIOR_REVIEWS + ratingSum) / (PRIOR_REVIEWS + ratingCount);
}

/** The plain average shown to people (4.7), or null without reviews. */
export function averageRating({ ratingSum, ratingCount }: RatingTotals): number | null {
  return ratingCount > 0 ? Math.round((ratingSum / ratingCount) * 10) / 10 : null;
}

/** The plain average of some stars, one decimal; null for none. */
export function averageOf(stars: number[]): number | null {
  return stars.length ? Math.round((stars.reduce((a, b) => a + b, 0) / stars.length) * 10) / 10 : null;
}
