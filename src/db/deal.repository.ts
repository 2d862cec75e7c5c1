import type { Db } from "./client.js";
import type { Deal, Shop } from "../generated/prisma/client.js";
import type { CellPrecision } from "../domain/geo.js";

export type { Deal };
export type DealWithShop = Deal & { shop: Shop };

export type NewDeal = Omit<Deal, "id" | "soldCount" | "createdAt" | "updatedAt">;

/** The columns the nearby list needs: enough to rank and to print one line. */
const LISTED = {
  id: true,
  title: true,
  currency: true,
  priceMinor: true,
  originalPriceMinor: true,
  soldCount: true,
  startsAt: true,
  lat: true,
  lng: true,
} as const;

export interface ListedDeal {
  id: number;
  title: string;
  currency: string;
  priceMinor: number;
  originalPriceMinor: number;
  soldCount: number;
  startsAt: Date;
  lat: number;
  lng: number;
}

export interface CellQuery {
  precision: CellPrecision;
  cells: string[];
  category?: string;
  now: Date;
}

export function createDealRepository(db: Db) {
  return {
    create(deal: NewDeal): Promise<Deal> {
      return db.deal.create({ data: deal });
    },
    findWithShop(id: number): Promise<DealWithShop | null> {
      return db.deal.findUnique({ where: { id }, include: { shop: true } });
    },
    /**
     * Deals on sale now inside the given geohash cells. The (status, cell,
     * category) index turns this into one seek per cell; the time and stock
     * conditions are checked on the few rows found.
     */
    findOnSaleInCells({ precision, cells, category, now }: CellQuery): Promise<ListedDeal[]> {
      return db.deal.findMany({
        where: {
          status: "ACTIVE",
          [`cell${precision}`]: { in: cells },
          ...(category ? { category } : {}),
          stockLeft: { gt: 0 },
          startsAt: { lte: now },
          endsAt: { gt: now },
        },
        select: LISTED,
      });
    },
  };
}

export type DealRepository = ReturnType<typeof createDealRepository>;
