// Pushes: matching subscribers to new offers (pure, in memory, as the job does
// after loading), and sending a run through the real job, bot API client,
// pacer and auto-retry against the Bot API emulator limiting to 30 messages/s.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fork } from "node:child_process";
import { fileURLToPath } from "node:url";
import { autoRetry } from "@grammyjs/auto-retry";
import { Bot } from "grammy";
import { pino } from "pino";
import { createI18n, translatorFor } from "../src/bot/i18n.js";
import { createBotMessaging } from "../src/bot/messaging.js";
import { createNotifier } from "../src/bot/notifier.js";
import { openDatabase } from "../src/db/client.js";
import { createRepositories } from "../src/db/repositories.js";
import { cellsOf } from "../src/domain/geo.js";
import { planDigests, type DealToMatch, type PlaceToMatch } from "../src/domain/push-matching.js";
import { createPushJob } from "../src/jobs/push.job.js";
import { createSendPacer } from "../src/jobs/send-pacer.js";
import { createRandom, offsetMeters } from "../src/seed/random.js";

const CITIES = [
  { lat: 31.2304, lng: 121.4737, zone: "Asia/Shanghai" },
  { lat: 40.758, lng: -73.9855, zone: "America/New_York" },
  { lat: 51.5072, lng: -0.1276, zone: "Europe/London" },
  { lat: 35.6762, lng: 139.6503, zone: "Asia/Tokyo" },
];
const CATEGORIES = ["food", "cafe", "beauty", "fitness", "fun", "retail", "services", "hotel"];
const RADII = [1000, 3000, 5000, 10_000, 25_000];

export function benchMatching(subscribers: number, offers: number, seed = 20261124) {
  const random = createRandom(seed).next;
  const near = (spreadM: number) => {
    const city = CITIES[Math.floor(random() * CITIES.length)]!;
    const point = offsetMeters(city.lat, city.lng, (random() - 0.5) * 2 * spreadM, (random() - 0.5) * 2 * spreadM);
    return { ...point, zone: city.zone };
  };
  const now = new Date("2026-05-04T03:00:00Z");
  const places: PlaceToMatch[] = Array.from({ length: subscribers }, (_, i) => {
    const p = near(30_000);
    return {
      id: i + 1,
      userId: BigInt(1_000_000 + Math.floor(i / 1.5)), // some users watch two places
      lat: p.lat,
      lng: p.lng,
      radiusM: RADII[Math.floor(random() * RADII.length)]!,
      categories: random() < 0.7 ? [] : [CATEGORIES[Math.floor(random() * CATEGORIES.length)]!],
      timeZone: p.zone,
      dailyMax: 3,
      sentToday: Math.floor(random() * 3),
      quietStart: 22 * 60,
      quietEnd: 8 * 60,
    };
  });
  const offerList: DealToMatch[] = Array.from({ length: offers }, (_, i) => {
    const p = near(25_000);
    const original = 1000 + Math.floor(random() * 10_000);
    return {
      id: i + 1,
      shopId: i + 1,
      lat: p.lat,
      lng: p.lng,
      category: CATEGORIES[Math.floor(random() * CATEGORIES.length)]!,
      priceMinor: Math.floor(original * (0.4 + random() * 0.5)),
      originalPriceMinor: original,
      soldCount: Math.floor(random() * 200),
      startsAt: new Date(now.getTime() - random() * 86_400_000),
    };
  });
  const started = performance.now();
  const digests = planDigests({ places, deals: offerList, now, alreadyHas: () => false });
  const ms = performance.now() - started;
  return { subscribers, offers, ms, digests: digests.length, items: digests.reduce((n, d) => n + d.items.length, 0) };
}

export async function benchSending(pushes: number, ratePerSecond: number, log: (line: string) => void) {
  const dir = mkdtempSync(path.join(tmpdir(), "nearbuy-push-bench-"));
  const token = "1234567890:BENCH-local-token-not-real-aaaaaaaaaaaa";
  const firstId = 2_000_000;
  const emulator = fork(fileURLToPath(new URL("./emulator-process.ts", import.meta.url)), [JSON.stringify({ token, dir, firstId, users: pushes })], {
    execArgv: ["--import", "tsx"],
  });
  const next = () =>
    new Promise<Record<string, unknown>>((resolve, reject) => {
      emulator.once("message", (m) => resolve(m as Record<string, unknown>));
      emulator.once("error", reject);
    });
  const { url } = (await next()) as { url: string };
  const db = openDatabase(`file:${path.join(dir, "bench.db")}`);
  try {
    const repos = createRepositories(db);
    const now = new Date();
    const place = CITIES[0]!;
    await db.user.create({ data: { id: 1n, firstName: "Merchant" } });
    const shop = await db.shop.create({
      data: { ownerId: 1n, name: "Bench Café", category: "cafe", lat: place.lat, lng: place.lng, address: "1 Bench Road", openingHours: "", status: "APPROVED" },
    });
    for (let i = 0; i < 3; i++) {
      await db.deal.create({
        data: {
          shopId: shop.id, title: `Offer ${i + 1}`, currency: "CNY", priceMinor: 1000, originalPriceMinor: 2000, quantity: 1_000_000,
          stockLeft: 1_000_000, perPersonLimit: 1, voucherValidDays: 30, status: "ACTIVE", category: "cafe", lat: place.lat, lng: place.lng,
          ...cellsOf(place), startsAt: new Date(now.getTime() - 60_000), endsAt: new Date(now.getTime() + 86_400_000),
        },
      });
    }
    const ids = Array.from({ length: pushes }, (_, i) => firstId + i);
    await db.user.createMany({ data: ids.map((id) => ({ id: BigInt(id), firstName: `U${id}` })) });
    await db.subscription.createMany({
      data: ids.map((id) => ({ userId: BigInt(id), lat: place.lat, lng: place.lng, timeZone: "UTC", radiusM: 3000, locale: "en", quietStart: 0, quietEnd: 0 })),
    });

    const api = new Bot(token, { client: { apiRoot: url } }).api;
    const i18n = createI18n();
    const pacer = createSendPacer(ratePerSecond);
    api.config.use(pacer.transformer, autoRetry({ maxRetryAttempts: 5, maxDelaySeconds: 120 }));
    const job = createPushJob({
      subscriptions: repos.subscriptions, follows: repos.follows, pushes: repos.pushes, users: repos.users,
      messaging: createBotMessaging(
        createNotifier({ api, translator: (locale) => translatorFor(i18n, locale), users: repos.users, logger: pino({ level: "silent" }) }),
      ),
      pacer, clock: () => new Date(), logger: pino({ level: "silent" }),
    });
    const planned = await job.plan(new Date());
    log(`  planned ${planned} digests; sending at ${ratePerSecond}/s against a 30/s limit…`);
    const started = performance.now();
    // As the app runs it: on the bulk lane.
    const result = await pacer.bulk(() => job.send(new AbortController().signal));
    const seconds = (performance.now() - started) / 1000;
    emulator.send("stop");
    const { received, refused } = (await next()) as { received: number; refused: number };
    return { pushes, planned, sent: result.sent, delivered: received, seconds, rate: result.sent / seconds, tooManyRequests: pacer.tooManyRequests, refused };
  } finally {
    await db.$disconnect();
    emulator.kill();
    rmSync(dir, { recursive: true, force: true });
  }
}
