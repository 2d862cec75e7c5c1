// Two bot instances sharing one database, each its own process with its own
// connection, as two `npm start` would be. Racing buyers and a
// payment delivered to both must still sell exactly the stock and fulfil each
// charge once.
import { fork, type ChildProcess } from "node:child_process";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createServices } from "../src/core/services.js";
import type { InstanceCall, InstanceReply } from "./support/instance-worker.js";
import { silentMessaging } from "./support/silent-messaging.js";
import { describeEachDatabase } from "./support/databases.js";
import type { TestDb } from "./support/test-db.js";

const HERE = { lat: 40.7128, lng: -74.006 };
const NOW = "2026-05-04T09:00:00.000Z";
type Call = InstanceCall extends infer C ? (C extends { id: number } ? Omit<C, "id"> : never) : never;

class Instance {
  private readonly process: ChildProcess;
  private readonly pending = new Map<number, (reply: InstanceReply) => void>();
  private nextId = 1;
  readonly ready: Promise<void>;

  constructor(url: string) {
    this.process = fork(new URL("./support/instance-worker.ts", import.meta.url), [url, NOW], {
      execArgv: ["--import", "tsx"],
    });
    this.ready = new Promise((resolve) => this.process.once("message", () => resolve()));
    this.process.on("message", (reply: InstanceReply | "ready") => {
      if (reply === "ready") return;
      this.pending.get(reply.id)?.(reply);
      this.pending.delete(reply.id);
    });
  }

  call(call: Call): Promise<InstanceReply> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      this.process.send({ ...call, id });
    });
  }

  async close(): Promise<void> {
    this.process.send("close");
    await new Promise((resolve) => this.process.once("exit", resolve));
  }
}

describeEachDatabase("two bot instances on one database", (open) => {
  let db: TestDb;
  let a: Instance;
  let b: Instance;
  let dealId: number;
  let services: ReturnType<typeof createServices>;

  beforeAll(async () => {
    db = await open();
    services = createServices(db.repos, { clock: () => new Date(NOW), messaging: silentMessaging, currency: "USD", needsApproval: false });
    for (let id = 1; id <= 40; id++) await db.repos.users.ensure({ id, firstName: `Buyer ${id}` });
    await services.shops.register(1n, { name: "Corner Deli", category: "food", address: "1 Main St", openingHours: "", ...HERE });
    const deal = await services.deals.publish(1n, {
      title: "Bagel and coffee",
      description: "",
      priceMinor: 500,
      originalPriceMinor: 900,
      quantity: 7,
      perPersonLimit: 2,
      days: 7,
      voucherValidDays: 30,
    });
    dealId = deal.id;
    a = new Instance(db.url);
    b = new Instance(db.url);
    await Promise.all([a.ready, b.ready]);
  }, 60_000);

  afterAll(async () => {
    await Promise.all([a?.close(), b?.close()]);
    await db.close();
  });

  it("sell exactly the stock to 39 buyers racing through both instances", async () => {
    const replies = await Promise.all(
      Array.from({ length: 39 }, (_, i) => (i % 2 ? a : b).call({ kind: "reserve", buyerId: String(i + 2), dealId })),
    );
    expect(replies.filter((r) => r.ok)).toHaveLength(7);
    // Losers hear why, as a domain answer, never as a database error.
    for (const r of replies) if (!r.ok) expect(r.error).toMatch(/^(deal-sold-out|quantity-unavailable|deal-not-on-sale)$/);
    expect((await db.db.deal.findUniqueOrThrow({ where: { id: dealId } })).stockLeft).toBe(0);
  });

  it("fulfil a payment delivered to both instances at once exactly once", async () => {
    const order = await db.db.order.findFirstOrThrow({ where: { dealId, status: "RESERVED" } });
    const payment = { kind: "pay", buyerId: String(order.buyerId), orderId: order.id, totalMinor: 500, chargeId: "charge-twice" } as const;
    const replies = await Promise.all([a.call(payment), b.call(payment), a.call(payment), b.call(payment)]);
    expect(replies.map((r) => (r.ok ? r.value : r.error)).sort()).toEqual(["paid", "replay", "replay", "replay"]);
    expect(await db.db.order.count({ where: { telegramChargeId: "charge-twice" } })).toBe(1);
    expect(await db.db.voucher.count({ where: { orderId: order.id } })).toBe(1);
  });

  it("fulfil different payments landing on both instances at once, losing none", async () => {
    const open = await db.db.order.findMany({ where: { dealId, status: "RESERVED" } });
    const replies = await Promise.all(
      open.map((o, i) =>
        (i % 2 ? a : b).call({ kind: "pay", buyerId: String(o.buyerId), orderId: o.id, totalMinor: 500, chargeId: `charge-${o.id}` }),
      ),
    );
    expect(replies.map((r) => (r.ok ? r.value : r.error))).toEqual(open.map(() => "paid"));
    expect(await db.db.order.count({ where: { dealId, status: "PAID" } })).toBe(7);
    expect(await db.db.voucher.count({ where: { dealId } })).toBe(7);
    expect((await db.db.deal.findUniqueOrThrow({ where: { id: dealId } })).soldCount).toBe(7);
  });

  it("honour at most the per-person limit when payments for cancelled invoices land on both instances at once", async () => {
    const limited = await services.deals.publish(1n, {
      title: "Soup of the day",
      description: "",
      priceMinor: 700,
      originalPriceMinor: 1000,
      quantity: 10,
      perPersonLimit: 1,
      days: 7,
      voucherValidDays: 30,
    });
    // Three invoices, each approved by Telegram and then cancelled by the buyer.
    const cancelled: number[] = [];
    for (let i = 0; i < 3; i++) {
      const order = await services.checkout.reserve(40n, limited.id, 1, "nearby");
      await services.checkout.cancelReservation(order.id);
      cancelled.push(order.id);
    }
    const replies = await Promise.all(
      cancelled.map((orderId, i) =>
        (i % 2 ? a : b).call({ kind: "pay", buyerId: "40", orderId, totalMinor: 700, chargeId: `late-${orderId}` }),
      ),
    );
    expect(replies.map((r) => (r.ok ? r.value : r.error)).sort()).toEqual(["over-limit", "over-limit", "paid"]);
    expect(await db.db.voucher.count({ where: { dealId: limited.id } })).toBe(1);
    expect(await db.db.order.count({ where: { dealId: limited.id, status: "REFUND_DUE" } })).toBe(2);
    expect((await db.db.deal.findUniqueOrThrow({ where: { id: limited.id } })).stockLeft).toBe(9);
  });
});
