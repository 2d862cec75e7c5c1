// npm run bench: every benchmark, one after the other. BENCH_ONLY=nearby,stats,checkout,push,serve,app
// picks some; BENCH_SIZES=10000,100000 restricts the nearby benchmark to those sizes;
// BENCH_STATS_EVENTS sets the events of the /stats benchmark; BENCH_PUSHES=10000
// sends a full 10k push run (about 6 minutes at 30 messages a second; 1000 by default);
// BENCH_ROUND_TRIP_MS sets the serving benchmark's round trip to the Bot API (50 by default)
// and BENCH_SERVE_PUSHES the push run the replies compete with (1500 by default).
// The nearby, stats and checkout benchmarks run on SQLite and on PostgreSQL
// (BENCH_POSTGRES_URL, else TEST_POSTGRES_URL, else the local server;
// BENCH_DATABASES=SQLite leaves PostgreSQL out); BENCH_INSTANCE_PURCHASES sets
// the purchases of the several-instances figure.
import { cpus, loadavg } from "node:os";
import { benchCheckout, benchCheckoutInstances } from "./checkout.bench.js";
import { BENCH_POSTGRES_URL, postgresAvailable } from "./bench-postgres.js";
import { benchNearby, type BenchDatabaseKind, type NearbyBenchResult } from "./nearby.bench.js";
import { benchApiNearby, benchFirstScreenBytes, benchOpenToMap } from "./mini-app.bench.js";
import { benchMatching, benchSending } from "./push.bench.js";
import { benchStats } from "./stats.bench.js";
import { benchLocationBurst, benchPreCheckout, benchRepliesDuringPushes, benchSlowModel } from "./serve.bench.js";
import { formatMs, table } from "./stats.js";

const DEFAULT_SIZES = [10_000, 100_000, 1_000_000];
/**
 * Searches before the timed ones: until the search is compiled. V8 optimized
 * its async function only after about 1,300 calls (traced), and timing
 * before then measured the compiler.
 */
const NEARBY_WARMUP = 3000;

function sizesFromEnv(): number[] {
  const raw = process.env.BENCH_SIZES?.trim();
  if (!raw) return DEFAULT_SIZES;
  const sizes = raw.split(",").map((s) => Number(s.trim().replace(/_/g, "")));
  if (sizes.some((n) => !Number.isInteger(n) || n <= 0)) {
    throw new Error(`BENCH_SIZES must be a comma-separated list of positive integers, got "${raw}"`);
  }
  return sizes;
}

/**
 * The full scan costs ~1 µs a row: about 40 s of it per size (400 queries at
 * 100k deals, 40 at 1M). The other results are checked against a box-filtered scan.
 */
function naiveSamplesFor(size: number, queries: number): number {
  return Math.min(queries, Math.max(5, Math.round(40_000_000 / size)));
}

interface Target {
  database: BenchDatabaseKind;
  size: number;
  label: string;
  met: (r: NearbyBenchResult) => boolean;
}

const TARGETS: Target[] = [
  { database: "SQLite", size: 100_000, label: "p99 ≤ 2 ms", met: (r) => r.indexed.p99 <= 2 },
  { database: "SQLite", size: 100_000, label: "≥ 100× faster than naive (p50)", met: (r) => r.naive.p50 / r.indexed.p50 >= 100 },
  { database: "SQLite", size: 1_000_000, label: "p99 ≤ 10 ms", met: (r) => r.indexed.p99 <= 10 },
  // Issue 16's targets for PostgreSQL, which pays a network round trip per query.
  { database: "PostgreSQL", size: 100_000, label: "p50 ≤ 1 ms, p99 ≤ 3 ms", met: (r) => r.indexed.p50 <= 1 && r.indexed.p99 <= 3 },
  { database: "PostgreSQL", size: 1_000_000, label: "p50 ≤ 1.5 ms, p99 ≤ 5 ms", met: (r) => r.indexed.p50 <= 1.5 && r.indexed.p99 <= 5 },
];

/** The databases a run compares: SQLite always, PostgreSQL when its server answers (BENCH_DATABASES=SQLite skips it). */
async function databasesToBench(): Promise<BenchDatabaseKind[]> {
  const wanted = (process.env.BENCH_DATABASES ?? "SQLite,PostgreSQL").split(",").map((s) => s.trim().toLowerCase());
  const kinds: BenchDatabaseKind[] = [];
  if (wanted.includes("sqlite")) kinds.push("SQLite");
  if (wanted.includes("postgresql")) {
    const unavailable = await postgresAvailable();
    if (unavailable) console.log(`PostgreSQL left out: ${BENCH_POSTGRES_URL} cannot be used (${unavailable}); BENCH_POSTGRES_URL names another server`);
    else kinds.push("PostgreSQL");
  }
  return kinds;
}

let databases: BenchDatabaseKind[] = [];

/** /stats must answer a shop with a million events in under 200 ms (p99). */
const STATS_P99_TARGET_MS = 200;
const PG_STATS_P99_TARGET_MS = 100;

async function runStatsBench(): Promise<void> {
  const events = Number(process.env.BENCH_STATS_EVENTS ?? 1_000_000);
  console.log(`\n/stats: one shop with ${events.toLocaleString("en")} events`);
  const rows: string[][] = [];
  for (const database of databases) {
    const r = await benchStats({ database, events, queries: 100, warmup: 10, seed: 20261124, log: (line) => console.log(line) });
    console.log(`  ${database}: ${r.counterRows.toLocaleString("en")} counter rows (hourly and daily, per offer and per shop)`);
    for (const row of r.rows) {
      // Issue 16's target for PostgreSQL: p99 ≤ 100 ms on 1M events.
      const target = database === "SQLite" ? `p99 < ${STATS_P99_TARGET_MS} ms` : `p99 ≤ ${PG_STATS_P99_TARGET_MS} ms`;
      const met = database === "SQLite" ? row.p99 < STATS_P99_TARGET_MS : row.p99 <= PG_STATS_P99_TARGET_MS;
      rows.push([
        row.period,
        database,
        row.events.toLocaleString("en"),
        formatMs(row.p50),
        formatMs(row.p99),
        formatMs(row.scanP50),
        `${r.load.before.toFixed(1)}–${r.load.after.toFixed(1)}`,
        `${target}: ${met ? "met" : "MISSED"}`,
      ]);
    }
  }
  // Each period's two databases on adjacent lines (a stable sort keeps the periods' order).
  const order = [...new Set(rows.map((r) => r[0]))];
  rows.sort((a, b) => order.indexOf(a[0]) - order.indexOf(b[0]));
  console.log("\n/stats figures (repository + service, Prisma), both databases\n");
  console.log(table(["period", "database", "events counted", "p50", "p99", "events by raw scan, p50", "load avg", "target"], rows));
  console.log("\nEvery period's event counts equal a scan of the raw events, on each database.");
}

function positiveInt(name: string, fallback: number): number {
  const raw = process.env[name]?.trim();
  const n = raw ? Number(raw.replace(/_/g, "")) : fallback;
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${name} must be a positive integer, got "${raw}"`);
  return n;
}

async function benchPushes(): Promise<void> {
  console.log("\nPush matching: 100,000 subscriptions against 1,000 new offers (in memory, as the job matches after loading)");
  const match = benchMatching(100_000, 1_000);
  console.log(
    `  ${formatMs(match.ms)} for ${match.subscribers.toLocaleString("en")} subscriptions → ${match.digests.toLocaleString("en")} digests, ` +
      `${match.items.toLocaleString("en")} offers (target < 5 s: ${match.ms < 5000 ? "met" : "MISSED"})`,
  );
  const size = positiveInt("BENCH_PUSHES", 1_000);
  const rate = positiveInt("BENCH_PUSH_RATE", 29);
  console.log(`\nPush sending: ${size.toLocaleString("en")} digests through the job, pacer and auto-retry, against the emulator's 30 messages/s with 429s`);
  const send = await benchSending(size, rate, (line) => console.log(line));
  console.log(
    `  ${send.sent.toLocaleString("en")} sent (${send.delivered.toLocaleString("en")} received) in ${send.seconds.toFixed(1)} s: ` +
      `${send.rate.toFixed(1)} messages/s = ${Math.round((send.rate / 30) * 100)}% of the limit (target ≥ 90%: ${send.rate / 30 >= 0.9 ? "met" : "MISSED"}), ` +
      `${send.tooManyRequests} × 429`,
  );
}

async function runNearby(): Promise<void> {
  // A p99 of 400 timings is their 4th slowest: one preemption by another
  // process on a shared 2-core machine moves it. 2000 make it the 20th.
  const queries = positiveInt("BENCH_QUERIES", 2000);
  const started = Date.now();
  console.log(`nearby search: ${queries} timed queries per size after ${NEARBY_WARMUP} to warm up`);
  const results: NearbyBenchResult[] = [];
  for (const size of sizesFromEnv()) {
    console.log(`\n${size.toLocaleString("en")} deals`);
    for (const database of databases) {
      results.push(
        await benchNearby({
          database,
          size,
          queries,
          // The naive scan times the same rows whatever the database: timed once, on SQLite's turn.
          naiveSamples: database === "SQLite" ? naiveSamplesFor(size, queries) : Math.min(5, naiveSamplesFor(size, queries)),
          warmup: NEARBY_WARMUP,
          seed: 20261124,
          log: (line) => console.log(line),
        }),
      );
    }
  }

  console.log("\nNearby search: indexed (repository + service, on the database's read-only connection) vs naive scan (geolib over all rows)\n");
  console.log(
    table(
      ["deals", "database", "queries", "indexed p50", "indexed p99", "best of 3 p50/p99", "same deals by id p50/p99", "load avg", "naive p50", "naive p99", "naive n", "ratio p50", "queries/search p50/p99/max", "candidates p50", "candidates p99", "results p50", "results p99", "targets"],
      results.map((r) => {
        const targets = TARGETS.filter((t) => t.size === r.size && t.database === r.database).map((t) => `${t.label}: ${t.met(r) ? "met" : "MISSED"}`);
        return [
          r.size.toLocaleString("en"),
          r.database,
          String(r.queries),
          formatMs(r.indexed.p50),
          formatMs(r.indexed.p99),
          `${formatMs(r.indexedBestOf3.p50)} / ${formatMs(r.indexedBestOf3.p99)}`,
          `${formatMs(r.byIds.p50)} / ${formatMs(r.byIds.p99)}`,
          `${r.load.before.toFixed(1)}–${r.load.after.toFixed(1)}`,
          formatMs(r.naive.p50),
          formatMs(r.naive.p99),
          String(r.naiveSamples),
          `${Math.round(r.naive.p50 / r.indexed.p50)}×`,
          `${r.reads.p50}/${r.reads.p99}/${r.reads.max}`,
          String(r.candidates.p50),
          String(r.candidates.p99),
          String(r.results.p50),
          String(r.results.p99),
          targets.join("; ") || "—",
        ];
      }),
    ),
  );
  for (const r of results) {
    if (r.verifiedAgainstOracle > 0) {
      console.log(
        `\n${r.size.toLocaleString("en")}, ${r.database}: ${r.verifiedAgainstNaive} results checked against the full naive scan, ` +
          `${r.verifiedAgainstOracle} against the box-filtered scan (itself checked against the naive scan on those ${r.verifiedAgainstNaive}).`,
      );
    }
  }
  console.log(
    "\nTargets are judged on the plain timings (one run per query). 'best of 3' keeps each query's fastest of three runs: " +
      "what a search costs when no other process takes the CPU; the load average says how busy the machine was. " +
      "'same deals by id' reads each search's results again by their ids, one statement each: the floor a search cannot go below on this machine.",
  );
  console.log(`\nAll results equal the naive scan's (same ids, same order, same scores). ${((Date.now() - started) / 1000).toFixed(0)} s in all.`);
}

/** Target: the pre-checkout answer well under Telegram's 10 s, under 1 s at 100 buyers at once. */
const PRE_CHECKOUT_TARGET_MS = 1000;

async function runCheckout(): Promise<void> {
  const purchases = Number(process.env.BENCH_PURCHASES ?? 300);
  const buyers = 100;
  console.log(`\ncheckout: ${purchases} purchases one after another, then ${buyers} buyers at once`);
  const rows: string[][] = [];
  for (const database of databases) {
    const before = loadavg()[0]!;
    const r = await benchCheckout({ database, purchases, buyers });
    const load = `${before.toFixed(1)}–${loadavg()[0]!.toFixed(1)}`;
    rows.push(
      ["purchases per second, one buyer after another", database, r.sequential.perSecond.toFixed(0), "—", load],
      ["time per purchase p50 / p99", database, `${formatMs(r.sequential.p50)} / ${formatMs(r.sequential.p99)}`, "—", load],
      [
        `pre-checkout answer p50 / p99, ${r.concurrent.buyers} buyers at once`,
        database,
        `${formatMs(r.concurrent.preCheckoutP50)} / ${formatMs(r.concurrent.preCheckoutP99)}`,
        `p99 < ${formatMs(PRE_CHECKOUT_TARGET_MS)} (Telegram allows 10 s): ${r.concurrent.preCheckoutP99 < PRE_CHECKOUT_TARGET_MS ? "met" : "MISSED"}`,
        load,
      ],
      [`payments per second, ${r.concurrent.buyers} at once`, database, r.concurrent.paymentsPerSecond.toFixed(0), "—", load],
    );
  }
  console.log("\nCheckout through the real bot (update in → invoice → pre-checkout → vouchers with QR codes out)\n");
  console.log(table(["measure", "database", "figure", "target / baseline", "load avg"], rows));

  // Issue 16: several instances on one database. Each buys with INSTANCE_IN_FLIGHT buyers at a time.
  const total = positiveInt("BENCH_INSTANCE_PURCHASES", 300);
  const instanceRows: string[][] = [];
  for (const database of databases) {
    for (const instances of [1, 3]) {
      const r = await benchCheckoutInstances({ database, instances, purchases: total, inFlight: INSTANCE_IN_FLIGHT });
      const target = database === "PostgreSQL" ? (instances === 1 ? 24 : 50) : undefined;
      instanceRows.push([
        `${instances} instance${instances > 1 ? "s" : ""}`,
        database,
        String(r.purchases),
        r.perSecond.toFixed(0),
        target === undefined ? (instances === 1 ? "24 today (issue 16)" : "comparison") : `≥ ${target}: ${r.perSecond >= target ? "met" : "MISSED"}`,
        `${r.load.before.toFixed(1)}–${r.load.after.toFixed(1)}`,
      ]);
      console.log(`  ${database}, ${instances} instance(s): ${r.perSecond.toFixed(0)} purchases/s`);
    }
  }
  console.log(`\nPurchases a second, end to end, bot processes on one database (${INSTANCE_IN_FLIGHT} buyers in flight per process, one offer)\n`);
  console.log(table(["instances", "database", "purchases", "per second", "target", "load avg"], instanceRows));
}

/** Buyers each instance serves at once in the several-instances figure. */
const INSTANCE_IN_FLIGHT = 4;

/** Issue 14's figures: what the bot did before (measured again here, one update at a time) and now (concurrent). */
async function runServe(): Promise<void> {
  const rtt = Number(process.env.BENCH_ROUND_TRIP_MS ?? 50);
  const pushes = positiveInt("BENCH_SERVE_PUSHES", 1500);
  const s = (ms: number) => (Number.isFinite(ms) ? `${(ms / 1000).toFixed(2)} s` : "never");
  const pct = (rate: number, limit: number) => `${Math.round((rate / limit) * 100)} %`;
  console.log(`\nserving: the real app against the emulator with a ${rtt} ms round trip, one update at a time (before) and concurrently (now)`);
  const rows: string[][] = [];
  const row = (figure: string, before: string, now: string, target: string, met: boolean) => {
    rows.push([figure, before, now, target, met ? "met" : "MISSED"]);
    console.log(`  ${figure}: before ${before}, now ${now} (target ${target}: ${met ? "met" : "MISSED"})`);
  };

  const burstBefore = await benchLocationBurst("sequential", 150, rtt);
  const burstNow = await benchLocationBurst("concurrent", 150, rtt);
  row("150 users share a location at once: wait p50 / p99", `${s(burstBefore.p50)} / ${s(burstBefore.p99)}`, `${s(burstNow.p50)} / ${s(burstNow.p99)}`,
    "≤ 0.5 s / ≤ 1 s", burstNow.p50 <= 500 && burstNow.p99 <= 1000);
  row("users served a second in that burst", burstBefore.perSecond.toFixed(0), burstNow.perSecond.toFixed(0), "≥ 100", burstNow.perSecond >= 100);

  const payBefore = await benchPreCheckout("sequential", 300, 10, rtt);
  const payNow = await benchPreCheckout("concurrent", 300, 10, rtt);
  row("pre-checkout answered behind a 300-update burst, p99", s(payBefore.p99), s(payNow.p99), "≤ 1 s", payNow.p99 <= 1000);

  const quiet = await benchRepliesDuringPushes(pushes, 40, rtt, false);
  const busy = await benchRepliesDuringPushes(pushes, 40, rtt, true);
  const added = busy.replies.p99 - quiet.replies.p99;
  row(`replies during a ${pushes.toLocaleString("en")}-push run, p99 minus p99 without pushes`, "+2.4 s (issue 14)",
    `${added >= 0 ? "+" : ""}${s(added)} (${s(busy.replies.p99)} vs ${s(quiet.replies.p99)})`, "≤ +0.3 s", added <= 300);
  row("push rate vs the configured limit, 429s", "95 %, 0 (issue 14)",
    // Pushes yield to replies by design: the budget is judged whole, pushes plus the replies they made room for.
    `${pct(busy.rate + busy.repliesRate, busy.limit)} (pushes ${pct(busy.rate, busy.limit)} + replies ${pct(busy.repliesRate, busy.limit)}), ${busy.tooManyRequests}`,
    "≥ 90 %, 0", (busy.rate + busy.repliesRate) / busy.limit >= 0.9 && busy.tooManyRequests === 0);

  const calmBefore = await benchSlowModel("sequential", 20, rtt, false);
  const hungBefore = await benchSlowModel("sequential", 20, rtt, true);
  const calmNow = await benchSlowModel("concurrent", 20, rtt, false);
  const hungNow = await benchSlowModel("concurrent", 20, rtt, true);
  row("other users' replies while one model request hangs 4 s, p99 (without the hang)",
    `${s(hungBefore.p99)} (${s(calmBefore.p99)})`, `${s(hungNow.p99)} (${s(calmNow.p99)})`, "unaffected (within 0.3 s)", hungNow.p99 - calmNow.p99 <= 300);

  console.log("\nServing many users at once (issue 14)\n");
  console.log(table(["figure", "before (one update at a time)", "now", "target", ""], rows));
  console.log("\n'Before' is measured in this run with grammY's built-in polling where it can be; the push figures' baseline is the issue's,");
  console.log("since the old pacer that held replies behind pushes is gone.");
}

const FIRST_SCREEN_TARGET_KB = 250;
const OPEN_TO_MAP_TARGET_MS = 1500;
const API_NEARBY_TARGET_MS = 10;

async function runMiniApp(): Promise<void> {
  const bytes = await benchFirstScreenBytes();
  const kb = bytes / 1024;
  const rows = [["JavaScript shipped for the first screen, gzipped (map tiles aside)", `${kb.toFixed(1)} KB`, `≤ ${FIRST_SCREEN_TARGET_KB} KB`, kb <= FIRST_SCREEN_TARGET_KB ? "met" : "MISSED"]];
  const open = await benchOpenToMap(20);
  if (typeof open === "string") rows.push(["app open to deals shown on the map", "not measured", `≤ ${OPEN_TO_MAP_TARGET_MS / 1000} s`, open]);
  else {
    rows.push([`app open to deals shown on the map (${open.deals} deals), warm server, p50 / p99 of 20`, `${formatMs(open.p50)} / ${formatMs(open.p99)}`, `≤ ${OPEN_TO_MAP_TARGET_MS / 1000} s`, open.p99 <= OPEN_TO_MAP_TARGET_MS ? "met" : "MISSED"]);
    rows.push(["  the first open, empty browser cache", formatMs(open.cold), `≤ ${OPEN_TO_MAP_TARGET_MS / 1000} s`, open.cold <= OPEN_TO_MAP_TARGET_MS ? "met" : "MISSED"]);
  }
  const api = await benchApiNearby({ size: 100_000, requests: 1000, warmup: 200, seed: 20261124 });
  rows.push([
    `/api/deals nearby at ${api.size.toLocaleString("en")} deals through HTTP (${api.dealsP50} deals p50), p50 / p99 of ${api.requests}`,
    `${formatMs(api.p50)} / ${formatMs(api.p99)}`,
    `p99 ≤ ${API_NEARBY_TARGET_MS} ms`,
    api.p99 <= API_NEARBY_TARGET_MS ? "met" : "MISSED",
  ]);
  console.log("\nThe Mini App in headless Chromium and its API over HTTP (issue 15)\n");
  console.log(table(["figure", "measured", "target", ""], rows));
  console.log(`\nLoad average (1 min) during the API requests: ${api.load.before.toFixed(1)}–${api.load.after.toFixed(1)} on ${cpus().length} cores.`);
}

async function main(): Promise<void> {
  const only = new Set((process.env.BENCH_ONLY ?? "").split(",").map((s) => s.trim()).filter(Boolean));
  const wanted = (name: string) => only.size === 0 || only.has(name);
  databases = await databasesToBench();
  console.log(`Databases compared: ${databases.join(", ")}; load average ${loadavg().map((l) => l.toFixed(1)).join(" / ")} on ${cpus().length} cores\n`);
  if (wanted("nearby")) await runNearby();
  if (wanted("stats")) await runStatsBench();
  if (wanted("checkout")) await runCheckout();
  if (wanted("push")) await benchPushes();
  if (wanted("serve")) await runServe();
  if (wanted("app")) await runMiniApp();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
