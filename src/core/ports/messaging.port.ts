// Messages the core sends outside a conversation (push digests, daily
// summaries, checkout's vouchers and notices), rendered and sent by a front in
// the recipient's language.
import type { ChargeFields, FoundVoucher, LateRefusal, OrderWithVouchers } from "../../domain/order.js";
import type { PushItemToSend, PushToSend } from "../../domain/push.js";
import type { Shop } from "../../domain/shop.js";
import type { Figures } from "../../domain/stats.js";

export type SendOutcome =
  | { sent: true; messageId: number }
  | {
      sent: false;
      /** The recipient blocked the bot, or their account is gone. */
      blocked: boolean;
      /** Worth another try later: a rate limit, a server error, the network. */
      passing: boolean;
      /** What went wrong, as the messenger said it. */
      description: string;
      error: unknown;
    };

/** A message rendered ahead of its send, so that the request leaves right at its slot. */
export interface PreparedMessage {
  send(): Promise<SendOutcome>;
}

export interface Messaging {
  /** A push digest with these of its offers. */
  pushDigest(push: PushToSend, items: PushItemToSend[]): PreparedMessage;
  /** The owner's figures of the day, with a button to stop these summaries. */
  sendDailySummary(shop: Shop, figures: Figures): Promise<SendOutcome>;
}

/** Whether a message reached its reader, or they have blocked the bot. */
export type Delivery = "delivered" | "blocked";

/** Why an order's vouchers were refunded without the buyer asking. */
export type AutomaticRefund = "expiry" | "unmet-group";

export interface CheckoutMessages {
  /**
   * The paid order's vouchers to its buyer, with the group's progress while
   * it waits for more buyers (`buyersSoFar`: of a group deal only).
   */
  deliverVouchers(order: OrderWithVouchers, buyersSoFar: number | undefined): Promise<Delivery>;
  /** A late payment none of which could be honoured: the buyer is told why, and that the money comes back. */
  latePaymentRefused(order: OrderWithVouchers, reason: LateRefusal): Promise<void>;
  /** Another buyer's purchase completed the group deal this buyer holds vouchers of. */
  groupReached(buyerId: bigint, order: OrderWithVouchers): Promise<void>;
  /** The owner owes the order's buyer money back (provider payments are refunded by the merchant). */
  refundDue(order: OrderWithVouchers): Promise<void>;
  /** The buyer's vouchers were refunded by the rules, not at their request. */
  refundedAutomatically(order: OrderWithVouchers, reason: AutomaticRefund): Promise<void>;
  /** The owner says the money went back. */
  refundPaid(order: OrderWithVouchers): Promise<void>;
  /** The holder's voucher was redeemed in the shop. */
  voucherRedeemed(voucher: FoundVoucher): Promise<void>;
  /**
   * The sharer earned a referral reward (a free order of one voucher): they
   * are told why, naming the offer their friend used (`earnedWith`) and
   * nothing of the friend, then get the voucher as any voucher arrives.
   */
  referralRewarded(order: OrderWithVouchers, earnedWith: { title: string }): Promise<Delivery>;
  /** A payment that bought nothing, for an order of its buyer's: its shop's owner pays it back. */
  strayPaymentToOwner(payment: ChargeFields, order: OrderWithVouchers): Promise<void>;
  /** A payment that bought nothing and names no order of its buyer's: the operators see to it. */
  strayPaymentToOperators(payment: ChargeFields): Promise<void>;
}
