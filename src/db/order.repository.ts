// Orders and the vouchers they create. Every method that moves stock or money
// is one transaction whose first statement is a conditional write: the row
// lock (SQLite's write lock; PostgreSQL's row lock) makes racing buyers,
// replayed payments and a second bot instance queue up behind it, and the
// condition decides who wins. Nothing is read first and written later.
import { retryWhenBusy } from "./busy-retry.js";
import type { Db } from "./client.js";
import { Prisma, type Deal, type Order, type Shop, type Voucher } from "../generated/prisma/client.js";

export type { Order, Voucher };
export type OrderWithVouchers = Order & { vouchers: Voucher[]; deal: Deal & { shop: Shop } };

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

export type PaymentOutcome =
  /** Vouchers created. `groupReached` lists every buyer when this purchase completed a group deal. */
  | { kind: "paid"; order: OrderWithVouchers; groupReached: bigint[] | null }
  /** The same charge seen before: nothing new. */
  | { kind: "replay"; order: OrderWithVouchers }
  /** Paid after its reservation lapsed and the stock went to someone else: the money is owed back. */
  | { kind: "sold-out"; order: OrderWithVouchers }
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

/** Units this buyer holds or has on hold: paid orders and live reservations. */
function heldByBuyer(dealId: number, buyerId: bigint, now: Date) {
  return { dealId, buyerId, OR: [{ status: "PAID" }, { status: "RESERVED", reservedUntil: { gt: now } }] };
}

async function takeStock(tx: Tx, dealId: number, quantity: number, now: Date, buyerId?: bigint): Promise<boolean> {
  // The per-person limit is part of the same statement, so it holds under the lock.
  const withinLimit =
    buyerId === undefined
      ? Prisma.empty
      : Prisma.sql`AND ${quantity} + (
          SELECT COALESCE(SUM("quantity"), 0) FROM "Order" WHERE "dealId" = ${dealId} AND "buyerId" = ${buyerId}
            AND ("status" = 'PAID' OR ("status" = 'RESERVED' AND "reservedUntil" > ${now}))
        ) <= "perPersonLimit"`;
  const changed = await tx.$executeRaw`
    UPDATE "Deal" SET "stockLeft" = "stockLeft" - ${quantity}, "updatedAt" = ${now}
    WHERE "id" = ${dealId} AND "status" = 'ACTIVE' AND "stockLeft" >= ${quantity}
      AND "startsAt" <= ${now} AND "endsAt" > ${now} ${withinLimit}`;
  return changed === 1;
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

/** Buyers of a group deal so far: different people with a paid order. */
async function buyersOf(tx: Tx | Db, dealId: number): Promise<bigint[]> {
  const rows = await tx.order.findMany({ where: { dealId, status: "PAID" }, distinct: ["buyerId"], select: { buyerId: true } });
  return rows.map((r) => r.buyerId);
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

    /** Units the buyer holds or has on hold for this deal. */
    async heldBy(dealId: number, buyerId: bigint, now: Date): Promise<number> {
      const sum = await db.order.aggregate({ where: heldByBuyer(dealId, buyerId, now), _sum: { quantity: true } });
      return sum._sum.quantity ?? 0;
    },

    /** Takes the units off the shelf and opens the order; null when stock, limit or dates say no. */
    reserve(r: Reservation): Promise<Order | null> {
      return transaction(async (tx) => {
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
            status: "RESERVED",
            source: r.source,
            reservedUntil: r.reservedUntil,
          },
        });
      });
    },

    /** Keeps a reservation alive while the buyer is paying. False when it is no longer open. */
    async holdUntil(orderId: number, until: Date, now: Date): Promise<boolean> {
      const { count } = await db.order.updateMany({
        where: { id: orderId, status: "RESERVED", reservedUntil: { gt: now } },
        data: { reservedUntil: until },
      });
      return count === 1;
    },

    /**
     * Turns a payment into vouchers, exactly once per charge: the charge id is
     * unique, and the order only leaves RESERVED (or EXPIRED) once.
     */
    pay(p: Payment, newCode: () => string): Promise<PaymentOutcome> {
      return transaction(async (tx): Promise<PaymentOutcome> => {
        await lockOrder(tx, p.orderId, p.now);
        if (p.telegramChargeId) {
          const seen = await tx.order.findUnique({ where: { telegramChargeId: p.telegramChargeId }, include: withDeal });
          if (seen) return { kind: "replay", order: asBought(seen) };
        }
        const order = await tx.order.findUnique({ where: { id: p.orderId } });
        if (
          !order ||
          order.buyerId !== p.buyerId ||
          order.currency !== p.currency ||
          order.totalMinor !== p.totalMinor ||
          !["RESERVED", "EXPIRED"].includes(order.status)
        ) {
          return { kind: "unmatched" };
        }
        const charge = { telegramChargeId: p.telegramChargeId, providerChargeId: p.providerChargeId, paidAt: p.now };
        const opened = await tx.order.updateMany({
          where: { id: order.id, status: order.status },
          data: { status: "PAID", ...charge },
        });
        if (opened.count !== 1) return { kind: "unmatched" };
        // A lapsed reservation gave its units back: take them again if they are still there.
        if (order.status === "EXPIRED" && !(await takeStock(tx, order.dealId, order.quantity, p.now))) {
          const owed = await tx.order.update({
            where: { id: order.id },
            data: { status: "REFUND_DUE", refundRequestedAt: p.now, refundMinor: order.totalMinor },
            include: withDeal,
          });
          return { kind: "sold-out", order: asBought(owed) };
        }
        const deal = await tx.deal.update({
          where: { id: order.dealId },
          data: { soldCount: { increment: order.quantity } },
        });
        const waitingForGroup = deal.minBuyers > 1 && deal.groupReachedAt === null;
        const expiresAt = new Date(p.now.getTime() + deal.voucherValidDays * 86_400_000);
        await tx.voucher.createMany({
          data: Array.from({ length: order.quantity }, () => ({
            code: newCode(),
            orderId: order.id,
            dealId: deal.id,
            holderId: order.buyerId,
            status: waitingForGroup ? "PENDING" : "ACTIVE",
            expiresAt,
          })),
        });
        let groupReached: bigint[] | null = null;
        if (waitingForGroup) {
          const buyers = await buyersOf(tx, deal.id);
          if (buyers.length >= deal.minBuyers) {
            await tx.deal.update({ where: { id: deal.id }, data: { groupReachedAt: p.now } });
            // Validity counts from activation: a voucher is never unusable for all of its days.
            await tx.voucher.updateMany({ where: { dealId: deal.id, status: "PENDING" }, data: { status: "ACTIVE", expiresAt } });
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

    /** Paid orders whose vouchers never reached the buyer (a crash between payment and reply). */
    undelivered(paidBefore: Date): Promise<OrderWithVouchers[]> {
      return db.order.findMany({
        where: { status: "PAID", deliveredAt: null, paidAt: { lt: paidBefore } },
        include: withDeal,
        orderBy: { id: "asc" },
      }).then((orders) => orders.map(asBought));
    },

    /** Gives a reservation's units back; false when it was paid or released already. */
    release(orderId: number): Promise<boolean> {
      return transaction(async (tx) => {
        const { count } = await tx.order.updateMany({ where: { id: orderId, status: "RESERVED" }, data: { status: "EXPIRED" } });
        if (count === 1) {
          const order = await tx.order.findUniqueOrThrow({ where: { id: orderId } });
          await returnStock(tx, order.dealId, order.quantity);
        }
        return count === 1;
      });
    },

    /** Unpaid reservations past their time. */
    async lapsedReservations(now: Date): Promise<number[]> {
      const rows = await db.order.findMany({ where: { status: "RESERVED", reservedUntil: { lte: now } }, select: { id: true } });
      return rows.map((r) => r.id);
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
        where: { id: voucherId, status: "ACTIVE", expiresAt: { gt: now } },
        data: { status: "REDEEMED", redeemedAt: now, redeemedById: by },
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
     * Voids the order's unused vouchers (those matching `voidable`) and records
     * what is owed back. A free order owes nothing and is settled at once.
     * Returns null when nothing was left to refund.
     */
    refund(orderId: number, voidable: string[], now: Date): Promise<OrderWithVouchers | null> {
      return transaction(async (tx) => {
        await lockOrder(tx, orderId, now);
        const order = await tx.order.findUniqueOrThrow({ where: { id: orderId } });
        if (order.status !== "PAID") return null;
        const { count } = await tx.voucher.updateMany({
          // An active voucher past its date is expired, even before the job marks it.
          where: { orderId, status: { in: voidable }, NOT: { status: "ACTIVE", expiresAt: { lte: now } } },
          data: { status: "REFUNDED" },
        });
        if (count === 0) return null;
        const refundMinor = order.unitPriceMinor * count;
        await tx.order.update({
          where: { id: orderId },
          data: {
            status: refundMinor === 0 ? "REFUNDED" : "REFUND_DUE",
            refundMinor,
            refundRequestedAt: now,
            ...(refundMinor === 0 ? { refundedAt: now } : {}),
          },
        });
        await returnStock(tx, order.dealId, count);
        return asBought(await tx.order.findUniqueOrThrow({ where: { id: orderId }, include: withDeal }));
      });
    },

    /** The merchant paid the money back. Only their own shop's orders, only once. */
    async settleRefund(orderId: number, shopIds: number[], now: Date): Promise<OrderWithVouchers | null> {
      const { count } = await db.order.updateMany({
        where: { id: orderId, status: "REFUND_DUE", deal: { shopId: { in: shopIds } } },
        data: { status: "REFUNDED", refundedAt: now },
      });
      return count === 1 ? bought(await db.order.findUnique({ where: { id: orderId }, include: withDeal })) : null;
    },

    /** Active vouchers past their date become EXPIRED; returns the orders they belong to. */
    async expireVouchers(now: Date): Promise<number[]> {
      const due = await db.voucher.findMany({
        where: { status: "ACTIVE", expiresAt: { lte: now } },
        select: { id: true, orderId: true },
      });
      if (due.length === 0) return [];
      await db.voucher.updateMany({
        where: { id: { in: due.map((v) => v.id) }, status: "ACTIVE" },
        data: { status: "EXPIRED" },
      });
      return [...new Set(due.map((v) => v.orderId))];
    },

    /** Paid orders holding expired vouchers of "refund on expiry" deals. */
    ordersToRefundOnExpiry(): Promise<number[]> {
      return db.order
        .findMany({
          where: { status: "PAID", deal: { refundPolicy: "ON_EXPIRY" }, vouchers: { some: { status: "EXPIRED" } } },
          select: { id: true },
        })
        .then((rows) => rows.map((r) => r.id));
    },

    /** Paid orders of group deals that stopped selling before reaching their minimum. */
    ordersOfFailedGroups(now: Date): Promise<number[]> {
      return db.order
        .findMany({
          where: {
            status: "PAID",
            deal: { minBuyers: { gt: 1 }, groupReachedAt: null, OR: [{ endsAt: { lte: now } }, { status: "ENDED" }] },
          },
          select: { id: true },
        })
        .then((rows) => rows.map((r) => r.id));
    },

    /** Orders waiting for the merchant to pay money back. */
    refundsDue(shopIds: number[]): Promise<OrderWithVouchers[]> {
      return db.order.findMany({
        where: { status: "REFUND_DUE", deal: { shopId: { in: shopIds } } },
        include: withDeal,
        orderBy: { id: "asc" },
      }).then((orders) => orders.map(asBought));
    },
  };
}

export type OrderRepository = ReturnType<typeof createOrderRepository>;
