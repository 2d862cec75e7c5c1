// What SQLite and PostgreSQL say differently, in one place: the repositories
// are one implementation over both, and ask this module for the few
// fragments and locks that differ.
import { Prisma, type PrismaClient } from "../generated/prisma/client.js";
import type { CellCover } from "../core/ports/deal.port.js";
import type { Point } from "../domain/geo.js";

type Sql = Pick<PrismaClient, "$queryRaw" | "$executeRaw">;

export interface Dialect {
  name: "sqlite" | "postgresql";
  /**
   * `column IN (the values)` with the values as one parameter, so a
   * statement's text does not depend on how many there are and stays
   * prepared.
   */
  inList(column: Prisma.Sql, values: readonly (string | number)[]): Prisma.Sql;
  /** The rows of a nearby cover: `AND …` conditions on a Deal row. */
  insideCover(cover: CellCover, column: Prisma.Sql): Prisma.Sql;
  /**
   * Locks a deal's row for the rest of the transaction, before anything is
   * read: racing buyers of one deal queue here. Every transaction that moves
   * a deal's stock takes this lock first, so two of them never wait on each
   * other's rows in opposite orders.
   */
  lockDeal(tx: Sql, dealId: number): Promise<void>;
  /** lockDeal for the deal of an order. */
  lockDealOfOrder(tx: Sql, orderId: number): Promise<void>;
  /**
   * lockDealOfOrder, then the order's own row, by a write to it (its
   * updatedAt): the lock of a payment or a refund of that order. One
   * statement, so the deal's lock is not held over a round trip for the second.
   */
  lockDealAndOrder(tx: Sql, orderId: number, now: Date): Promise<void>;
  /**
   * Where the database orders by distance itself (a nearest-first index
   * walk): the distance of a Deal row from the center, in metres, to order
   * by, and the condition that keeps the rows within a distance of it.
   * Both measure on the same sphere.
   */
  nearestFirst?(center: Point): { distance: Prisma.Sql; within(radiusM: number): Prisma.Sql };
}

/** The cover's boxes, and its ellipse: plain arithmetic on the indexed lat and lng, checked inside the index. */
function boxesAndEllipse({ boxes, ellipse }: CellCover): Prisma.Sql {
  const inBoxes = boxes?.length
    ? Prisma.sql`AND (${Prisma.join(
        boxes.map(([minLat, minLng, maxLat, maxLng]) => Prisma.sql`("lat" BETWEEN ${minLat} AND ${maxLat} AND "lng" BETWEEN ${minLng} AND ${maxLng})`),
        " OR ",
      )})`
    : Prisma.empty;
  if (!ellipse) return inBoxes;
  const { lat, lng, latScale, lngScale, radiusM } = ellipse;
  const y = Prisma.sql`(("lat" - ${lat}) * ${latScale})`;
  const x = Prisma.sql`(("lng" - ${lng}) * ${lngScale})`;
  return Prisma.sql`${inBoxes} AND ${x} * ${x} + ${y} * ${y} <= ${radiusM * radiusM}`;
}

export const sqlite: Dialect = {
  name: "sqlite",
  // SQLite still seeks the index once per value.
  inList: (column, values) => Prisma.sql`${column} IN (SELECT "value" FROM json_each(${JSON.stringify(values)}))`,
  insideCover: (cover, column) => Prisma.sql`AND ${sqlite.inList(column, cover.cells)} ${boxesAndEllipse(cover)}`,
  // SQLite has one writer at a time: the first write of a transaction takes
  // the whole database, and each of ours starts with one.
  lockDeal: async () => {},
  lockDealOfOrder: async () => {},
  // The write to the order is what takes the database.
  async lockDealAndOrder(tx, orderId, now) {
    await tx.$executeRaw`UPDATE "Order" SET "updatedAt" = ${now} WHERE "id" = ${orderId}`;
  },
};

/**
 * PostgreSQL measures on a sphere of the mean radius, a little smaller than
 * the one the domain measures on: its circle of the same radius holds every
 * deal the domain's does (and a few more, which the domain drops).
 */
export const postgresql: Dialect = {
  name: "postgresql",
  inList: (column, values) => Prisma.sql`${column} = ANY(${values})`,
  insideCover(cover, column) {
    // Away from the antimeridian and the poles (where the cover has its
    // ellipse), the GiST index on the geography finds the circle directly.
    if (!cover.ellipse) return Prisma.sql`AND ${postgresql.inList(column, cover.cells)} ${boxesAndEllipse(cover)}`;
    const { lat, lng, radiusM } = cover.ellipse;
    return Prisma.sql`AND ST_DWithin("geog", ST_SetSRID(ST_MakePoint(${lng}, ${lat}), 4326)::geography, ${radiusM}, false)`;
  },
  nearestFirst({ lat, lng }) {
    const here = Prisma.sql`ST_SetSRID(ST_MakePoint(${lng}, ${lat}), 4326)::geography`;
    // `<->` on geographies measures on the sphere, as ST_Distance(…, false)
    // does: ordered by it, the GiST index walks the rows nearest first.
    return {
      distance: Prisma.sql`("geog" <-> ${here})`,
      within: (radiusM) => Prisma.sql`ST_DWithin("geog", ${here}, ${radiusM}, false)`,
    };
  },
  async lockDeal(tx, dealId) {
    await tx.$queryRaw`SELECT "id" FROM "Deal" WHERE "id" = ${dealId} FOR UPDATE`;
  },
  async lockDealOfOrder(tx, orderId) {
    await tx.$queryRaw`SELECT d."id" FROM "Deal" d WHERE d."id" = (SELECT "dealId" FROM "Order" WHERE "id" = ${orderId}) FOR UPDATE`;
  },
  // The deal's row is locked while the order's row is judged, before the
  // order's is written: the same order as every other transaction takes them.
  async lockDealAndOrder(tx, orderId, now) {
    await tx.$executeRaw`
      WITH "deal" AS (SELECT d."id" FROM "Deal" d WHERE d."id" = (SELECT "dealId" FROM "Order" WHERE "id" = ${orderId}) FOR UPDATE)
      UPDATE "Order" SET "updatedAt" = ${now} WHERE "id" = ${orderId} AND EXISTS (SELECT 1 FROM "deal")`;
  },
};
