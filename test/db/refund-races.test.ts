// A refund and a redemption of the same voucher at once: one of them wins,
// never both (the voucher used in the shop and its money paid back). A
// redemption takes neither the deal's lock nor the order's, so on PostgreSQL
// it can commit between the refund's read of the vouchers and its write.
import pg from "pg";
import { afterEach, beforeEach, expect, it } from "vitest";
import { UNUSED } from "../../src/domain/lifecycles.js";
import { decideRefund } from "../../src/domain/order.js";
import { newVoucherCode } from "../../src/domain/voucher-code.js";
import { writerPool } from "../../src/db/postgres-url.js";
import { describeEachDatabase } from "../support/databases.js";
import type { TestDb } from "../support/test-db.js";
import { dealRow, orderRow, shopRow } from "../console/fixtures.js";

const NOW = new Date("2026-05-10T12:00:00Z");
const OWNER = 400n;
const BUYER = 600n;

describeEachDatabase("a refund racing a redemption", (openDb, kind) => {
  let t: TestDb;
  let dealId: number;
  let orderId: number;
  let voucherId: number;

  beforeEach(async () => {
    t = await openDb();
    for (const id of [OWNER, BUYER]) await t.db.user.create({ data: { id, firstName: `User ${id}` } });
    const shop = await t.db.shop.create({ data: shopRow(OWNER, { lat: 31.23, lng: 121.47 }) });
    dealId = (await t.db.deal.create({ data: { ...dealRow(shop, { title: "Soup dumplings" }), stockLeft: 99 } })).id;
    orderId = (
      await t.db.order.create({
        data: orderRow(BUYER, dealId, 1000, 2000, { status: "PAID", source: "nearby", createdAt: "2026-05-10T10:00:00Z", paidAt: "2026-05-10T10:01:00Z" }),
      })
    ).id;
    voucherId = (
      await t.db.voucher.create({
        data: { code: newVoucherCode(), orderId, dealId, holderId: BUYER, status: "ACTIVE", expiresAt: new Date("2026-06-10T00:00:00Z") },
      })
    ).id;
  });
  afterEach(() => t.close());

  const refund = () => t.repos.orders.refund(orderId, (o) => decideRefund(o, { voidable: UNUSED, now: NOW }), NOW);

  /** What the race left: the voucher, the order, the stock. */
  async function outcome() {
    const voucher = await t.db.voucher.findUniqueOrThrow({ where: { id: voucherId } });
    const order = await t.db.order.findUniqueOrThrow({ where: { id: orderId } });
    const deal = await t.db.deal.findUniqueOrThrow({ where: { id: dealId } });
    return { voucher: voucher.status, order: order.status, refundMinor: order.refundMinor, stockLeft: deal.stockLeft };
  }

  if (kind === "PostgreSQL") {
    it("a redemption committed after the refund read the voucher wins, and the refund does nothing", async () => {
      // The shop's redemption, begun first and held open: the refund reads the
      // voucher as still active, then waits on its row until the redemption commits.
      const shop = new pg.Client({ connectionString: writerPool(t.url).connectionString });
      const watcher = new pg.Client({ connectionString: writerPool(t.url).connectionString });
      await Promise.all([shop.connect(), watcher.connect()]);
      try {
        await shop.query("BEGIN");
        await shop.query(`UPDATE "Voucher" SET "status" = 'REDEEMED', "redeemedAt" = $1 WHERE "id" = $2 AND "status" = 'ACTIVE'`, [NOW, voucherId]);
        const refunding = refund();
        await waitForALockWait(watcher);
        await shop.query("COMMIT");
        expect(await refunding).toBeNull();
      } finally {
        await Promise.all([shop.end(), watcher.end()]);
      }
      expect(await outcome()).toEqual({ voucher: "REDEEMED", order: "PAID", refundMinor: 0, stockLeft: 99 });
    });
  } else {
    it("one of a refund and a redemption issued together wins, and the other finds the voucher gone (writes queue)", async () => {
      const [refunded, redeemed] = await Promise.all([refund(), t.repos.orders.redeem(voucherId, OWNER, NOW)]);
      expect([refunded !== null, redeemed].filter(Boolean)).toHaveLength(1);
      expect(await outcome()).toEqual(
        redeemed
          ? { voucher: "REDEEMED", order: "PAID", refundMinor: 0, stockLeft: 99 }
          : { voucher: "REFUNDED", order: "REFUND_DUE", refundMinor: 1000, stockLeft: 100 },
      );
    });
  }
});

/**
 * Until a session of this database waits for a row lock (the refund, on the
 * voucher the redemption holds). Each look is a transaction of its own: within
 * one, pg_stat_activity would show the same snapshot every time.
 */
async function waitForALockWait(client: pg.Client): Promise<void> {
  for (let tries = 0; tries < 500; tries++) {
    const { rows } = await client.query(
      `SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND wait_event_type = 'Lock'`,
    );
    if (rows.length > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error("the refund never waited for the voucher's row");
}
