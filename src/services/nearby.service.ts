import type { DealRepository, ListedDeal } from "../db/deal.repository.js";
import { assertValidPoint, coveringCells, type Point } from "../domain/geo.js";
import { rankWithinRadius } from "../domain/nearby.js";
import type { Clock } from "./clock.js";

export interface NearbyQuery {
  point: Point;
  radiusM: number;
  category?: string;
}

export type NearbyDeal = ListedDeal & { distanceM: number; score: number };

export function createNearbyService({ deals, clock }: { deals: DealRepository; clock: Clock }) {
  return {
    /** Every deal on sale within the radius, best first. */
    async search({ point, radiusM, category }: NearbyQuery): Promise<NearbyDeal[]> {
      assertValidPoint(point);
      const now = clock();
      const { precision, cells, boxes } = coveringCells(point, radiusM);
      const candidates = await deals.findOnSaleInCells({ precision, cells, boxes, category, now });
      return rankWithinRadius(candidates, point, radiusM, now);
    },
  };
}

export type NearbyService = ReturnType<typeof createNearbyService>;
