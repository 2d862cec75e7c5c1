// The nearby search, through the real repository on a real SQLite file, lists
// exactly what a scan of every row would: same deals, same order, same figures.
import { afterAll, beforeAll, expect, it } from "vitest";
import { CATEGORIES } from "../src/domain/categories.js";
import { cellsOf, type Point } from "../src/domain/geo.js";
import { isOnSale } from "../src/domain/deal.js";
import { rankWithinRadius, RADIUS_CHOICES_KM } from "../src/domain/nearby.js";
import { createRandom, offsetMeters } from "../src/seed/random.js";
import { createNearbyService, type NearbyQuery } from "../src/core/nearby.service.js";
import { describeEachDatabase } from "./support/databases.js";
import type { TestDb } from "./support/test-db.js";

const NOW = new Date("2026-11-24T12:00:00.000Z");
const DAY_MS = 86_400_000;
const DEALS = 4000;

// Dense city centres, and places where the geometry is awkward.
const CENTRES: Point[] = [
  { lat: 31.2304, lng: 121.4737 }, // Shanghai
  { lat: 40.7128, lng: -74.006 }, // New York
  { lat: -18.1248, lng: 179.98 }, // Fiji, on the antimeridian
  { lat: 0.01, lng: 0.01 }, // where the geohash halves meet
  { lat: 69.6492, lng: 18.9553 }, // Tromsø, far north
];

const listed = (d: { id: number; title: string; currency: string; priceMinor: number; originalPriceMinor: number; soldCount: number; startsAt: Date; lat: number; lng: number; distanceM: number; score: number }) => ({
  id: d.id,
  title: d.title,
  currency: d.currency,
  priceMinor: d.priceMinor,
  originalPriceMinor: d.originalPriceMinor,
  soldCount: d.soldCount,
  startsAt: d.startsAt,
  lat: d.lat,
  lng: d.lng,
  distanceM: d.distanceM,
  score: d.score,
});

describeEachDatabase("when searching nearby", (open) => {
  let t: TestDb;

  beforeAll(async () => {
    t = await open();
    const r = createRandom(1234);
    const shopIds: number[] = [];
    for (let i = 0; i < 20; i++) {
      await t.repos.users.ensure({ id: 5000 + i, firstName: `Owner ${i}` });
      const shop = await t.repos.shops.create({
        ownerId: BigInt(5000 + i), name: `Shop ${i}`, category: "food", lat: 0, lng: 0,
        address: "1 Test Street", openingHours: "09:00–18:00", status: "APPROVED", currency: "CNY",
      });
      shopIds.push(shop.id);
    }
    const rows = [];
    for (let i = 0; i < DEALS; i++) {
      const centre = r.pick(CENTRES);
      const spread = r.pick([300, 2000, 8000]);
      const pos = offsetMeters(centre.lat, centre.lng, r.gaussian() * spread, r.gaussian() * spread);
      const roll = r.next();
      const priceMinor = r.int(0, 50_000);
      rows.push({
        shopId: r.pick(shopIds),
        title: r.pick(["Lunch \"special\"", "两人套餐", "Café ☕ for two", "Back\\slash, comma; and 'quotes'"]) + ` #${i}`,
        currency: r.pick(["CNY", "USD", "FJD"]),
        priceMinor,
        originalPriceMinor: priceMinor + r.int(0, 50_000),
        quantity: 1000,
        stockLeft: roll < 0.1 ? 0 : r.int(1, 1000),
        perPersonLimit: 2,
        soldCount: r.chance(0.2) ? 0 : r.int(0, 5000),
        voucherValidDays: 30,
        status: roll > 0.9 ? "PAUSED" : roll > 0.85 ? "ENDED" : "ACTIVE",
        category: r.pick(CATEGORIES),
        ...pos,
        ...cellsOf(pos),
        startsAt: new Date(NOW.getTime() + (roll > 0.2 && roll < 0.27 ? r.next() * 5 * DAY_MS : -r.next() * 40 * DAY_MS)),
        endsAt: new Date(NOW.getTime() + (roll > 0.3 && roll < 0.37 ? -r.next() * 5 * DAY_MS : r.next() * 40 * DAY_MS + 1000)),
      });
    }
    // Ties on score and distance must fall back to the id: a few deals share a spot and terms.
    const twin = rows[0]!;
    for (let k = 0; k < 3; k++) rows.push({ ...twin, title: `Twin ${k}`, status: "ACTIVE", stockLeft: 5, startsAt: new Date(NOW.getTime() - DAY_MS), endsAt: new Date(NOW.getTime() + DAY_MS) });
    await t.db.deal.createMany({ data: rows });
  });
  afterAll(() => t.close());

  it("lists exactly what a scan of every row lists, in the same order", async () => {
    const all = await t.db.deal.findMany();
    const nearby = createNearbyService({ deals: t.repos.deals, clock: () => NOW });
    const r = createRandom(99);
    let nonEmpty = 0;
    let excludedNearby = 0;
    for (let q = 0; q < 100; q++) {
      const deal = r.pick(all);
      const point = q < 5 ? { lat: all[0]!.lat, lng: all[0]!.lng } : offsetMeters(deal.lat, deal.lng, r.gaussian() * 2000, r.gaussian() * 2000);
      const query: NearbyQuery = { point, radiusM: r.pick(RADIUS_CHOICES_KM) * 1000, ...(r.chance(0.3) ? { category: r.pick(CATEGORIES) } : {}) };
      const expected = rankWithinRadius(all.filter((d) => isOnSale(d, NOW, query.category)), point, query.radiusM, NOW);
      const actual = await nearby.search(query);
      expect(actual.map(listed), JSON.stringify(query)).toEqual(expected.map(listed));
      if (actual.length > 0) nonEmpty++;
      excludedNearby += rankWithinRadius(all, point, query.radiusM, NOW).length - expected.length;
    }
    // The queries must have exercised something: results, and deals left out.
    expect(nonEmpty).toBeGreaterThan(80);
    expect(excludedNearby).toBeGreaterThan(1000);
  });

  it("lists the same when the counts per cell are wrong, reading more to make up", async () => {
    const all = await t.db.deal.findMany();
    let reads = 0;
    let searches = 0;
    // The search by cells, also where the database could find the nearest itself.
    const deals = {
      ...t.repos.deals,
      findNearestOnSale: undefined,
      findOnSaleInCells: (...args: Parameters<typeof t.repos.deals.findOnSaleInCells>) => (reads++, t.repos.deals.findOnSaleInCells(...args)),
    };
    const nearby = createNearbyService({ deals, clock: () => NOW });
    const r = createRandom(7);
    // Counts far too high make the first circle too small; zero counts make it the whole radius.
    for (const distortion of [`"active" * 1000`, `0`, `"active" + 50`]) {
      await t.db.$executeRawUnsafe(`UPDATE "DealCellCount" SET "active" = ${distortion}`);
      for (let q = 0; q < 25; q++) {
        const deal = r.pick(all);
        const point = offsetMeters(deal.lat, deal.lng, r.gaussian() * 1000, r.gaussian() * 1000);
        const query: NearbyQuery = { point, radiusM: r.pick(RADIUS_CHOICES_KM) * 1000, ...(r.chance(0.3) ? { category: r.pick(CATEGORIES) } : {}) };
        const expected = rankWithinRadius(all.filter((d) => isOnSale(d, NOW, query.category)), point, query.radiusM, NOW);
        expect((await nearby.search(query)).map(listed), `${distortion}: ${JSON.stringify(query)}`).toEqual(expected.map(listed));
        searches++;
      }
    }
    expect(reads).toBeGreaterThan(searches * 1.2);
  });

  it("keeps the nearest by id when a mall's many deals tie at the edge of the list", async () => {
    // Nairobi, away from the other deals: 90 deals within 800 m, then 150 in
    // one mall 1 km away, all the same whole metre from the buyer. Of the
    // mall's, the ten with the smallest ids make the list; they are the ones
    // inserted first, and the mall's later deals lie a few centimetres nearer.
    const buyer = { lat: -1.2921, lng: 36.8219 };
    // 998.98 m east on the seed's sphere is 1000.10 m on the domain's; the last of the mall's is 999.95 m.
    const MALL_EAST_M = 998.98;
    const r = createRandom(55);
    const onSale = { status: "ACTIVE", stockLeft: 5, startsAt: new Date(NOW.getTime() - DAY_MS), endsAt: new Date(NOW.getTime() + DAY_MS) };
    const shop = (await t.db.shop.findFirstOrThrow()).id;
    const deal = (title: string, pos: Point) => ({
      shopId: shop, title, currency: "KES", priceMinor: 100, originalPriceMinor: 200, quantity: 5, perPersonLimit: 2, soldCount: 0,
      voucherValidDays: 30, category: "retail", ...onSale, ...pos, ...cellsOf(pos),
    });
    const near = Array.from({ length: 90 }, (_, i) => deal(`Near ${i}`, offsetMeters(buyer.lat, buyer.lng, (r.next() - 0.5) * 1000, (r.next() - 0.5) * 1000)));
    const mall = Array.from({ length: 150 }, (_, i) => deal(`Mall ${i}`, offsetMeters(buyer.lat, buyer.lng, MALL_EAST_M - i * 0.001, 0)));
    for (const row of [...near, ...mall]) await t.db.deal.create({ data: row });

    const all = await t.db.deal.findMany();
    const nearby = createNearbyService({ deals: t.repos.deals, clock: () => NOW });
    const query: NearbyQuery = { point: buyer, radiusM: 3000 };
    const expected = rankWithinRadius(all.filter((d) => isOnSale(d, NOW)), buyer, query.radiusM, NOW);
    expect(expected.filter((d) => d.title.startsWith("Mall")).map((d) => d.title).sort()).toEqual(
      Array.from({ length: 10 }, (_, i) => `Mall ${i}`).sort(),
    );
    expect((await nearby.search(query)).map(listed)).toEqual(expected.map(listed));
  });

  it("finds nothing where there are no deals, and filters by category", async () => {
    const nearby = createNearbyService({ deals: t.repos.deals, clock: () => NOW });
    expect(await nearby.search({ point: { lat: -45, lng: -120 }, radiusM: 25_000 })).toEqual([]);
    const cafes = await nearby.search({ point: CENTRES[0]!, radiusM: 10_000, category: "cafe" });
    expect(cafes.length).toBeGreaterThan(0);
    const ids = new Set(cafes.map((d) => d.id));
    const rows = await t.db.deal.findMany({ where: { id: { in: [...ids] } } });
    expect(rows.every((d) => d.category === "cafe" && isOnSale(d, NOW))).toBe(true);
  });
});
