// Orders and the vouchers they create. Every method that moves stock or money
// is one transaction that locks before it reads: on SQLite its first statement
// is a write, which takes the database's one write lock; on PostgreSQL it
// first locks the deal's row (dialect.ts lockDeal), then writes. Racing
// buyers, replayed payments and other bot instances queue up behind it, and
// the facts read after it cannot change before the transaction's writes.
// The rule that decides what to write comes from the use case; the writes
// stay conditional, so a broken assumption fails instead of overselling.
// The statements every purchase runs are plain SQL where a plain statement
// says it as well: the client compiles each of its queries anew on every call,
// the largest part of a purchase's CPU time after the QR code (measured), and
// the deal's lock is held meanwhile.
import type { DealWithShop } from "../domain/deal.js";
import { DealStatus, OrderStatus, PAID_ONCE, UNUSED, VoucherStatus } from "../domain/lifecycles.js";
import { REWARD_SOURCE } from "../domain/referral.js";
import type {
  FoundVoucher,
  LateRefusal,
  Order,
  OrderWithVouchers,
  PaymentOutcome,
  RefundDecision,
  SaleTerms,
  Settlement,
  SettlementFacts,
  VoucherWithOrder,
} from "../domain/order.js";
import { waitsForGroup } from "../domain/order.js";
import type { Charge, OpenReservation, OrderRepository, Reservation } from "../core/ports/order.port.js";
import { retryWhenBusy } from "./busy-retry.js";
import { dialectOf, readerOf, type Db } from "./client.js";
import { Prisma } from "../generated/prisma/client.js";
import type * as Row from "../generated/prisma/client.js";
import {
  DEAL_COLUMNS, ORDER_COLUMNS, SHOP_COLUMNS, VOUCHER_COLUMNS, dealOf, dealWithShopOf, orderOf, toDealWithShop, toOrder, toVoucher, voucherOf,
} from "./rows.js";
import { statusSql } from "./status-sql.js";
import { lockingTransaction, type Tx } from "./transaction.js";

const withDeal = { vouchers: { orderBy: { id: "asc" } }, deal: { include: { shop: true } } } as const;
const voucherWith = { deal: { include: { shop: true } }, order: true } as const;

type OrderRow = Row.Order & { vouchers: Row.Voucher[]; deal: Row.Deal & { shop: Row.Shop } };
type VoucherRow = Row.Voucher & { order: Row.Order; deal: Row.Deal & { shop: Row.Shop } };

/**
 * The deal as the buyer bought it: the title it had then (the order keeps its
 * prices as well). A merchant's later rename is for new buyers only.
 */
function asBought(title: string | null, deal: Row.Deal & { shop: Row.Shop }): DealWithShop {
  return toDealWithShop(title === null ? deal : { ...deal, title });
}

function toOrderWithVouchers(row: OrderRow): OrderWithVouchers {
  return { ...toOrder(row), vouchers: row.vouchers.map(toVoucher), deal: asBought(row.title, row.deal) };
}
function toVoucherWithOrder(row: VoucherRow): VoucherWithOrder {
  return { ...toVoucher(row), order: toOrder(row.order), deal: asBought(row.order.title, row.deal) };
}

/**
 * Units the buyer holds or has on hold, as one SQL expression: paid orders and
 * live reservations, and of an order refunded in part, the vouchers it still
 * has (a refund of one voucher does not free the buyer's whole order from the
 * per-person limit). Orders bought, not rewards: a referral reward's order
 * (REWARD_SOURCE) is a gift from the shop, and uses none of its holder's limit.
 */
function unitsHeldSql(dealId: Prisma.Sql | number, buyerId: Prisma.Sql | bigint, now: Date): Prisma.Sql {
  return Prisma.sql`((
      SELECT COALESCE(SUM("quantity"), 0) FROM "Order" WHERE "dealId" = ${dealId} AND "buyerId" = ${buyerId} AND "source" <> ${REWARD_SOURCE}
        AND ("status" = ${statusSql(OrderStatus.PAID)} OR ("status" = ${statusSql(OrderStatus.RESERVED)} AND "reservedUntil" > ${now}))
    ) + (
      SELECT COUNT(*) FROM "Voucher" v JOIN "Order" vo ON vo."id" = v."orderId"
      WHERE v."dealId" = ${dealId} AND v."holderId" = ${buyerId} AND v."status" <> ${statusSql(VoucherStatus.REFUNDED)}
        AND vo."status" IN (${statusSql(OrderStatus.REFUND_DUE, OrderStatus.REFUNDED)}) AND vo."source" <> ${REWARD_SOURCE}
    ))`;
}

async function unitsHeld(tx: Tx | Db, dealId: number, buyerId: bigint, now: Date): Promise<number> {
  const [row] = await tx.$queryRaw<{ held: bigint | number }[]>`SELECT ${unitsHeldSql(dealId, buyerId, now)} AS "held"`;
  return Number(row?.held ?? 0);
}

/** Takes units off the shelf; the condition only guards against a decision made on facts that moved. */
async function takeStock(tx: Tx, dealId: number, quantity: number, now: Date): Promise<void> {
  const changed = await tx.$executeRaw`
    UPDATE "Deal" SET "stockLeft" = "stockLeft" - ${quantity}, "updatedAt" = ${now}
    WHERE "id" = ${dealId} AND "stockLeft" >= ${quantity}`;
  if (changed !== 1) throw new Error(`deal ${dealId}: stock moved under the lock`);
}

/**
 * Holds that lapsed give their units back the moment they lapse, as the buyer
 * is told, not at the next job run: every read of a deal's stock (the quote,
 * the card) and every write that moves it (reserving, paying) first releases
 * that deal's lapsed holds; a search and the owner's list of offers release
 * every lapsed hold (one index probe when none lapsed). This is the one
 * statement that does it; the job only tidies holds nobody looked at.
 */
async function releaseLapsedIn(tx: Tx, dealId: number | Prisma.Sql, now: Date): Promise<number> {
  const lapsed = await tx.$queryRaw<{ dealId: number; quantity: number }[]>`
    UPDATE "Order" SET "status" = ${statusSql(OrderStatus.EXPIRED)}, "updatedAt" = ${now}
    WHERE "dealId" = ${dealId} AND "status" = ${statusSql(OrderStatus.RESERVED)} AND "reservedUntil" <= ${now}
    RETURNING "dealId", "quantity"`;
  const units = lapsed.reduce((sum, o) => sum + Number(o.quantity), 0);
  if (units > 0) await returnStock(tx, lapsed[0]!.dealId, units);
  return lapsed.length;
}

async function returnStock(tx: Tx, dealId: number, quantity: number): Promise<void> {
  await tx.deal.update({ where: { id: dealId }, data: { stockLeft: { increment: quantity } } });
}

/**
 * Buyers of a group deal so far: different people holding at least one paid
 * voucher (pending, active or used). An order without vouchers, or with every
 * voucher refunded, makes nobody a buyer.
 */
async function buyersOf(tx: Tx | Db, dealId: number): Promise<bigint[]> {
  const rows = await tx.voucher.findMany({
    where: { dealId, status: { in: [...UNUSED, VoucherStatus.REDEEMED] } },
    distinct: ["holderId"],
    select: { holderId: true },
  });
  return rows.map((r) => r.holderId);
}

async function orderWithVouchers(tx: Tx | Db, id: number): Promise<OrderWithVouchers | null> {
  const row = await tx.order.findUnique({ where: { id }, include: withDeal });
  return row && toOrderWithVouchers(row);
}

const columns = (table: string, names: readonly string[]) => names.map((c) => `${table}."${c}"`).join(", ");
const quoted = (names: readonly string[]) => names.map((c) => `"${c}"`).join(", ");
const ORDER_WITH_DEAL = `SELECT ${columns("o", ORDER_COLUMNS)}, ${columns("d", DEAL_COLUMNS)}, ${columns("s", SHOP_COLUMNS)}
  FROM "Order" o JOIN "Deal" d ON d."id" = o."dealId" JOIN "Shop" s ON s."id" = d."shopId" WHERE o."id" = ?`;
const VOUCHERS_OF_ORDER = `SELECT ${columns("v", VOUCHER_COLUMNS)} FROM "Voucher" v WHERE v."orderId" = ? ORDER BY v."id"`;

/**
 * orderWithVouchers as committed, on the reader: two statements instead of
 * the client's four (order, vouchers, deal, shop), each compiled and
 * converted again. The pre-checkout check and every payment read it.
 */
async function committedOrderWithVouchers(db: Db, id: number): Promise<OrderWithVouchers | null> {
  const reader = await readerOf(db);
  const [[row], vouchers] = await Promise.all([reader.rows(ORDER_WITH_DEAL, [id]), reader.rows(VOUCHERS_OF_ORDER, [id])]);
  if (!row) return null;
  const order = orderOf(row);
  const deal = dealWithShopOf(row.slice(ORDER_COLUMNS.length));
  return { ...order, vouchers: vouchers.map(voucherOf), deal: order.title === null ? deal : { ...deal, title: order.title } };
}

const aliased = (table: string, names: readonly string[]) => names.map((c) => `${table}."${c}" AS "${table}_${c}"`).join(", ");

/**
 * What a payment is judged on, in one statement: the order and its deal,
 * whether the charge was seen, and the units the buyer holds. From a row of
 * its own, so that the charge is checked when no order matches.
 */
function settlementFactsSql(c: Charge): Prisma.Sql {
  return Prisma.sql`
    SELECT ${Prisma.raw(aliased("o", ORDER_COLUMNS))}, ${Prisma.raw(aliased("d", DEAL_COLUMNS))},
      CASE WHEN EXISTS (SELECT 1 FROM "Order" WHERE "telegramChargeId" = ${c.telegramChargeId}) THEN 1 ELSE 0 END AS "chargeSeen",
      ${unitsHeldSql(Prisma.raw(`o."dealId"`), Prisma.raw(`o."buyerId"`), c.now)} AS "held"
    FROM (SELECT 1 AS "one") AS "one"
    LEFT JOIN "Order" o ON o."id" = ${c.orderId}
    LEFT JOIN "Deal" d ON d."id" = o."dealId"`;
}

/**
 * Reads what a payment is judged on, under the order's lock: its deal's
 * lapsed holds released first (a hold that lapsed is judged like one the job
 * released), then one statement, and the buyers so far only while a group
 * deal waits for them (they are all of its buyers). Each statement here is
 * a round trip with the deal's lock held.
 */
async function settlementFacts(tx: Tx, c: Charge): Promise<SettlementFacts> {
  await releaseLapsedIn(tx, Prisma.sql`(SELECT "dealId" FROM "Order" WHERE "id" = ${c.orderId})`, c.now);
  const [found] = await tx.$queryRaw<Record<string, unknown>[]>(settlementFactsSql(c));
  const row = Object.values(found!);
  const [chargeSeen, held] = row.slice(-2).map(Number) as [number, number];
  const facts = { payment: c, chargeSeen: chargeSeen === 1, order: null, held: 0, buyers: [], now: c.now };
  if (row[0] === null) return facts;
  const order = { ...orderOf(row), deal: dealOf(row, ORDER_COLUMNS.length) };
  const buyers = waitsForGroup(order.deal) ? await buyersOf(tx, order.dealId) : [];
  return { ...facts, order, held, buyers };
}

/**
 * A payment as its transaction leaves it. The order it names is read after
 * the commit, once the deal's lock is let go: the racing buyers queued on it
 * need not wait for the order to be read back (see settle).
 */
type Settled =
  | { kind: "unmatched" }
  | { kind: "replay" }
  | { kind: "paid"; orderId: number; groupReached: bigint[] | null }
  | { kind: LateRefusal; orderId: number };

async function writeSettlement(
  tx: Tx,
  c: Charge,
  order: Order,
  decision: Exclude<Settlement, { kind: "replay" | "unmatched" }>,
  newCode: () => string,
): Promise<Settled> {
  const charge = { telegramChargeId: c.telegramChargeId, providerChargeId: c.providerChargeId, paidAt: c.now };
  if (decision.kind !== "paid") {
    await tx.order.update({
      where: { id: order.id },
      data: { status: decision.order, ...charge, refundRequestedAt: c.now, refundMinor: decision.refundMinor },
    });
    return { kind: decision.kind, orderId: order.id };
  }
  const owes = decision.refunded > 0 ? Prisma.sql`, "refundRequestedAt" = ${c.now}, "refundMinor" = ${decision.refundMinor}` : Prisma.empty;
  const stamp = new Date();
  const voucher = (status: VoucherStatus) =>
    Prisma.sql`(${newCode()}, ${order.id}, ${order.dealId}, ${order.buyerId}, ${statusSql(status)}, ${decision.expiresAt}, ${stamp}, ${stamp})`;
  // Sent together: the connection runs them one after the other without a
  // wait for the process in between, and the deal's lock is held for less.
  const [opened] = await Promise.all([
    tx.$executeRaw`
      UPDATE "Order" SET "status" = ${statusSql(decision.order)}, "telegramChargeId" = ${c.telegramChargeId},
        "providerChargeId" = ${c.providerChargeId}, "paidAt" = ${c.now}, "updatedAt" = ${stamp} ${owes}
      WHERE "id" = ${order.id} AND "status" = ${statusSql(order.status)}`,
    decision.restock > 0 ? takeStock(tx, order.dealId, decision.restock, c.now) : undefined,
    tx.$executeRaw`UPDATE "Deal" SET "soldCount" = "soldCount" + ${decision.honoured}, "updatedAt" = ${stamp} WHERE "id" = ${order.dealId}`,
    tx.$executeRaw`
      INSERT INTO "Voucher" ("code", "orderId", "dealId", "holderId", "status", "expiresAt", "createdAt", "updatedAt")
      VALUES ${Prisma.join([
        ...Array.from({ length: decision.honoured }, () => voucher(decision.voucherStatus)),
        // What could not be honoured: refunded and not yet paid back, as a refund of unused vouchers leaves them.
        ...Array.from({ length: decision.refunded }, () => voucher(VoucherStatus.REFUNDED)),
      ])}`,
  ]);
  // The order was read under its lock, so this cannot happen; if it did, nothing of the above is kept.
  if (opened !== 1) throw new Error(`order ${order.id}: its status moved under the lock`);
  if (decision.groupReached) {
    await tx.deal.update({ where: { id: order.dealId }, data: { groupReachedAt: c.now } });
    await tx.voucher.updateMany({
      where: { dealId: order.dealId, status: VoucherStatus.PENDING },
      data: { status: VoucherStatus.ACTIVE, expiresAt: decision.expiresAt },
    });
  }
  return { kind: "paid", orderId: order.id, groupReached: decision.groupReached };
}

/** A voucher the refund would void changed after it was read (redeemed meanwhile): the refund is undone. */
class RefundOvertaken extends Error {}

async function writeRefund(tx: Tx, order: OrderWithVouchers, decision: RefundDecision, now: Date): Promise<void> {
  // Each voucher only as the decision read it: a redemption needs neither the
  // deal's lock nor the order's, and on PostgreSQL one committed since then
  // must not be overwritten (the voucher used and its money paid back too).
  const voided = order.vouchers.filter((v) => decision.void.includes(v.id));
  const { count } = await tx.voucher.updateMany({
    where: { orderId: order.id, OR: voided.map(({ id, status }) => ({ id, status })) },
    data: { status: VoucherStatus.REFUNDED, ...(decision.settledNow ? { refundSettledAt: now } : {}) },
  });
  if (count !== decision.void.length) throw new RefundOvertaken();
  await tx.order.update({
    where: { id: order.id },
    data: {
      status: decision.order,
      refundMinor: decision.refundMinor,
      refundRequestedAt: now,
      ...(decision.order === OrderStatus.REFUNDED ? { refundedAt: now } : {}),
    },
  });
  await returnStock(tx, order.dealId, decision.void.length);
}

export function createOrderRepository(db: Db): OrderRepository {
  const { lockDeal, lockDealOfOrder, lockDealAndOrder } = dialectOf(db);
  // Racing buyers of one deal queue on its lock: see lockingTransaction.
  const transaction = lockingTransaction(db);

  return {
    find: (id) => committedOrderWithVouchers(db, id),

    async buyersSoFar(dealId) {
      return (await buyersOf(db, dealId)).length;
    },

    async openReservation(dealId, buyerId, now): Promise<OpenReservation | null> {
      const row = await db.order.findFirst({
        where: { dealId, buyerId, status: OrderStatus.RESERVED, reservedUntil: { gt: now } },
        include: { deal: { include: { shop: true } } },
        orderBy: { id: "desc" },
      });
      return row && { ...toOrder(row), deal: asBought(row.title, row.deal) };
    },

    heldBy: (dealId, buyerId, now) => unitsHeld(db, dealId, buyerId, now),

    reserve(r: Reservation, allowed: (deal: SaleTerms, held: number) => boolean): Promise<Order | null> {
      return transaction(async (tx) => {
        await lockDeal(tx, r.dealId);
        await releaseLapsedIn(tx, r.dealId, r.now);
        const [found] = await tx.$queryRaw<Record<string, unknown>[]>`
          SELECT ${Prisma.raw(quoted(DEAL_COLUMNS))}, ${unitsHeldSql(r.dealId, r.buyerId, r.now)} AS "held"
          FROM "Deal" WHERE "id" = ${r.dealId}`;
        if (!found) return null;
        const row = Object.values(found);
        const deal = dealOf(row);
        if (!allowed(deal, Number(row.at(-1)))) return null;
        // Sent together (see writeSettlement).
        // The service clock for createdAt, as the merchant's numbers count invoices by it.
        const [, [created]] = await Promise.all([
          takeStock(tx, r.dealId, r.quantity, r.now),
          tx.$queryRaw<Record<string, unknown>[]>`
            INSERT INTO "Order" ("dealId", "buyerId", "quantity", "currency", "unitPriceMinor", "unitOriginalMinor", "title",
              "totalMinor", "status", "source", "reservedUntil", "createdAt", "updatedAt")
            VALUES (${r.dealId}, ${r.buyerId}, ${r.quantity}, ${deal.currency}, ${deal.priceMinor}, ${deal.originalPriceMinor}, ${deal.title},
              ${deal.priceMinor * r.quantity}, ${statusSql(OrderStatus.RESERVED)}, ${r.source}, ${r.reservedUntil}, ${r.now}, ${new Date()})
            RETURNING ${Prisma.raw(quoted(ORDER_COLUMNS))}`,
        ]);
        return orderOf(Object.values(created!));
      });
    },

    async holdUntil(orderId, until, now) {
      const count = await db.$executeRaw`
        UPDATE "Order" SET "reservedUntil" = ${until}, "updatedAt" = ${new Date()}
        WHERE "id" = ${orderId} AND "status" = ${statusSql(OrderStatus.RESERVED)} AND "reservedUntil" > ${now}`;
      return count === 1;
    },

    /**
     * The order comes back as committed, read once the transaction is over:
     * four statements fewer under the deal's lock. A change committed in
     * between (a group completed, a refund) is newer, and the buyer is handed
     * the vouchers as they are then.
     */
    async settle(c: Charge, decide: (facts: SettlementFacts) => Settlement, newCode: () => string): Promise<PaymentOutcome> {
      const settled = await transaction(async (tx): Promise<Settled> => {
        await lockDealAndOrder(tx, c.orderId, c.now);
        const facts = await settlementFacts(tx, c);
        const decision = decide(facts);
        if (decision.kind === "unmatched" || decision.kind === "replay") return decision;
        return writeSettlement(tx, c, facts.order!, decision, newCode);
      });
      switch (settled.kind) {
        case "unmatched":
          return settled;
        case "replay": {
          const seen = await db.order.findUniqueOrThrow({ where: { telegramChargeId: c.telegramChargeId! }, include: withDeal });
          return { kind: "replay", order: toOrderWithVouchers(seen) };
        }
        case "paid":
          return { kind: "paid", order: (await committedOrderWithVouchers(db, settled.orderId))!, groupReached: settled.groupReached };
        default:
          return { kind: settled.kind, order: (await committedOrderWithVouchers(db, settled.orderId))! };
      }
    },

    async markDelivered(orderId, now) {
      await retryWhenBusy(() => db.$executeRaw`UPDATE "Order" SET "deliveredAt" = ${now}, "updatedAt" = ${new Date()} WHERE "id" = ${orderId}`);
    },

    async undelivered(paidBefore) {
      const rows = await db.order.findMany({
        where: { status: OrderStatus.PAID, deliveredAt: null, paidAt: { lt: paidBefore }, buyer: { blockedAt: null } },
        include: withDeal,
        orderBy: { id: "asc" },
      });
      return rows.map(toOrderWithVouchers);
    },

    release(orderId) {
      return transaction(async (tx) => {
        await lockDealOfOrder(tx, orderId);
        const { count } = await tx.order.updateMany({ where: { id: orderId, status: OrderStatus.RESERVED }, data: { status: OrderStatus.EXPIRED } });
        if (count === 1) {
          const order = await tx.order.findUniqueOrThrow({ where: { id: orderId } });
          await returnStock(tx, order.dealId, order.quantity);
        }
        return count === 1;
      });
    },

    /**
     * The probe is an index seek on the reader, so a search or a card that
     * calls this on every read stays a read when nothing lapsed.
     */
    async releaseLapsed(now, dealId) {
      const probe = Prisma.sql`
        SELECT DISTINCT "dealId" FROM "Order" WHERE "status" = ${statusSql(OrderStatus.RESERVED)} AND "reservedUntil" <= ${now}
        ${dealId === undefined ? Prisma.empty : Prisma.sql`AND "dealId" = ${dealId}`}`;
      const deals = await (await readerOf(db)).rows(probe.sql, probe.values);
      let released = 0;
      for (const [id] of deals) released += await transaction(async (tx) => {
          await lockDeal(tx, id as number);
          return releaseLapsedIn(tx, id as number, now);
        });
      return released;
    },

    async vouchersOf(holderId, take, skip = 0) {
      const rows = await db.voucher.findMany({ where: { holderId }, include: voucherWith, orderBy: { id: "desc" }, take, skip });
      return rows.map(toVoucherWithOrder);
    },

    countVouchersOf: (holderId) => db.voucher.count({ where: { holderId } }),

    async vouchersById(ids): Promise<VoucherWithOrder[]> {
      const rows = await db.voucher.findMany({ where: { id: { in: ids } }, include: voucherWith });
      return rows.map(toVoucherWithOrder);
    },

    async findVoucher(code): Promise<FoundVoucher | null> {
      const row = await db.voucher.findUnique({ where: { code }, include: { ...voucherWith, holder: true } });
      return row && { ...toVoucherWithOrder(row), holder: row.holder };
    },

    async redeem(voucherId, by, now) {
      const { count } = await db.voucher.updateMany({
        where: { id: voucherId, status: VoucherStatus.ACTIVE, expiresAt: { gt: now } },
        data: { status: VoucherStatus.REDEEMED, redeemedAt: now, redeemedById: by },
      });
      return count === 1;
    },

    refund(orderId, decide: (order: OrderWithVouchers) => RefundDecision | null, now) {
      return transaction(async (tx) => {
        await lockDealAndOrder(tx, orderId, now);
        const order = await orderWithVouchers(tx, orderId);
        if (!order) throw new Error(`order ${orderId} not found`);
        const decision = decide(order);
        if (!decision) return null;
        await writeRefund(tx, order, decision, now);
        return orderWithVouchers(tx, orderId);
      }).catch((error: unknown) => {
        // As if decided a moment later: a voucher no longer voidable refunds nothing.
        if (error instanceof RefundOvertaken) return null;
        throw error;
      });
    },

    settleRefund(orderId, shopIds, now) {
      return transaction(async (tx) => {
        const { count } = await tx.order.updateMany({
          where: { id: orderId, status: OrderStatus.REFUND_DUE, deal: { shopId: { in: shopIds } } },
          data: { status: OrderStatus.REFUNDED, refundedAt: now },
        });
        if (count !== 1) return null;
        await tx.voucher.updateMany({ where: { orderId, status: VoucherStatus.REFUNDED, refundSettledAt: null }, data: { refundSettledAt: now } });
        return orderWithVouchers(tx, orderId);
      });
    },

    async expireVouchers(now) {
      const due = await db.voucher.findMany({
        where: { status: VoucherStatus.ACTIVE, expiresAt: { lte: now } },
        select: { id: true, orderId: true },
      });
      if (due.length === 0) return [];
      await db.voucher.updateMany({
        where: { id: { in: due.map((v) => v.id) }, status: VoucherStatus.ACTIVE },
        data: { status: VoucherStatus.EXPIRED },
      });
      return [...new Set(due.map((v) => v.orderId))];
    },

    async ordersToRefundOnExpiry() {
      const rows = await db.order.findMany({
        where: { status: { in: PAID_ONCE }, deal: { refundPolicy: "ON_EXPIRY" }, vouchers: { some: { status: VoucherStatus.EXPIRED } } },
        select: { id: true },
      });
      return rows.map((r) => r.id);
    },

    async ordersOfFailedGroups(now) {
      const rows = await db.order.findMany({
        where: {
          status: { in: PAID_ONCE },
          deal: { minBuyers: { gt: 1 }, groupReachedAt: null, OR: [{ endsAt: { lte: now } }, { status: DealStatus.ENDED }] },
          vouchers: { some: { status: { in: UNUSED } } },
        },
        select: { id: true },
      });
      return rows.map((r) => r.id);
    },

    async refundsDue(shopIds) {
      const rows = await db.order.findMany({
        where: { status: OrderStatus.REFUND_DUE, deal: { shopId: { in: shopIds } } },
        include: withDeal,
        orderBy: { id: "asc" },
      });
      return rows.map(toOrderWithVouchers);
    },
  };
}
