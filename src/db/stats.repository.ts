// The merchant's numbers, counted in SQL. Events are read from counters kept
// by a trigger (see the console migration): the whole UTC days of a period
// from daily rows, the whole hours at its edges from hourly rows, and only the
// partial hours at its ends from the raw events. A shop with a million events
// costs a few hundred counter rows.
import { Prisma } from "../generated/prisma/client.js";
import type { Db } from "./client.js";
import { CHANNELS, channelOf, emptyChannelFigures, type Channel, type Figures } from "../domain/stats.js";

const HOUR_MS = 3_600_000;
const EVENT_TYPES = ["IMPRESSION", "VIEW", "PUSH"] as const;
/** An order that was paid, whatever happened to it after. */
const PAID = Prisma.sql`('PAID', 'REFUND_DUE', 'REFUNDED')`;

export interface Range {
  from: Date;
  to: Date;
}

interface EventCount {
  type: string;
  channel: string;
  count: number;
}

const num = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));

export function createStatsRepository(db: Db) {
  /** Events of one offer, or of the whole shop (dealId 0), in the range. */
  async function eventCounts(shopId: number, dealId: number, rawDealIds: number[], { from, to }: Range): Promise<EventCount[]> {
    const raw = async (a: Date, b: Date) => {
      if (a >= b) return [];
      const rows = await db.$queryRaw<{ type: string; source: string; n: bigint }[]>`
        SELECT "type", "source", COUNT(*) AS n FROM "Event"
        WHERE "dealId" IN (${Prisma.join(rawDealIds)}) AND "type" IN (${Prisma.join(EVENT_TYPES)})
          AND "createdAt" >= ${a} AND "createdAt" < ${b}
        GROUP BY "type", "source"`;
      return rows.map((r) => ({ type: r.type, channel: channelOf(r.source), count: num(r.n) }));
    };
    const firstHour = Math.ceil(from.getTime() / HOUR_MS);
    const endHour = Math.floor(to.getTime() / HOUR_MS);
    if (firstHour >= endHour) return raw(from, to);
    const firstDay = Math.ceil(firstHour / 24);
    const endDay = Math.floor(endHour / 24);
    // [unit, from, to) bucket ranges that tile the whole hours of the period.
    const ranges: ["h" | "d", number, number][] =
      firstDay < endDay
        ? [["h", firstHour, firstDay * 24], ["d", firstDay, endDay], ["h", endDay * 24, endHour]]
        : [["h", firstHour, endHour]];
    const counted = await db.$queryRaw<{ type: string; channel: string; n: bigint }[]>`
      SELECT "type", "channel", SUM("count") AS n FROM (${Prisma.join(
        ranges.map(
          ([unit, a, b]) => Prisma.sql`
            SELECT "type", "channel", "count" FROM "EventCounter"
            WHERE "shopId" = ${shopId} AND "dealId" = ${dealId} AND "unit" = ${unit} AND "bucket" >= ${a} AND "bucket" < ${b}`,
        ),
        " UNION ALL ",
      )})
      GROUP BY "type", "channel"`;
    return [
      ...counted.map((r) => ({ type: r.type, channel: r.channel, count: num(r.n) })),
      ...(await raw(from, new Date(firstHour * HOUR_MS))),
      ...(await raw(new Date(endHour * HOUR_MS), to)),
    ];
  }

  return {
    /**
     * Everything counted for one offer of the shop, or for all of them, in the
     * range. A new customer is a buyer whose first paid order at the shop
     * (any of `shopDealIds`) falls in the range.
     */
    async figures({ shopId, shopDealIds, dealId }: { shopId: number; shopDealIds: number[]; dealId?: number }, range: Range): Promise<Figures> {
      const dealIds = dealId === undefined ? shopDealIds : [dealId];
      const figures: Figures = {
        currency: null,
        impressions: 0,
        views: 0,
        pushes: 0,
        invoices: 0,
        purchases: 0,
        unitsSold: 0,
        unitsSoldRedeemed: 0,
        revenueMinor: 0,
        redeemed: 0,
        discountMinor: 0,
        refunds: 0,
        refundedMinor: 0,
        newCustomers: 0,
        returningCustomers: 0,
        byChannel: { nearby: emptyChannelFigures(), search: emptyChannelFigures(), push: emptyChannelFigures(), link: emptyChannelFigures(), other: emptyChannelFigures() },
      };
      if (dealIds.length === 0) return figures;
      const { from, to } = range;
      const ids = Prisma.join(dealIds);
      const channel = (c: string) => figures.byChannel[(CHANNELS as readonly string[]).includes(c) ? (c as Channel) : "other"];

      for (const { type, channel: c, count } of await eventCounts(shopId, dealId ?? 0, dealIds, range)) {
        const key = type === "IMPRESSION" ? "impressions" : type === "VIEW" ? "views" : "pushes";
        figures[key] += count;
        channel(c)[key] += count;
      }

      const [invoices] = await db.$queryRaw<{ n: bigint }[]>`
        SELECT COUNT(*) AS n FROM "Order" WHERE "dealId" IN (${ids}) AND "createdAt" >= ${from} AND "createdAt" < ${to}`;
      figures.invoices = num(invoices?.n);

      const paid = await db.$queryRaw<{ source: string; currency: string; n: bigint; units: bigint; total: bigint }[]>`
        SELECT "source", "currency", COUNT(*) AS n, SUM("quantity") AS units, SUM("totalMinor") AS total FROM "Order"
        WHERE "dealId" IN (${ids}) AND "status" IN ${PAID} AND "paidAt" >= ${from} AND "paidAt" < ${to}
        GROUP BY "source", "currency"`;
      for (const row of paid) {
        figures.currency ??= row.currency;
        figures.purchases += num(row.n);
        figures.unitsSold += num(row.units);
        figures.revenueMinor += num(row.total);
        channel(channelOf(row.source)).purchases += num(row.n);
        channel(channelOf(row.source)).revenueMinor += num(row.total);
      }

      const [soldRedeemed] = await db.$queryRaw<{ n: bigint }[]>`
        SELECT COUNT(*) AS n FROM "Voucher" v JOIN "Order" o ON o."id" = v."orderId"
        WHERE o."dealId" IN (${ids}) AND o."status" IN ${PAID} AND o."paidAt" >= ${from} AND o."paidAt" < ${to}
          AND v."status" = 'REDEEMED'`;
      figures.unitsSoldRedeemed = num(soldRedeemed?.n);

      const [redeemed] = await db.$queryRaw<{ n: bigint; discount: bigint }[]>`
        SELECT COUNT(*) AS n, SUM(o."unitOriginalMinor" - o."unitPriceMinor") AS discount
        FROM "Voucher" v JOIN "Order" o ON o."id" = v."orderId"
        WHERE v."dealId" IN (${ids}) AND v."status" = 'REDEEMED' AND v."redeemedAt" >= ${from} AND v."redeemedAt" < ${to}`;
      figures.redeemed = num(redeemed?.n);
      figures.discountMinor = num(redeemed?.discount);

      const [refunds] = await db.$queryRaw<{ n: bigint; total: bigint }[]>`
        SELECT COUNT(*) AS n, SUM("totalMinor") AS total FROM "Order"
        WHERE "dealId" IN (${ids}) AND "status" = 'REFUNDED' AND "refundedAt" >= ${from} AND "refundedAt" < ${to}`;
      figures.refunds = num(refunds?.n);
      figures.refundedMinor = num(refunds?.total);

      const [customers] = await db.$queryRaw<{ buyers: bigint; fresh: bigint }[]>`
        SELECT COUNT(*) AS buyers, SUM(CASE WHEN "first" >= ${from} THEN 1 ELSE 0 END) AS fresh FROM (
          SELECT b."buyerId", (
            SELECT MIN(o."paidAt") FROM "Order" o
            WHERE o."buyerId" = b."buyerId" AND o."dealId" IN (${Prisma.join(shopDealIds)}) AND o."status" IN ${PAID}
          ) AS "first"
          FROM (
            SELECT DISTINCT "buyerId" FROM "Order"
            WHERE "dealId" IN (${ids}) AND "status" IN ${PAID} AND "paidAt" >= ${from} AND "paidAt" < ${to}
          ) b
        )`;
      figures.newCustomers = num(customers?.fresh);
      figures.returningCustomers = num(customers?.buyers) - figures.newCustomers;
      return figures;
    },

    /** When orders were paid and vouchers redeemed since `from`: the chart buckets them by local day. */
    async activitySince(dealIds: number[], from: Date): Promise<{ purchases: Date[]; redemptions: Date[] }> {
      if (dealIds.length === 0) return { purchases: [], redemptions: [] };
      const [orders, vouchers] = await Promise.all([
        db.order.findMany({
          where: { dealId: { in: dealIds }, status: { in: ["PAID", "REFUND_DUE", "REFUNDED"] }, paidAt: { gte: from } },
          select: { paidAt: true },
        }),
        db.voucher.findMany({
          where: { dealId: { in: dealIds }, status: "REDEEMED", redeemedAt: { gte: from } },
          select: { redeemedAt: true },
        }),
      ]);
      return {
        purchases: orders.map((o) => o.paidAt!),
        redemptions: vouchers.map((v) => v.redeemedAt!),
      };
    },
  };
}

export type StatsRepository = ReturnType<typeof createStatsRepository>;
