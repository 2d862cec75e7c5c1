// /stats on a shop with a million events: the figures through the real
// repository and service, on a temporary SQLite file migrated like production
// (so the counter trigger fills the hourly counters as the events go in), or
// on a PostgreSQL database holding a copy of those rows,
// beside the same counts taken by scanning the raw events, which must agree.
import { mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { openDatabase } from "../src/db/client.js";
import { numbered } from "../src/db/postgres-client.js";
import { createRepositories } from "../src/db/repositories.js";
import { cellsOf } from "../src/domain/geo.js";
import { channelOf, PERIODS, periodRange, type Period } from "../src/domain/stats.js";
import { timeZoneOf } from "../src/domain/local-time.js";
import { createRandom } from "../src/seed/random.js";
import { createStatsService } from "../src/core/stats.service.js";
import { sqliteDate } from "./nearby-world.js";
import { median, msSince, percentile } from "./stats.js";
import pg from "pg";
import { applyMigrations } from "../src/db/migrate.js";
import { copyFromSqlite, createBenchDatabase, pgDate } from "./bench-postgres.js";

export interface StatsBenchOptions {
  database: "SQLite" | "PostgreSQL";
  events: number;
  queries: number;
  warmup: number;
  seed: number;
  log: (line: string) => void;
}

export interface StatsBenchRow {
  period: Period | "offer, 30d";
  p50: number;
  p99: number;
  scanP50: number;
  events: number;
}

export interface StatsBenchResult {
  database: "SQLite" | "PostgreSQL";
  /** The machine's load average (1 min) before and after the timings. */
  load: { before: number; after: number };
  events: number;
  counterRows: number;
  loadSeconds: number;
  rows: StatsBenchRow[];
}

const NOW = new Date("2026-11-24T10:17:23Z");
const DAY = 86_400_000;
const HISTORY_DAYS = 180;
const DEALS = 20;
const SHOP = { lat: 31.2304, lng: 121.4737 };
const SOURCES = ["nearby", "nearby", "nearby", "search", "link", "link:qr", "push:1", "push:2", "push:3"];
const TYPES = ["IMPRESSION", "IMPRESSION", "IMPRESSION", "IMPRESSION", "VIEW", "PUSH"];

export async function benchStats(opts: StatsBenchOptions): Promise<StatsBenchResult> {
  const dir = mkdtempSync(path.join(tmpdir(), "nearbuy-stats-bench-"));
  const file = path.join(dir, "bench.db");
  const postgres = opts.database === "PostgreSQL" ? await createBenchDatabase("stats") : undefined;
  const db = openDatabase(postgres ? postgres.url : `file:${file}`);
  try {
    const t0 = process.hrtime.bigint();
    // PostgreSQL gets the very rows SQLite's loader wrote (and its triggers counted).
    if (postgres) applyMigrations(`file:${file}`);
    const dealIds = load(file, opts.events, opts.seed);
    if (postgres) {
      const source = new Database(file, { readonly: true });
      await copyFromSqlite(source, postgres.url, ["User", "Shop", "Deal", "Event", "EventCounter", "Order", "Voucher"]);
      source.close();
    }
    const loadSeconds = msSince(t0) / 1000;
    opts.log(`  ${opts.database}: ${opts.events.toLocaleString("en")} events (and a neighbour's) loaded in ${loadSeconds.toFixed(1)} s`);

    const repos = createRepositories(db);
    const stats = createStatsService({ stats: repos.stats, deals: repos.deals, reviews: repos.reviews, clock: () => NOW });
    const shop = (await repos.shops.findByOwner(1n))!;
    const zone = timeZoneOf(shop);
    const scanSql = `SELECT "type", "source", COUNT(*) AS n FROM "Event" WHERE "dealId" IN (${dealIds.join(",")})
       AND "createdAt" >= ? AND "createdAt" < ? GROUP BY "type", "source"`;
    const raw = postgres ? undefined : new Database(file, { readonly: true });
    const rawPg = postgres ? new pg.Client({ connectionString: postgres.url }) : undefined;
    await rawPg?.connect();
    const scanPg = numbered(scanSql);
    const scan = async (from: Date, to: Date): Promise<{ type: string; source: string; n: number }[]> =>
      raw
        ? (raw.prepare(scanSql).all(sqliteDate(from), sqliteDate(to)) as { type: string; source: string; n: number }[])
        : (await rawPg!.query(scanPg, [pgDate(from), pgDate(to)])).rows.map((r) => ({ ...r, n: Number(r.n) }));
    const loadBefore = loadavg()[0]!;

    const rows: StatsBenchRow[] = [];
    const cases: [StatsBenchRow["period"], Period, number | undefined][] = [
      ...PERIODS.map((p) => [p, p, undefined] as [Period, Period, undefined]),
      ["offer, 30d", "30d", dealIds[0]],
    ];
    for (const [label, period, dealId] of cases) {
      for (let i = 0; i < opts.warmup; i++) await stats.figures(shop, period, dealId);
      const ms: number[] = [];
      let figures = await stats.figures(shop, period, dealId);
      for (let i = 0; i < opts.queries; i++) {
        const start = process.hrtime.bigint();
        figures = await stats.figures(shop, period, dealId);
        ms.push(msSince(start));
      }
      // The same event counts by scanning every raw event of the shop in the period.
      const { from, to } = periodRange(period, NOW, zone);
      const scanMs: number[] = [];
      let scanned = new Map<string, number>();
      for (let i = 0; i < Math.max(3, Math.round(opts.queries / 20)); i++) {
        const start = process.hrtime.bigint();
        scanned = new Map();
        for (const r of await scan(from, to)) {
          const key = `${r.type}/${channelOf(r.source)}`;
          scanned.set(key, (scanned.get(key) ?? 0) + r.n);
        }
        scanMs.push(msSince(start));
      }
      if (dealId === undefined) {
        const total = (type: string) => [...scanned].filter(([k]) => k.startsWith(`${type}/`)).reduce((a, [, n]) => a + n, 0);
        const expected = { impressions: total("IMPRESSION"), views: total("VIEW"), pushes: total("PUSH") };
        const got = { impressions: figures.impressions, views: figures.views, pushes: figures.pushes };
        if (JSON.stringify(expected) !== JSON.stringify(got)) {
          throw new Error(`counters disagree with the scan for ${label}: ${JSON.stringify(got)} vs ${JSON.stringify(expected)}`);
        }
      }
      rows.push({
        period: label,
        p50: median(ms),
        p99: percentile(ms, 99),
        scanP50: dealId === undefined ? median(scanMs) : Number.NaN,
        events: figures.impressions + figures.views + figures.pushes,
      });
      opts.log(`  ${label}: ${opts.queries} queries done`);
    }
    const loadAverage = { before: loadBefore, after: loadavg()[0]! };
    raw?.close();
    await rawPg?.end();
    const counterRows = await db.eventCounter.count();
    return { database: opts.database, load: loadAverage, events: opts.events, counterRows, loadSeconds, rows };
  } finally {
    await db.$disconnect();
    await postgres?.drop();
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * One shop with DEALS offers and `events` events over HISTORY_DAYS days (more
 * of them recently), a neighbour with a tenth as many, and orders and vouchers
 * at a few percent of the views. Straight through the driver, in one transaction.
 */
function load(file: string, events: number, seed: number): number[] {
  const raw = new Database(file);
  raw.pragma("synchronous = OFF");
  const random = createRandom(seed).next;
  const stamp = sqliteDate(NOW);
  const dealIds: number[] = [];
  raw.transaction(() => {
    const user = raw.prepare(`INSERT INTO "User" ("id", "firstName", "createdAt", "updatedAt") VALUES (?, ?, ?, ?)`);
    for (let u = 1; u <= 5000; u++) user.run(u, `U${u}`, stamp, stamp);
    const shop = raw.prepare(
      `INSERT INTO "Shop" ("ownerId", "name", "category", "lat", "lng", "address", "openingHours", "status", "createdAt", "updatedAt")
       VALUES (?, ?, 'food', ?, ?, 'x', 'x', 'APPROVED', ?, ?)`,
    );
    const deal = raw.prepare(
      `INSERT INTO "Deal" ("shopId", "title", "currency", "priceMinor", "originalPriceMinor", "quantity", "stockLeft", "perPersonLimit",
        "voucherValidDays", "status", "category", "lat", "lng", "cell4", "cell5", "cell6", "startsAt", "endsAt", "createdAt", "updatedAt")
       VALUES (?, ?, 'CNY', 2000, 3000, 100000, 100000, 5, 30, 'ACTIVE', 'food', ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const cells = cellsOf(SHOP);
    const shopIds = [1, 2].map((owner) => Number(shop.run(owner, `Shop ${owner}`, SHOP.lat, SHOP.lng, stamp, stamp).lastInsertRowid));
    const neighbourDeals: number[] = [];
    for (let i = 0; i < DEALS; i++) {
      for (const [s, list] of [[shopIds[0]!, dealIds], [shopIds[1]!, neighbourDeals]] as const) {
        list.push(Number(deal.run(s, `Deal ${i}`, SHOP.lat, SHOP.lng, cells.cell4, cells.cell5, cells.cell6, stamp, stamp, stamp, stamp).lastInsertRowid));
      }
    }
    // A growing shop: the density of events falls linearly from now to HISTORY_DAYS ago.
    const when = () => new Date(NOW.getTime() - Math.floor(HISTORY_DAYS * DAY * (1 - Math.sqrt(1 - random()))) - 1);
    const event = raw.prepare(`INSERT INTO "Event" ("type", "dealId", "userId", "source", "createdAt") VALUES (?, ?, ?, ?, ?)`);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
    for (const [list, n] of [[dealIds, events], [neighbourDeals, Math.round(events / 10)]] as const) {
      for (let i = 0; i < n; i++) event.run(pick(TYPES), pick(list), 1 + Math.floor(random() * 5000), pick(SOURCES), sqliteDate(when()));
    }
    const order = raw.prepare(
      `INSERT INTO "Order" ("dealId", "buyerId", "quantity", "currency", "unitPriceMinor", "unitOriginalMinor", "totalMinor", "status", "source",
        "reservedUntil", "paidAt", "createdAt", "updatedAt") VALUES (?, ?, ?, 'CNY', 2000, 3000, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const voucher = raw.prepare(
      `INSERT INTO "Voucher" ("code", "orderId", "dealId", "holderId", "status", "expiresAt", "redeemedAt", "createdAt", "updatedAt")
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    let code = 0;
    for (let i = 0; i < Math.round(events / 50); i++) {
      const at = when();
      const paid = random() < 0.8;
      const quantity = 1 + Math.floor(random() * 2);
      const dealId = pick(dealIds);
      const buyer = 1 + Math.floor(random() * 5000);
      const status = paid ? (random() < 0.03 ? "REFUNDED" : "PAID") : "EXPIRED";
      const orderId = Number(
        order.run(dealId, buyer, quantity, 2000 * quantity, status, pick(SOURCES), sqliteDate(at), paid ? sqliteDate(at) : null, sqliteDate(at), stamp).lastInsertRowid,
      );
      if (!paid) continue;
      for (let q = 0; q < quantity; q++) {
        const redeemed = status === "PAID" && random() < 0.6;
        const redeemedAt = redeemed ? sqliteDate(new Date(Math.min(NOW.getTime() - 1, at.getTime() + random() * 3 * DAY))) : null;
        voucher.run(`B${code++}`, orderId, dealId, buyer, redeemed ? "REDEEMED" : status === "REFUNDED" ? "REFUNDED" : "ACTIVE", sqliteDate(new Date(at.getTime() + 30 * DAY)), redeemedAt, stamp, stamp);
      }
    }
  })();
  raw.pragma("optimize");
  raw.close();
  return dealIds;
}
