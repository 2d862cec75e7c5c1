// After the purchase: the buyer's vouchers, redemption in the shop, refunds.
import { randomBytes } from "node:crypto";
import type { ShopRepository } from "./ports/shop.port.js";
import { DomainError, type DomainErrorCode } from "../domain/errors.js";
import { OrderStatus, ShopStatus, UNUSED, VoucherStatus } from "../domain/lifecycles.js";
import {
  chooseForRefund,
  decideRefund,
  refundableByBuyer,
  voucherState,
  type FoundVoucher,
  type OrderWithVouchers,
} from "../domain/order.js";
import { parseVoucherCode } from "../domain/voucher-code.js";
import type { AutomaticRefund, CheckoutMessages } from "./ports/messaging.port.js";
import type { OrderRepository, RedeemConfirmationRepository } from "./ports/order.port.js";
import type { RateLimitRepository } from "./ports/shared-state.port.js";
import { createRateLimiter } from "./rate-limit.service.js";
import type { ReferralService } from "./referral.service.js";
import type { Clock } from "../util/clock.js";

const MINUTE_MS = 60_000;
/** Wrong codes a user may type per window before /redeem pauses for them. */
export const REDEEM_FAILURES_ALLOWED = 5;
export const REDEEM_FAILURE_WINDOW_MINUTES = 15;
export const VOUCHERS_PER_PAGE = 8;
/** How long the Redeem button under a scanned voucher works. */
export const REDEEM_CONFIRMATION_MINUTES = 10;

export type RedeemOutcome = "redeemed" | "already-redeemed" | "group-pending" | "refunded" | "expired";
export interface RedeemResult {
  outcome: RedeemOutcome;
  voucher: FoundVoucher;
}

/** The answer to whoever asked: it goes out before anyone else is told. */
export type Answer<T> = (result: T) => Promise<unknown>;

export function createVoucherService({
  orders,
  shops,
  confirmations,
  limits,
  messaging,
  referrals,
  clock,
}: {
  orders: OrderRepository;
  shops: Pick<ShopRepository, "linkedTo" | "redeemableBy" | "findByOwner">;
  confirmations: RedeemConfirmationRepository;
  limits: RateLimitRepository;
  messaging: CheckoutMessages;
  /** The sharer's reward for a friend's redemption, given after it is answered. */
  referrals?: Pick<ReferralService, "afterRedemption">;
  clock: Clock;
}) {
  const guesses = createRateLimiter({ limits, clock }, "guesses", {
    limit: REDEEM_FAILURES_ALLOWED,
    windowMs: REDEEM_FAILURE_WINDOW_MINUTES * MINUTE_MS,
  });

  async function shopIdsOf(userId: bigint): Promise<number[]> {
    const linked = await shops.linkedTo(userId);
    const redeemable = linked.filter((s) => s.status === ShopStatus.APPROVED);
    if (redeemable.length === 0) {
      // Owners and staff of a shop that cannot redeem right now are told why, not that they have no shop.
      if (linked.some((s) => s.status === ShopStatus.SUSPENDED)) throw new DomainError("redeem-shop-suspended");
      if (linked.some((s) => s.ownerId === userId && s.status === ShopStatus.PENDING)) throw new DomainError("shop-pending");
      throw new DomainError("not-a-redeemer");
    }
    return redeemable.map((s) => s.id);
  }

  /** Finds a code for the shop's staff. Another shop's code reads exactly like an unknown one. */
  async function lookup(userId: bigint, typed: string): Promise<FoundVoucher> {
    const shopIds = await shopIdsOf(userId);
    return guessing(userId, "code-unknown", async () => {
      const voucher = await orders.findVoucher(parseVoucherCode(typed));
      return voucher && shopIds.includes(voucher.deal.shopId) ? voucher : null;
    });
  }

  /**
   * Runs a lookup as a guess at a code: null is a wrong guess, answered with
   * `wrong`. The guess is counted before the lookup, so that a user whose
   * guesses race through several bot instances at once still gets only
   * REDEEM_FAILURES_ALLOWED, and given back unless it was wrong (a typo is
   * not looked up; a right code is no guess).
   */
  async function guessing<T>(userId: bigint, wrong: DomainErrorCode, look: () => Promise<T | null>): Promise<T> {
    const guess = await guesses.take(String(userId));
    if (!guess) throw new DomainError("redeem-rate-limited", { minutes: REDEEM_FAILURE_WINDOW_MINUTES });
    let found: T | null;
    try {
      found = await look();
    } catch (error) {
      await guess.giveBack();
      throw error;
    }
    if (found === null) throw new DomainError(wrong);
    await guess.giveBack();
    return found;
  }

  /**
   * Redeems a code typed or scanned by the shop's staff, then tells the
   * holder, then gives the sharer of the holder's deal a referral reward if
   * they earned one (this never fails the redemption). When it cannot be
   * redeemed, says why, with the voucher as it is now (for dates). Every
   * front redeems through here: the chat's /redeem and typed code, the
   * scanned code's Redeem button, and the Mini App's scan.
   */
  async function redeem(userId: bigint, typed: string, answer: Answer<RedeemResult>): Promise<RedeemResult> {
    const found = await lookup(userId, typed);
    const now = clock();
    if (voucherState(found, now) === VoucherStatus.ACTIVE && (await orders.redeem(found.id, userId, now))) {
      const result: RedeemResult = { outcome: "redeemed", voucher: (await orders.findVoucher(found.code))! };
      await answer(result);
      await messaging.voucherRedeemed(result.voucher);
      await referrals?.afterRedemption(result.voucher);
      return result;
    }
    const latest = (await orders.findVoucher(found.code))!;
    const outcomes: Partial<Record<VoucherStatus, RedeemOutcome>> = {
      REDEEMED: "already-redeemed",
      PENDING: "group-pending",
      REFUNDED: "refunded",
    };
    const result: RedeemResult = { outcome: outcomes[voucherState(latest, now)] ?? "expired", voucher: latest };
    await answer(result);
    return result;
  }

  async function refundChoice(holderId: bigint, voucherId: number, count: number) {
    const voucher = await held(holderId, voucherId);
    const order = await orders.find(voucher.orderId);
    const vouchers = order && count >= 1 ? chooseForRefund(order, clock(), count) : [];
    if (!order || vouchers.length === 0 || vouchers.length < count) throw new DomainError("refund-not-allowed");
    return { order, vouchers, amountMinor: order.unitPriceMinor * count };
  }

  /** A voucher the user holds; anything else reads as not found. */
  async function held(holderId: bigint, voucherId: number) {
    const [voucher] = await orders.vouchersById([voucherId]);
    if (!voucher || voucher.holderId !== holderId) throw new DomainError("voucher-not-found");
    return voucher;
  }

  return {
    async page(holderId: bigint, page: number) {
      const total = await orders.countVouchersOf(holderId);
      const pages = Math.max(1, Math.ceil(total / VOUCHERS_PER_PAGE));
      const current = Math.min(Math.max(0, page), pages - 1);
      const vouchers = await orders.vouchersOf(holderId, VOUCHERS_PER_PAGE, current * VOUCHERS_PER_PAGE);
      return { vouchers, page: current, pages, total, now: clock() };
    },

    async show(holderId: bigint, voucherId: number) {
      const voucher = await held(holderId, voucherId);
      const order = await orders.find(voucher.orderId);
      const voids = order ? refundableByBuyer(order) : [];
      const unused = order?.vouchers.filter((v) => voids.includes(voucherState(v, clock()))) ?? [];
      return { voucher, order: order!, refundableCount: unused.length, now: clock() };
    },

    /**
     * `count` unused vouchers of the order go void, as many as the buyer chose;
     * their money is owed back (or nothing, for a free coupon), and the owner
     * is told. Refused when fewer are left than chosen (used or refunded
     * meanwhile): the buyer confirmed an amount, and gets that or nothing.
     */
    async requestRefund(
      holderId: bigint,
      voucherId: number,
      count: number,
      answer: Answer<{ order: OrderWithVouchers; refundedMinor: number }>,
    ): Promise<void> {
      const { order, vouchers } = await refundChoice(holderId, voucherId, count);
      const now = clock();
      const only = vouchers.map((v) => v.id);
      const refunded = await orders.refund(order.id, (o) => decideRefund(o, { voidable: refundableByBuyer(o), only, now }), now);
      if (!refunded) throw new DomainError("refund-not-allowed");
      await answer({ order: refunded, refundedMinor: refunded.unitPriceMinor * count });
      if (refunded.status === OrderStatus.REFUND_DUE) await messaging.refundDue(refunded);
    },

    /** What a refund of `count` would void and cost, for the buyer to confirm. */
    refundChoice,

    async canRedeem(userId: bigint): Promise<boolean> {
      return (await shops.redeemableBy(userId)).length > 0;
    },

    /** The user's own voucher behind a deep link, if it is theirs. */
    async heldByCode(holderId: bigint, typed: string) {
      let code: string;
      try {
        code = parseVoucherCode(typed);
      } catch {
        return null;
      }
      const voucher = await orders.findVoucher(code);
      return voucher?.holderId === holderId ? voucher : null;
    },

    /**
     * A scanned code, for the shop to confirm. The code is the secret, so the
     * Redeem button carries no voucher id: it carries a random token that
     * proves this user presented this code a moment ago.
     */
    async confirmation(userId: bigint, typed: string): Promise<{ voucher: FoundVoucher; token: string }> {
      const voucher = await lookup(userId, typed);
      const now = clock();
      const token = randomBytes(16).toString("base64url");
      const expiresAt = new Date(now.getTime() + REDEEM_CONFIRMATION_MINUTES * MINUTE_MS);
      await confirmations.create(token, userId, voucher.id, expiresAt, now);
      return { voucher, token };
    },

    /**
     * The Redeem button pressed. A token that is forged, lapsed or someone
     * else's counts as a wrong code: guessing through the button is guessing codes.
     */
    async redeemConfirmed(userId: bigint, token: string, answer: Answer<RedeemResult>): Promise<RedeemResult> {
      await shopIdsOf(userId);
      const voucher = await guessing(userId, "redeem-confirmation-invalid", async () => {
        const voucherId = await confirmations.voucherOf(token, userId, clock());
        const [found] = voucherId === null ? [] : await orders.vouchersById([voucherId]);
        return found ?? null;
      });
      return redeem(userId, voucher.code, answer);
    },

    redeem,

    /**
     * Scheduled: active vouchers past their date expire; under "refund on
     * expiry" their orders owe the expired vouchers' share back.
     */
    async expireAndRefund(): Promise<number> {
      const now = clock();
      await orders.expireVouchers(now);
      return refundAll(await orders.ordersToRefundOnExpiry(), [VoucherStatus.EXPIRED], "expiry", now);
    },

    /** Scheduled: a group deal that stopped selling short of its minimum refunds every order. */
    async refundFailedGroups(): Promise<number> {
      const now = clock();
      return refundAll(await orders.ordersOfFailedGroups(now), UNUSED, "unmet-group", now);
    },

    /** Orders of the merchant's shops waiting for money to go back. */
    async refundsDue(userId: bigint) {
      return orders.refundsDue(await ownShopIds(userId));
    },

    /** The merchant says the money went back; the buyer is told. */
    async settleRefund(userId: bigint, orderId: number, answer: Answer<OrderWithVouchers>): Promise<void> {
      const settled = await orders.settleRefund(orderId, await ownShopIds(userId), clock());
      if (!settled) throw new DomainError("refund-not-due", { order: orderId });
      await answer(settled);
      await messaging.refundPaid(settled);
    },
  };

  /** Refunds the orders by the rules, not at the buyer's request, and tells who must know; returns how many. */
  async function refundAll(orderIds: number[], voidable: VoucherStatus[], reason: AutomaticRefund, now: Date): Promise<number> {
    let refunded = 0;
    for (const id of orderIds) {
      const order = await orders.refund(id, (o) => decideRefund(o, { voidable, now }), now);
      if (!order) continue;
      refunded++;
      await messaging.refundedAutomatically(order, reason);
      if (order.status === OrderStatus.REFUND_DUE) await messaging.refundDue(order);
    }
    return refunded;
  }

  /** Only owners handle money: staff may redeem, not refund. */
  async function ownShopIds(userId: bigint): Promise<number[]> {
    const shop = await shops.findByOwner(userId);
    if (!shop) throw new DomainError("not-a-merchant");
    return [shop.id];
  }
}

export type VoucherService = ReturnType<typeof createVoucherService>;
