// Buying: reserve stock, send an invoice, check the pre-checkout query, turn
// the payment into vouchers exactly once. A free coupon skips the invoice.
import type { DealRepository } from "./ports/deal.port.js";
import type { DealWithShop } from "../domain/deal.js";
import type { Order, OrderRepository, PaymentOutcome } from "../db/order.repository.js";
import { DomainError } from "../domain/errors.js";
import { DealStatus, OrderStatus } from "../domain/lifecycles.js";
import { isOnSale } from "../domain/deal.js";
import { orderQuantity } from "../domain/validation.js";
import { newVoucherCode } from "../domain/voucher-code.js";
import type { Attribution } from "./attribution.service.js";
import type { Clock } from "../util/clock.js";

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
  attribution,
  clock,
  reservationMinutes,
  newCode = newVoucherCode,
}: {
  deals: DealRepository;
  orders: OrderRepository;
  attribution: Attribution;
  clock: Clock;
  reservationMinutes: number;
  newCode?: () => string;
}) {
  /** The deal and how many units this buyer may take now; throws why not when none. */
  async function quote(buyerId: bigint, dealId: number): Promise<{ deal: DealWithShop; max: number }> {
    const now = clock();
    await orders.releaseLapsed(now, dealId);
    const deal = await deals.findWithShop(dealId);
    if (!deal) throw new DomainError("deal-not-found");
    if (deal.stockLeft === 0 && deal.status === DealStatus.ACTIVE) throw new DomainError("deal-sold-out");
    if (!isOnSale(deal, now)) throw new DomainError("deal-not-on-sale");
    const allowance = deal.perPersonLimit - (await orders.heldBy(dealId, buyerId, now));
    if (allowance <= 0) throw new DomainError("limit-reached", { limit: deal.perPersonLimit });
    return { deal, max: Math.min(deal.stockLeft, allowance) };
  }

  async function reserve(buyerId: bigint, dealId: number, quantity: number, source: string): Promise<Order> {
    const { max } = await quote(buyerId, dealId);
    orderQuantity(quantity, max);
    const now = clock();
    const order = await orders.reserve({
      dealId,
      buyerId,
      quantity,
      source: await attribution.verified(source, buyerId, dealId),
      now,
      reservedUntil: new Date(now.getTime() + reservationMinutes * MINUTE_MS),
    });
    if (order) return order;
    // Someone else took the last units between the quote and now: say what is left.
    const again = await quote(buyerId, dealId);
    throw new DomainError("quantity-unavailable", { max: again.max });
  }

  /** Fulfils a free order of this buyer's that is open right now. */
  async function claim(order: Order) {
    if (order.totalMinor !== 0) throw new Error(`order ${order.id} is not free`);
    const outcome = await orders.pay(
      { orderId: order.id, buyerId: order.buyerId, currency: order.currency, totalMinor: 0, telegramChargeId: null, providerChargeId: null, now: clock() },
      newCode,
    );
    // The order is this buyer's and open: nothing else can happen to it.
    if (outcome.kind !== "paid") throw new Error(`free order ${order.id} came back ${outcome.kind}`);
    return outcome;
  }

  function orderIdOf(payload: string): number | null {
    const match = PAYLOAD.exec(payload);
    return match ? Number(match[1]) : null;
  }

  return {
    reservationMinutes,
    quote,
    reserve,

    /**
     * The buyer's open reservation of this deal, if any: Buy sends its invoice
     * again instead of holding more, so a crash between reserving and sending
     * the invoice never locks the buyer out for the hold time.
     */
    openReservation: (buyerId: bigint, dealId: number) => orders.openReservation(dealId, buyerId, clock()),

    /** Whole minutes left on a reservation, for "held for N minutes". */
    minutesLeft: (order: Order) => Math.max(1, Math.ceil((order.reservedUntil.getTime() - clock().getTime()) / MINUTE_MS)),

    /** A deal priced 0: reserved and fulfilled at once, no invoice. */
    async claimFree(buyerId: bigint, dealId: number, quantity: number, source: string) {
      return claim(await reserve(buyerId, dealId, quantity, source));
    },

    /** A free order left open (a crash between reserving and claiming): claimed now. */
    claimOpen: (order: Order) => claim(order),

    /**
     * The pre-checkout check: the order must still be this buyer's open
     * reservation, for the same amount, on a deal still on sale. Passing it
     * extends the reservation so the payment that follows finds its units.
     */
    async approvePayment(p: PaymentFields): Promise<void> {
      const orderId = orderIdOf(p.payload);
      const order = orderId === null ? null : await orders.find(orderId);
      if (!order || order.buyerId !== p.buyerId) throw new DomainError("order-unknown");
      if (order.status === OrderStatus.PAID) throw new DomainError("order-already-paid");
      const now = clock();
      if (order.status === OrderStatus.RESERVED && order.reservedUntil <= now) {
        // The buyer reads that the units went back on sale: make it so now, not at the next job run.
        await orders.releaseLapsed(now, order.dealId);
        throw new DomainError("order-expired");
      }
      if (order.status !== OrderStatus.RESERVED) throw new DomainError("order-expired");
      if (order.currency !== p.currency || order.totalMinor !== p.totalMinor) throw new DomainError("order-amount-changed");
      if (order.deal.status !== DealStatus.ACTIVE || order.deal.endsAt <= now) throw new DomainError("deal-not-on-sale");
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
    releaseLapsed: (): Promise<number> => orders.releaseLapsed(clock()),
    find: (orderId: number) => orders.find(orderId),
    buyersSoFar: (dealId: number) => orders.buyersSoFar(dealId),
  };
}

export type CheckoutService = ReturnType<typeof createCheckoutService>;
