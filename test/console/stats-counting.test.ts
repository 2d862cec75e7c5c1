// The merchant's numbers on a data set whose answer is known, counted by hand:
// every figure of the funnel, the ratio and the breakdown by source.
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Shop } from "../../src/generated/prisma/client.js";
import { redemptionRate, returnOnDiscount } from "../../src/domain/stats.js";
import { createStatsService } from "../../src/core/stats.service.js";
import { describeEachDatabase } from "../support/databases.js";
import type { TestDb } from "../support/test-db.js";
import { dealRow, orderRow, shopRow } from "./fixtures.js";

// 14:30 in Shanghai (UTC+8): "today" began at 2026-05-19T16:00Z.
const NOW = new Date("2026-05-20T06:30:00Z");
const at = (iso: string) => new Date(iso);

describeEachDatabase("counting a shop's funnel", (open) => {
  let t: TestDb;
  let shop: Shop;
  let meal: number;
  let coupon: number;
  const stats = () => createStatsService({ stats: t.repos.stats, deals: t.repos.deals, clock: () => NOW });

  beforeAll(async () => {
    t = await open();
    const db = t.db;
    for (const id of [1n, 2n, 3n, 4n, 9n]) await db.user.create({ data: { id, firstName: `U${id}` } });
    shop = await db.shop.create({ data: shopRow(9n, { lat: 31.23, lng: 121.47 }) });
    const other = await db.shop.create({ data: shopRow(4n, { lat: 31.24, lng: 121.48 }) });
    meal = (await db.deal.create({ data: dealRow(shop, { priceMinor: 3000, originalPriceMinor: 5000 }) })).id;
    coupon = (await db.deal.create({ data: dealRow(shop, { priceMinor: 0, originalPriceMinor: 1500 }) })).id;
    const elsewhere = (await db.deal.create({ data: dealRow(other, {}) })).id;

    const events = (n: number, type: string, dealId: number, source: string, createdAt: string) =>
      Array.from({ length: n }, (_, i) => ({ type, dealId, userId: BigInt(1 + (i % 4)), source, createdAt: at(createdAt) }));
    await db.event.createMany({
      data: [
        ...events(5, "IMPRESSION", meal, "nearby", "2026-05-20T01:15:00Z"),
        ...events(3, "IMPRESSION", meal, "nearby", "2026-05-19T15:59:00Z"), // 23:59 yesterday, local
        ...events(2, "IMPRESSION", meal, "search", "2026-05-19T16:00:00Z"), // local midnight
        ...events(3, "VIEW", meal, "nearby", "2026-05-20T02:00:00Z"),
        ...events(1, "VIEW", meal, "link:abc", "2026-05-20T02:00:00Z"),
        ...events(2, "VIEW", meal, "push:7", "2026-05-20T06:05:00Z"), // the hour still running
        ...events(2, "PUSH", meal, "push:7", "2026-05-20T00:10:00Z"),
        ...events(2, "PUSH", meal, "push:7", "2026-05-20T06:10:00Z"),
        ...events(10, "IMPRESSION", coupon, "nearby", "2026-04-10T03:00:00Z"),
        ...events(100, "IMPRESSION", elsewhere, "nearby", "2026-05-20T03:00:00Z"),
      ],
    });

    const buy = (buyerId: bigint, dealId: number, unit: number, original: number, fields: Parameters<typeof orderRow>[4]) =>
      db.order.create({ data: orderRow(buyerId, dealId, unit, original, fields) });
    const vouchers = async (order: { id: number; dealId: number; buyerId: bigint; refundedAt: Date | null }, statuses: [string, string?][]) => {
      for (const [i, [status, redeemedAt]] of statuses.entries()) {
        await db.voucher.create({
          data: {
            code: `C${order.id}X${i}`,
            orderId: order.id,
            dealId: order.dealId,
            holderId: order.buyerId,
            status,
            expiresAt: at("2026-07-01T00:00:00Z"),
            redeemedAt: redeemedAt ? at(redeemedAt) : null,
            refundSettledAt: status === "REFUNDED" ? order.refundedAt : null,
          },
        });
      }
    };
    // O1: two meals today from the list; one eaten.
    const o1 = await buy(1n, meal, 3000, 5000, { quantity: 2, status: "PAID", source: "nearby", createdAt: "2026-05-20T02:00:00Z", paidAt: "2026-05-20T02:00:00Z" });
    await vouchers(o1, [["REDEEMED", "2026-05-20T04:00:00Z"], ["ACTIVE"]]);
    // O2: four days ago from a push, eaten today.
    const o2 = await buy(2n, meal, 3000, 5000, { status: "PAID", source: "push:7", createdAt: "2026-05-16T03:00:00Z", paidAt: "2026-05-16T03:00:00Z" });
    await vouchers(o2, [["REDEEMED", "2026-05-20T05:00:00Z"]]);
    // O3: bought today from search, refunded today.
    const o3 = await buy(1n, meal, 3000, 5000, { status: "REFUNDED", source: "search", createdAt: "2026-05-20T03:00:00Z", paidAt: "2026-05-20T03:00:00Z", refundedAt: "2026-05-20T05:30:00Z" });
    await vouchers(o3, [["REFUNDED"]]);
    // O4, O5: invoices sent today, never paid.
    await buy(3n, meal, 3000, 5000, { status: "RESERVED", source: "nearby", createdAt: "2026-05-20T04:00:00Z" });
    await buy(3n, meal, 3000, 5000, { status: "EXPIRED", source: "nearby", createdAt: "2026-05-20T01:00:00Z" });
    // O6: buyer 1's first visit, forty days ago.
    const o6 = await buy(1n, meal, 3000, 5000, { status: "PAID", source: "nearby", createdAt: "2026-04-10T03:00:00Z", paidAt: "2026-04-10T03:00:00Z" });
    await vouchers(o6, [["REDEEMED", "2026-04-11T03:00:00Z"]]);
    // O7: a free coupon claimed today through a shared link, used at once.
    const o7 = await buy(4n, coupon, 0, 1500, { status: "PAID", source: "link:xyz", createdAt: "2026-05-20T01:00:00Z", paidAt: "2026-05-20T01:00:00Z" });
    await vouchers(o7, [["REDEEMED", "2026-05-20T02:00:00Z"]]);
    // Another shop's sale counts nowhere here.
    const o8 = await buy(1n, elsewhere, 1000, 2000, { status: "PAID", source: "nearby", createdAt: "2026-05-20T01:00:00Z", paidAt: "2026-05-20T01:00:00Z" });
    await vouchers(o8, [["REDEEMED", "2026-05-20T02:00:00Z"]]);
  });
  afterAll(() => t.close());

  it("counts today, in the shop's time zone", async () => {
    const f = await stats().figures(shop, "today");
    expect(f).toMatchObject({
      impressions: 7,
      views: 6,
      pushes: 4,
      invoices: 5,
      purchases: 3,
      unitsSold: 4,
      unitsSoldRedeemed: 2,
      revenue: { CNY: 9000 },
      redeemed: 3,
      discount: { CNY: 5500 },
      refunds: 1,
      refunded: { CNY: 3000 },
      newCustomers: 1,
      returningCustomers: 1,
    });
    expect(f.byChannel).toEqual({
      nearby: { impressions: 5, views: 3, pushes: 0, purchases: 1, revenue: { CNY: 6000 } },
      search: { impressions: 2, views: 0, pushes: 0, purchases: 1, revenue: { CNY: 3000 } },
      push: { impressions: 0, views: 2, pushes: 4, purchases: 0, revenue: {} },
      link: { impressions: 0, views: 1, pushes: 0, purchases: 1, revenue: { CNY: 0 } },
      friends: { impressions: 0, views: 0, pushes: 0, purchases: 0, revenue: {} },
      other: { impressions: 0, views: 0, pushes: 0, purchases: 0, revenue: {} },
    });
    expect(redemptionRate(f)).toBe(0.5);
    expect(returnOnDiscount(f, "CNY")).toBeCloseTo(9000 / 5500, 10);
  });

  it("counts the last 7 days", async () => {
    const f = await stats().figures(shop, "7d");
    expect(f).toMatchObject({
      impressions: 10,
      views: 6,
      pushes: 4,
      invoices: 6,
      purchases: 4,
      unitsSold: 5,
      unitsSoldRedeemed: 3,
      revenue: { CNY: 12000 },
      redeemed: 3,
      discount: { CNY: 5500 },
      refunds: 1,
      newCustomers: 2,
      returningCustomers: 1,
    });
    expect(f.byChannel.push).toEqual({ impressions: 0, views: 2, pushes: 4, purchases: 1, revenue: { CNY: 3000 } });
  });

  it("counts all time", async () => {
    const f = await stats().figures(shop, "all");
    expect(f).toMatchObject({
      impressions: 20,
      invoices: 7,
      purchases: 5,
      unitsSold: 6,
      unitsSoldRedeemed: 4,
      revenue: { CNY: 15000 },
      redeemed: 4,
      discount: { CNY: 7500 },
      newCustomers: 3,
      // Buyer 1 first paid forty days ago and came back today.
      returningCustomers: 1,
    });
  });

  it("counts one offer, with customers new to the shop", async () => {
    const f = await stats().figures(shop, "today", coupon);
    expect(f).toMatchObject({ impressions: 0, purchases: 1, revenue: { CNY: 0 }, redeemed: 1, discount: { CNY: 1500 }, newCustomers: 1, returningCustomers: 0 });
    expect(returnOnDiscount(f, "CNY")).toBe(0);
    const meals = await stats().figures(shop, "all", meal);
    expect(meals).toMatchObject({ impressions: 10, purchases: 4, revenue: { CNY: 15000 }, newCustomers: 2 });
  });

  it("charts purchases and redemptions per local day", async () => {
    const series = await stats().daily(shop);
    expect(series.days).toHaveLength(30);
    expect(series.days.at(-1)).toBe("2026-05-20");
    expect(series.purchases.at(-1)).toBe(3);
    expect(series.redemptions.at(-1)).toBe(3);
    expect(series.purchases[series.days.indexOf("2026-05-16")]).toBe(1);
    expect(series.purchases.reduce((a, b) => a + b)).toBe(4);
  });

  it("keeps hourly and daily counters, per offer and per shop, in step with every event inserted", async () => {
    const rows = await t.db.eventCounter.findMany({ where: { shopId: shop.id, type: "PUSH" }, orderBy: [{ dealId: "asc" }, { unit: "asc" }, { bucket: "asc" }] });
    const hour = (iso: string) => Date.parse(iso) / 3_600_000;
    const day = Math.floor(Date.parse("2026-05-20T00:00:00Z") / 86_400_000);
    expect(rows.map((r) => [r.dealId, r.unit, r.bucket, r.channel, r.count])).toEqual([
      [0, "d", day, "push", 4],
      [0, "h", hour("2026-05-20T00:00:00Z"), "push", 2],
      [0, "h", hour("2026-05-20T06:00:00Z"), "push", 2],
      [meal, "d", day, "push", 4],
      [meal, "h", hour("2026-05-20T00:00:00Z"), "push", 2],
      [meal, "h", hour("2026-05-20T06:00:00Z"), "push", 2],
    ]);
  });

  it("counts what was paid back of an order refunded in part, not the whole order", async () => {
    const db = t.db;
    const noodles = await db.shop.create({ data: shopRow(2n, { lat: 31.25, lng: 121.49 }) });
    const bowl = (await db.deal.create({ data: dealRow(noodles, { priceMinor: 2000, originalPriceMinor: 3000 }) })).id;
    // Three bowls bought today; one refunded (and paid back) today, one kept, one eaten.
    const order = await db.order.create({
      data: orderRow(1n, bowl, 2000, 3000, { quantity: 3, status: "REFUNDED", source: "nearby", createdAt: "2026-05-20T01:00:00Z", paidAt: "2026-05-20T01:00:00Z", refundedAt: "2026-05-20T03:00:00Z" }),
    });
    for (const [i, status] of ["REFUNDED", "ACTIVE", "REDEEMED"].entries()) {
      await db.voucher.create({
        data: {
          code: `P${order.id}X${i}`,
          orderId: order.id,
          dealId: bowl,
          holderId: 1n,
          status,
          expiresAt: at("2026-07-01T00:00:00Z"),
          redeemedAt: status === "REDEEMED" ? at("2026-05-20T04:00:00Z") : null,
          refundSettledAt: status === "REFUNDED" ? at("2026-05-20T03:00:00Z") : null,
        },
      });
    }
    // A late payment for a sold-out offer: no voucher, paid back whole.
    await db.order.create({
      data: orderRow(3n, bowl, 2000, 3000, { quantity: 2, status: "REFUNDED", source: "nearby", createdAt: "2026-05-20T02:00:00Z", paidAt: "2026-05-20T02:00:00Z", refundedAt: "2026-05-20T05:00:00Z" }),
    });
    const f = await stats().figures(noodles, "today");
    expect(f).toMatchObject({ purchases: 2, revenue: { CNY: 10000 }, refunds: 2, refunded: { CNY: 6000 } });
  });

  it("cuts the day at local midnight in a half-hour time zone", async () => {
    const db = t.db;
    const pune = await db.shop.create({ data: shopRow(3n, { lat: 18.52, lng: 73.86 }) });
    const dosa = (await db.deal.create({ data: dealRow(pune, {}) })).id;
    // Midnight in India (UTC+5:30) is 18:30Z.
    await db.event.createMany({
      data: ["2026-05-19T18:20:00Z", "2026-05-19T18:40:00Z", "2026-05-19T19:10:00Z", "2026-05-20T06:29:59Z"].map((createdAt) => ({
        type: "IMPRESSION",
        dealId: dosa,
        userId: 1n,
        source: "nearby",
        createdAt: at(createdAt),
      })),
    });
    expect((await stats().figures(pune, "today")).impressions).toBe(3);
    expect((await stats().figures(pune, "all")).impressions).toBe(4);
  });
});
