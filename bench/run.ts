// npm run bench: every benchmark, one after the other. BENCH_SIZES=10000,100000
// restricts the nearby benchmark to those sizes.
import { benchNearby, type NearbyBenchResult } from "./nearby.bench.js";
import { formatMs, table } from "./stats.js";

const DEFAULT_SIZES = [10_000, 100_000, 1_000_000];

function sizesFromEnv(): number[] {
  const raw = process.env.BENCH_SIZES?.trim();
  if (!raw) return DEFAULT_SIZES;
  const sizes = raw.split(",").map((s) => Number(s.trim().replace(/_/g, "")));
  if (sizes.some((n) => !Number.isInteger(n) || n <= 0)) {
    throw new Error(`BENCH_SIZES must be a comma-separated list of positive integers, got "${raw}"`);
  }
  return sizes;
}

/** The full scan costs ~2 µs a row, so the biggest sizes time it on fewer queries. */
function naiveSamplesFor(size: number, queries: number): number {
  if (size <= 100_000) return queries;
  return Math.max(5, Math.round(20 * (1_000_000 / size)));
}

interface Target {
  size: number;
  label: string;
  met: (r: NearbyBenchResult) => boolean;
}

const TARGETS: Target[] = [
  { size: 100_000, label: "p99 ≤ 2 ms", met: (r) => r.indexed.p99 <= 2 },
  { size: 100_000, label: "≥ 100× faster than naive (p50)", met: (r) => r.naive.p50 / r.indexed.p50 >= 100 },
  { size: 1_000_000, label: "p99 ≤ 10 ms", met: (r) => r.indexed.p99 <= 10 },
];

async function main(): Promise<void> {
  const queries = Number(process.env.BENCH_QUERIES ?? 400);
  const started = Date.now();
  console.log(`nearby search: ${queries} timed queries per size after a warm-up`);
  const results: NearbyBenchResult[] = [];
  for (const size of sizesFromEnv()) {
    console.log(`\n${size.toLocaleString("en")} deals`);
    results.push(
      await benchNearby({
        size,
        queries,
        naiveSamples: naiveSamplesFor(size, queries),
        warmup: 50,
        seed: 20261124,
        log: (line) => console.log(line),
      }),
    );
  }

  console.log("\nNearby search: indexed (repository + service, SQL through Prisma's SQLite driver adapter) vs naive scan (geolib over all rows)\n");
  console.log(
    table(
      ["deals", "queries", "indexed p50", "indexed p99", "best of 3 p50/p99", "load avg", "naive p50", "naive p99", "naive n", "ratio p50", "queries/search p50/p99/max", "candidates p50", "candidates p99", "results p50", "results p99", "targets"],
      results.map((r) => {
        const targets = TARGETS.filter((t) => t.size === r.size).map((t) => `${t.label}: ${t.met(r) ? "met" : "MISSED"}`);
        return [
          r.size.toLocaleString("en"),
          String(r.queries),
          formatMs(r.indexed.p50),
          formatMs(r.indexed.p99),
          `${formatMs(r.indexedBestOf3.p50)} / ${formatMs(r.indexedBestOf3.p99)}`,
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
        `\n${r.size.toLocaleString("en")}: ${r.verifiedAgainstNaive} results checked against the full naive scan, ` +
          `${r.verifiedAgainstOracle} against the box-filtered scan (itself checked against the naive scan on those ${r.verifiedAgainstNaive}).`,
      );
    }
  }
  console.log(
    "\nTargets are judged on the plain timings (one run per query). 'best of 3' keeps each query's fastest of three runs: " +
      "what a search costs when no other process takes the CPU; the load average says how busy the machine was.",
  );
  console.log(`\nAll results equal the naive scan's (same ids, same order, same scores). ${((Date.now() - started) / 1000).toFixed(0)} s in all.`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
