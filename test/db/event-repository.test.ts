// Events are written with one plain INSERT: they must be stored as the
// client stores them (the merchant's numbers compare their dates as text),
// feed the counters' trigger, and a list of any length is written whole.
// The queue (impressions) is written straight on the driver: never inside
// a transaction of the client's, and on SQLite with its checkpoints moved
// to a thread.
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { sqliteFilePath } from "../../src/db/migrate.js";
import { CHECKPOINT_EVERY_MS } from "../../src/db/wal-checkpointer.js";
import { cellsOf } from "../../src/domain/geo.js";
import { describeEachDatabase } from "../support/databases.js";
import { createTestDb, type TestDb } from "../support/test-db.js";

const AT = new Date("2026-11-29T01:02:03.456Z");
const PLACE = { lat: 31.23, lng: 121.47 };

/** An owner, a viewer (user 2) and one deal of the owner's shop. */
async function aDeal(t: TestDb) {
  await t.repos.users.ensure({ id: 1, firstName: "Owner" });
  await t.repos.users.ensure({ id: 2, firstName: "Viewer" });
  const shop = await t.repos.shops.create({
    ownerId: 1n, name: "Shop", category: "food", ...PLACE, address: "1 Test Street", openingHours: "", status: "APPROVED", currency: "CNY",
  });
  return t.repos.deals.create({
    shopId: shop.id, title: "Noodles", description: "", finePrint: "", photoFileId: null, currency: "CNY", priceMinor: 1800, originalPriceMinor: 3000,
    quantity: 10, stockLeft: 10, perPersonLimit: 1, voucherValidDays: 30, status: "ACTIVE", category: "food", ...PLACE, ...cellsOf(PLACE),
    startsAt: AT, endsAt: new Date(AT.getTime() + 86_400_000),
  });
}

const impressionsOf = (dealId: number, n: number) => Array.from({ length: n }, () => ({ type: "IMPRESSION" as const, dealId, userId: 2n, source: "nearby" }));

describeEachDatabase("recording events", (open) => {
  let t: TestDb;
  afterEach(() => t.close());

  it("stores them as the client does, counts them, and writes a long list whole", async () => {
    t = await open();
    const deal = await aDeal(t);

    await t.repos.events.record([], AT);
    expect(await t.repos.events.count({})).toBe(0);
    await t.repos.events.record([{ type: "VIEW", dealId: deal.id, userId: 2n, source: "link:abc" }], AT);
    await t.db.event.create({ data: { type: "VIEW", dealId: deal.id, userId: 2n, source: "link:abc", createdAt: AT } });
    const [ours, clients] = await t.db.$queryRawUnsafe<{ type: string; dealId: number; userId: bigint; source: string; createdAt: string }[]>(
      `SELECT "type", "dealId", "userId", "source", CAST("createdAt" AS TEXT) AS "createdAt" FROM "Event" ORDER BY "id"`,
    );
    expect(ours).toEqual(clients);

    const many = Array.from({ length: 2500 }, () => ({ type: "IMPRESSION" as const, dealId: deal.id, userId: 2n, source: "nearby" }));
    await t.repos.events.record(many, AT);
    expect(await t.repos.events.count({ type: "IMPRESSION", dealId: deal.id, userId: 2n })).toBe(2500);
    const counted = await t.db.eventCounter.findMany({ where: { dealId: deal.id, unit: "d" } });
    expect(Object.fromEntries(counted.map((c) => [`${c.type}:${c.channel}`, c.count]))).toEqual({ "VIEW:link": 2, "IMPRESSION:nearby": 2500 });
  });

  it("writes queued events with their own times, counted like the others, once flushed or read", async () => {
    t = await open();
    const deal = await aDeal(t);
    const later = new Date(AT.getTime() + 2 * 86_400_000);
    const impressions = (n: number) => impressionsOf(deal.id, n);

    t.repos.events.recordSoon(impressions(250), AT);
    t.repos.events.recordSoon([], AT);
    t.repos.events.recordSoon(impressions(3), later);
    expect(await t.repos.events.count({ type: "IMPRESSION", dealId: deal.id })).toBe(253);
    t.repos.events.recordSoon(impressions(1), later);
    await t.repos.events.flush();
    const byDay = await t.db.eventCounter.findMany({ where: { dealId: deal.id, unit: "d" }, orderBy: { bucket: "asc" } });
    expect(byDay.map((c) => [c.bucket * 86_400_000, c.count])).toEqual([
      [Date.UTC(2026, 10, 29), 250],
      [Date.UTC(2026, 11, 1), 4],
    ]);
    const [stored] = await t.db.$queryRawUnsafe<{ createdAt: string }[]>(`SELECT CAST("createdAt" AS TEXT) AS "createdAt" FROM "Event" ORDER BY "id" DESC LIMIT 1`);
    await t.db.event.create({ data: { type: "VIEW", dealId: deal.id, userId: 2n, source: "nearby", createdAt: later } });
    const [clients] = await t.db.$queryRawUnsafe<{ createdAt: string }[]>(`SELECT CAST("createdAt" AS TEXT) AS "createdAt" FROM "Event" ORDER BY "id" DESC LIMIT 1`);
    expect(stored).toEqual(clients);
  });

  it("writes the queue outside the transactions of the same process: one that rolls back takes none of it", async () => {
    t = await open();
    const deal = await aDeal(t);
    const failed = t.db.$transaction(async (tx) => {
      await tx.user.update({ where: { id: 2n }, data: { firstName: "Renamed" } });
      // Queued and flushed while the transaction is open, which then fails.
      t.repos.events.recordSoon(impressionsOf(deal.id, 20), AT);
      const flushed = t.repos.events.flush();
      await new Promise((resolve) => setTimeout(resolve, 20));
      throw Object.assign(new Error("changed my mind"), { flushed });
    });
    const error = (await failed.catch((e: unknown) => e)) as Error & { flushed: Promise<void> };
    expect(error.message).toBe("changed my mind");
    await error.flushed;
    expect((await t.db.user.findUniqueOrThrow({ where: { id: 2n } })).firstName).toBe("Viewer");
    expect(await t.repos.events.count({ type: "IMPRESSION", dealId: deal.id })).toBe(20);
  });
});

describe("the queue's checkpoints (SQLite)", () => {
  let t: TestDb;
  afterEach(() => t?.close());

  it("end with the connection: a process whose last work is closing it exits normally", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "nearbuy-checkpoint-"));
    // The client's queue writes once (starting the thread), then the process has nothing left but the close.
    const script = `
      import { openDatabase, directWriterOf } from ${JSON.stringify(path.resolve("src/db/client.ts"))};
      const db = openDatabase(${JSON.stringify(`file:${path.join(dir, "test.db")}`)});
      await (await directWriterOf(db)).run('CREATE TABLE "Scratch" ("n" INTEGER)', []);
      await db.$disconnect();
      console.log("closed");`;
    const file = path.join(dir, "close.mts");
    writeFileSync(file, script);
    const run = spawnSync(process.execPath, ["--import", "tsx", file], { encoding: "utf8", timeout: 60_000 });
    rmSync(dir, { recursive: true, force: true });
    expect({ status: run.status, stdout: run.stdout.trim(), stderr: run.stderr }).toEqual({ status: 0, stdout: "closed", stderr: "" });
  });

  it("reach the database file from a thread of their own, well before the connection would checkpoint", async () => {
    t = createTestDb();
    const deal = await aDeal(t);
    t.repos.events.recordSoon(impressionsOf(deal.id, 30), AT);
    await t.repos.events.flush();
    // A copy of the file alone, without the write-ahead log, holds what was checkpointed.
    const file = sqliteFilePath(t.url);
    const copy = `${file}.copy`;
    await expect
      .poll(() => {
        copyFileSync(file, copy);
        const db = new Database(copy, { readonly: true });
        try {
          return db.prepare(`SELECT COUNT(*) AS n FROM "Event"`).get() as { n: number };
        } finally {
          db.close();
        }
      }, { timeout: 10 * CHECKPOINT_EVERY_MS, interval: CHECKPOINT_EVERY_MS })
      .toEqual({ n: 30 });
  });
});
