// Serving many users at once: the real app (createApp) against the Bot API
// emulator with a round trip, handling updates the way it does now (the
// runner, the intake, sequentialize, the bulk lane) and the way it did before
// (grammY's built-in polling: one update after another), in the same run.
// A user's wait runs from the update entering the emulator to the bot's
// first message to that user arriving there. The emulator runs in its own
// process, as Telegram does not share the bot's thread.
import { fork, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { pino } from "pino";
import { createApp, type App } from "../src/app.js";
import { loadConfig } from "../src/config.js";
import { cellsOf } from "../src/domain/geo.js";
import { PUSH_JOB } from "../src/jobs/jobs.js";
import type { InvoiceRecord } from "../src/sandbox/bot-api-emulator.js";
import { DEMO_PLACES, seedDemoData } from "../src/seed/demo-data.js";
import { percentile } from "./stats.js";

const TOKEN = "1234567890:BENCH-serve-token-not-real-aaaaaaaaaa";
const PLACE = DEMO_PLACES.find((p) => p.key === "times-square")!;

export type Mode = "sequential" | "concurrent";

/** The emulator process, driven over IPC. */
class RemoteEmulator {
  /** When the bot's first message to each chat arrived since `mark()` (the emulator's clock). */
  readonly firstReply = new Map<number, number>();
  private readonly pending = new Map<number, (result: unknown) => void>();
  private nextId = 0;

  private constructor(
    private readonly child: ChildProcess,
    readonly url: string,
  ) {
    child.on("message", (m: { type: string; id?: number; chatId?: number; at?: number; result?: unknown }) => {
      if (m.type === "reply") this.firstReply.set(m.chatId!, m.at!);
      if (m.type === "result") {
        this.pending.get(m.id!)?.(m.result);
        this.pending.delete(m.id!);
      }
    });
  }

  static async start(options: { token: string; dir: string; roundTripMs: number; rateLimit: boolean }): Promise<RemoteEmulator> {
    const child = fork(fileURLToPath(new URL("./serve-emulator-process.ts", import.meta.url)), [JSON.stringify(options)], { execArgv: ["--import", "tsx"] });
    const url = await new Promise<string>((resolve, reject) => {
      child.once("message", (m: { url: string }) => resolve(m.url));
      child.once("error", reject);
    });
    return new RemoteEmulator(child, url);
  }

  private call(op: string, ...args: unknown[]): Promise<unknown> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      this.child.send({ id, op, args });
    });
  }

  addUser(profile: { id?: number; firstName: string; languageCode?: string; started?: boolean }): Promise<number> {
    return this.call("addUser", profile) as Promise<number>;
  }
  /** Each resolves with when the update entered the emulator. */
  sendLocation(userId: number, lat: number, lng: number): Promise<number> {
    return this.call("sendLocation", userId, lat, lng) as Promise<number>;
  }
  /** All at the same moment. */
  sendLocations(userIds: number[], lat: number, lng: number): Promise<number[]> {
    return this.call("sendLocations", userIds, lat, lng) as Promise<number[]>;
  }
  sendText(userId: number, text: string): Promise<number> {
    return this.call("sendText", userId, text) as Promise<number>;
  }
  /** Each payer pays their invoice, all at the same moment. */
  pay(invoices: InvoiceRecord[]): Promise<number[]> {
    return this.call("pay", invoices) as Promise<number[]>;
  }
  async mark(): Promise<void> {
    await this.call("mark");
    this.firstReply.clear();
  }
  async waitForIdle(): Promise<void> {
    await this.call("waitForIdle");
  }
  async close(): Promise<void> {
    await this.call("close");
  }
}

interface Served {
  app: App;
  emulator: RemoteEmulator;
  firstReply: Map<number, number>;
  mark(): Promise<void>;
  close(): Promise<void>;
}

async function serve(mode: Mode, { roundTripMs, env = {}, rateLimit = false }: { roundTripMs: number; env?: Record<string, string>; rateLimit?: boolean }): Promise<Served> {
  const dir = mkdtempSync(path.join(tmpdir(), "nearbuy-serve-bench-"));
  const emulator = await RemoteEmulator.start({ token: TOKEN, dir, roundTripMs, rateLimit });
  const config = loadConfig({ TELEGRAM_API_ROOT: emulator.url, DATABASE_URL: `file:${path.join(dir, "bench.db")}`, LOG_LEVEL: "silent", ...env });
  const app = createApp(config, { token: TOKEN, logger: pino({ level: "silent" }) });
  await seedDemoData(app.repos, new Date());
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
    firstReply: emulator.firstReply,
    mark: () => emulator.mark(),
    async close() {
      if (mode === "sequential") await app.bot.stop();
      await app.close();
      await polling.catch(() => undefined);
      await emulator.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const INVOICE = (chatId: number): InvoiceRecord => ({
  chatId, messageId: 1, title: "Coffee", description: "", payload: "order:0", currency: "USD", totalAmount: 500, prices: [], providerToken: "",
});

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

async function newUsers(s: Served, n: number, prefix: string): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < n; i++) ids.push(await s.emulator.addUser({ firstName: `${prefix}${i}`, languageCode: "en" }));
  return ids;
}

/** `users` share their location at the same moment. */
export async function benchLocationBurst(mode: Mode, users: number, roundTripMs: number): Promise<Waits> {
  const s = await serve(mode, { roundTripMs });
  try {
    const ids = await newUsers(s, users, "U");
    await s.mark();
    const times = await s.emulator.sendLocations(ids, PLACE.lat, PLACE.lng);
    const sentAt = new Map(ids.map((id, i) => [id, times[i]!]));
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
    const crowd = await newUsers(s, burst, "U");
    const buyers = await newUsers(s, payers, "P");
    await s.mark();
    await s.emulator.sendLocations(crowd, PLACE.lat, PLACE.lng);
    const times = await s.emulator.pay(buyers.map(INVOICE));
    const sentAt = new Map(buyers.map((id, i) => [id, times[i]!]));
    await until(() => buyers.every((id) => s.firstReply.has(id)));
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
    const [asker] = await newUsers(s, 1, "Asker");
    const ids = await newUsers(s, others, "U");
    await s.emulator.sendLocation(asker!, PLACE.lat, PLACE.lng);
    await until(() => s.firstReply.has(asker!));
    await s.mark();
    await s.emulator.sendText(asker!, "quiet place for dinner with a view");
    await new Promise((resolve) => setTimeout(resolve, 100));
    const sentAt = new Map<number, number>();
    for (const id of ids) {
      sentAt.set(id, await s.emulator.sendText(id, "/help"));
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await until(() => ids.every((id) => s.firstReply.has(id)) && s.firstReply.has(asker!));
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
  /** Replies sent a second over the same stretch: the room the pushes left them. */
  repliesRate: number;
  limit: number;
  tooManyRequests: number;
  sent: number;
}

/**
 * The bulk lane's rate while it sends, from its first message to its last,
 * as the push benchmark times the sending alone (loading and matching the
 * subscriptions before, which the pacer does not govern, left out); and the
 * replies sent over the same stretch, which the bulk lane makes room for.
 */
function watchBulkSending(pacer: { readonly bulkSent: number; readonly repliesSent: number }): {
  stop(): { sent: number; rate: number; repliesRate: number };
} {
  let first = { at: 0, replies: 0 };
  let last = { at: 0, replies: 0 };
  let seen = 0;
  const timer = setInterval(() => {
    const sent = pacer.bulkSent;
    if (sent === seen) return;
    const now = { at: performance.now(), replies: pacer.repliesSent };
    if (seen === 0) first = now;
    last = now;
    seen = sent;
  }, 5);
  return {
    stop() {
      clearInterval(timer);
      const seconds = (last.at - first.at) / 1000;
      if (seen < 2 || seconds <= 0) return { sent: seen, rate: 0, repliesRate: 0 };
      // n messages leave over n - 1 intervals.
      return { sent: seen, rate: (seen - 1) / seconds, repliesRate: (last.replies - first.replies) / seconds };
    },
  };
}

/** Replies to users who write (a location every `gapMs`) while a push run sends `pushes` digests, or without one. */
export async function benchRepliesDuringPushes(pushes: number, repliers: number, roundTripMs: number, withPushes: boolean): Promise<PushRun> {
  const rate = 28;
  const s = await serve("concurrent", { roundTripMs, rateLimit: true, env: { PUSH_RATE_PER_SECOND: String(rate) } });
  const { db } = s.app;
  try {
    const firstId = 3_000_000;
    const subscribers = Array.from({ length: withPushes ? pushes : 0 }, (_, i) => firstId + i);
    for (const id of subscribers) await s.emulator.addUser({ id, firstName: `S${id}`, started: true });
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
    const ids = await newUsers(s, repliers, "R");
    await s.mark();
    const sending = watchBulkSending(s.app.pacer);
    const run = withPushes ? s.app.jobs.runNow(PUSH_JOB) : Promise.resolve();
    // The replies spread over the first part of the run, when the bulk lane is busiest.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const sentAt = new Map<number, number>();
    for (const id of ids) {
      sentAt.set(id, await s.emulator.sendLocation(id, PLACE.lat, PLACE.lng));
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    await until(() => ids.every((id) => s.firstReply.has(id)));
    await run;
    const { sent, rate: sentPerSecond, repliesRate } = sending.stop();
    return { replies: waitsOf(sentAt, s.firstReply), rate: sentPerSecond, repliesRate, limit: rate, tooManyRequests: s.app.pacer.tooManyRequests, sent };
  } finally {
    await s.close();
  }
}
