// The nearby query through the real repository and service, on a temporary
// SQLite file migrated like production, against a naive full scan that must
// return exactly the same list.
import { mkdtempSync, rmSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { openDatabase } from "../src/db/client.js";
import { createDealRepository, type DealRepository } from "../src/db/deal.repository.js";
import { CATEGORIES } from "../src/domain/categories.js";
import { cellsOf } from "../src/domain/geo.js";
import { isOnSale, rankWithinRadius, RADIUS_CHOICES_KM } from "../src/domain/nearby.js";
import { createRandom, offsetMeters } from "../src/seed/random.js";
import { createNearbyService, type NearbyDeal, type NearbyQuery } from "../src/services/nearby.service.js";
import { BENCH_NOW, generateWorld, sqliteDate, type WorldDeal } from "./nearby-world.js";
import { median, msSince, percentile } from "./stats.js";

export interface NearbyBenchOptions {
  size: number;
  queries: number;
  /** How many of the queries are also timed through the naive scan. */
  naiveSamples: number;
  warmup: number;
  seed: number;
  log: (line: string) => void;
}

export interface NearbyBenchResult {
  size: number;
  queries: number;
  naiveSamples: number;
  indexed: { p50: number; p99: number };
  naive: { p50: number; p99: number };
  /**
   * Each query timed twice more after the pass above, keeping its
   * fastest time: on a machine shared with other work, what the search costs
   * when it is not preempted. Shown beside the plain figures, never instead.
   */
  indexedBestOf3: { p50: number; p99: number };
  /** The machine's load average (1 min) before and after the indexed timings. */
  load: { before: number; after: number };
  /** Deal rows the searches read from the database. */
  candidates: { p50: number; p99: number };
  /** Queries (round trips to the database) per search. */
  reads: { p50: number; p99: number; max: number };
  results: { p50: number; p99: number };
  verifiedAgainstNaive: number;
  verifiedAgainstOracle: number;
  loadSeconds: number;
}

// Radii as people would pick them: the default most of the time.
const RADIUS_WEIGHTS: Record<(typeof RADIUS_CHOICES_KM)[number], number> = { 1: 10, 3: 20, 5: 50, 10: 12, 25: 8 };
const CATEGORY_FILTER_SHARE = 0.3;

interface StoredResult {
  ids: Int32Array;
  scores: Float64Array;
  distances: Float64Array;
  digest: string;
}

export async function benchNearby(opts: NearbyBenchOptions): Promise<NearbyBenchResult> {
  const { size, log } = opts;
  const dir = mkdtempSync(path.join(tmpdir(), "nearbuy-bench-"));
  const file = path.join(dir, "bench.db");
  const db = openDatabase(`file:${file}`);
  try {
    const t0 = process.hrtime.bigint();
    const positions = loadWorld(file, size, opts.seed);
    const loadSeconds = msSince(t0) / 1000;
    log(`  ${size.toLocaleString("en")} deals loaded in ${loadSeconds.toFixed(1)} s`);

    const queries = makeQueries(positions, opts.queries + opts.warmup, opts.seed + 1);
    const warmup = queries.slice(0, opts.warmup);
    const timed = queries.slice(opts.warmup);

    const counted = countingRepository(createDealRepository(db));
    const nearby = createNearbyService({ deals: counted.repo, clock: () => BENCH_NOW });
    for (const q of warmup) await nearby.search(q);

    const loadBefore = loadavg()[0]!;
    const indexedMs: number[] = [];
    const candidateCounts: number[] = [];
    const readCounts: number[] = [];
    const stored: StoredResult[] = [];
    for (const q of timed) {
      counted.reads = 0;
      counted.candidates = 0;
      const start = process.hrtime.bigint();
      const result = await nearby.search(q);
      indexedMs.push(msSince(start));
      candidateCounts.push(counted.candidates);
      readCounts.push(counted.reads);
      stored.push(store(result));
    }
    const bestMs = [...indexedMs];
    for (const [i, q] of timed.entries()) {
      for (let k = 0; k < 2; k++) {
        const start = process.hrtime.bigint();
        await nearby.search(q);
        bestMs[i] = Math.min(bestMs[i]!, msSince(start));
      }
    }
    const load = { before: loadBefore, after: loadavg()[0]! };
    log(`  indexed: ${timed.length} queries done (load average ${load.before.toFixed(1)} → ${load.after.toFixed(1)} on ${cpus().length} cores)`);

    // The naive side needs every row in memory; generated again from the seed
    // so the indexed timings above ran without that heap.
    const rows: WorldDeal[] = [];
    generateWorld(size, opts.seed, () => {}, (d) => rows.push(d));
    const oracle = createOracle(rows);

    const naiveMs: number[] = [];
    let verifiedAgainstNaive = 0;
    let verifiedAgainstOracle = 0;
    const naiveEvery = Math.max(1, Math.floor(timed.length / opts.naiveSamples));
    for (const [i, q] of timed.entries()) {
      const expectedFromOracle = oracle(q);
      if (i % naiveEvery === 0 && naiveMs.length < opts.naiveSamples) {
        const start = process.hrtime.bigint();
        const expected = naiveSearch(rows, q);
        naiveMs.push(msSince(start));
        assertSame(stored[i]!, expected, q, `naive scan, ${size} deals`);
        // The oracle only skips rows a box proves too far; check it agrees.
        assertSame(store(expectedFromOracle), expected, q, `oracle vs naive, ${size} deals`);
        verifiedAgainstNaive++;
      } else {
        assertSame(stored[i]!, expectedFromOracle, q, `box-filtered scan, ${size} deals`);
        verifiedAgainstOracle++;
      }
    }
    log(`  naive: ${naiveMs.length} queries timed; all ${timed.length} results verified`);

    return {
      size,
      queries: timed.length,
      naiveSamples: naiveMs.length,
      indexed: { p50: median(indexedMs), p99: percentile(indexedMs, 99) },
      naive: { p50: median(naiveMs), p99: percentile(naiveMs, 99) },
      indexedBestOf3: { p50: median(bestMs), p99: percentile(bestMs, 99) },
      load,
      candidates: { p50: median(candidateCounts), p99: percentile(candidateCounts, 99) },
      reads: { p50: median(readCounts), p99: percentile(readCounts, 99), max: Math.max(...readCounts) },
      results: { p50: median(stored.map((s) => s.ids.length)), p99: percentile(stored.map((s) => s.ids.length), 99) },
      verifiedAgainstNaive,
      verifiedAgainstOracle,
      loadSeconds,
    };
  } finally {
    await db.$disconnect();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Bulk insert straight through the driver, in one transaction; returns every deal's position. */
export function loadWorld(file: string, size: number, seed: number): Float64Array {
  const raw = new Database(file);
  raw.pragma("synchronous = OFF");
  raw.pragma("cache_size = -262144");
  const stamp = sqliteDate(BENCH_NOW);
  const insertUser = raw.prepare(`INSERT INTO "User" (id, firstName, createdAt, updatedAt) VALUES (?, ?, ?, ?)`);
  const insertShop = raw.prepare(
    `INSERT INTO "Shop" (id, ownerId, name, category, lat, lng, address, openingHours, status, createdAt, updatedAt)
     VALUES (?, ?, ?, ?, ?, ?, ?, '10:00–22:00', 'APPROVED', ?, ?)`,
  );
  const insertDeal = raw.prepare(
    `INSERT INTO "Deal" (id, shopId, title, description, finePrint, currency, priceMinor, originalPriceMinor,
       quantity, stockLeft, perPersonLimit, soldCount, voucherValidDays, status, category, lat, lng,
       cell4, cell5, cell6, startsAt, endsAt, createdAt, updatedAt)
     VALUES (?, ?, ?, ?, '', ?, ?, ?, ?, ?, 2, ?, 30, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const positions = new Float64Array(size * 2);
  raw.transaction(() => {
    generateWorld(
      size,
      seed,
      (s) => {
        insertUser.run(s.ownerId, `Owner ${s.id}`, stamp, stamp);
        insertShop.run(s.id, s.ownerId, s.name, s.category, s.lat, s.lng, s.address, stamp, stamp);
      },
      (d) => {
        const { cell4, cell5, cell6 } = cellsOf(d);
        insertDeal.run(
          d.id, d.shopId, d.title, d.description, d.currency, d.priceMinor, d.originalPriceMinor,
          d.quantity, d.stockLeft, d.soldCount, d.status, d.category, d.lat, d.lng,
          cell4, cell5, cell6, sqliteDate(d.startsAt), sqliteDate(d.endsAt), stamp, stamp,
        );
        positions[(d.id - 1) * 2] = d.lat;
        positions[(d.id - 1) * 2 + 1] = d.lng;
      },
    );
  })();
  raw.close();
  return positions;
}

/** People search where the deals are: near a random deal, mostly with the default radius. */
function makeQueries(positions: Float64Array, count: number, seed: number): NearbyQuery[] {
  const r = createRandom(seed);
  const radii: number[] = [];
  for (const km of RADIUS_CHOICES_KM) for (let i = 0; i < RADIUS_WEIGHTS[km]; i++) radii.push(km);
  const n = positions.length / 2;
  const queries: NearbyQuery[] = [];
  for (let i = 0; i < count; i++) {
    const k = r.int(0, n - 1);
    const point = offsetMeters(positions[k * 2]!, positions[k * 2 + 1]!, r.gaussian() * 1000, r.gaussian() * 1000);
    const radiusM = r.pick(radii) * 1000;
    const category = r.chance(CATEGORY_FILTER_SHARE) ? r.pick(CATEGORIES) : undefined;
    queries.push(category ? { point, radiusM, category } : { point, radiusM });
  }
  return queries;
}

/** The real repository, counting the queries a search makes and the deal rows they return. */
function countingRepository(inner: DealRepository) {
  const counter = { reads: 0, candidates: 0, repo: inner };
  counter.repo = {
    ...inner,
    async countActiveInCells(cells, category) {
      counter.reads++;
      return inner.countActiveInCells(cells, category);
    },
    async findOnSaleInCells(q) {
      counter.reads++;
      const rows = await inner.findOnSaleInCells(q);
      counter.candidates += rows.length;
      return rows;
    },
  };
  return counter;
}

function naiveSearch(rows: WorldDeal[], { point, radiusM, category }: NearbyQuery) {
  const onSale = rows.filter((d) => isOnSale(d, BENCH_NOW, category));
  return rankWithinRadius(onSale, point, radiusM, BENCH_NOW);
}

/**
 * The naive scan with one shortcut: rows outside a generous lat/lng box
 * (10% + 1 km wider than the radius, every longitude near a pole) are skipped
 * before geolib is asked. Used where the full scan is too slow to run for
 * every query; checked against the full scan wherever both run.
 */
function createOracle(rows: WorldDeal[]) {
  const lats = new Float64Array(rows.map((d) => d.lat));
  const lngs = new Float64Array(rows.map((d) => d.lng));
  return ({ point, radiusM, category }: NearbyQuery) => {
    const marginLat = (radiusM * 1.1 + 1000) / 110_000;
    const worstLat = Math.abs(point.lat) + marginLat;
    const marginLng = worstLat >= 89 ? 360 : marginLat / Math.cos((worstLat * Math.PI) / 180);
    const near: WorldDeal[] = [];
    for (let i = 0; i < rows.length; i++) {
      if (Math.abs(lats[i]! - point.lat) > marginLat) continue;
      let dLng = Math.abs(lngs[i]! - point.lng);
      if (dLng > 180) dLng = 360 - dLng;
      if (dLng > marginLng) continue;
      const d = rows[i]!;
      if (isOnSale(d, BENCH_NOW, category)) near.push(d);
    }
    return rankWithinRadius(near, point, radiusM, BENCH_NOW);
  };
}

type Listed = Pick<NearbyDeal, "id" | "title" | "currency" | "priceMinor" | "originalPriceMinor" | "soldCount" | "startsAt" | "lat" | "lng" | "distanceM" | "score">;

function store(result: Listed[]): StoredResult {
  return {
    ids: Int32Array.from(result, (d) => d.id),
    scores: Float64Array.from(result, (d) => d.score),
    distances: Float64Array.from(result, (d) => d.distanceM),
    digest: digest(result),
  };
}

/** Every display field, so a fast path that fetched the wrong columns is caught too. */
function digest(result: Listed[]): string {
  let h = 0x811c9dc5;
  for (const d of result) {
    const s = `${d.id}|${d.title}|${d.currency}|${d.priceMinor}|${d.originalPriceMinor}|${d.soldCount}|${d.startsAt.getTime()}|${d.lat}|${d.lng}`;
    for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  }
  return (h >>> 0).toString(16);
}

function assertSame(actual: StoredResult, expectedList: Listed[], q: NearbyQuery, against: string): void {
  const expected = store(expectedList);
  const where = `query ${JSON.stringify(q)} (${against})`;
  if (actual.ids.length !== expected.ids.length) {
    throw new Error(`MISMATCH: ${actual.ids.length} results, expected ${expected.ids.length}: ${where}`);
  }
  for (let i = 0; i < actual.ids.length; i++) {
    if (actual.ids[i] !== expected.ids[i] || actual.scores[i] !== expected.scores[i] || actual.distances[i] !== expected.distances[i]) {
      throw new Error(
        `MISMATCH at position ${i}: got deal ${actual.ids[i]} (score ${actual.scores[i]}), expected ${expected.ids[i]} (score ${expected.scores[i]}): ${where}`,
      );
    }
  }
  if (actual.digest !== expected.digest) throw new Error(`MISMATCH in the listed fields: ${where}`);
}
