// Messages the core sends to people outside the update at hand (or with no
// update at all: scheduled work). Each front that can reach users implements
// it; the Telegram bot does today. Each reader gets it in their own language.
import type { FoundVoucher, LateRefusal, OrderWithVouchers } from "../../domain/order.js";

/** Whether a message reached its reader, or they have blocked the bot. */
export type Delivery = "delivered" | "blocked";

/** Why an order's vouchers were refunded without the buyer asking. */
export type AutomaticRefund = "expiry" | "unmet-group";

export interface CheckoutMessages {
  /** The paid order's vouchers to its buyer, with the group's progress while it waits for more buyers. */
  deliverVouchers(order: OrderWithVouchers, buyersSoFar: number): Promise<Delivery>;
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
}

/**
 * Everything the core says to users outside an update. Other use cases add
 * their own interface here (push digests, daily summaries) and join it.
 */
export type Messaging = CheckoutMessages;
