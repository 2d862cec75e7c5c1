// Offers, for buyers and for their merchant. Each change an owner makes is one
// conditional UPDATE, so a purchase happening at the same moment can never be
// oversold or lost.
import type { CellCover, DealRepository } from "../core/ports/deal.port.js";
import type { Deal, DealSales, DealWithShop, ListedDeal } from "../domain/deal.js";
import type { CellPrecision } from "../domain/geo.js";
import { DealStatus, PAID_ONCE } from "../domain/lifecycles.js";
import { REWARD_SOURCE } from "../domain/referral.js";
import { dialectOf, readerOf, type Db } from "./client.js";
import { Prisma } from "../generated/prisma/client.js";
import { onSaleSql } from "./on-sale-sql.js";
import { DEAL_COLUMNS, SHOP_COLUMNS, dealWithShopOf, toDeal } from "./rows.js";

/** A deal's columns then its shop's, for dealWithShopOf. */
const DEAL_WITH_SHOP = Prisma.raw([...DEAL_COLUMNS.map((c) => `d."${c}"`), ...SHOP_COLUMNS.map((c) => `s."${c}"`)].join(", "));

const CELL_COLUMN: Record<CellPrecision, Prisma.Sql> = {
  4: Prisma.raw(`"cell4"`),
  5: Prisma.raw(`"cell5"`),
  6: Prisma.raw(`"cell6"`),
};

/** A ListedDeal's columns, as listedDealOf reads them. */
const LISTED_COLUMNS = Prisma.raw(`"id", "shopId", "title", "currency", "priceMinor", "originalPriceMinor", "soldCount", "startsAt", "lat", "lng"`);

function listedDealOf([id, shopId, title, currency, priceMinor, originalPriceMinor, soldCount, startsAt, lat, lng]: unknown[]): ListedDeal {
  return {
    id: id as number,
    shopId: shopId as number,
    title: title as string,
    currency: currency as string,
    priceMinor: priceMinor as number,
    originalPriceMinor: originalPriceMinor as number,
    soldCount: soldCount as number,
    // PostgreSQL's reader gives Dates already; SQLite's rows hold text.
    startsAt: startsAt instanceof Date ? startsAt : new Date(startsAt as string),
    lat: lat as number,
    lng: lng as number,
  };
}

/**
 * The nearest-first read's row: the listed columns, the distance, then the
 * shop's rating totals. Set on the new deal, not copied into another: the
 * search reads 120 rows at a time, and each copy is garbage to collect.
 */
function ratedDealOf(row: unknown[]): ListedDeal {
  const deal = listedDealOf(row);
  deal.ratingSum = row[11] as number;
  deal.ratingCount = row[12] as number;
  return deal;
}

/**
 * Rows the nearest-first read takes past the limit: when the last of them
 * lies beyond the limit-th's reach, no deal left unread is within it.
 */
const NEAREST_MARGIN = 20;

/** Runs a read on the client's reader (see Reader): rows as arrays. */
async function read(db: Db, query: Prisma.Sql): Promise<unknown[][]> {
  return (await readerOf(db)).rows(query.sql, query.values);
}

export function createDealRepository(db: Db): DealRepository {
  const dialect = dialectOf(db);
  return {
    async endExpired(now: Date): Promise<number> {
      const { count } = await db.deal.updateMany({ where: { status: DealStatus.ACTIVE, endsAt: { lte: now } }, data: { status: DealStatus.ENDED } });
      return count;
    },
    async create(deal) {
      return toDeal(await db.deal.create({ data: deal }));
    },
    /**
     * On the reader, one statement: every Buy and every card reads it, and
     * through the client it was two (the deal, then its shop), each planned
     * and converted again (measured: the client's work was most of a quote).
     */
    async findWithShop(id: number): Promise<DealWithShop | null> {
      const [row] = await read(db, Prisma.sql`SELECT ${DEAL_WITH_SHOP} FROM "Deal" d JOIN "Shop" s ON s."id" = d."shopId" WHERE d."id" = ${id}`);
      return row ? dealWithShopOf(row) : null;
    },
    /**
     * A page of a list, whole (the Mini App's map), on the reader: through
     * the client the same read planned and converted every value of 50 rows
     * on each request, most of the request's time (measured).
     */
    async findManyWithShop(ids: number[]): Promise<DealWithShop[]> {
      if (ids.length === 0) return [];
      const rows = await read(db, Prisma.sql`
        SELECT ${DEAL_WITH_SHOP}
        FROM "Deal" d JOIN "Shop" s ON s."id" = d."shopId"
        WHERE ${dialect.inList(Prisma.raw(`d."id"`), ids)}`);
      return rows.map(dealWithShopOf);
    },
    /**
     * Deals on sale now inside the given geohash cells. On SQLite the
     * (status, cell, category, lat, lng) index turns this into one seek per
     * cell and drops rows outside the boxes before any row is read; on
     * PostgreSQL the GiST index on the position finds the circle (see
     * dialect.ts). Time and stock are checked on the rows left. On the
     * reader, since this is the hottest read of all.
     */
    async findOnSaleInCells(cover: CellCover, { category, now }: { category?: string; now: Date }): Promise<ListedDeal[]> {
      if (cover.cells.length === 0) return [];
      const rows = await read(db, Prisma.sql`
        SELECT ${LISTED_COLUMNS}
        FROM "Deal"
        WHERE ${onSaleSql(now)}
          ${category ? Prisma.sql`AND "category" = ${category}` : Prisma.empty}
          ${dialect.insideCover(cover, CELL_COLUMN[cover.precision])}`);
      return rows.map(listedDealOf);
    },
    findNearestOnSale: dialect.nearestFirst
      ? async (center, radiusM, limit, { category, now }) => {
          const { distance, within } = dialect.nearestFirst!(center);
          const onSale = Prisma.sql`${onSaleSql(now)} ${category ? Prisma.sql`AND "category" = ${category}` : Prisma.empty}`;
          const rated = (deals: Prisma.Sql) => Prisma.sql`
            SELECT d.*, s."ratingSum", s."ratingCount" FROM (${deals}) AS d JOIN "Shop" s ON s."id" = d."shopId"`;
          // One walk of the index, nearest first, a few rows past the limit.
          // The radius is checked on the rows read: in the walk's condition,
          // it measured every row twice more (10 % of the search's time).
          const take = limit + NEAREST_MARGIN;
          const rows = await read(db, rated(Prisma.sql`
            SELECT ${LISTED_COLUMNS}, ${distance} AS "distance" FROM "Deal"
            WHERE ${onSale} ORDER BY ${distance} LIMIT ${take}`));
          const distanceOf = (row: unknown[]) => row[10] as number;
          const distances = rows.map(distanceOf).sort((a, b) => a - b);
          // The domain ranks on its own sphere and rounds to whole metres, so
          // the deals a metre past the limit-th tie with it and are kept.
          const reachM = Math.min(radiusM, (distances[limit - 1] ?? Infinity) + 1);
          // Every row not read lies at least as far as the last one read.
          if (rows.length < take || distances.at(-1)! > reachM) {
            return rows.filter((row) => distanceOf(row) <= reachM).map(ratedDealOf);
          }
          // More deals than the margin within that metre (a mall's shops at one
          // address): read all of them.
          return (await read(db, rated(Prisma.sql`
            SELECT ${LISTED_COLUMNS}, ${distance} AS "distance" FROM "Deal" WHERE ${onSale} AND ${within(reachM)}`))).map(ratedDealOf);
        }
      : undefined,
    /**
     * The rating totals of these shops, read from their rows by primary key
     * (the nearby search asks for the shops of its nearest deals only).
     */
    async shopRatings(shopIds: number[]): Promise<Map<number, { ratingSum: number; ratingCount: number }>> {
      if (shopIds.length === 0) return new Map();
      const rows = await read(db, Prisma.sql`
        SELECT "id", "ratingSum", "ratingCount" FROM "Shop" WHERE ${dialect.inList(Prisma.raw(`"id"`), shopIds)}`);
      return new Map(rows.map(([id, ratingSum, ratingCount]) => [id as number, { ratingSum: ratingSum as number, ratingCount: ratingCount as number }]));
    },
    /** ACTIVE deals per cell (of any precision), in one category or all; cells without any are left out. */
    async countActiveInCells(cells: string[], category?: string): Promise<Map<string, number>> {
      if (cells.length === 0) return new Map();
      const rows = await read(db, Prisma.sql`
        SELECT "cell", SUM("active")
        FROM "DealCellCount"
        WHERE ${dialect.inList(Prisma.raw(`"cell"`), cells)}
          ${category ? Prisma.sql`AND "category" = ${category}` : Prisma.empty}
        GROUP BY "cell"`);
      // PostgreSQL sums integers as bigint, which comes as text.
      return new Map(rows.map(([cell, active]) => [cell as string, Number(active)]));
    },
    async listByShop(shopId: number): Promise<Deal[]> {
      return (await db.deal.findMany({ where: { shopId }, orderBy: { id: "desc" } })).map(toDeal);
    },
    async idsOfShop(shopId: number): Promise<number[]> {
      const rows = await db.deal.findMany({ where: { shopId }, select: { id: true } });
      return rows.map((r) => r.id);
    },
    async salesOf(dealIds: number[]): Promise<Map<number, DealSales>> {
      const rows = await db.order.groupBy({
        by: ["dealId"],
        // A referral reward's free voucher takes a unit but is no sale.
        where: { dealId: { in: dealIds }, status: { in: PAID_ONCE }, source: { not: REWARD_SOURCE } },
        _sum: { quantity: true, totalMinor: true },
      });
      return new Map(rows.map((r) => [r.dealId, { units: r._sum.quantity ?? 0, revenueMinor: r._sum.totalMinor ?? 0 }]));
    },
    async setStatus(id: number, from: DealStatus[], to: DealStatus): Promise<boolean> {
      const { count } = await db.deal.updateMany({ where: { id, status: { in: from } }, data: { status: to } });
      return count === 1;
    },
    async setQuantity(id: number, quantity: number, now: Date): Promise<boolean> {
      const changed = await db.$executeRaw`
        UPDATE "Deal" SET "stockLeft" = "stockLeft" + (${quantity} - "quantity"), "quantity" = ${quantity}, "updatedAt" = ${now}
        WHERE "id" = ${id} AND "quantity" - "stockLeft" <= ${quantity}`;
      return changed === 1;
    },
    async setPrice(id: number, priceMinor: number): Promise<Deal> {
      return toDeal(await db.deal.update({ where: { id }, data: { priceMinor } }));
    },
    async edit(id, patch): Promise<Deal> {
      return toDeal(await db.deal.update({ where: { id }, data: patch }));
    },
    async setEndsAt(id: number, endsAt: Date): Promise<Deal> {
      return toDeal(await db.deal.update({ where: { id }, data: { endsAt } }));
    },
  };
}
