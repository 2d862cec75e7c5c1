// The saved deals due a reminder, on both databases: ending soon, or with few
// units left, counted or as a share of the offer's quantity.
import { afterEach, beforeEach, expect, it } from "vitest";
import { describeEachDatabase } from "../support/databases.js";
import type { TestDb } from "../support/test-db.js";
import { dealRow, shopRow } from "../console/fixtures.js";

const NOW = new Date("2026-05-10T12:00:00Z");
const SAVER = 700n;

describeEachDatabase("saved deals due a reminder", (openDb) => {
  let t: TestDb;

  beforeEach(async () => {
    t = await openDb();
  });
  afterEach(() => t.close());

  it("finds the one with few units left as a share of its quantity, and not the one with plenty", async () => {
    for (const id of [400n, SAVER]) await t.db.user.create({ data: { id, firstName: `User ${id}` } });
    const shop = await t.db.shop.create({ data: shopRow(400n, { lat: 31.23, lng: 121.47 }) });
    const deal = async (title: string, stockLeft: number) => {
      const row = dealRow(shop, { title });
      return t.db.deal.create({ data: { ...row, quantity: 100, stockLeft, startsAt: new Date("2026-05-01T00:00:00Z"), endsAt: new Date("2026-06-01T00:00:00Z") } });
    };
    const few = await deal("Nearly gone", 8);
    const plenty = await deal("Plenty", 50);
    for (const d of [few, plenty]) await t.db.savedDeal.create({ data: { userId: SAVER, dealId: d.id, createdAt: NOW } });
    // Not ending within a day, more than 3 left: only 8 of 100 (≤ 10 %) is few.
    const due = await t.repos.reminders.savedDue(NOW, new Date("2026-05-11T12:00:00Z"), 3, 0.1);
    expect(due.map((d) => d.deal.title)).toEqual(["Nearly gone"]);
  });
});
