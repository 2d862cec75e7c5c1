// The Mini App's figures: the JavaScript its first screen loads (gzipped, map
// tiles aside), and the time from opening it to deals shown on the map, in
// headless Chromium against a warm server (real HTTP, the demo data set).
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { seedDemoData, DEMO_PLACES, DEMO_USERS } from "../src/seed/demo-data.js";
import { browserSkipReason, launchBrowser, openMiniApp } from "../test/support/mini-app-browser.js";
import { serveApp, TOKEN } from "../test/support/serving-app.js";
import { buildWebApp, firstScreenScripts } from "../web/build.js";
import { percentile } from "./stats.js";

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
