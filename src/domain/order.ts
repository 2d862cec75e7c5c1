// Orders and their vouchers, and the rules that move them: how many units a
// buyer may take, what a payment turns into, which vouchers a refund voids and
// what it owes. Pure: the repository reads the facts under its lock, one of
// these decides, and the repository writes the decision in the same transaction.
import type { DealWithShop } from "./deal.js";
import { DealStatus, isOneOf, OrderStatus, PAID_ONCE, UNUSED, VoucherStatus } from "./lifecycles.js";

const DAY_MS = 86_400_000;

export interface Order {
  id: number;
  dealId: number;
  buyerId: bigint;
  quantity: number;
  currency: string;
  unitPriceMinor: number;
  unitOriginalMinor: number;
  /** The offer's title when sold (null: bought before titles were kept). */
  title: string | null;
  totalMinor: number;
  status: OrderStatus;
  /** Where the buyer found the deal: nearby, search, link, push:<id>. */
  source: string;
  reservedUntil: Date;
  telegramChargeId: string | null;
  providerChargeId: string | null;
  paidAt: Date | null;
  deliveredAt: Date | null;
  refundRequestedAt: Date | null;
  /** What is owed back: the share of the vouchers refunded and not yet paid back. */
  refundMinor: number;
  refundedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface Voucher {
  id: number;
  code: string;
  orderId: number;
  dealId: number;
  holderId: bigint;
  status: VoucherStatus;
  expiresAt: Date;
  redeemedAt: Date | null;
  redeemedById: bigint | null;
  /** For a refunded voucher: when its money went back (at once for a free one); null while owed. */
  refundSettledAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

/** What selling needs to know of an offer: whether it sells now, and how much. */
export interface SaleTerms {
  status: string;
  startsAt: Date;
  endsAt: Date;
  stockLeft: number;
  perPersonLimit: number;
}

/** What a payment needs to know of an offer on top: its group minimum and its vouchers' validity. */
export interface VoucherTerms extends SaleTerms {
  minBuyers: number;
  groupReachedAt: Date | null;
  voucherValidDays: number;
}

/** An order with its vouchers and its offer, the offer titled as it was bought. */
export type OrderWithVouchers = Order & { vouchers: Voucher[]; deal: DealWithShop };
/** A voucher with its offer and its order, as lists and the shop's staff see it. */
export type VoucherWithOrder = Voucher & { deal: DealWithShop; order: Order };
export type FoundVoucher = VoucherWithOrder & { holder: { id: bigint; firstName: string } };

/** A voucher as its holder sees it: EXPIRED also when the job has not marked it yet. */
export function voucherState(v: { status: VoucherStatus; expiresAt: Date }, now: Date): VoucherStatus {
  return v.status === VoucherStatus.ACTIVE && v.expiresAt <= now ? VoucherStatus.EXPIRED : v.status;
}

function onSale(deal: SaleTerms, now: Date): boolean {
  return deal.status === DealStatus.ACTIVE && deal.startsAt <= now && deal.endsAt > now;
}

/** When a voucher expires: validity counts from its activation, so a voucher is never unusable for all of its days. */
export function voucherExpiresAt(activatedAt: Date, validDays: number): Date {
  return new Date(activatedAt.getTime() + validDays * DAY_MS);
}

/**
 * Units the buyer may take now: what is on the shelf, within the per-person
 * limit less what they bought or have on hold (`held`; a referral reward
 * voucher is a gift and is not counted); none when off sale.
 */
export function unitsAvailable(deal: SaleTerms, held: number, now: Date): number {
  if (!onSale(deal, now)) return 0;
  return Math.max(0, Math.min(deal.stockLeft, deal.perPersonLimit - held));
}

/** Whether a reservation of `quantity` can be taken: at least one unit (a zero-unit order would be a buyer holding nothing). */
export function canReserve(deal: SaleTerms, held: number, quantity: number, now: Date): boolean {
  return quantity >= 1 && quantity <= unitsAvailable(deal, held, now);
}

export type LateRefusal = "sold-out" | "over-limit" | "off-sale";

/** A payment about to be made, as the pre-checkout query names it (the payload is the invoice's). */
export interface PaymentFields {
  buyerId: bigint;
  payload: string;
  currency: string;
  totalMinor: number;
}

/** A payment made, as successful_payment reports it. */
export interface ChargeFields extends PaymentFields {
  telegramChargeId: string;
  providerChargeId: string;
}

/** A payment as Telegram reports it, matched against the order it names. */
export interface PaymentClaim {
  buyerId: bigint;
  currency: string;
  totalMinor: number;
}

export interface SettlementFacts {
  payment: PaymentClaim;
  /** The same charge was recorded before (Telegram sends an update again). */
  chargeSeen: boolean;
  /** The order named by the invoice with its deal, after lapsed holds were released; null when there is none. */
  order: (Order & { deal: VoucherTerms }) | null;
  /** Units the order's buyer holds or has on hold of its deal, the order included while it is reserved. */
  held: number;
  /** Different people holding a paid voucher of the order's deal before this payment; only read while it waitsForGroup. */
  buyers: bigint[];
  now: Date;
}

export type Settlement =
  | { kind: "replay" }
  /** No order of this buyer with this amount still waiting for payment: a bug or a forgery, never fulfilled. */
  | { kind: "unmatched" }
  /** Paid for a cancelled or lapsed order none of which can be honoured now: all of it is owed back. */
  | { kind: LateRefusal; order: OrderStatus; refundMinor: number }
  | {
      kind: "paid";
      order: OrderStatus;
      /** Units to take off the shelf again: a lapsed order's went back on sale. */
      restock: number;
      honoured: number;
      /** Units paid for that could not be honoured (a late payment in part): their vouchers are born refunded. */
      refunded: number;
      refundMinor: number;
      voucherStatus: VoucherStatus;
      expiresAt: Date;
      /** When this purchase completes a group deal: every buyer, to be told; their pending vouchers activate. */
      groupReached: bigint[] | null;
    };

/** A group deal still short of its buyers: its vouchers wait, and each payment counts who has bought. */
export function waitsForGroup(deal: { minBuyers: number; groupReachedAt: Date | null }): boolean {
  return deal.minBuyers > 1 && deal.groupReachedAt === null;
}

/**
 * Turns a payment into vouchers, exactly once per charge. A payment for an
 * order that was cancelled or lapsed is judged again, stock and per-person
 * limit alike: what can still be honoured is, the rest is owed back.
 */
export function settlePayment(f: SettlementFacts): Settlement {
  if (f.chargeSeen) return { kind: "replay" };
  const { order, payment, now } = f;
  if (!order || order.buyerId !== payment.buyerId || order.currency !== payment.currency || order.totalMinor !== payment.totalMinor) {
    return { kind: "unmatched" };
  }
  if (!isOneOf(order.status, [OrderStatus.RESERVED, OrderStatus.EXPIRED])) return { kind: "unmatched" };
  const { deal } = order;
  const late = order.status === OrderStatus.EXPIRED;
  const honoured = late ? Math.min(order.quantity, unitsAvailable(deal, f.held, now)) : order.quantity;
  if (honoured < 1) {
    const kind: LateRefusal = !onSale(deal, now) ? "off-sale" : deal.perPersonLimit - f.held < 1 ? "over-limit" : "sold-out";
    return { kind, order: OrderStatus.REFUND_DUE, refundMinor: order.totalMinor };
  }
  const refunded = order.quantity - honoured;
  const waitingForGroup = waitsForGroup(deal);
  const buyers = f.buyers.includes(order.buyerId) ? f.buyers : [...f.buyers, order.buyerId];
  return {
    kind: "paid",
    order: refunded === 0 ? OrderStatus.PAID : OrderStatus.REFUND_DUE,
    restock: late ? honoured : 0,
    honoured,
    refunded,
    refundMinor: order.unitPriceMinor * refunded,
    voucherStatus: waitingForGroup ? VoucherStatus.PENDING : VoucherStatus.ACTIVE,
    expiresAt: voucherExpiresAt(now, deal.voucherValidDays),
    groupReached: waitingForGroup && buyers.length >= deal.minBuyers ? buyers : null,
  };
}

/** Vouchers a buyer's refund would void under the deal's policy: the unused ones, when refunds are allowed at any time. */
export function refundableByBuyer(order: { status: OrderStatus; deal: { refundPolicy: string } }): VoucherStatus[] {
  // An order refunded in part before still has its other vouchers to refund.
  if (!isOneOf(order.status, PAID_ONCE) || order.deal.refundPolicy !== "ANYTIME") return [];
  return UNUSED;
}

/** The vouchers a buyer's refund of `count` would void: the newest unused ones of the order. */
export function chooseForRefund<V extends { id: number; status: VoucherStatus; expiresAt: Date }>(
  order: { status: OrderStatus; deal: { refundPolicy: string }; vouchers: V[] },
  now: Date,
  count: number,
): V[] {
  const voids = refundableByBuyer(order);
  return order.vouchers
    .filter((v) => voids.includes(voucherState(v, now)))
    .sort((a, b) => b.id - a.id)
    .slice(0, count);
}

export interface RefundRequest {
  /** Statuses a refund may void (as the voucher's holder sees it now). */
  voidable: VoucherStatus[];
  /** Only these vouchers, all or nothing; all voidable ones when absent. */
  only?: number[];
  now: Date;
}

export interface RefundDecision {
  void: number[];
  /** A free order owes nothing: its vouchers are settled at once. */
  settledNow: boolean;
  /** What the order owes back after this refund: every refunded voucher not yet paid back. */
  refundMinor: number;
  order: OrderStatus;
}

/**
 * Voids an order's unused vouchers and says what is owed back. Null when the
 * order was never paid, nothing is left to void, or one of `only` is no longer
 * voidable: the buyer confirmed an amount, and gets that or nothing.
 */
export function decideRefund(order: Order & { vouchers: Voucher[] }, r: RefundRequest): RefundDecision | null {
  if (!isOneOf(order.status, PAID_ONCE)) return null;
  // An active voucher past its date is expired, even before the job marks it: no longer active, not yet expired either.
  const voided = order.vouchers.filter(
    (v) => r.voidable.includes(v.status) && voucherState(v, r.now) === v.status && (r.only === undefined || r.only.includes(v.id)),
  );
  if (voided.length === 0 || (r.only && voided.length !== r.only.length)) return null;
  const settledNow = order.unitPriceMinor === 0;
  const voidedIds = new Set(voided.map((v) => v.id));
  const owedVouchers = order.vouchers.filter(
    (v) => (v.status === VoucherStatus.REFUNDED && v.refundSettledAt === null) || (voidedIds.has(v.id) && !settledNow),
  ).length;
  const refundMinor = order.unitPriceMinor * owedVouchers;
  return {
    void: voided.map((v) => v.id),
    settledNow,
    refundMinor,
    order: refundMinor === 0 ? OrderStatus.REFUNDED : OrderStatus.REFUND_DUE,
  };
}

/** What a payment came to, with the order as it is now. */
export type PaymentOutcome =
  /**
   * Vouchers created. `groupReached` lists every buyer when this purchase
   * completed a group deal. A late payment honoured in part leaves the order
   * REFUND_DUE: vouchers for what stock and limit allowed, the rest refunded
   * and owed back, as a partial refund leaves it.
   */
  | { kind: "paid"; order: OrderWithVouchers; groupReached: bigint[] | null }
  /** The same charge seen before: nothing new. */
  | { kind: "replay"; order: OrderWithVouchers }
  /** A late payment none of which could be honoured: the money is owed back. */
  | { kind: LateRefusal; order: OrderWithVouchers }
  | { kind: "unmatched" };

/** An outcome that names an order: everything but a payment matching none. */
export type Fulfilment = Exclude<PaymentOutcome, { kind: "unmatched" }>;

export function isLateRefusal(kind: PaymentOutcome["kind"]): kind is LateRefusal {
  return kind === "sold-out" || kind === "over-limit" || kind === "off-sale";
}
