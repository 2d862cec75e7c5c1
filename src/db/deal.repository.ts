import { DealStatus } from "../domain/lifecycles.js";
import { readerOf, type Db } from "./client.js";
import { Prisma, type Deal, type Shop } from "../generated/prisma/client.js";
import type { Box, CellPrecision, Ellipse } from "../domain/geo.js";
import { statusSql } from "./status-sql.js";

export type { Deal };
export type DealWithShop = Deal & { shop: Shop };

/**
 * A new offer has sold nothing, unless it is imported with its history (demo
 * data); refund policy and group minimum have defaults.
 */
export type NewDeal = Omit<
  Deal,
  "id" | "soldCount" | "createdAt" | "updatedAt" | "refundPolicy" | "minBuyers" | "groupReachedAt"
> &
  Partial<Pick<Deal, "soldCount" | "refundPolicy" | "minBuyers">>;

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

/** Where to look (a geo.ts Cover fits). */
export interface CellCover {
  precision: CellPrecision;
  cells: string[];
  /** When given, rows outside every box are left out as well. */
  boxes?: Box[];
  /** When given, rows outside it are left out as well. */
  ellipse?: Ellipse;
}

const CELL_COLUMN: Record<CellPrecision, Prisma.Sql> = {
  4: Prisma.raw(`"cell4"`),
  5: Prisma.raw(`"cell5"`),
  6: Prisma.raw(`"cell6"`),
};

/**
 * Runs a read on the client's reader (see Reader): rows as arrays, dates as
 * ISO text. PostgreSQL would run `query.statement` ($1 placeholders) through
 * `$queryRawUnsafe` instead.
 */
async function read(db: Db, query: Prisma.Sql): Promise<unknown[][]> {
  return (await readerOf(db)).rows(query.sql, query.values);
}

/**
 * The cells as one JSON parameter, so a statement's text does not depend on
 * how many cells there are and stays prepared (PostgreSQL: `= ANY($1)`).
 * SQLite still seeks the index once per cell.
 */
const cellList = (cells: string[]) => Prisma.sql`(SELECT "value" FROM json_each(${JSON.stringify(cells)}))`;

/** Plain arithmetic on the indexed lat and lng, so it too is checked inside the index. */
function insideEllipse({ lat, lng, latScale, lngScale, radiusM }: Ellipse): Prisma.Sql {
  const y = Prisma.sql`(("lat" - ${lat}) * ${latScale})`;
  const x = Prisma.sql`(("lng" - ${lng}) * ${lngScale})`;
  return Prisma.sql`AND ${x} * ${x} + ${y} * ${y} <= ${radiusM * radiusM}`;
}

export function createDealRepository(db: Db) {
  return {
    /** Offers whose sale time is over leave the ACTIVE state; returns how many. */
    async endExpired(now: Date): Promise<number> {
      const { count } = await db.deal.updateMany({ where: { status: DealStatus.ACTIVE, endsAt: { lte: now } }, data: { status: DealStatus.ENDED } });
      return count;
    },
    create(deal: NewDeal): Promise<Deal> {
      return db.deal.create({ data: deal });
    },
    findWithShop(id: number): Promise<DealWithShop | null> {
      return db.deal.findUnique({ where: { id }, include: { shop: true } });
    },
    /**
     * Deals on sale now inside the given geohash cells. The (status, cell,
     * category, lat, lng) index turns this into one seek per cell and drops
     * rows outside the boxes before any row is read; time and stock are
     * checked on the rows left. Plain SQL that PostgreSQL runs as it is; here
     * on the reader, since this is the hottest read of all.
     */
    async findOnSaleInCells({ precision, cells, boxes, ellipse }: CellCover, { category, now }: { category?: string; now: Date }): Promise<ListedDeal[]> {
      if (cells.length === 0) return [];
      const inBoxes = boxes?.length
        ? Prisma.sql`AND (${Prisma.join(
            boxes.map(
              ([minLat, minLng, maxLat, maxLng]) =>
                Prisma.sql`("lat" BETWEEN ${minLat} AND ${maxLat} AND "lng" BETWEEN ${minLng} AND ${maxLng})`,
            ),
            " OR ",
          )})`
        : Prisma.empty;
      const rows = await read(db, Prisma.sql`
        SELECT "id", "title", "currency", "priceMinor", "originalPriceMinor", "soldCount", "startsAt", "lat", "lng"
        FROM "Deal"
        WHERE "status" = ${statusSql(DealStatus.ACTIVE)}
          AND ${CELL_COLUMN[precision]} IN ${cellList(cells)}
          ${category ? Prisma.sql`AND "category" = ${category}` : Prisma.empty}
          AND "stockLeft" > 0 AND "startsAt" <= ${now} AND "endsAt" > ${now}
          ${inBoxes}
          ${ellipse ? insideEllipse(ellipse) : Prisma.empty}`);
      return rows.map(([id, title, currency, priceMinor, originalPriceMinor, soldCount, startsAt, lat, lng]) => ({
        id: id as number,
        title: title as string,
        currency: currency as string,
        priceMinor: priceMinor as number,
        originalPriceMinor: originalPriceMinor as number,
        soldCount: soldCount as number,
        startsAt: new Date(startsAt as string),
        lat: lat as number,
        lng: lng as number,
      }));
    },
    /** ACTIVE deals per cell (of any precision), in one category or all; cells without any are left out. */
    async countActiveInCells(cells: string[], category?: string): Promise<Map<string, number>> {
      if (cells.length === 0) return new Map();
      const rows = await read(db, Prisma.sql`
        SELECT "cell", SUM("active")
        FROM "DealCellCount"
        WHERE "cell" IN ${cellList(cells)}
          ${category ? Prisma.sql`AND "category" = ${category}` : Prisma.empty}
        GROUP BY "cell"`);
      return new Map(rows.map(([cell, active]) => [cell as string, active as number]));
    },
  };
}

export type DealRepository = ReturnType<typeof createDealRepository>;
