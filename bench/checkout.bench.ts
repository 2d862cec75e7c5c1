// Checkout, end to end through the real bot: the quantity button (stock
// reserved, invoice out), the pre-checkout query, the successful payment
// (vouchers and their QR codes out). Only Telegram is absent: an API
// transformer answers every call at once, so the figures are the bot's own.
import { mkdtempSync, rmSync } from "node:fs";
import { fork, type ChildProcess } from "node:child_process";
import { loadavg, tmpdir } from "node:os";
import { fileURLToPath } from "node:url";
import path from "node:path";
import type { Message, Update, UserFromGetMe } from "grammy/types";
import { pino } from "pino";
import { createBot } from "../src/bot/bot.js";
import { createCheckoutMessaging } from "../src/bot/messaging.js";
import { openDatabase, type Db } from "../src/db/client.js";
import { createBenchDatabase } from "./bench-postgres.js";
import { createRepositories } from "../src/db/repositories.js";
import { createServices } from "../src/core/services.js";
import { msSince, percentile } from "./stats.js";

const BOT_INFO = { id: 42, is_bot: true, first_name: "Nearbuy", username: "nearbuy_bench_bot" } as UserFromGetMe;

export interface CheckoutBenchResult {
  sequential: { purchases: number; perSecond: number; p50: number; p99: number };
  concurrent: { buyers: number; preCheckoutP50: number; preCheckoutP99: number; paymentsPerSecond: number };
}

export type CheckoutDatabase = "SQLite" | "PostgreSQL";

/**
 * The real bot on `db`, its Bot API answered at once: drives one purchase's
 * three updates (the quantity button, the pre-checkout query, the payment).
 */
export function createCheckoutDriver(db: Db) {
  const repos = createRepositories(db);
  const clock = () => new Date();
  const services = createServices(repos, { clock, messaging: createCheckoutMessaging({ bot: () => bot, clock, adminIds: [] }), currency: "USD", needsApproval: false });
  const bot = createBot({
    token: "1:bench",
    apiRoot: "http://127.0.0.1:9",
    botInfo: BOT_INFO,
    services,
    logger: pino({ level: "error" }),
    adminIds: [],
    paymentProviderToken: "bench-provider",
  });
  let dealId = 0;
  let messageId = 1;
  const invoices = new Map<number, string>();
  const preCheckoutAnswered = new Map<string, number>();
  bot.api.config.use(async (_prev, method, payload) => {
    const p = payload as Record<string, unknown>;
    if (method === "sendInvoice") invoices.set(Number(p.chat_id), String(p.payload));
    if (method === "answerPreCheckoutQuery") preCheckoutAnswered.set(String(p.pre_checkout_query_id), Number(process.hrtime.bigint() / 1000n));
    const message = { message_id: messageId++, date: 0, chat: { id: Number(p.chat_id ?? 0), type: "private" } };
    return { ok: true, result: method.startsWith("send") || method.startsWith("edit") ? message : true } as never;
  });

  let updateId = 1;
  const from = (id: number) => ({ id, is_bot: false, first_name: `Buyer ${id}`, language_code: "en" });
  const chat = (id: number) => ({ id, type: "private" as const, first_name: `Buyer ${id}` });
  const handle = (fields: object) => bot.handleUpdate({ update_id: updateId++, ...fields } as Update);
  const pressQuantity = (buyer: number) =>
    handle({
      callback_query: {
        id: `cb-${updateId}`,
        from: from(buyer),
        chat_instance: "bench",
        data: `q:${dealId}:1:n:0`,
        message: { message_id: 1, date: 0, chat: chat(buyer), text: "how many?" } as Message,
      },
    });
  const preCheckout = (buyer: number, queryId: string) =>
    handle({
      pre_checkout_query: { id: queryId, from: from(buyer), currency: "USD", total_amount: 450, invoice_payload: invoices.get(buyer)! },
    });
  const pay = (buyer: number, charge: string) =>
    handle({
      message: {
        message_id: messageId++,
        date: 0,
        chat: chat(buyer),
        from: from(buyer),
        successful_payment: {
          currency: "USD",
          total_amount: 450,
          invoice_payload: invoices.get(buyer)!,
          telegram_payment_charge_id: charge,
          provider_payment_charge_id: `p-${charge}`,
        },
      },
    });

  /** The bench's shop and its offer of 100,000 units. */
  async function createDeal(): Promise<number> {
    const owner = 1n;
    await repos.users.ensure({ id: 1, firstName: "Owner" });
    await services.shops.register(owner, {
      name: "Bench Bakery",
      category: "food",
      lat: 40.7128,
      lng: -74.006,
      address: "1 Bench St",
      openingHours: "",
    });
    const deal = await services.deals.publish(owner, {
      title: "Croissant and coffee",
      description: "",
      priceMinor: 450,
      originalPriceMinor: 800,
      quantity: 100_000,
      perPersonLimit: 100,
      days: 30,
      voucherValidDays: 30,
    });
    return deal.id;
  }
  return {
    db,
    invoices,
    preCheckoutAnswered,
    createDeal,
    useDeal: (id: number) => void (dealId = id),
    pressQuantity,
    preCheckout,
    pay,
    /** One whole purchase, as one buyer makes it. */
    async purchase(buyer: number, charge: string): Promise<void> {
      await pressQuantity(buyer);
      await preCheckout(buyer, `pcq-${charge}`);
      await pay(buyer, charge);
    },
  };
}

export async function benchCheckout({ database, purchases, buyers }: { database: CheckoutDatabase; purchases: number; buyers: number }): Promise<CheckoutBenchResult> {
  const dir = mkdtempSync(path.join(tmpdir(), "nearbuy-bench-checkout-"));
  const postgres = database === "PostgreSQL" ? await createBenchDatabase("checkout") : undefined;
  const db = openDatabase(postgres?.url ?? `file:${path.join(dir, "bench.db")}`);
  try {
    const { pressQuantity, preCheckout, pay, preCheckoutAnswered, createDeal, useDeal } = createCheckoutDriver(db);
    useDeal(await createDeal());

    // One buyer after another: update in → invoice → pre-checkout → vouchers out.
    const perPurchase: number[] = [];
    const warmup = 20;
    const started = process.hrtime.bigint();
    for (let i = 0; i < purchases + warmup; i++) {
      const buyer = 1000 + i;
      const t = process.hrtime.bigint();
      await pressQuantity(buyer);
      await preCheckout(buyer, `pcq-${buyer}`);
      await pay(buyer, `seq-${buyer}`);
      if (i >= warmup) perPurchase.push(msSince(t));
    }
    const sequentialSeconds = msSince(started) / 1000;

    // `buyers` people at once: all reserve, then all confirm at the same moment, then all pay.
    const crowd = Array.from({ length: buyers }, (_, i) => 500_000 + i);
    await Promise.all(crowd.map((b) => pressQuantity(b)));
    const sentAt = new Map<string, number>();
    await Promise.all(
      crowd.map((b) => {
        const id = `crowd-${b}`;
        sentAt.set(id, Number(process.hrtime.bigint() / 1000n));
        return preCheckout(b, id);
      }),
    );
    const latencies = crowd.map((b) => (preCheckoutAnswered.get(`crowd-${b}`)! - sentAt.get(`crowd-${b}`)!) / 1000);
    const payStarted = process.hrtime.bigint();
    await Promise.all(crowd.map((b) => pay(b, `crowd-${b}`)));
    const paySeconds = msSince(payStarted) / 1000;

    const vouchers = await db.voucher.count();
    if (vouchers !== purchases + warmup + buyers) throw new Error(`expected ${purchases + warmup + buyers} vouchers, found ${vouchers}`);
    return {
      sequential: {
        purchases: perPurchase.length,
        perSecond: (purchases + warmup) / sequentialSeconds,
        p50: percentile(perPurchase, 50),
        p99: percentile(perPurchase, 99),
      },
      concurrent: {
        buyers,
        preCheckoutP50: percentile(latencies, 50),
        preCheckoutP99: percentile(latencies, 99),
        paymentsPerSecond: buyers / paySeconds,
      },
    };
  } finally {
    await db.$disconnect();
    await postgres?.drop();
    rmSync(dir, { recursive: true, force: true });
  }
}

export interface CheckoutInstancesResult {
  database: CheckoutDatabase;
  instances: number;
  purchases: number;
  perSecond: number;
  load: { before: number; after: number };
}

/**
 * Purchases a second with `instances` bot processes on one database, as
 * behind a load balancer: each process has its own client and pool and takes
 * an equal share of the buyers, `inFlight` of them at a time, all buying the
 * same offer (the hot deal: every payment queues on its row). Timed from the
 * moment all are ready to the last voucher; the vouchers are counted after.
 */
export async function benchCheckoutInstances({ database, instances, purchases, inFlight }: {
  database: CheckoutDatabase; instances: number; purchases: number; inFlight: number;
}): Promise<CheckoutInstancesResult> {
  const dir = mkdtempSync(path.join(tmpdir(), "nearbuy-bench-instances-"));
  const postgres = database === "PostgreSQL" ? await createBenchDatabase("instances") : undefined;
  const url = postgres?.url ?? `file:${path.join(dir, "bench.db")}`;
  const db = openDatabase(url);
  const children: ChildProcess[] = [];
  try {
    const dealId = await createCheckoutDriver(db).createDeal();
    const share = Math.ceil(purchases / instances);
    for (let i = 0; i < instances; i++) {
      children.push(fork(fileURLToPath(new URL("./checkout-instance-process.ts", import.meta.url)), [JSON.stringify({ url, dealId, firstBuyer: 1_000_000 * (i + 1), count: share, inFlight })], { execArgv: ["--import", "tsx"] }));
    }
    const message = (child: ChildProcess, want: string) =>
      new Promise<void>((resolve, reject) => {
        child.once("exit", (code) => reject(new Error(`an instance exited with code ${code}`)));
        child.on("message", (m) => m === want && resolve());
      });
    await Promise.all(children.map((c) => message(c, "ready")));
    const loadBefore = loadavg()[0]!;
    const started = process.hrtime.bigint();
    const done = children.map((c) => message(c, "done"));
    for (const c of children) c.send("go");
    await Promise.all(done);
    const seconds = msSince(started) / 1000;
    const vouchers = await db.voucher.count();
    if (vouchers !== share * instances) throw new Error(`expected ${share * instances} vouchers, found ${vouchers}`);
    return { database, instances, purchases: vouchers, perSecond: vouchers / seconds, load: { before: loadBefore, after: loadavg()[0]! } };
  } finally {
    for (const c of children) c.kill();
    await db.$disconnect();
    await postgres?.drop();
    rmSync(dir, { recursive: true, force: true });
  }
}
