// Orders and the vouchers they create. Every method that moves stock or money
// is one transaction whose first statement is a conditional write: the row
// lock (SQLite's write lock; PostgreSQL's row lock) makes racing buyers,
// replayed payments and a second bot instance queue up behind it, and the
// condition decides who wins. Nothing is read first and written later.
import { DealStatus, OrderStatus, PAID_ONCE, UNUSED, VoucherStatus, isOneOf } from "../domain/lifecycles.js";
import { retryWhenBusy } from "./busy-retry.js";
import { readerOf, type Db } from "./client.js";
import { Prisma, type Deal, type Order, type Shop, type Voucher } from "../generated/prisma/client.js";
import { statusSql } from "./status-sql.js";

export type { Order, Voucher };
export type OrderWithVouchers = Order & { vouchers: Voucher[]; deal: Deal & { shop: Shop } };
export type OpenReservation = Order & { deal: Deal & { shop: Shop } };

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

export interface Reservation {
  dealId: number;
  buyerId: bigint;
  quantity: number;
  source: string;
  now: Date;
  reservedUntil: Date;
}

export interface Payment {
  orderId: number;
  buyerId: bigint;
  currency: string;
  totalMinor: number;
  telegramChargeId: string | null;
  providerChargeId: string | null;
  now: Date;
}

export type LateRefusal = "sold-out" | "over-limit" | "off-sale";

export type PaymentOutcome =
  /**
   * Vouchers created. `groupReached` lists every buyer when this purchase
   * completed a group deal. A late payment honoured in part leaves the order
   * REFUND_DUE: vouchers for what stock and limit allowed, the rest REFUNDED
   * and owed back, as a partial refund leaves it.
   */
  | { kind: "paid"; order: OrderWithVouchers; groupReached: bigint[] | null }
  /** The same charge seen before: nothing new. */
  | { kind: "replay"; order: OrderWithVouchers }
  /**
   * Paid for an order that was cancelled or lapsed, when none of it can be
   * honoured: its units went to someone else (sold-out), the buyer has bought
   * up to the limit since (over-limit), or the offer was paused or ended
   * meanwhile (off-sale). The money is owed back.
   */
  | { kind: LateRefusal; order: OrderWithVouchers }
  /** No order of this buyer with this amount: a bug or a forgery, never fulfilled. */
  | { kind: "unmatched" };

const withDeal = { vouchers: { orderBy: { id: "asc" } }, deal: { include: { shop: true } } } as const;

/**
 * The deal as the buyer bought it: the title it had then (the order keeps its
 * prices as well). A merchant's later rename is for new buyers only.
 */
function asBought<T extends { title: string | null; deal: Deal }>(order: T): T {
  return order.title === null ? order : { ...order, deal: { ...order.deal, title: order.title } };
}
function voucherAsBought<T extends { order: Order; deal: Deal }>(voucher: T): T {
  return voucher.order.title === null ? voucher : { ...voucher, deal: { ...voucher.deal, title: voucher.order.title } };
}
const bought = <T extends { title: string | null; deal: Deal }>(order: T | null) => (order ? asBought(order) : null);

/**
 * Units the buyer holds or has on hold, as one SQL expression: paid orders and
 * live reservations, and of an order refunded in part, the vouchers it still
 * has (a refund of one voucher does not free the buyer's whole order from the
 * per-person limit). One expression for the quote and for the conditional
 * write, so the two never disagree.
 */
function unitsHeldSql(dealId: number, buyerId: bigint, now: Date) {
  return Prisma.sql`((
      SELECT COALESCE(SUM("quantity"), 0) FROM "Order" WHERE "dealId" = ${dealId} AND "buyerId" = ${buyerId}
        AND ("status" = ${statusSql(OrderStatus.PAID)} OR ("status" = ${statusSql(OrderStatus.RESERVED)} AND "reservedUntil" > ${now}))
    ) + (
      SELECT COUNT(*) FROM "Voucher" v JOIN "Order" o ON o."id" = v."orderId"
      WHERE v."dealId" = ${dealId} AND v."holderId" = ${buyerId} AND v."status" <> ${statusSql(VoucherStatus.REFUNDED)}
        AND o."status" IN (${statusSql(OrderStatus.REFUND_DUE, OrderStatus.REFUNDED)})
    ))`;
}

async function unitsHeld(tx: Tx | Db, dealId: number, buyerId: bigint, now: Date): Promise<number> {
  const [row] = await tx.$queryRaw<{ held: bigint | number }[]>`SELECT ${unitsHeldSql(dealId, buyerId, now)} AS "held"`;
  return Number(row?.held ?? 0);
}

async function takeStock(tx: Tx, dealId: number, quantity: number, now: Date, buyerId: bigint): Promise<boolean> {
  // The per-person limit is part of the same statement, so it holds under the lock.
  // A quantity is at least 1, whatever asked for it: a zero-unit order would be
  // a "buyer" holding nothing.
  const changed = await tx.$executeRaw`
    UPDATE "Deal" SET "stockLeft" = "stockLeft" - ${quantity}, "updatedAt" = ${now}
    WHERE "id" = ${dealId} AND "status" = ${statusSql(DealStatus.ACTIVE)} AND ${quantity} >= 1 AND "stockLeft" >= ${quantity}
      AND "startsAt" <= ${now} AND "endsAt" > ${now}
      AND ${quantity} + ${unitsHeldSql(dealId, buyerId, now)} <= "perPersonLimit"`;
  return changed === 1;
}

/**
 * Holds that lapsed give their units back the moment they lapse, as the buyer
 * is told, not at the next job run: every read of a deal's stock (the quote,
 * the card) and every write that moves it (reserving, paying) first releases
 * that deal's lapsed holds; a search and the owner's list of offers release
 * every lapsed hold (one index probe when none lapsed). This is the one
 * statement that does it; the job only tidies holds nobody looked at.
 */
async function releaseLapsedIn(tx: Tx, dealId: number, now: Date): Promise<number> {
  const lapsed = await tx.$queryRaw<{ quantity: number }[]>`
    UPDATE "Order" SET "status" = ${statusSql(OrderStatus.EXPIRED)}, "updatedAt" = ${now}
    WHERE "dealId" = ${dealId} AND "status" = ${statusSql(OrderStatus.RESERVED)} AND "reservedUntil" <= ${now}
    RETURNING "quantity"`;
  const units = lapsed.reduce((sum, o) => sum + Number(o.quantity), 0);
  if (units > 0) await returnStock(tx, dealId, units);
  return lapsed.length;
}

/**
 * Locks the order before reading anything: on SQLite this takes the write lock
 * at once, so a second bot instance waits its turn instead of failing on a
 * stale snapshot; on PostgreSQL it is the row lock of SELECT … FOR UPDATE.
 */
async function lockOrder(tx: Tx, orderId: number, now: Date): Promise<void> {
  await tx.$executeRaw`UPDATE "Order" SET "updatedAt" = ${now} WHERE "id" = ${orderId}`;
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

export function createOrderRepository(db: Db) {
  const transaction = <T>(work: (tx: Tx) => Promise<T>) => retryWhenBusy(() => db.$transaction(work));

  return {
    find(id: number): Promise<OrderWithVouchers | null> {
      return db.order.findUnique({ where: { id }, include: withDeal }).then(bought);
    },

    /** Different people who bought a group deal so far. */
    async buyersSoFar(dealId: number): Promise<number> {
      return (await buyersOf(db, dealId)).length;
    },

    /** The buyer's open reservation of this deal (the newest), to send its invoice again. */
    openReservation(dealId: number, buyerId: bigint, now: Date): Promise<OpenReservation | null> {
      return db.order.findFirst({
        where: { dealId, buyerId, status: OrderStatus.RESERVED, reservedUntil: { gt: now } },
        include: { deal: { include: { shop: true } } },
        orderBy: { id: "desc" },
      }).then(bought);
    },

    /** Units the buyer holds or has on hold for this deal. */
    heldBy(dealId: number, buyerId: bigint, now: Date): Promise<number> {
      return unitsHeld(db, dealId, buyerId, now);
    },

    /** Takes the units off the shelf and opens the order; null when stock, limit or dates say no. */
    reserve(r: Reservation): Promise<Order | null> {
      return transaction(async (tx) => {
        await releaseLapsedIn(tx, r.dealId, r.now);
        if (!(await takeStock(tx, r.dealId, r.quantity, r.now, r.buyerId))) return null;
        const deal = await tx.deal.findUniqueOrThrow({ where: { id: r.dealId } });
        return tx.order.create({
          data: {
            dealId: r.dealId,
            buyerId: r.buyerId,
            quantity: r.quantity,
            currency: deal.currency,
            unitPriceMinor: deal.priceMinor,
            unitOriginalMinor: deal.originalPriceMinor,
            title: deal.title,
            totalMinor: deal.priceMinor * r.quantity,
            status: OrderStatus.RESERVED,
            source: r.source,
            reservedUntil: r.reservedUntil,
            // The service clock, as the merchant's numbers count invoices by it.
            createdAt: r.now,
          },
        });
      });
    },

    /** Keeps a reservation alive while the buyer is paying. False when it is no longer open. */
    async holdUntil(orderId: number, until: Date, now: Date): Promise<boolean> {
      const { count } = await db.order.updateMany({
        where: { id: orderId, status: OrderStatus.RESERVED, reservedUntil: { gt: now } },
        data: { reservedUntil: until },
      });
      return count === 1;
    },

    /**
     * Turns a payment into vouchers, exactly once per charge: the charge id is
     * unique, and the order only leaves RESERVED (or EXPIRED) once. A payment
     * for an order that was cancelled or lapsed is judged again under the
     * lock, stock and per-person limit alike: what cannot be honoured is owed back.
     */
    pay(p: Payment, newCode: () => string): Promise<PaymentOutcome> {
      return transaction(async (tx): Promise<PaymentOutcome> => {
        await lockOrder(tx, p.orderId, p.now);
        if (p.telegramChargeId) {
          const seen = await tx.order.findUnique({ where: { telegramChargeId: p.telegramChargeId }, include: withDeal });
          if (seen) return { kind: "replay", order: asBought(seen) };
        }
        const found = await tx.order.findUnique({ where: { id: p.orderId } });
        if (!found || found.buyerId !== p.buyerId || found.currency !== p.currency || found.totalMinor !== p.totalMinor) {
          return { kind: "unmatched" };
        }
        // A hold that lapsed is judged like one the job released.
        await releaseLapsedIn(tx, found.dealId, p.now);
        const order = await tx.order.findUniqueOrThrow({ where: { id: p.orderId } });
        if (!isOneOf(order.status, [OrderStatus.RESERVED, OrderStatus.EXPIRED])) return { kind: "unmatched" };
        const charge = { telegramChargeId: p.telegramChargeId, providerChargeId: p.providerChargeId, paidAt: p.now };
        let honoured = order.quantity;
        // Its units went back on sale: take them again if they are still there and the buyer is still within the limit;
        // if not all of them, as many as stock and limit allow now, and the rest is owed back.
        if (order.status === OrderStatus.EXPIRED && !(await takeStock(tx, order.dealId, order.quantity, p.now, order.buyerId))) {
          const deal = await tx.deal.findUniqueOrThrow({ where: { id: order.dealId } });
          const onSale = deal.status === DealStatus.ACTIVE && deal.startsAt <= p.now && deal.endsAt > p.now;
          const allowance = deal.perPersonLimit - (await unitsHeld(tx, order.dealId, order.buyerId, p.now));
          honoured = onSale ? Math.min(order.quantity, deal.stockLeft, allowance) : 0;
          if (honoured < 1 || !(await takeStock(tx, order.dealId, honoured, p.now, order.buyerId))) {
            const owed = await tx.order.update({
              where: { id: order.id },
              data: { status: OrderStatus.REFUND_DUE, ...charge, refundRequestedAt: p.now, refundMinor: order.totalMinor },
              include: withDeal,
            });
            const kind: LateRefusal = !onSale ? "off-sale" : allowance < 1 ? "over-limit" : "sold-out";
            return { kind, order: asBought(owed) };
          }
        }
        const refunded = order.quantity - honoured;
        const refundMinor = order.unitPriceMinor * refunded;
        const opened = await tx.order.updateMany({
          where: { id: order.id, status: order.status },
          data: refunded === 0 ? { status: OrderStatus.PAID, ...charge } : { status: OrderStatus.REFUND_DUE, ...charge, refundRequestedAt: p.now, refundMinor },
        });
        if (opened.count !== 1) return { kind: "unmatched" };
        const deal = await tx.deal.update({
          where: { id: order.dealId },
          data: { soldCount: { increment: honoured } },
        });
        const waitingForGroup = deal.minBuyers > 1 && deal.groupReachedAt === null;
        const expiresAt = new Date(p.now.getTime() + deal.voucherValidDays * 86_400_000);
        const voucher = (status: VoucherStatus) => ({ code: newCode(), orderId: order.id, dealId: deal.id, holderId: order.buyerId, status, expiresAt });
        await tx.voucher.createMany({
          data: [
            ...Array.from({ length: honoured }, () => voucher(waitingForGroup ? VoucherStatus.PENDING : VoucherStatus.ACTIVE)),
            // What could not be honoured: refunded and not yet paid back, as a refund of unused vouchers leaves them.
            ...Array.from({ length: refunded }, () => voucher(VoucherStatus.REFUNDED)),
          ],
        });
        let groupReached: bigint[] | null = null;
        if (waitingForGroup) {
          const buyers = await buyersOf(tx, deal.id);
          if (buyers.length >= deal.minBuyers) {
            await tx.deal.update({ where: { id: deal.id }, data: { groupReachedAt: p.now } });
            // Validity counts from activation: a voucher is never unusable for all of its days.
            await tx.voucher.updateMany({ where: { dealId: deal.id, status: VoucherStatus.PENDING }, data: { status: VoucherStatus.ACTIVE, expiresAt } });
            groupReached = buyers;
          }
        }
        const paid = await tx.order.findUniqueOrThrow({ where: { id: order.id }, include: withDeal });
        return { kind: "paid", order: asBought(paid), groupReached };
      });
    },

    async markDelivered(orderId: number, now: Date): Promise<void> {
      await db.order.update({ where: { id: orderId }, data: { deliveredAt: now } });
    },

    /**
     * Paid orders whose vouchers never reached the buyer (a crash between
     * payment and reply); not while the buyer has blocked the bot.
     */
    undelivered(paidBefore: Date): Promise<OrderWithVouchers[]> {
      return db.order.findMany({
        where: { status: OrderStatus.PAID, deliveredAt: null, paidAt: { lt: paidBefore }, buyer: { blockedAt: null } },
        include: withDeal,
        orderBy: { id: "asc" },
      }).then((orders) => orders.map(asBought));
    },

    /** Gives a reservation's units back; false when it was paid or released already. */
    release(orderId: number): Promise<boolean> {
      return transaction(async (tx) => {
        const { count } = await tx.order.updateMany({ where: { id: orderId, status: OrderStatus.RESERVED }, data: { status: OrderStatus.EXPIRED } });
        if (count === 1) {
          const order = await tx.order.findUniqueOrThrow({ where: { id: orderId } });
          await returnStock(tx, order.dealId, order.quantity);
        }
        return count === 1;
      });
    },

    /**
     * Releases lapsed holds, of one deal or of all, and returns how many. The
     * probe is an index seek on the reader, so a search or a card that calls
     * this on every read stays a read when nothing lapsed.
     */
    async releaseLapsed(now: Date, dealId?: number): Promise<number> {
      const probe = Prisma.sql`
        SELECT DISTINCT "dealId" FROM "Order" WHERE "status" = ${statusSql(OrderStatus.RESERVED)} AND "reservedUntil" <= ${now}
        ${dealId === undefined ? Prisma.empty : Prisma.sql`AND "dealId" = ${dealId}`}`;
      const deals = (await readerOf(db)).rows(probe.sql, probe.values);
      let released = 0;
      for (const [id] of deals) released += await transaction((tx) => releaseLapsedIn(tx, id as number, now));
      return released;
    },

    /** A buyer's vouchers, newest first, with their deal and shop. */
    vouchersOf(holderId: bigint, take: number, skip = 0) {
      return db.voucher.findMany({
        where: { holderId },
        include: { deal: { include: { shop: true } }, order: true },
        orderBy: { id: "desc" },
        take,
        skip,
      }).then((vouchers) => vouchers.map(voucherAsBought));
    },

    countVouchersOf(holderId: bigint): Promise<number> {
      return db.voucher.count({ where: { holderId } });
    },

    vouchersById(ids: number[]) {
      return db.voucher
        .findMany({ where: { id: { in: ids } }, include: { deal: { include: { shop: true } }, order: true } })
        .then((vouchers) => vouchers.map(voucherAsBought));
    },

    findVoucher(code: string) {
      return db.voucher.findUnique({
        where: { code },
        include: { deal: { include: { shop: true } }, order: true, holder: true },
      }).then((voucher) => voucher && voucherAsBought(voucher));
    },

    /** Redeems once: of two staff scanning the same code, one wins. */
    async redeem(voucherId: number, by: bigint, now: Date): Promise<boolean> {
      const { count } = await db.voucher.updateMany({
        where: { id: voucherId, status: VoucherStatus.ACTIVE, expiresAt: { gt: now } },
        data: { status: VoucherStatus.REDEEMED, redeemedAt: now, redeemedById: by },
      });
      return count === 1;
    },

    async recordRedeemFailure(userId: bigint, at: Date): Promise<void> {
      await db.redeemFailure.create({ data: { userId, at } });
    },

    redeemFailuresSince(userId: bigint, since: Date): Promise<number> {
      return db.redeemFailure.count({ where: { userId, at: { gt: since } } });
    },

    /**
     * Voids the order's unused vouchers (those matching `voidable`), all of
     * them or only those of `only`, and records what is owed back: the share
     * of every voided voucher not yet paid back. A free order owes nothing and
     * is settled at once. Returns null when nothing was left to refund, or when
     * one of `only` is no longer unused; then nothing changes.
     */
    refund(orderId: number, voidable: VoucherStatus[], now: Date, only?: number[]): Promise<OrderWithVouchers | null> {
      return transaction(async (tx) => {
        await lockOrder(tx, orderId, now);
        const order = await tx.order.findUniqueOrThrow({ where: { id: orderId } });
        // An order that was paid, even if part of it was refunded before.
        if (!isOneOf(order.status, PAID_ONCE)) return null;
        const unused = await tx.voucher.findMany({
          // An active voucher past its date is expired, even before the job marks it.
          where: {
            orderId,
            status: { in: voidable },
            NOT: { status: VoucherStatus.ACTIVE, expiresAt: { lte: now } },
            ...(only ? { id: { in: only } } : {}),
          },
          select: { id: true },
        });
        if (unused.length === 0 || (only && unused.length !== only.length)) return null;
        const free = order.unitPriceMinor === 0;
        await tx.voucher.updateMany({
          where: { id: { in: unused.map((v) => v.id) } },
          data: { status: VoucherStatus.REFUNDED, ...(free ? { refundSettledAt: now } : {}) },
        });
        const owed = await tx.voucher.count({ where: { orderId, status: VoucherStatus.REFUNDED, refundSettledAt: null } });
        const refundMinor = order.unitPriceMinor * owed;
        await tx.order.update({
          where: { id: orderId },
          data: {
            status: refundMinor === 0 ? OrderStatus.REFUNDED : OrderStatus.REFUND_DUE,
            refundMinor,
            refundRequestedAt: now,
            ...(refundMinor === 0 ? { refundedAt: now } : {}),
          },
        });
        await returnStock(tx, order.dealId, unused.length);
        return asBought(await tx.order.findUniqueOrThrow({ where: { id: orderId }, include: withDeal }));
      });
    },

    /** The merchant paid the money back: the order and its vouchers owed. Only their own shop's orders, only once. */
    settleRefund(orderId: number, shopIds: number[], now: Date): Promise<OrderWithVouchers | null> {
      return transaction(async (tx) => {
        const { count } = await tx.order.updateMany({
          where: { id: orderId, status: OrderStatus.REFUND_DUE, deal: { shopId: { in: shopIds } } },
          data: { status: OrderStatus.REFUNDED, refundedAt: now },
        });
        if (count !== 1) return null;
        await tx.voucher.updateMany({ where: { orderId, status: VoucherStatus.REFUNDED, refundSettledAt: null }, data: { refundSettledAt: now } });
        return bought(await tx.order.findUnique({ where: { id: orderId }, include: withDeal }));
      });
    },

    /** Active vouchers past their date become EXPIRED; returns the orders they belong to. */
    async expireVouchers(now: Date): Promise<number[]> {
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

    /** Paid orders holding expired vouchers of "refund on expiry" deals. */
    ordersToRefundOnExpiry(): Promise<number[]> {
      return db.order
        .findMany({
          where: { status: { in: PAID_ONCE }, deal: { refundPolicy: "ON_EXPIRY" }, vouchers: { some: { status: VoucherStatus.EXPIRED } } },
          select: { id: true },
        })
        .then((rows) => rows.map((r) => r.id));
    },

    /** Paid orders of group deals that stopped selling before reaching their minimum. */
    ordersOfFailedGroups(now: Date): Promise<number[]> {
      return db.order
        .findMany({
          where: {
            status: { in: PAID_ONCE },
            deal: { minBuyers: { gt: 1 }, groupReachedAt: null, OR: [{ endsAt: { lte: now } }, { status: DealStatus.ENDED }] },
            vouchers: { some: { status: { in: UNUSED } } },
          },
          select: { id: true },
        })
        .then((rows) => rows.map((r) => r.id));
    },

    /** Orders waiting for the merchant to pay money back. */
    refundsDue(shopIds: number[]): Promise<OrderWithVouchers[]> {
      return db.order.findMany({
        where: { status: OrderStatus.REFUND_DUE, deal: { shopId: { in: shopIds } } },
        include: withDeal,
        orderBy: { id: "asc" },
      }).then((orders) => orders.map(asBought));
    },
  };
}

export type OrderRepository = ReturnType<typeof createOrderRepository>;
