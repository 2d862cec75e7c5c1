// Buying: reserve stock, send an invoice, check the pre-checkout query, turn
// the payment into vouchers exactly once. A free coupon skips the invoice.
import type { DealRepository, DealWithShop } from "../db/deal.repository.js";
import type { Order, OrderRepository, PaymentOutcome } from "../db/order.repository.js";
import { DomainError } from "../domain/errors.js";
import { isOnSale } from "../domain/nearby.js";
import { newVoucherCode } from "../domain/voucher-code.js";
import type { Clock } from "./clock.js";

const MINUTE_MS = 60_000;
/** Once the buyer confirmed in Telegram's payment form, the payment lands within seconds; this is the margin. */
const PAYMENT_GRACE_MS = 10 * MINUTE_MS;
const PAYLOAD = /^order:(\d{1,9})$/;

export const invoicePayload = (orderId: number) => `order:${orderId}`;

export interface PaymentFields {
  buyerId: bigint;
  payload: string;
  currency: string;
  totalMinor: number;
}

export interface ChargeFields extends PaymentFields {
  telegramChargeId: string;
  providerChargeId: string;
}

export function createCheckoutService({
  deals,
  orders,
  clock,
  reservationMinutes,
  newCode = newVoucherCode,
}: {
  deals: DealRepository;
  orders: OrderRepository;
  clock: Clock;
  reservationMinutes: number;
  newCode?: () => string;
}) {
  /** The deal and how many units this buyer may take now; throws why not when none. */
  async function quote(buyerId: bigint, dealId: number): Promise<{ deal: DealWithShop; max: number }> {
    const deal = await deals.findWithShop(dealId);
    if (!deal) throw new DomainError("deal-not-found");
    const now = clock();
    if (deal.stockLeft === 0 && deal.status === "ACTIVE") throw new DomainError("deal-sold-out");
    if (!isOnSale(deal, now)) throw new DomainError("deal-not-on-sale");
    const allowance = deal.perPersonLimit - (await orders.heldBy(dealId, buyerId, now));
    if (allowance <= 0) throw new DomainError("limit-reached", { limit: deal.perPersonLimit });
    return { deal, max: Math.min(deal.stockLeft, allowance) };
  }

  async function reserve(buyerId: bigint, dealId: number, quantity: number, source: string): Promise<Order> {
    const { max } = await quote(buyerId, dealId);
    if (quantity > max) throw new DomainError("quantity-unavailable", { max });
    const now = clock();
    const order = await orders.reserve({
      dealId,
      buyerId,
      quantity,
      source,
      now,
      reservedUntil: new Date(now.getTime() + reservationMinutes * MINUTE_MS),
    });
    if (order) return order;
    // Someone else took the last units between the quote and now: say what is left.
    const again = await quote(buyerId, dealId);
    throw new DomainError("quantity-unavailable", { max: again.max });
  }

  function orderIdOf(payload: string): number | null {
    const match = PAYLOAD.exec(payload);
    return match ? Number(match[1]) : null;
  }

  return {
    reservationMinutes,
    quote,
    reserve,

    /** A deal priced 0: reserved and fulfilled at once, no invoice. */
    async claimFree(buyerId: bigint, dealId: number, quantity: number, source: string) {
      const order = await reserve(buyerId, dealId, quantity, source);
      if (order.totalMinor !== 0) throw new Error(`order ${order.id} is not free`);
      const outcome = await orders.pay(
        { orderId: order.id, buyerId, currency: order.currency, totalMinor: 0, telegramChargeId: null, providerChargeId: null, now: clock() },
        newCode,
      );
      // The order was reserved a moment ago by this buyer: nothing else can happen to it.
      if (outcome.kind !== "paid") throw new Error(`free order ${order.id} came back ${outcome.kind}`);
      return outcome;
    },

    /**
     * The pre-checkout check: the order must still be this buyer's open
     * reservation, for the same amount, on a deal still on sale. Passing it
     * extends the reservation so the payment that follows finds its units.
     */
    async approvePayment(p: PaymentFields): Promise<void> {
      const orderId = orderIdOf(p.payload);
      const order = orderId === null ? null : await orders.find(orderId);
      if (!order || order.buyerId !== p.buyerId) throw new DomainError("order-unknown");
      if (order.status === "PAID") throw new DomainError("order-already-paid");
      const now = clock();
      if (order.status !== "RESERVED" || order.reservedUntil <= now) throw new DomainError("order-expired");
      if (order.currency !== p.currency || order.totalMinor !== p.totalMinor) throw new DomainError("order-amount-changed");
      if (order.deal.status !== "ACTIVE" || order.deal.endsAt <= now) throw new DomainError("deal-not-on-sale");
      const until = new Date(Math.max(order.reservedUntil.getTime(), now.getTime() + PAYMENT_GRACE_MS));
      if (!(await orders.holdUntil(order.id, until, now))) throw new DomainError("order-expired");
    },

    /** A successful_payment: vouchers once per charge, whatever replays or races happen. */
    pay(p: ChargeFields): Promise<PaymentOutcome> {
      const orderId = orderIdOf(p.payload);
      if (orderId === null) return Promise.resolve({ kind: "unmatched" });
      return orders.pay(
        {
          orderId,
          buyerId: p.buyerId,
          currency: p.currency,
          totalMinor: p.totalMinor,
          telegramChargeId: p.telegramChargeId,
          providerChargeId: p.providerChargeId,
          now: clock(),
        },
        newCode,
      );
    },

    /** The invoice could not be sent: give the units back at once. */
    cancelReservation: (orderId: number) => orders.release(orderId),

    markDelivered: (orderId: number) => orders.markDelivered(orderId, clock()),
    /** Paid orders not delivered a minute after payment: a crash came between payment and reply. */
    undelivered: () => orders.undelivered(new Date(clock().getTime() - MINUTE_MS)),
    /** Unpaid reservations past their time give their units back. Returns how many. */
    async releaseLapsed(): Promise<number> {
      let released = 0;
      for (const id of await orders.lapsedReservations(clock())) if (await orders.release(id)) released++;
      return released;
    },
    find: (orderId: number) => orders.find(orderId),
    buyersSoFar: (dealId: number) => orders.buyersSoFar(dealId),
  };
}

export type CheckoutService = ReturnType<typeof createCheckoutService>;
