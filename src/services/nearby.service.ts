import type { DealRepository, ListedDeal } from "../db/deal.repository.js";
import { assertValidPoint, coveringCells, type Point } from "../domain/geo.js";
import { NEAREST_LIMIT, rankWithinRadius, withinRadius } from "../domain/nearby.js";
import type { Clock } from "./clock.js";

export interface NearbyQuery {
  point: Point;
  radiusM: number;
  category?: string;
}

export type NearbyDeal = ListedDeal & { distanceM: number; score: number };

/** The first circle searched; it grows until it holds enough deals or reaches the radius. */
const FIRST_SEARCH_M = 300;

export function createNearbyService({ deals, clock }: { deals: DealRepository; clock: Clock }) {
  return {
    /**
     * The NEAREST_LIMIT nearest deals on sale within the radius, best first.
     * The search starts with a small circle and widens it until the circle
     * holds that many deals (then no deal outside it can be among the nearest)
     * or covers the whole radius, so a dense centre reads a few hundred rows.
     */
    async search({ point, radiusM, category }: NearbyQuery): Promise<NearbyDeal[]> {
      assertValidPoint(point);
      const now = clock();
      let searchedM = Math.min(radiusM, FIRST_SEARCH_M);
      for (;;) {
        const cover = coveringCells(point, searchedM);
        const candidates = await deals.findOnSaleInCells({ ...cover, category, now });
        const found = withinRadius(candidates, point, searchedM).length;
        if (found >= NEAREST_LIMIT || searchedM >= radiusM) return rankWithinRadius(candidates, point, radiusM, now);
        // Deals grow with the area: aim straight for the circle that should
        // hold twice enough, since every round trip costs more than its rows.
        const growth = found === 0 ? 8 : Math.max(1.5, Math.sqrt((2 * NEAREST_LIMIT) / found));
        searchedM = Math.min(radiusM, searchedM * growth);
      }
    },
  };
}

export type NearbyService = ReturnType<typeof createNearbyService>;
