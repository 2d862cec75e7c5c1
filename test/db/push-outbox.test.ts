// The push outbox through its repository, on each database: the offers a run
// matches, the places to match, the digests it plans, who already got what,
// and a digest claimed by one sender only and sent once.
import { afterEach, expect, it } from "vitest";
import { cellsOf } from "../../src/domain/geo.js";
import { describeEachDatabase } from "../support/databases.js";
import type { TestDb } from "../support/test-db.js";

const NOW = new Date("2026-11-24T12:00:00.000Z");
const HOUR = 3_600_000;
const SPOT = { lat: 31.23, lng: 121.47 };

describeEachDatabase("the push outbox", (open) => {
  let t: TestDb;
  afterEach(() => t.close());

  async function setUp() {
    t = await open();
    for (const id of [1, 2, 3]) await t.repos.users.ensure({ id, firstName: `User ${id}` });
    const shop = await t.repos.shops.create({
      ownerId: 1n, name: "Shop", category: "food", ...SPOT, address: "1 Test Street", openingHours: "", status: "APPROVED", currency: "CNY",
    });
    const deal = (title: string, startsAt: Date, stockLeft = 5) =>
      t.repos.deals.create({
        shopId: shop.id, title, description: "", finePrint: "", photoFileId: null, currency: "CNY",
        priceMinor: 100, originalPriceMinor: 200, quantity: 5, stockLeft, perPersonLimit: 1, voucherValidDays: 30,
        status: "ACTIVE", category: "food", ...SPOT, ...cellsOf(SPOT), startsAt, endsAt: new Date(NOW.getTime() + 24 * HOUR),
      });
    const old = await deal("Old", new Date(NOW.getTime() - 48 * HOUR));
    const fresh = await deal("Fresh", new Date(NOW.getTime() - HOUR));
    const soldOut = await deal("Sold out", new Date(NOW.getTime() - HOUR), 0);
    const place = (userId: bigint) =>
      t.repos.subscriptions.create({
        userId, label: "home", ...SPOT, timeZone: "Asia/Shanghai", radiusM: 2000, categories: "", dailyMax: 3, quietStart: 0, quietEnd: 0, locale: "en",
      });
    return { shop, old, fresh, soldOut, places: [await place(2n), await place(3n)] };
  }

  it("matches the offers on sale since the last run, and the places of users with nothing waiting", async () => {
    const { shop, fresh, places } = await setUp();
    await t.db.shop.update({ where: { id: shop.id }, data: { ratingSum: 43, ratingCount: 9 } });
    const since = new Date(NOW.getTime() - 2 * HOUR);
    // With the shop's rating, which ranks the digest.
    const matched = await t.repos.pushes.freshDeals(NOW, since);
    expect(matched.map((d) => ({ id: d.id, startsAt: new Date(d.startsAt), ratingSum: d.ratingSum, ratingCount: d.ratingCount }))).toEqual([
      { id: fresh.id, startsAt: fresh.startsAt, ratingSum: 43, ratingCount: 9 },
    ]);
    expect((await t.repos.subscriptions.forMatching()).map((s) => [s.id, s.userId]).sort()).toEqual(places.map((p) => [p.id, p.userId]).sort());

    await t.repos.pushes.savePlans([{ userId: 2n, items: [{ dealId: fresh.id, subscriptionId: places[0]!.id, followedShopId: null }] }], NOW);
    // User 2 has a digest waiting: not matched again until it leaves the outbox.
    expect((await t.repos.subscriptions.forMatching()).map((s) => s.userId)).toEqual([3n]);
    expect(await t.repos.pushes.pushedOrBoughtPairs([fresh.id])).toEqual(new Set([`2:${fresh.id}`]));
    // Nor is an offer pushed to whoever bought it; a lapsed invoice bought nothing.
    await t.db.user.createMany({ data: [{ id: 4n, firstName: "Buyer" }, { id: 5n, firstName: "Lapsed" }] });
    for (const [buyerId, status] of [[4n, "PAID"], [5n, "EXPIRED"]] as const) {
      await t.db.order.create({
        data: { dealId: fresh.id, buyerId, quantity: 1, currency: "CNY", unitPriceMinor: 100, unitOriginalMinor: 200, totalMinor: 100, status, source: "nearby", reservedUntil: NOW },
      });
    }
    expect(await t.repos.pushes.pushedOrBoughtPairs([fresh.id])).toEqual(new Set([`2:${fresh.id}`, `4:${fresh.id}`]));
    const recent = await t.repos.pushes.recentBySubscription(new Date(NOW.getTime() - HOUR));
    expect(recent.map((r) => ({ subscriptionId: r.subscriptionId, plannedAt: new Date(r.plannedAt) }))).toEqual([
      { subscriptionId: places[0]!.id, plannedAt: NOW },
    ]);
  });

  it("lets one sender claim a digest, and counts a PUSH event per offer once it is sent", async () => {
    const { fresh, places } = await setUp();
    await t.repos.pushes.savePlans([{ userId: 3n, items: [{ dealId: fresh.id, subscriptionId: places[1]!.id, followedShopId: null }] }], NOW);
    const [due] = await t.repos.pushes.duePending(0, 10);
    const claims = await Promise.all([t.repos.pushes.claim(due!.id), t.repos.pushes.claim(due!.id), t.repos.pushes.claim(due!.id)]);
    expect(claims.filter(Boolean)).toHaveLength(1);
    await t.repos.pushes.markSent({ id: due!.id, userId: 3n, dealIds: [fresh.id] }, 77, NOW);
    expect(await t.repos.pushes.delivered(due!.id, 3n, fresh.id)).toBe(true);
    expect(await t.repos.events.count({ dealId: fresh.id, type: "PUSH" })).toBe(1);
    expect(await t.repos.pushes.duePending(0, 10)).toEqual([]);
  });
});
