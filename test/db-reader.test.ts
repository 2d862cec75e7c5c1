// The nearby search reads on its own connection beside Prisma's. A buyer must
// still see an offer the moment it is published and stop seeing it the moment
// it is paused, and closing the client must close that connection too.
import { existsSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { openDatabase, readerOf } from "../src/db/client.js";
import { createDealRepository } from "../src/db/deal.repository.js";
import { sqliteFilePath } from "../src/db/migrate.js";
import { cellsOf } from "../src/domain/geo.js";
import { createNearbyService } from "../src/core/nearby.service.js";
import { describeEachDatabase } from "./support/databases.js";
import { createTestDb, type TestDb } from "./support/test-db.js";

const NOW = new Date("2026-11-24T12:00:00.000Z");
const SHOP = { lat: 31.23, lng: 121.47 };

describeEachDatabase("the nearby search's read-only connection", (open) => {
  let t: TestDb;
  afterEach(() => t.close());

  it("sees an offer as soon as it is published, and not once it is paused", async () => {
    t = await open();
    const nearby = createNearbyService({ deals: t.repos.deals, clock: () => NOW });
    // The reader is open before the offer exists.
    expect(await nearby.search({ point: SHOP, radiusM: 1000 })).toEqual([]);
    await t.repos.users.ensure({ id: 7100, firstName: "Owner" });
    const shop = await t.repos.shops.create({
      ownerId: 7100n, name: "Shop", category: "food", ...SHOP,
      address: "1 Test Street", openingHours: "09:00–18:00", status: "APPROVED", currency: "CNY",
    });
    const deal = await t.repos.deals.create({
      shopId: shop.id, title: "Two bowls of noodles", description: "", finePrint: "", photoFileId: null, currency: "CNY",
      priceMinor: 1800, originalPriceMinor: 3000, quantity: 10, stockLeft: 10, perPersonLimit: 1, voucherValidDays: 30,
      status: "ACTIVE", category: "food", ...SHOP, ...cellsOf(SHOP), startsAt: NOW, endsAt: new Date(NOW.getTime() + 86_400_000),
    });
    expect((await nearby.search({ point: SHOP, radiusM: 1000 })).map((d) => d.title)).toEqual(["Two bowls of noodles"]);
    await t.db.deal.update({ where: { id: deal.id }, data: { status: "PAUSED" } });
    expect(await nearby.search({ point: SHOP, radiusM: 1000 })).toEqual([]);
  });

  it("cannot write", async () => {
    t = await open();
    const reader = await readerOf(t.db);
    await expect(reader.rows(`DELETE FROM "Deal" RETURNING "id"`, [])).rejects.toThrow(/read-?only/i);
  });
});

describe("the SQLite reader", () => {
  let t: TestDb;
  afterEach(() => t.close());

  it("closes with the client, leaving no write-ahead log behind", async () => {
    t = createTestDb();
    await t.db.$disconnect();
    const file = sqliteFilePath(t.url);
    const db = openDatabase(t.url);
    await createNearbyService({ deals: createDealRepository(db), clock: () => NOW }).search({ point: SHOP, radiusM: 5000 });
    expect(existsSync(`${file}-wal`)).toBe(true);
    // SQLite removes the log when the last connection to the file closes.
    await db.$disconnect();
    expect(existsSync(`${file}-wal`)).toBe(false);
  });
});
