// Three bot processes on one database behind a load balancer, as a city-wide
// deployment runs them: each `src/main.ts` in webhook mode with its own port,
// Telegram (the emulator) posting every update to the balancer, which hands
// them to the instances in turn. So one user's form, purchase and payment are
// each handled by several instances, and what they must agree on (stock, a
// charge, a push run, a form's state, the model budget) is checked through
// what users see.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Message } from "grammy/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Db } from "../../src/db/client.js";
import { newVoucherCode } from "../../src/domain/voucher-code.js";
import { createRepositories } from "../../src/db/repositories.js";
import { BotApiEmulator, type BotEvent } from "../../src/sandbox/bot-api-emulator.js";
import { spawnBot, type BotProcess } from "../support/bot-process.js";
import { reply, startChatServer, type ChatServer } from "../support/chat-completions-server.js";
import { NO_POSTGRES_REASON, postgresTestDatabase, TEST_PGBOUNCER_URL, TEST_POSTGRES_URL } from "../support/databases.js";
import { startLoadBalancer, type LoadBalancer } from "../support/load-balancer.js";

const TOKEN = "1234567890:INSTANCES-test-token-not-real-aaaaaaa";
const SECRET = "instances-secret_0123456789abcdef";
const WEBHOOK_URL = "https://bot.example.com/telegram";
const INSTANCES = 3;
const NYC = { lat: 40.7128, lng: -74.006 };
const STOCK = 3;
const BUYERS = 9;
const SUBSCRIBERS = 12;
const MODEL_REQUESTS_PER_HOUR = 2;

type Sent = Extract<BotEvent, { type: "message" }>;

/** The databases the instances can share; each run of the suite gets a fresh one. */
interface SharedDatabase {
  name: string;
  create(dir: string): Promise<{ url: string; drop(): Promise<void> }>;
}
const sqlite: SharedDatabase = {
  name: "SQLite (one file in WAL mode)",
  create: async (dir) => ({ url: `file:${path.join(dir, "shared.db")}`, drop: async () => {} }),
};
const postgres = (name: string, poolerUrl?: string): SharedDatabase => ({
  name,
  async create() {
    const server = postgresTestDatabase(TEST_POSTGRES_URL!, poolerUrl);
    await (await server.open()).close();
    return { url: server.url, drop: () => server.drop() };
  },
});

describeInstances(sqlite);
if (!TEST_POSTGRES_URL) {
  describe.skip(`three bot instances behind a load balancer, on PostgreSQL: skipped, ${NO_POSTGRES_REASON}`, () => it("runs with TEST_POSTGRES_URL"));
} else {
  describeInstances(postgres("PostgreSQL"));
  // As the README's "Connection pooling" runs them: every instance through one PgBouncer in transaction mode.
  if (TEST_PGBOUNCER_URL) describeInstances(postgres("PostgreSQL through PgBouncer", TEST_PGBOUNCER_URL));
}

function describeInstances(database: SharedDatabase): void {
  describe(`three bot instances behind a load balancer, on ${database.name}`, () => {
    let dir: string;
    let db: Db;
    let dropDatabase: () => Promise<void>;
    let emulator: BotApiEmulator;
    let balancer: LoadBalancer;
    let model: ChatServer;
    let bots: BotProcess[] = [];
    let instanceUrls: string[] = [];
    const subscribers: number[] = [];

    beforeAll(async () => {
      dir = mkdtempSync(path.join(tmpdir(), "nearbuy-instances-"));
      const created = await database.create(dir);
      dropDatabase = created.drop;
      db = openDatabase(created.url);
      balancer = await startLoadBalancer();
      model = await startChatServer();
      emulator = await new BotApiEmulator({ token: TOKEN, filesDir: path.join(dir, "files"), webhookTarget: balancer.url }).start();
      // Subscribers near the shop that will open, with no quiet hours, so the next push run after its offer finds them.
      const repos = createRepositories(db);
      for (let i = 0; i < SUBSCRIBERS; i++) {
        const user = emulator.addUser({ firstName: `Sub${i}`, languageCode: "en", started: true });
        await repos.users.ensure({ id: user.id, firstName: user.first_name, languageCode: "en" });
        await repos.subscriptions.create({
          userId: BigInt(user.id), label: "Home", ...NYC, timeZone: "America/New_York", radiusM: 3000, categories: "",
          // One digest a day: whichever runs see the shop's two offers (together, or one and then the other), each
          // subscriber gets exactly one digest; one cancelled because its offer sold out first does not count.
          dailyMax: 1, quietStart: 0, quietEnd: 0, locale: "en",
        });
        subscribers.push(user.id);
      }
      bots = Array.from({ length: INSTANCES }, () =>
        spawnBot({
          token: TOKEN,
          apiRoot: emulator.url,
          dir,
          databaseUrl: created.url,
          env: {
            WEBHOOK_URL,
            WEBHOOK_SECRET: SECRET,
            PORT: "0",
            PAYMENT_PROVIDER_TOKEN: "284685063:TEST:instances",
            // Every instance tries every push run; the job's lease lets one of them run it.
            PUSH_SCHEDULE: "*/2 * * * * *",
            OPENAI_BASE_URL: model.url,
            OPENAI_API_KEY: "sk-test-local-key",
            OPENAI_REQUESTS_PER_USER_HOUR: String(MODEL_REQUESTS_PER_HOUR),
          },
        }),
      );
      instanceUrls = await Promise.all(bots.map(listening));
      balancer.backends.push(...instanceUrls);
    }, 120_000);

    afterAll(async () => {
      for (const bot of bots) if (bot.child.exitCode === null) bot.child.kill("SIGTERM");
      await Promise.all(bots.map((bot) => bot.exited));
      await emulator?.close();
      await balancer?.close();
      await model?.close();
      await db?.$disconnect();
      await dropDatabase?.();
      rmSync(dir, { recursive: true, force: true });
    }, 30_000);

    /** Resolves with the instance's HTTP address once it has set the webhook; fails with its output if it exits. */
    async function listening(bot: BotProcess): Promise<string> {
      const started = async () => {
        for (;;) {
          const logs = bot.logs();
          const address = logs.find((l) => l.msg === "HTTP server listening")?.address;
          if (typeof address === "string" && logs.some((l) => l.msg === "bot started")) return address.replace("0.0.0.0", "127.0.0.1");
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
      };
      return Promise.race([
        started(),
        bot.exited.then((code) => {
          throw new Error(`an instance exited with ${code} before it started:\n${bot.stdout()}\n${bot.stderr()}`);
        }),
      ]);
    }

    /** Updates the instances have handled, from their own /metrics. */
    async function handledUpdates(): Promise<number> {
      const texts = await Promise.all(instanceUrls.map((url) => fetch(`${url}/metrics`).then((r) => r.text())));
      return texts
        .flatMap((text) => text.split("\n").filter((line) => line.startsWith("nearbuy_updates_total{")))
        .reduce((sum, line) => sum + Number(line.split(" ").at(-1)), 0);
    }

    /** Repeats that an instance dropped because another had taken the update. */
    const dropped = () => bots.flatMap((bot) => bot.logs()).filter((l) => l.msg.startsWith("webhook: an update already taken")).length;

    /**
     * Waits until Telegram has posted every update, the instances have handled
     * every one the balancer handed out (or dropped it as a repeat), and
     * nothing more happens.
     */
    async function settled(): Promise<void> {
      const deadline = Date.now() + 30_000;
      for (;;) {
        await emulator.waitForIdle({ quietMs: 100, timeoutMs: 30_000 });
        const given = balancer.forwarded.reduce((a, b) => a + b, 0);
        if ((await handledUpdates()) + dropped() >= given) {
          await emulator.waitForIdle({ quietMs: 200, timeoutMs: 30_000 });
          if (balancer.forwarded.reduce((a, b) => a + b, 0) === given) return;
        }
        if (Date.now() > deadline) throw new Error(`the instances did not settle: ${await handledUpdates()} handled, ${dropped()} dropped of ${given}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }

    /** The next message the bot sends to a user, once the update that causes it is sent. */
    async function answer(userId: number, act: () => unknown, match: (m: Message) => boolean = () => true): Promise<Message> {
      const next = emulator.nextEvent((e) => e.type === "message" && e.chatId === userId && match(e.message), 20_000);
      act();
      return ((await next) as Sent).message;
    }

    function press(userId: number, message: Message, text: string): void {
      const keyboard = (message.reply_markup?.inline_keyboard ?? []).flat();
      const found = keyboard.find((b) => b.text === text);
      if (!found || !("callback_data" in found)) throw new Error(`no button "${text}" among ${keyboard.map((b) => b.text).join(", ")}`);
      emulator.pressButton(userId, message.message_id, found.callback_data);
    }

    const sentTo = (userId: number): Sent[] => emulator.events.filter((e): e is Sent => e.type === "message" && e.chatId === userId);
    const vouchersOf = (userId: number) => sentTo(userId).filter((e) => e.message.caption?.includes("Code:"));

    let dealId = 0;
    let joe = 0;

    it("hands a merchant's forms from instance to instance: registering a shop, then an offer", async () => {
      joe = emulator.addUser({ firstName: "Joe", languageCode: "en", started: true }).id;
      const before = [...balancer.forwarded];
      const name = await answer(joe, () => emulator.sendText(joe, "/register"));
      expect(name.text).toBe("🏪 Let's put your shop on the map. What is its name? (up to 64 characters)");
      const category = await answer(joe, () => emulator.sendText(joe, "Joe's Deli"));
      expect(category.text).toBe("Which category fits best?");
      const location = await answer(joe, () => press(joe, category, "🍜 Food"));
      expect(location.text).toMatch(/^📍 Where is it\?/);
      const address = await answer(joe, () => emulator.sendLocation(joe, NYC.lat, NYC.lng));
      expect(address.text).toBe("✉️ The street address, as customers should read it:");
      const hours = await answer(joe, () => emulator.sendText(joe, "1 Broadway, New York"));
      expect(hours.text).toMatch(/^🕘 Opening hours/);
      const currency = await answer(joe, () => emulator.sendText(joe, "Mon–Sun 8:00–20:00"));
      expect(currency.text).toMatch(/^💱 Prices at this shop: US Dollar \(USD\)/);
      const done = await answer(joe, () => press(joe, currency, "✅ Keep USD"));
      expect(done.text).toBe("✅ Joe's Deli is registered. Post your first offer with /newdeal.");

      const preview = await answer(joe, () => emulator.sendText(joe, `/newdeal Bagel and coffee | 5 | 9 | ${STOCK} | 7`), (m) => (m.caption ?? m.text ?? "").includes("Preview"));
      const published = await answer(joe, () => press(joe, preview, "✅ Publish"), (m) => (m.text ?? "").startsWith("🎉"));
      expect(published.text).toBe("🎉 Published! Customers within 25 km can find “Bagel and coffee” now.");
      // The steps of each form were handled by every instance, not one.
      expect(balancer.forwarded.map((n, i) => n - (before[i] ?? 0)).every((n) => n >= 2)).toBe(true);
      dealId = (await db.deal.findFirstOrThrow({ where: { title: "Bagel and coffee" } })).id;
      // A second offer that does not sell out: the racing buyers below empty the first, and whenever the
      // push runs, its digests must still have an offer on sale (a digest of sold-out offers is cancelled).
      const soup = await answer(joe, () => emulator.sendText(joe, "/newdeal Soup of the day | 4 | 7 | 500 | 7"), (m) => (m.caption ?? m.text ?? "").includes("Preview"));
      expect((await answer(joe, () => press(joe, soup, "✅ Publish"), (m) => (m.text ?? "").startsWith("🎉"))).text).toContain("Soup of the day");
    });

    it("sells exactly the stock to buyers racing through the three instances", async () => {
      const buyers = Array.from({ length: BUYERS }, (_, i) => emulator.addUser({ firstName: `Buyer${i}`, languageCode: "en", started: true }).id);
      const cards = await Promise.all(buyers.map((id) => answer(id, () => emulator.sendText(id, `/start d-${dealId}`), (m) => (m.reply_markup?.inline_keyboard ?? []).flat().some((b) => b.text === "🛒 Buy"))));
      const asks = await Promise.all(buyers.map((id, i) => answer(id, () => press(id, cards[i]!, "🛒 Buy"), (m) => (m.text ?? "").includes("how many?"))));
      // Every buyer taps "1" at the same moment: an invoice, or the button's answer says why not.
      const outcomes = await Promise.all(
        buyers.map((id, i) => {
          const outcome = emulator.nextEvent(
            (e) => (e.type === "message" && e.chatId === id && e.message.invoice !== undefined) || (e.type === "callback-answer" && e.chatId === id && e.text !== undefined),
            20_000,
          );
          press(id, asks[i]!, "1");
          return outcome;
        }),
      );
      const invoiced = buyers.filter((_, i) => outcomes[i]!.type === "message");
      expect(invoiced).toHaveLength(STOCK);
      for (const outcome of outcomes) if (outcome.type === "callback-answer") expect(outcome.text).toBe("😕 Sold out.");

      // They all pay at once; each payment's updates go through the balancer too.
      const payments = await Promise.all(invoiced.map((id) => emulator.pay(id)));
      expect(payments.every((p) => p.ok)).toBe(true);
      await settled();
      expect(invoiced.map((id) => vouchersOf(id).length)).toEqual(invoiced.map(() => 1));
    });

    it("fulfils a payment delivered to two instances at once, and again later, exactly once", async () => {
      const ann = emulator.addUser({ firstName: "Ann", languageCode: "en", started: true }).id;
      const restock = await db.deal.update({ where: { id: dealId }, data: { quantity: { increment: 1 }, stockLeft: { increment: 1 } } });
      expect(restock.stockLeft).toBe(1);
      const card = await answer(ann, () => emulator.sendText(ann, `/start d-${dealId}`), (m) => (m.reply_markup?.inline_keyboard ?? []).flat().some((b) => b.text === "🛒 Buy"));
      // One left: Buy sends the invoice at once.
      await answer(ann, () => press(ann, card, "🛒 Buy"), (m) => m.invoice !== undefined);

      // Its answer lost, Telegram sends the payment again, and the repeat reaches another instance.
      balancer.twiceWhen = (u) => u.message?.successful_payment !== undefined;
      const paid = await emulator.pay(ann);
      expect(paid.ok).toBe(true);
      await settled();
      balancer.twiceWhen = undefined;
      expect(dropped()).toBeGreaterThanOrEqual(1);
      // Even as a new update (its claim long forgotten), the same charge is not fulfilled twice.
      if (paid.ok) emulator.redeliver({ message: paid.message } as Parameters<BotApiEmulator["redeliver"]>[0]);
      await settled();
      expect(vouchersOf(ann)).toHaveLength(1);
      expect(sentTo(ann).filter((e) => (e.message.text ?? "").startsWith("✅ Payment received"))).toHaveLength(1);
    });

    it("sends each subscriber's digest once, whichever instance runs each push run", { timeout: 90_000 }, async () => {
      const digests = () => subscribers.map((id) => sentTo(id).filter((e) => (e.message.text ?? "").startsWith("🔔")).length);
      const deadline = Date.now() + 30_000;
      while (digests().some((n) => n === 0) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
      // Several more runs go by, each tried by all three instances.
      const runs = () => bots.flatMap((bot) => bot.logs()).filter((l) => l.msg === "job done" && l.job === "push").length;
      const seen = runs();
      while (runs() < seen + 3 && Date.now() < deadline + 30_000) await new Promise((resolve) => setTimeout(resolve, 100));
      expect(runs()).toBeGreaterThanOrEqual(seen + 3);
      // Which instance wins a run's lease is a race that one may keep winning: pause those that ran so far,
      // so that the next runs must go to another, then let them go on again.
      const ranPush = () => bots.filter((bot) => bot.logs().some((l) => l.msg === "job done" && l.job === "push"));
      const paused = ranPush().length < bots.length ? ranPush() : [];
      for (const bot of paused) bot.child.kill("SIGSTOP");
      try {
        while (ranPush().length < 2 && Date.now() < deadline + 50_000) await new Promise((resolve) => setTimeout(resolve, 100));
      } finally {
        for (const bot of paused) bot.child.kill("SIGCONT");
      }
      const pushRuns = bots.flatMap((bot) => bot.logs()).filter((l) => l.job === "push").map((l) => JSON.stringify(l.result ?? l.msg));
      expect(digests(), pushRuns.slice(-5).join("\n")).toEqual(subscribers.map(() => 1));
      // More than one instance ran push runs: the lease moved, and still nothing went twice.
      expect(ranPush().length).toBeGreaterThan(1);
    });

    it("spends one model budget per user, and serves one cache of answers, whichever instance asks", async () => {
      model.answer = () => reply.json({ keywords: ["bagel"], category: "food", maxPrice: null, minDiscount: null, partySize: null, when: null, radiusKm: null });
      const zed = emulator.addUser({ firstName: "Zed", languageCode: "en", started: true }).id;
      await answer(zed, () => emulator.sendLocation(zed, NYC.lat, NYC.lng));
      await settled();
      model.requests.length = 0;
      for (const text of ["bagels for breakfast", "a bagel please", "bagel and coffee", "fresh bagels"]) {
        await answer(zed, () => emulator.sendText(zed, text));
        await settled();
      }
      // Four requests through three instances; the budget of two holds across them.
      expect(model.requests).toHaveLength(MODEL_REQUESTS_PER_HOUR);
      const amy = emulator.addUser({ firstName: "Amy", languageCode: "en", started: true }).id;
      await answer(amy, () => emulator.sendLocation(amy, NYC.lat, NYC.lng));
      await answer(amy, () => emulator.sendText(amy, "bagels for breakfast"));
      await settled();
      // The same words, on another instance, are answered from the cache.
      expect(model.requests).toHaveLength(MODEL_REQUESTS_PER_HOUR);
    });

    it("pauses /redeem after 5 wrong codes, also when a merchant's guesses race through the three instances", async () => {
      const before = sentTo(joe).length;
      const guesses = Array.from({ length: 9 }, () => newVoucherCode());
      for (const code of guesses) emulator.sendText(joe, `/redeem ${code}`);
      await settled();
      const answers = sentTo(joe).slice(before).map((e) => e.message.text);
      expect(answers).toHaveLength(guesses.length);
      expect(answers.filter((t) => t === "No voucher of your shop has this code.")).toHaveLength(5);
      expect(answers.filter((t) => t === "Too many wrong codes. Please wait 15 minutes.")).toHaveLength(guesses.length - 5);
    });

    it("logs no error on any instance", () => {
      for (const bot of bots) expect(bot.logs().filter((l) => l.level >= 50)).toEqual([]);
    });

    it("goes on answering when one instance stops: the webhook stays set, and what the stopped one cannot take goes to another", async () => {
      const stopping = bots[INSTANCES - 1]!;
      stopping.child.kill("SIGTERM");
      expect(await stopping.exited).toBe(0);
      expect(emulator.webhook).toEqual({ url: WEBHOOK_URL, secretToken: SECRET });
      for (let i = 0; i < INSTANCES; i++) {
        const user = emulator.addUser({ firstName: `Late${i}`, languageCode: "en", started: true }).id;
        const greeting = await answer(user, () => emulator.sendText(user, "/start"));
        expect(greeting.text).toContain(`Late${i}`);
      }
    });
  });
}
