// The per-cell counts that size the nearby search follow every write to the
// Deal table, whoever makes it: publishing, pausing, ending, moving, deleting.
import { afterAll, beforeAll, expect, it } from "vitest";
import { cellsOf } from "../src/domain/geo.js";
import type { DealStatus } from "../src/domain/lifecycles.js";
import { describeEachDatabase } from "./support/databases.js";
import type { TestDb } from "./support/test-db.js";

const NOW = new Date("2026-11-24T12:00:00.000Z");

describeEachDatabase("the count of active deals per cell", (open) => {
  let t: TestDb;
  let shopId: number;

  beforeAll(async () => {
    t = await open();
    await t.repos.users.ensure({ id: 7000, firstName: "Owner" });
    const shop = await t.repos.shops.create({
      ownerId: 7000n, name: "Shop", category: "food", lat: 31.23, lng: 121.47,
      address: "1 Test Street", openingHours: "09:00–18:00", status: "APPROVED", currency: "CNY",
    });
    shopId = shop.id;
  });
  afterAll(() => t.close());

  const newDeal = (lat: number, lng: number, category: string, status: DealStatus = "ACTIVE") =>
    t.repos.deals.create({
      shopId, title: "Deal", description: "", finePrint: "", photoFileId: null, currency: "CNY",
      priceMinor: 100, originalPriceMinor: 200, quantity: 10, stockLeft: 10, perPersonLimit: 1, voucherValidDays: 30,
      status, category, lat, lng, ...cellsOf({ lat, lng }), startsAt: NOW, endsAt: new Date(NOW.getTime() + 86_400_000),
    });

  /** What the counts should be, from the deals themselves. */
  async function expectedCounts() {
    const counts = new Map<string, number>();
    for (const d of await t.db.deal.findMany({ where: { status: "ACTIVE" } })) {
      for (const cell of [d.cell4, d.cell5, d.cell6]) counts.set(`${cell}|${d.category}`, (counts.get(`${cell}|${d.category}`) ?? 0) + 1);
    }
    return counts;
  }

  async function storedCounts() {
    const rows = await t.db.dealCellCount.findMany({ where: { active: { not: 0 } } });
    return new Map(rows.map((r) => [`${r.cell}|${r.category}`, r.active]));
  }

  it("counts what is published, paused, resumed, moved, recategorised and deleted", async () => {
    const a = await newDeal(31.2304, 121.4737, "food");
    await newDeal(31.2305, 121.4738, "food");
    await newDeal(31.2306, 121.4739, "cafe");
    await newDeal(31.2307, 121.474, "cafe", "PAUSED");
    const far = await newDeal(40.7128, -74.006, "food");
    expect(await storedCounts()).toEqual(await expectedCounts());
    expect((await storedCounts()).get(`${cellsOf({ lat: 31.2304, lng: 121.4737 }).cell6}|food`)).toBe(2);

    await t.db.deal.update({ where: { id: a.id }, data: { status: "PAUSED" } });
    expect(await storedCounts()).toEqual(await expectedCounts());
    await t.db.deal.update({ where: { id: a.id }, data: { status: "ACTIVE" } });
    await t.db.deal.update({ where: { id: a.id }, data: { stockLeft: 3, title: "Renamed" } });
    expect(await storedCounts()).toEqual(await expectedCounts());

    const moved = { lat: 22.5431, lng: 114.0579 };
    await t.db.deal.update({ where: { id: far.id }, data: { ...moved, ...cellsOf(moved), category: "hotel" } });
    expect(await storedCounts()).toEqual(await expectedCounts());

    await t.db.deal.updateMany({ where: { category: "cafe" }, data: { status: "ENDED" } });
    await t.db.deal.delete({ where: { id: a.id } });
    expect(await storedCounts()).toEqual(await expectedCounts());
    expect((await storedCounts()).get(`${cellsOf({ lat: 31.2304, lng: 121.4737 }).cell6}|food`)).toBe(1);
  });
});
