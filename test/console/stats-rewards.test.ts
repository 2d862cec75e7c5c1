// Referral rewards in the merchant's numbers, on both databases: a reward is
// no sale (no purchase, revenue, sold voucher or customer), is counted as a
// reward given with its usual price, and once redeemed its discount counts.
import { afterAll, beforeAll, expect, it } from "vitest";
import { createStatsService } from "../../src/core/stats.service.js";
import type { Shop } from "../../src/generated/prisma/client.js";
import { describeEachDatabase } from "../support/databases.js";
import type { TestDb } from "../support/test-db.js";
import { dealRow, orderRow, shopRow } from "./fixtures.js";

const NOW = new Date("2026-05-20T06:30:00Z");
const TODAY = "2026-05-20T03:00:00Z";

describeEachDatabase("referral rewards in the numbers", (open) => {
  let t: TestDb;
  let shop: Shop;
  let meal: number;

  beforeAll(async () => {
    t = await open();
    const db = t.db;
    const [friend, sharer] = [1n, 2n];
    for (const id of [friend, sharer, 9n]) await db.user.create({ data: { id, firstName: `U${id}` } });
    shop = await db.shop.create({ data: shopRow(9n, { lat: 31.23, lng: 121.47 }) });
    meal = (await db.deal.create({ data: dealRow(shop, { priceMinor: 3000, originalPriceMinor: 5000 }) })).id;
    const share = await db.share.create({ data: { sharerId: sharer, dealId: meal } });
    const voucher = (orderId: number, holderId: bigint, code: string) =>
      db.voucher.create({
        data: { code, orderId, dealId: meal, holderId, status: "REDEEMED", expiresAt: new Date("2026-07-01T00:00:00Z"), redeemedAt: new Date(TODAY) },
      });
    // The friend bought through the share and redeemed; the sharer got a free meal and redeemed it too.
    const bought = await db.order.create({
      data: orderRow(friend, meal, 3000, 5000, { status: "PAID", source: `friends:${share.id}`, createdAt: TODAY, paidAt: TODAY }),
    });
    const redeemed = await voucher(bought.id, friend, "FRIENDVOUCHER");
    const reward = await db.order.create({ data: orderRow(sharer, meal, 0, 5000, { status: "PAID", source: "reward", createdAt: TODAY, paidAt: TODAY }) });
    await voucher(reward.id, sharer, "REWARDVOUCHR");
    await db.referralReward.create({
      data: { dealId: meal, friendId: friend, sharerId: sharer, shareId: share.id, voucherId: redeemed.id, rewardOrderId: reward.id, createdAt: new Date(TODAY) },
    });
  });
  afterAll(() => t.close());

  it("counts the reward given and its worth, not as a sale, and its discount once redeemed", async () => {
    const stats = createStatsService({ stats: t.repos.stats, deals: t.repos.deals, reviews: t.repos.reviews, clock: () => NOW });
    const f = await stats.figures(shop, "today");
    expect(f).toMatchObject({
      invoices: 1,
      purchases: 1,
      unitsSold: 1,
      unitsSoldRedeemed: 1,
      revenue: { CNY: 3000 },
      redeemed: 2,
      discount: { CNY: 2000 + 5000 },
      newCustomers: 1,
      returningCustomers: 0,
      friendsRedeemed: 1,
      rewardsGiven: 1,
      rewardsCost: { CNY: 5000 },
    });
    expect(f.byChannel.other.purchases).toBe(0);
    expect(f.byChannel.friends.purchases).toBe(1);
    expect((await stats.figures(shop, "today", meal)).rewardsGiven).toBe(1);
    expect((await t.repos.deals.salesOf([meal])).get(meal)).toEqual({ units: 1, revenueMinor: 3000 });
  });
});
