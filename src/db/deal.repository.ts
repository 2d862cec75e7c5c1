import type { Db } from "./client.js";
import { Prisma, type Deal, type Shop } from "../generated/prisma/client.js";
import type { Box, CellPrecision } from "../domain/geo.js";

export type { Deal };
export type DealWithShop = Deal & { shop: Shop };

/** A new offer has sold nothing, unless it is imported with its history (demo data). */
export type NewDeal = Omit<Deal, "id" | "soldCount" | "createdAt" | "updatedAt"> & { soldCount?: number };

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
  /** When given, rows outside every box are left out as well. */
  boxes?: Box[];
  category?: string;
  now: Date;
}

const CELL_COLUMN: Record<CellPrecision, Prisma.Sql> = {
  4: Prisma.raw(`"cell4"`),
  5: Prisma.raw(`"cell5"`),
  6: Prisma.raw(`"cell6"`),
};

/** How Prisma's SQLite adapter writes a DateTime; ISO text compares in time order. */
function sqliteDateTime(date: Date): string {
  return date.toISOString().replace("Z", "+00:00");
}

type PackedRow = [
  id: number,
  lat: string,
  lng: string,
  priceMinor: number,
  originalPriceMinor: number,
  soldCount: number,
  startsAtMs: number,
  title: string,
  currency: string,
];

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
     * category) index turns this into one seek per cell; the time, stock and
     * box conditions are checked on the rows found.
     *
     * A dense city centre yields thousands of rows, and a row costs far more
     * to hand over one by one than to find, so SQLite packs them into one JSON
     * text. REALs go through printf('%!.17g'), which round-trips a double
     * exactly (json() alone keeps 15 digits and would move the points), and
     * times come as epoch milliseconds, which are much cheaper to turn into
     * Dates than ISO text.
     */
    async findOnSaleInCells({ precision, cells, boxes, category, now }: CellQuery): Promise<ListedDeal[]> {
      if (cells.length === 0) return [];
      const at = sqliteDateTime(now);
      const inBoxes =
        boxes && boxes.length > 0
          ? Prisma.sql`AND (${Prisma.join(
              boxes.map(
                ([minLat, minLng, maxLat, maxLng]) =>
                  Prisma.sql`("lat" BETWEEN ${minLat} AND ${maxLat} AND "lng" BETWEEN ${minLng} AND ${maxLng})`,
              ),
              " OR ",
            )})`
          : Prisma.empty;
      const [result] = await db.$queryRaw<{ rows: string }[]>`
        SELECT json_group_array(json_array(
          "id", printf('%!.17g', "lat"), printf('%!.17g', "lng"), "priceMinor", "originalPriceMinor",
          "soldCount", CAST(ROUND(unixepoch("startsAt", 'subsec') * 1000) AS INTEGER), "title", "currency")) AS "rows"
        FROM "Deal"
        WHERE "status" = 'ACTIVE'
          AND ${CELL_COLUMN[precision]} IN (${Prisma.join(cells)})
          ${category ? Prisma.sql`AND "category" = ${category}` : Prisma.empty}
          AND "stockLeft" > 0 AND "startsAt" <= ${at} AND "endsAt" > ${at}
          ${inBoxes}`;
      const packed = JSON.parse(result?.rows ?? "[]") as PackedRow[];
      return packed.map(([id, lat, lng, priceMinor, originalPriceMinor, soldCount, startsAtMs, title, currency]) => ({
        id,
        title,
        currency,
        priceMinor,
        originalPriceMinor,
        soldCount,
        startsAt: new Date(startsAtMs),
        lat: Number(lat),
        lng: Number(lng),
      }));
    },
  };
}

export type DealRepository = ReturnType<typeof createDealRepository>;
