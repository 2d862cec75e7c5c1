// Serving many users at once: the real app (createApp) against the Bot API
// emulator with a round trip, handling updates the way it does now (the
// runner, the intake, sequentialize, the bulk lane) and the way it did before
// (grammY's built-in polling: one update after another), in the same run.
// A user's wait runs from the update entering the emulator to the bot's
// first message to that user arriving there.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pino } from "pino";
import { createApp, type App } from "../src/app.js";
import { loadConfig } from "../src/config.js";
import { cellsOf } from "../src/domain/geo.js";
import { PUSH_JOB } from "../src/jobs/jobs.js";
import { BotApiEmulator, type BotEvent } from "../src/sandbox/bot-api-emulator.js";
import { DEMO_PLACES, seedDemoData } from "../src/seed/demo-data.js";
import { percentile } from "./stats.js";

const TOKEN = "1234567890:BENCH-serve-token-not-real-aaaaaaaaaa";
const PLACE = DEMO_PLACES.find((p) => p.key === "times-square")!;

export type Mode = "sequential" | "concurrent";

interface Served {
  app: App;
  emulator: BotApiEmulator;
  /** When the bot's first message to each chat arrived since `mark()` (performance.now()). */
  firstReply: Map<number, number>;
  mark(): void;
  close(): Promise<void>;
}

async function serve(mode: Mode, { roundTripMs, env = {}, rateLimit = false }: { roundTripMs: number; env?: Record<string, string>; rateLimit?: boolean }): Promise<Served> {
  const dir = mkdtempSync(path.join(tmpdir(), "nearbuy-serve-bench-"));
  const emulator = await new BotApiEmulator({
    token: TOKEN,
    filesDir: path.join(dir, "files"),
    roundTripMs,
    ...(rateLimit ? { rateLimit: { globalPerSecond: 30, perChatPerSecond: 1 } } : {}),
  }).start();
  const config = loadConfig({ TELEGRAM_API_ROOT: emulator.url, DATABASE_URL: `file:${path.join(dir, "bench.db")}`, LOG_LEVEL: "silent", ...env });
  const app = createApp(config, { token: TOKEN, logger: pino({ level: "silent" }) });
  await seedDemoData(app.repos, new Date());
  const firstReply = new Map<number, number>();
  emulator.on("event", (e: BotEvent) => {
    if ((e.type === "message" || e.type === "pre-checkout-answer") && !firstReply.has(e.chatId)) firstReply.set(e.chatId, performance.now());
  });
  let polling: Promise<void>;
  if (mode === "concurrent") polling = (await app.serve()).ended;
  else {
    await app.bot.init();
    polling = app.bot.start({ allowed_updates: ["message", "callback_query", "pre_checkout_query"] });
  }
  await emulator.waitForIdle();
  return {
    app,
    emulator,
    firstReply,
    mark: () => firstReply.clear(),
    async close() {
      if (mode === "sequential") await app.bot.stop();
      await app.close();
      await polling.catch(() => undefined);
      await emulator.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface Waits {
  p50: number;
  p99: number;
  perSecond: number;
}

function waitsOf(sentAt: Map<number, number>, firstReply: Map<number, number>): Waits {
  const waits = [...sentAt].map(([chatId, at]) => (firstReply.get(chatId) ?? Number.POSITIVE_INFINITY) - at);
  const start = Math.min(...sentAt.values());
  const end = Math.max(...[...sentAt.keys()].map((id) => firstReply.get(id) ?? Number.POSITIVE_INFINITY));
  return { p50: percentile(waits, 50), p99: percentile(waits, 99), perSecond: (sentAt.size / (end - start)) * 1000 };
}

async function until(check: () => boolean, timeoutMs = 120_000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!check()) {
    if (performance.now() > deadline) throw new Error("the bench waited too long for the bot");
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** `users` share their location at the same moment. */
export async function benchLocationBurst(mode: Mode, users: number, roundTripMs: number): Promise<Waits> {
  const s = await serve(mode, { roundTripMs });
  try {
    const ids = Array.from({ length: users }, (_, i) => s.emulator.addUser({ firstName: `U${i}`, languageCode: "en" }).id);
    s.mark();
    const sentAt = new Map<number, number>();
    for (const id of ids) {
      s.emulator.sendLocation(id, PLACE.lat, PLACE.lng);
      sentAt.set(id, performance.now());
    }
    await until(() => ids.every((id) => s.firstReply.has(id)));
    return waitsOf(sentAt, s.firstReply);
  } finally {
    await s.close();
  }
}

/** `payers` pay right after `burst` other users shared their location: how long their pre-checkout answers take. */
export async function benchPreCheckout(mode: Mode, burst: number, payers: number, roundTripMs: number): Promise<Waits> {
  const s = await serve(mode, { roundTripMs });
  try {
    const crowd = Array.from({ length: burst }, (_, i) => s.emulator.addUser({ firstName: `U${i}`, languageCode: "en" }).id);
    const buyers = Array.from({ length: payers }, (_, i) => s.emulator.addUser({ firstName: `P${i}`, languageCode: "en" }).id);
    s.mark();
    for (const id of crowd) s.emulator.sendLocation(id, PLACE.lat, PLACE.lng);
    const sentAt = new Map<number, number>();
    const answers = buyers.map((id) => {
      sentAt.set(id, performance.now());
      return s.emulator.pay(id, {
        invoice: { chatId: id, messageId: 1, title: "Coffee", description: "", payload: "order:0", currency: "USD", totalAmount: 500, prices: [], providerToken: "" },
        timeoutMs: 120_000,
      });
    });
    await Promise.all(answers);
    const waits = waitsOf(sentAt, s.firstReply);
    await until(() => crowd.every((id) => s.firstReply.has(id)));
    return waits;
  } finally {
    await s.close();
  }
}

/** Others' replies (to /help, one every `gapMs`) while one user's language-model request hangs until its timeout. */
export async function benchSlowModel(mode: Mode, others: number, roundTripMs: number, modelHangs: boolean): Promise<Waits> {
  const { createServer } = await import("node:http");
  // A model endpoint that never answers: the bot gives up at OPENAI_TIMEOUT_MS.
  const hanging = createServer(() => undefined);
  await new Promise<void>((resolve) => hanging.listen(0, "127.0.0.1", resolve));
  const port = (hanging.address() as { port: number }).port;
  const s = await serve(mode, {
    roundTripMs,
    env: modelHangs ? { OPENAI_API_KEY: "sk-bench", OPENAI_BASE_URL: `http://127.0.0.1:${port}/v1`, OPENAI_TIMEOUT_MS: "4000" } : {},
  });
  try {
    const asker = s.emulator.addUser({ firstName: "Asker", languageCode: "en" }).id;
    const ids = Array.from({ length: others }, (_, i) => s.emulator.addUser({ firstName: `U${i}`, languageCode: "en" }).id);
    s.emulator.sendLocation(asker, PLACE.lat, PLACE.lng);
    await until(() => s.firstReply.has(asker));
    s.mark();
    s.emulator.sendText(asker, "quiet place for dinner with a view");
    await new Promise((resolve) => setTimeout(resolve, 100));
    const sentAt = new Map<number, number>();
    for (const id of ids) {
      s.emulator.sendText(id, "/help");
      sentAt.set(id, performance.now());
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await until(() => ids.every((id) => s.firstReply.has(id)) && s.firstReply.has(asker));
    return waitsOf(sentAt, s.firstReply);
  } finally {
    await s.close();
    hanging.closeAllConnections();
    hanging.close();
  }
}

export interface PushRun {
  replies: Waits;
  /** Pushes sent a second, over the run. */
  rate: number;
  limit: number;
  tooManyRequests: number;
  sent: number;
}

/** Replies to users who write (a location every `gapMs`) while a push run sends `pushes` digests, or without one. */
export async function benchRepliesDuringPushes(pushes: number, repliers: number, roundTripMs: number, withPushes: boolean): Promise<PushRun> {
  const rate = 28;
  const s = await serve("concurrent", { roundTripMs, rateLimit: true, env: { PUSH_RATE_PER_SECOND: String(rate) } });
  const { db } = s.app;
  try {
    const firstId = 3_000_000;
    const subscribers = Array.from({ length: withPushes ? pushes : 0 }, (_, i) => firstId + i);
    for (const id of subscribers) s.emulator.addUser({ id, firstName: `S${id}`, started: true });
    await db.user.createMany({ data: subscribers.map((id) => ({ id: BigInt(id), firstName: `S${id}` })) });
    await db.subscription.createMany({
      data: subscribers.map((id) => ({ userId: BigInt(id), lat: PLACE.lat, lng: PLACE.lng, timeZone: "UTC", radiusM: 3000, locale: "en", quietStart: 0, quietEnd: 0 })),
    });
    await db.user.create({ data: { id: 1n, firstName: "Merchant" } });
    const shop = await db.shop.create({
      data: { ownerId: 1n, name: "Bench Café", category: "cafe", lat: PLACE.lat, lng: PLACE.lng, address: "1 Bench Road", openingHours: "", status: "APPROVED" },
    });
    const now = new Date();
    await db.deal.create({
      data: {
        shopId: shop.id, title: "Fresh offer", currency: "USD", priceMinor: 1000, originalPriceMinor: 2000, quantity: 1_000_000,
        stockLeft: 1_000_000, perPersonLimit: 1, voucherValidDays: 30, status: "ACTIVE", category: "cafe", lat: PLACE.lat, lng: PLACE.lng,
        ...cellsOf(PLACE), startsAt: new Date(now.getTime() - 60_000), endsAt: new Date(now.getTime() + 86_400_000),
      },
    });
    const ids = Array.from({ length: repliers }, (_, i) => s.emulator.addUser({ firstName: `R${i}`, languageCode: "en" }).id);
    s.mark();
    const started = performance.now();
    const run = withPushes ? s.app.jobs.runNow(PUSH_JOB) : Promise.resolve();
    // The replies spread over the first part of the run, when the bulk lane is busiest.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const sentAt = new Map<number, number>();
    for (const id of ids) {
      s.emulator.sendLocation(id, PLACE.lat, PLACE.lng);
      sentAt.set(id, performance.now());
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    await until(() => ids.every((id) => s.firstReply.has(id)));
    await run;
    const seconds = (performance.now() - started) / 1000;
    const sent = s.app.pacer.bulkSent;
    return { replies: waitsOf(sentAt, s.firstReply), rate: sent / seconds, limit: rate, tooManyRequests: s.app.pacer.tooManyRequests, sent };
  } finally {
    await s.close();
  }
}
