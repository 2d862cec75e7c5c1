import type { DealRepository } from "./ports/deal.port.js";
import type { ListedDeal } from "../domain/deal.js";
import { assertValidPoint, circleAtTheEdges, coveringCells, type Point } from "../domain/geo.js";
import { NEAREST_LIMIT, nearestWithin } from "../domain/nearby.js";
import { rank } from "../domain/ranking.js";
import { pickCircle, planSearch } from "../domain/search-plan.js";
import type { Clock } from "../util/clock.js";

export interface NearbyQuery {
  point: Point;
  radiusM: number;
  category?: string;
}

export type NearbyDeal = ListedDeal & { distanceM: number; score: number };

/**
 * The counts are of ACTIVE deals, some of which are not on sale (not started,
 * ended, sold out), and deals are not spread evenly over a cell: aim for a
 * circle expected to hold this many times what the list needs.
 */
const COUNT_MARGIN = 2;

export function createNearbyService({
  deals,
  clock,
  releaseLapsed,
}: {
  deals: DealRepository;
  clock: Clock;
  /** Gives lapsed holds' units back (how many), so a deal they sold out is listed again. */
  releaseLapsed?: (now: Date) => Promise<number>;
}) {
  return {
    /**
     * The NEAREST_LIMIT nearest deals on sale within the radius, best first.
     * The counts per cell pick the smallest circle that should hold that many
     * deals; if it holds them, no deal outside it can be among the nearest,
     * otherwise the circle widens (rare) until it does or covers the radius.
     */
    async search({ point, radiusM, category }: NearbyQuery): Promise<NearbyDeal[]> {
      assertValidPoint(point);
      const now = clock();
      const { findNearestOnSale } = deals;
      // Across the antimeridian and near the poles the cells decide, as they
      // did before (see dialect.ts insideCover).
      if (findNearestOnSale && !circleAtTheEdges(point, radiusM)) {
        // One query, beside the release's probe; read again in the rare case
        // the release gave units back (a deal they had sold out is listed again).
        const nearest = () => findNearestOnSale(point, radiusM, NEAREST_LIMIT, { category, now });
        const [candidates, released] = await Promise.all([nearest(), releaseLapsed?.(now)]);
        return rank(nearestWithin(released ? await nearest() : candidates, point, radiusM), radiusM, now);
      }
      const plan = planSearch(point, radiusM);
      // The counts are of ACTIVE deals whatever their stock, so they need not
      // wait for the release: on PostgreSQL the two go at once, one round trip.
      const [counts] = await Promise.all([deals.countActiveInCells(plan.cells, category), releaseLapsed?.(now)]);
      let { radiusM: searchedM, cover } = pickCircle(point, plan, counts, NEAREST_LIMIT * COUNT_MARGIN);
      for (;;) {
        const candidates = await deals.findOnSaleInCells(cover, { category, now });
        // Every deal within searchedM is among the candidates, so the nearest
        // ones are final once NEAREST_LIMIT of them lie that close.
        const inside = nearestWithin(candidates, point, radiusM);
        const nth = inside[NEAREST_LIMIT - 1];
        if (searchedM >= radiusM || (nth && nth.distanceM <= searchedM)) {
          // The rating is read for the listed deals' shops only, from the shop rows.
          const ratings = await deals.shopRatings([...new Set(inside.map((d) => d.shopId))]);
          for (const deal of inside) {
            const rating = ratings.get(deal.shopId);
            deal.ratingSum = rating?.ratingSum ?? 0;
            deal.ratingCount = rating?.ratingCount ?? 0;
          }
          return rank(inside, radiusM, now);
        }
        const found = inside.filter((d) => d.distanceM <= searchedM).length;
        const growth = found === 0 ? 4 : Math.max(1.5, Math.sqrt((2 * NEAREST_LIMIT) / found));
        searchedM = Math.min(radiusM, searchedM * growth);
        cover = coveringCells(point, searchedM);
      }
    },
  };
}

export type NearbyService = ReturnType<typeof createNearbyService>;
