// The Mini App's figures: the JavaScript its first screen loads (gzipped, map
// tiles aside), the time from opening it to deals shown on the map, in
// headless Chromium against a warm server (real HTTP, the demo data set), and
// its nearby API over real HTTP on the nearby benchmark's synthetic world.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { createRandom, offsetMeters } from "../src/seed/random.js";
import { seedDemoData, DEMO_PLACES, DEMO_USERS } from "../src/seed/demo-data.js";
import { browserSkipReason, launchBrowser, openMiniApp } from "../test/support/mini-app-browser.js";
import { MiniAppClient } from "../test/support/mini-app-client.js";
import { serveApp, TOKEN } from "../test/support/serving-app.js";
import { buildWebApp, firstScreenScripts } from "../web/build.js";
import { loadWorld } from "./nearby.bench.js";
import { BENCH_NOW } from "./nearby-world.js";
import { msSince, percentile } from "./stats.js";

export async function benchFirstScreenBytes(): Promise<number> {
  await buildWebApp({ ifStale: true });
  return firstScreenScripts().reduce((sum, file) => sum + gzipSync(readFileSync(file), { level: 9 }).length, 0);
}

export interface OpenToMapResult {
  /** The first open, with nothing in the browser's cache. */
  cold: number;
  p50: number;
  p99: number;
  deals: number;
}

export async function benchOpenToMap(samples: number): Promise<OpenToMapResult | string> {
  const skip = browserSkipReason();
  if (skip) return skip;
  await buildWebApp({ ifStale: true });
  const serving = await serveApp({ env: { PORT: "0", MINI_APP_URL: "https://nearbuy.example/app/" } });
  const browser = await launchBrowser();
  try {
    await seedDemoData(serving.app.repos, new Date());
    const ana = DEMO_USERS.find((u) => u.key === "ana")!;
    const user = { id: ana.id, firstName: ana.firstName, languageCode: ana.languageCode };
    const place = DEMO_PLACES.find((p) => p.key === "times-square")!;
    const times: number[] = [];
    let deals = 0;
    for (let i = 0; i <= samples; i++) {
      const app = await openMiniApp(browser.context, { baseUrl: serving.app.httpUrl!, token: TOKEN, user, location: { lat: place.lat, lng: place.lng } });
      await app.page.locator("#map[data-deals]").waitFor({ timeout: 10_000 });
      times.push(Number(await app.page.evaluate("performance.getEntriesByName('deals-shown')[0].startTime")));
      deals = Number(await app.page.locator("#map").getAttribute("data-deals"));
      await app.page.close();
    }
    const [cold, ...warm] = times;
    return { cold: cold!, p50: percentile(warm, 50), p99: percentile(warm, 99), deals };
  } finally {
    await browser.close();
    await serving.close();
  }
}

export interface ApiNearbyResult {
  size: number;
  requests: number;
  p50: number;
  p99: number;
  /** Deals in the answers (a page holds at most 50). */
  dealsP50: number;
  /** The machine's load average (1 min) before and after the timed requests. */
  load: { before: number; after: number };
}

/**
 * `GET /api/deals` through the app's own HTTP server (auth, the search, the
 * presentation, JSON), one request at a time on a keep-alive connection,
 * around random deals of the world, as the map asks when it opens.
 */
export async function benchApiNearby({ size, requests, warmup, seed }: { size: number; requests: number; warmup: number; seed: number }): Promise<ApiNearbyResult> {
  const dir = mkdtempSync(path.join(tmpdir(), "nearbuy-api-bench-"));
  const file = path.join(dir, "bench.db");
  // The world's deals are on sale or not as of BENCH_NOW; the app sees that day too.
  const serving = await serveApp({ env: { PORT: "0", DATABASE_URL: `file:${file}` }, clock: () => BENCH_NOW });
  try {
    const positions = loadWorld(file, size, seed);
    const client = MiniAppClient.as(serving.app.httpUrl!, { id: 1, firstName: "Bench", languageCode: "en" }, TOKEN, BENCH_NOW);
    const r = createRandom(seed + 2);
    const n = positions.length / 2;
    const around = () => {
      const k = r.int(0, n - 1);
      const { lat, lng } = offsetMeters(positions[k * 2]!, positions[k * 2 + 1]!, r.gaussian() * 1000, r.gaussian() * 1000);
      return `/api/deals?lat=${lat.toFixed(6)}&lng=${lng.toFixed(6)}`;
    };
    const ask = async (url: string) => {
      const answer = await client.get<{ deals: unknown[] }>(url);
      if (answer.status !== 200) throw new Error(`${url}: HTTP ${answer.status}`);
      return answer.body.deals.length;
    };
    for (let i = 0; i < warmup; i++) await ask(around());
    const before = loadavg()[0]!;
    const times: number[] = [];
    const dealCounts: number[] = [];
    for (let i = 0; i < requests; i++) {
      const url = around();
      const start = process.hrtime.bigint();
      dealCounts.push(await ask(url));
      times.push(msSince(start));
    }
    return {
      size,
      requests,
      p50: percentile(times, 50),
      p99: percentile(times, 99),
      dealsP50: percentile(dealCounts, 50),
      load: { before, after: loadavg()[0]! },
    };
  } finally {
    await serving.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
