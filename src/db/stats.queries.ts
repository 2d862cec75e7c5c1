// The merchant's numbers, counted in SQL. Events are read from counters kept
// by a trigger (see the console migration): the whole UTC days of a period
// from daily rows, the whole hours at its edges from hourly rows, and only the
// partial hours at its ends from the raw events. A shop with a million events
// costs a few hundred counter rows.
import type { EventRepository } from "../core/ports/event.port.js";
import type { Range, StatsQueries } from "../core/ports/stats.port.js";
import { Prisma } from "../generated/prisma/client.js";
import type { Db } from "./client.js";
import { OrderStatus, PAID_ONCE, VoucherStatus } from "../domain/lifecycles.js";
import { REWARD_SOURCE } from "../domain/referral.js";
import { addTo, CHANNELS, channelOf, emptyChannelFigures, type Channel, type Figures } from "../domain/stats.js";
import { statusSql } from "./status-sql.js";

const HOUR_MS = 3_600_000;
const EVENT_TYPES = ["IMPRESSION", "VIEW", "PUSH", "SHARE"] as const;
/** An order that was paid, whatever happened to it after. */
const PAID = Prisma.sql`(${statusSql(...PAID_ONCE)})`;
/** A referral reward's free order: no sale (see Figures.rewardsGiven). */
const SOLD = Prisma.sql`"source" <> ${REWARD_SOURCE}`;

interface EventCount {
  type: string;
  channel: string;
  count: number;
}

const num = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));

/** `events`: the numbers count the impressions still queued too (see recordSoon). */
export function createStatsQueries(db: Db, { events }: { events: Pick<EventRepository, "flush"> }): StatsQueries {
  /** Events of one offer, or of the whole shop (dealId 0), in the range. */
  async function eventCounts(shopId: number, dealId: number, rawDealIds: number[], { from, to }: Range): Promise<EventCount[]> {
    await events.flush();
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
      )}) AS "counters"
      GROUP BY "type", "channel"`;
    return [
      ...counted.map((r) => ({ type: r.type, channel: r.channel, count: num(r.n) })),
      ...(await raw(from, new Date(firstHour * HOUR_MS))),
      ...(await raw(new Date(endHour * HOUR_MS), to)),
    ];
  }

  return {
    async figures({ shopId, shopDealIds, dealId }: { shopId: number; shopDealIds: number[]; dealId?: number }, range: Range): Promise<Figures> {
      const dealIds = dealId === undefined ? shopDealIds : [dealId];
      const figures: Figures = {
        impressions: 0,
        views: 0,
        pushes: 0,
        invoices: 0,
        purchases: 0,
        unitsSold: 0,
        unitsSoldRedeemed: 0,
        revenue: {},
        redeemed: 0,
        discount: {},
        refunds: 0,
        refunded: {},
        newCustomers: 0,
        returningCustomers: 0,
        byChannel: {
          nearby: emptyChannelFigures(),
          search: emptyChannelFigures(),
          push: emptyChannelFigures(),
          link: emptyChannelFigures(),
          friends: emptyChannelFigures(),
          other: emptyChannelFigures(),
        },
        shares: 0,
        friendsRedeemed: 0,
        rewardsGiven: 0,
        rewardsCost: {},
      };
      if (dealIds.length === 0) return figures;
      const { from, to } = range;
      const ids = Prisma.join(dealIds);
      const channel = (c: string) => figures.byChannel[(CHANNELS as readonly string[]).includes(c) ? (c as Channel) : "other"];

      for (const { type, channel: c, count } of await eventCounts(shopId, dealId ?? 0, dealIds, range)) {
        if (type === "SHARE") {
          figures.shares += count;
          continue;
        }
        const key = type === "IMPRESSION" ? "impressions" : type === "VIEW" ? "views" : "pushes";
        figures[key] += count;
        channel(c)[key] += count;
      }

      // Orders, vouchers and customers: one pass each over the offers' rows
      // (the dates have no index of their own; a shop's orders are few beside its events).
      const paidIn = Prisma.sql`"status" IN ${PAID} AND "paidAt" >= ${from} AND "paidAt" < ${to}`;
      // Money paid back is counted per voucher (a buyer may refund some of an
      // order's vouchers, at several times), when the merchant settled it; an
      // order paid too late has no voucher and is paid back whole.
      const wholeRefundIn = Prisma.sql`"status" = ${statusSql(OrderStatus.REFUNDED)} AND "refundedAt" >= ${from} AND "refundedAt" < ${to}
        AND NOT EXISTS (SELECT 1 FROM "Voucher" v WHERE v."orderId" = "Order"."id")`;
      const orders = await db.$queryRaw<
        { source: string; currency: string; invoices: bigint; n: bigint; units: bigint; total: bigint; refunds: bigint; refunded: bigint }[]
      >`
        SELECT "source", "currency",
          SUM(CASE WHEN "createdAt" >= ${from} AND "createdAt" < ${to} THEN 1 ELSE 0 END) AS invoices,
          SUM(CASE WHEN ${paidIn} THEN 1 ELSE 0 END) AS n,
          SUM(CASE WHEN ${paidIn} THEN "quantity" ELSE 0 END) AS units,
          SUM(CASE WHEN ${paidIn} THEN "totalMinor" ELSE 0 END) AS total,
          SUM(CASE WHEN ${wholeRefundIn} THEN 1 ELSE 0 END) AS refunds,
          SUM(CASE WHEN ${wholeRefundIn} THEN "totalMinor" ELSE 0 END) AS refunded
        FROM "Order" WHERE "dealId" IN (${ids}) AND ${SOLD}
        GROUP BY "source", "currency"`;
      for (const row of orders) {
        figures.invoices += num(row.invoices);
        if (num(row.refunds) > 0) {
          figures.refunds += num(row.refunds);
          addTo(figures.refunded, row.currency, num(row.refunded));
        }
        if (num(row.n) === 0) continue;
        figures.purchases += num(row.n);
        figures.unitsSold += num(row.units);
        addTo(figures.revenue, row.currency, num(row.total));
        channel(channelOf(row.source)).purchases += num(row.n);
        addTo(channel(channelOf(row.source)).revenue, row.currency, num(row.total));
      }

      const refunds = await db.$queryRaw<{ currency: string; orders: bigint; refunded: bigint }[]>`
        SELECT o."currency" AS currency, COUNT(DISTINCT o."id") AS orders, SUM(o."unitPriceMinor") AS refunded
        FROM "Voucher" v JOIN "Order" o ON o."id" = v."orderId"
        WHERE v."dealId" IN (${ids}) AND v."status" = ${statusSql(VoucherStatus.REFUNDED)} AND v."refundSettledAt" >= ${from} AND v."refundSettledAt" < ${to}
        GROUP BY o."currency"`;
      for (const row of refunds) {
        figures.refunds += num(row.orders);
        addTo(figures.refunded, row.currency, num(row.refunded));
      }

      const vouchers = await db.$queryRaw<{ source: string; currency: string; soldRedeemed: bigint; redeemed: bigint; discount: bigint }[]>`
        SELECT o."source" AS source, o."currency" AS currency,
          SUM(CASE WHEN o."status" IN ${PAID} AND o."paidAt" >= ${from} AND o."paidAt" < ${to} AND o.${SOLD} THEN 1 ELSE 0 END) AS "soldRedeemed",
          SUM(CASE WHEN v."redeemedAt" >= ${from} AND v."redeemedAt" < ${to} THEN 1 ELSE 0 END) AS redeemed,
          SUM(CASE WHEN v."redeemedAt" >= ${from} AND v."redeemedAt" < ${to} THEN o."unitOriginalMinor" - o."unitPriceMinor" ELSE 0 END) AS discount
        FROM "Voucher" v JOIN "Order" o ON o."id" = v."orderId"
        WHERE v."dealId" IN (${ids}) AND v."status" = ${statusSql(VoucherStatus.REDEEMED)}
        GROUP BY o."source", o."currency"`;
      for (const row of vouchers) {
        figures.unitsSoldRedeemed += num(row.soldRedeemed);
        figures.redeemed += num(row.redeemed);
        if (channelOf(row.source) === "friends") figures.friendsRedeemed += num(row.redeemed);
        if (num(row.redeemed) > 0) addTo(figures.discount, row.currency, num(row.discount));
      }

      // Buyers of these offers in the range, when each first paid at the shop,
      // and their last purchase in the range: a buyer who came back after a
      // first purchase is returning, even when that first one is in the range too.
      const [customers] = await db.$queryRaw<{ fresh: bigint; back: bigint }[]>`
        SELECT SUM(CASE WHEN "first" >= ${from} THEN 1 ELSE 0 END) AS fresh, SUM(CASE WHEN "last" > "first" THEN 1 ELSE 0 END) AS back FROM (
          SELECT "buyerId", MIN("paidAt") AS "first",
            MAX(CASE WHEN "dealId" IN (${ids}) AND "paidAt" >= ${from} AND "paidAt" < ${to} THEN "paidAt" END) AS "last"
          FROM "Order" WHERE "dealId" IN (${Prisma.join(shopDealIds)}) AND "status" IN ${PAID} AND ${SOLD}
          GROUP BY "buyerId"
        ) AS "buyers" WHERE "last" IS NOT NULL`;
      figures.newCustomers = num(customers?.fresh);
      figures.returningCustomers = num(customers?.back);

      // Rewards earned by this offer's (or the shop's) redemptions, worth their usual price.
      const rewards = await db.$queryRaw<{ currency: string; n: bigint; cost: bigint }[]>`
        SELECT o."currency" AS currency, COUNT(*) AS n, SUM(o."unitOriginalMinor" * o."quantity") AS cost
        FROM "ReferralReward" r JOIN "Order" o ON o."id" = r."rewardOrderId"
        WHERE r."dealId" IN (${ids}) AND r."createdAt" >= ${from} AND r."createdAt" < ${to}
        GROUP BY o."currency"`;
      for (const row of rewards) {
        figures.rewardsGiven += num(row.n);
        addTo(figures.rewardsCost, row.currency, num(row.cost));
      }
      return figures;
    },

    async activitySince(dealIds: number[], from: Date): Promise<{ purchases: Date[]; redemptions: Date[] }> {
      if (dealIds.length === 0) return { purchases: [], redemptions: [] };
      const [orders, vouchers] = await Promise.all([
        db.order.findMany({
          where: { dealId: { in: dealIds }, status: { in: PAID_ONCE }, paidAt: { gte: from } },
          select: { paidAt: true },
        }),
        db.voucher.findMany({
          where: { dealId: { in: dealIds }, status: VoucherStatus.REDEEMED, redeemedAt: { gte: from } },
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
