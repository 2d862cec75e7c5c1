// The demo reviews on each database: each written behind an order paid and a
// voucher redeemed through the repositories' own writes, the shop's rating
// totals kept beside them, and the stars a wallet shows read back by voucher.
import { afterAll, beforeAll, expect, it } from "vitest";
import { DEMO_REVIEWERS, seedDemoReviews } from "../../src/seed/demo-reviews.js";
import { describeEachDatabase } from "../support/databases.js";
import type { TestDb } from "../support/test-db.js";
import { dealRow, shopRow } from "../console/fixtures.js";

const NOW = new Date("2026-05-20T12:00:00Z");
const OWNER = 7_100_001n;

describeEachDatabase("demo reviews and the stars of a voucher's review", (open) => {
  let t: TestDb;
  let written: number;
  let shopId: number;

  beforeAll(async () => {
    t = await open();
    await t.repos.users.ensure({ id: Number(OWNER), firstName: "Owner" });
    const row = await t.db.shop.create({ data: shopRow(OWNER, { lat: 31.23, lng: 121.47 }) });
    shopId = row.id;
    const dealId = (await t.db.deal.create({ data: dealRow(row, { title: "Soup dumplings" }) })).id;
    const shop = (await t.repos.shops.find(shopId))!;
    const deal = (await t.repos.deals.findWithShop(dealId))!;
    written = await seedDemoReviews(t.repos, [{ shop, placeKey: "peoples-square", language: "zh", deals: [deal] }], NOW);
  });
  afterAll(() => t.close());

  it("writes each review behind a redeemed voucher of its author, counted in the shop's rating", async () => {
    expect(written).toBeGreaterThanOrEqual(2);
    const reviews = await t.db.review.findMany({ orderBy: { id: "asc" } });
    expect(reviews).toHaveLength(written);
    const vouchers = await t.db.voucher.findMany({ where: { id: { in: reviews.map((r) => r.voucherId) } } });
    expect(vouchers.every((v) => v.status === "REDEEMED" && reviews.some((r) => r.voucherId === v.id && r.authorId === v.holderId))).toBe(true);
    expect(reviews.every((r) => DEMO_REVIEWERS.some((u) => BigInt(u.id) === r.authorId && u.language === "zh"))).toBe(true);
    const shop = (await t.repos.shops.find(shopId))!;
    expect([shop.ratingCount, shop.ratingSum]).toEqual([written, reviews.reduce((sum, r) => sum + r.stars, 0)]);
    expect((await t.db.deal.findFirst())!.soldCount).toBe(written);
  });

  it("reads the stars given by voucher, none for a voucher without a review", async () => {
    const reviews = await t.db.review.findMany();
    const stars = await t.repos.reviews.starsByVoucher([...reviews.map((r) => r.voucherId), 999_999]);
    expect(stars).toEqual(new Map(reviews.map((r) => [r.voucherId, r.stars])));
    expect(await t.repos.reviews.starsByVoucher([])).toEqual(new Map());
  });
});
