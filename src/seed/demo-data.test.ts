import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "../../test/support/test-db.js";
import { CATEGORIES } from "../domain/categories.js";
import { createNearbyService } from "../core/nearby.service.js";
import { DEMO_PLACES, DEMO_USERS, seedDemoData } from "./demo-data.js";

const NOW = new Date("2026-11-24T09:00:00.000Z");

describe("demo data", () => {
  let t: TestDb;
  let first: Awaited<ReturnType<typeof seedDemoData>>;

  beforeAll(async () => {
    t = createTestDb();
    first = await seedDemoData(t.repos, NOW);
  });
  afterAll(() => t.close());

  it("is written once: seeding again creates nothing", async () => {
    expect(first.created).toBe(true);
    expect(first.shops).toBeGreaterThanOrEqual(200);
    expect(first.deals).toBeGreaterThanOrEqual(300);
    const again = await seedDemoData(t.repos, NOW);
    expect(again).toEqual({ shops: 0, deals: 0, reviews: 0, created: false });
    expect(await t.db.shop.count()).toBe(first.shops);
    expect(await t.db.deal.count()).toBe(first.deals);
  });

  it("gives every demo merchant an approved shop and every demo user an account", async () => {
    for (const user of DEMO_USERS) {
      expect(await t.repos.users.find(BigInt(user.id)), user.key).not.toBeNull();
      if (user.role !== "merchant") continue;
      const shop = await t.repos.shops.findByOwner(BigInt(user.id));
      expect(shop?.status, user.key).toBe("APPROVED");
      expect(await t.db.deal.count({ where: { shopId: shop!.id, status: "ACTIVE" } }), user.key).toBeGreaterThan(0);
    }
    for (const user of DEMO_USERS.filter((u) => u.role === "consumer")) {
      expect(await t.repos.shops.findByOwner(BigInt(user.id)), user.key).toBeNull();
    }
  });

  it("has offers on sale within 3 km of every demo place", async () => {
    const nearby = createNearbyService({ deals: t.repos.deals, clock: () => NOW });
    for (const place of DEMO_PLACES) {
      const found = await nearby.search({ point: place, radiusM: 3000 });
      expect(found.length, place.key).toBeGreaterThanOrEqual(10);
      const currencies = new Set(found.map((d) => d.currency));
      expect([...currencies], place.key).toEqual([place.name.includes("Shanghai") ? "CNY" : "USD"]);
    }
  });

  it("covers every category with plausible offers", async () => {
    const deals = await t.db.deal.findMany();
    for (const category of CATEGORIES) {
      expect(deals.filter((d) => d.category === category).length, category).toBeGreaterThan(0);
    }
    for (const d of deals) {
      expect(d.originalPriceMinor).toBeGreaterThanOrEqual(d.priceMinor);
      expect(d.priceMinor).toBeGreaterThan(0);
      expect(d.endsAt.getTime()).toBeGreaterThan(NOW.getTime());
      expect(d.startsAt.getTime()).toBeLessThanOrEqual(NOW.getTime());
      expect(d.soldCount + d.stockLeft).toBe(d.quantity);
    }
    expect(deals.some((d) => NOW.getTime() - d.startsAt.getTime() > 7 * 86_400_000)).toBe(true);
  });

  it("gives a few shops around every demo place verified reviews, each behind a voucher its author bought and had redeemed", async () => {
    expect(first.reviews).toBeGreaterThanOrEqual(DEMO_PLACES.length * 3 * 2 - 4);
    const reviews = await t.db.review.findMany();
    expect(reviews).toHaveLength(first.reviews);
    for (const review of reviews) {
      const voucher = (await t.db.voucher.findUnique({ where: { id: review.voucherId } }))!;
      expect(voucher.status).toBe("REDEEMED");
      expect(voucher.holderId).toBe(review.authorId);
      expect(voucher.redeemedAt!.getTime()).toBeLessThan(review.createdAt.getTime());
      expect(review.createdAt.getTime()).toBeLessThan(NOW.getTime());
    }
    // The shops' ratings count them; the demo users' own wallets and the demo merchants' pages start empty.
    const rated = await t.db.shop.findMany({ where: { ratingCount: { gt: 0 } } });
    expect(rated.reduce((sum, s) => sum + s.ratingCount, 0)).toBe(first.reviews);
    for (const user of DEMO_USERS) {
      expect(await t.db.voucher.count({ where: { holderId: BigInt(user.id) } }), user.key).toBe(0);
      expect(rated.map((s) => s.ownerId), user.key).not.toContain(BigInt(user.id));
    }
  });

  it("is the same data on every run", async () => {
    const other = createTestDb();
    try {
      await seedDemoData(other.repos, NOW);
      const pick = { select: { title: true, lat: true, lng: true, priceMinor: true, status: true }, orderBy: { id: "asc" as const } };
      expect(await other.db.deal.findMany(pick)).toEqual(await t.db.deal.findMany(pick));
      const reviews = { select: { shopId: true, dealId: true, authorId: true, stars: true, text: true, createdAt: true }, orderBy: { id: "asc" as const } };
      expect(await other.db.review.findMany(reviews)).toEqual(await t.db.review.findMany(reviews));
      const vouchers = { select: { code: true }, orderBy: { id: "asc" as const } };
      expect(await other.db.voucher.findMany(vouchers)).toEqual(await t.db.voucher.findMany(vouchers));
    } finally {
      await other.close();
    }
  });
});
