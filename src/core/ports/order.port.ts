// What checkout needs of storage: orders, their vouchers, redemption attempts
// and confirmations. Every write that moves stock or money is atomic; where a
// rule decides what to write, the use case hands it in and the adapter runs it
// on facts read under the same lock.
import type {
  FoundVoucher,
  Order,
  OrderWithVouchers,
  PaymentOutcome,
  RefundDecision,
  SaleTerms,
  Settlement,
  SettlementFacts,
  VoucherWithOrder,
} from "../../domain/order.js";
import type { DealWithShop } from "../../domain/deal.js";

export interface Reservation {
  dealId: number;
  buyerId: bigint;
  quantity: number;
  source: string;
  now: Date;
  reservedUntil: Date;
}

export interface Charge {
  orderId: number;
  buyerId: bigint;
  currency: string;
  totalMinor: number;
  telegramChargeId: string | null;
  providerChargeId: string | null;
  now: Date;
}

export type OpenReservation = Order & { deal: DealWithShop };

export interface OrderRepository {
  find(id: number): Promise<OrderWithVouchers | null>;
  /** Different people holding a paid voucher of a deal so far. */
  buyersSoFar(dealId: number): Promise<number>;
  /** The buyer's open reservation of this deal (the newest). */
  openReservation(dealId: number, buyerId: bigint, now: Date): Promise<OpenReservation | null>;
  /** Units the buyer holds or has on hold for this deal. */
  heldBy(dealId: number, buyerId: bigint, now: Date): Promise<number>;
  /** Opens the order and takes its units when `allowed` says so on the deal and the buyer's holdings read under the lock. */
  reserve(r: Reservation, allowed: (deal: SaleTerms, held: number) => boolean): Promise<Order | null>;
  /** Keeps a reservation alive while the buyer pays; false when it is no longer open. */
  holdUntil(orderId: number, until: Date, now: Date): Promise<boolean>;
  /** Writes what `decide` makes of the payment, on facts read under the order's lock; new vouchers get codes from `newCode`. */
  settle(charge: Charge, decide: (facts: SettlementFacts) => Settlement, newCode: () => string): Promise<PaymentOutcome>;
  markDelivered(orderId: number, now: Date): Promise<void>;
  /** Paid orders not yet delivered, paid before this time, of buyers who have not blocked the bot. */
  undelivered(paidBefore: Date): Promise<OrderWithVouchers[]>;
  /** Gives a reservation's units back; false when it was paid or released already. */
  release(orderId: number): Promise<boolean>;
  /** Releases lapsed holds, of one deal or of all; returns how many. */
  releaseLapsed(now: Date, dealId?: number): Promise<number>;

  /** A holder's vouchers, newest first. */
  vouchersOf(holderId: bigint, take: number, skip?: number): Promise<VoucherWithOrder[]>;
  countVouchersOf(holderId: bigint): Promise<number>;
  vouchersById(ids: number[]): Promise<VoucherWithOrder[]>;
  findVoucher(code: string): Promise<FoundVoucher | null>;
  /** Redeems an active voucher before its date, once: of two staff scanning the same code, one wins. */
  redeem(voucherId: number, by: bigint, now: Date): Promise<boolean>;

  /** Writes what `decide` makes of a refund, on the order read under its lock; null when it refused. */
  refund(orderId: number, decide: (order: OrderWithVouchers) => RefundDecision | null, now: Date): Promise<OrderWithVouchers | null>;
  /** The merchant paid the money back: only their own shops' orders still owing, only once. */
  settleRefund(orderId: number, shopIds: number[], now: Date): Promise<OrderWithVouchers | null>;
  /** Active vouchers past their date become EXPIRED; returns the orders they belong to. */
  expireVouchers(now: Date): Promise<number[]>;
  /** Paid orders holding expired vouchers of "refund on expiry" deals. */
  ordersToRefundOnExpiry(): Promise<number[]>;
  /** Paid orders with unused vouchers of group deals that stopped selling before reaching their minimum. */
  ordersOfFailedGroups(now: Date): Promise<number[]>;
  /** Orders of these shops waiting for the merchant to pay money back. */
  refundsDue(shopIds: number[]): Promise<OrderWithVouchers[]>;
}

/** Scanned vouchers waiting for the shop's confirmation. */
export interface RedeemConfirmationRepository {
  /** Stores a new confirmation (and drops lapsed ones). */
  create(token: string, userId: bigint, voucherId: number, expiresAt: Date, now: Date): Promise<void>;
  /** The voucher this user confirmed with this token; null when forged, another user's or lapsed. */
  voucherOf(token: string, userId: bigint, now: Date): Promise<number | null>;
}
