// Buying: reserve stock, send an invoice, check the pre-checkout query, turn
// the payment into vouchers exactly once, and hand them over. A free coupon
// skips the invoice.
import type { DealRepository } from "./ports/deal.port.js";
import type { DealWithShop } from "../domain/deal.js";
import { isOnSale } from "../domain/deal.js";
import { DomainError } from "../domain/errors.js";
import { DealStatus, OrderStatus, VoucherStatus } from "../domain/lifecycles.js";
import {
  canReserve,
  isLateRefusal,
  settlePayment,
  type ChargeFields,
  type Fulfilment,
  type Order,
  type PaymentFields,
  type PaymentOutcome,
} from "../domain/order.js";
import { orderQuantity } from "../domain/validation.js";
import { newVoucherCode } from "../domain/voucher-code.js";
import type { Attribution } from "./attribution.service.js";
import type { CheckoutMessages, Delivery } from "./ports/messaging.port.js";
import type { Charge, OpenReservation, OrderRepository } from "./ports/order.port.js";
import type { Clock } from "../util/clock.js";

const MINUTE_MS = 60_000;
/** Once the buyer confirmed in Telegram's payment form, the payment lands within seconds; this is the margin. */
const PAYMENT_GRACE_MS = 10 * MINUTE_MS;
const PAYLOAD = /^order:(\d{1,9})$/;

export const invoicePayload = (orderId: number) => `order:${orderId}`;

/** What Buy leads to: vouchers at once (a free deal), or an order to send an invoice for. */
export type Purchase = { claimed: true } | { claimed: false; order: Order; deal: DealWithShop };


export function createCheckoutService({
  deals,
  orders,
  attribution,
  messaging,
  clock,
  reservationMinutes,
  newCode = newVoucherCode,
}: {
  deals: Pick<DealRepository, "findWithShop">;
  orders: OrderRepository;
  attribution: Attribution;
  messaging: CheckoutMessages;
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

  /** Holds `quantity` units if the quote allows them; the repository checks again under the deal's lock. */
  async function reserveQuoted(buyerId: bigint, dealId: number, quantity: number, source: string, { max }: { max: number }): Promise<Order> {
    orderQuantity(quantity, max);
    const now = clock();
    const order = await orders.reserve(
      {
        dealId,
        buyerId,
        quantity,
        source: await attribution.verified(source, buyerId, dealId),
        now,
        reservedUntil: new Date(now.getTime() + reservationMinutes * MINUTE_MS),
      },
      (deal, held) => canReserve(deal, held, quantity, now),
    );
    if (order) return order;
    // Someone else took the last units between the quote and now: say what is left.
    const again = await quote(buyerId, dealId);
    throw new DomainError("quantity-unavailable", { max: again.max });
  }

  async function reserve(buyerId: bigint, dealId: number, quantity: number, source: string): Promise<Order> {
    return reserveQuoted(buyerId, dealId, quantity, source, await quote(buyerId, dealId));
  }

  const settle = (charge: Omit<Charge, "now">) => orders.settle({ ...charge, now: clock() }, settlePayment, newCode);

  /**
   * Vouchers to the buyer (once), the group told when it is complete, the
   * owner when money is owed; a replay says nothing new. "blocked" when the
   * buyer blocked the bot: the order stays undelivered.
   */
  async function fulfil(outcome: Fulfilment): Promise<Delivery> {
    const { order } = outcome;
    if (isLateRefusal(outcome.kind)) {
      await messaging.latePaymentRefused(order, outcome.kind);
      await messaging.refundDue(order);
      return "delivered";
    }
    // A replay is silent once the vouchers reached the buyer, and always when there were none to give (all refunded).
    if (outcome.kind === "replay" && (order.deliveredAt || order.vouchers.every((v) => v.status === VoucherStatus.REFUNDED))) {
      return "delivered";
    }
    // Only a group deal shows its progress: any other is spared the count (a read on every payment).
    const buyersSoFar = order.deal.minBuyers > 1 ? await orders.buyersSoFar(order.dealId) : undefined;
    const delivery = await messaging.deliverVouchers(order, buyersSoFar);
    if (delivery === "blocked") return delivery;
    await orders.markDelivered(order.id, clock());
    if (outcome.kind !== "paid") return delivery;
    // A late payment honoured in part: the rest is owed back.
    if (order.status === OrderStatus.REFUND_DUE) await messaging.refundDue(order);
    for (const buyer of outcome.groupReached ?? []) {
      if (buyer !== order.buyerId) await messaging.groupReached(buyer, order);
    }
    return delivery;
  }

  /** Fulfils a free order of this buyer's that is open right now. */
  async function claim(order: Order): Promise<void> {
    if (order.totalMinor !== 0) throw new Error(`order ${order.id} is not free`);
    const outcome = await settle({
      orderId: order.id,
      buyerId: order.buyerId,
      currency: order.currency,
      totalMinor: 0,
      telegramChargeId: null,
      providerChargeId: null,
    });
    // The order is this buyer's and open: nothing else can happen to it.
    if (outcome.kind !== "paid") throw new Error(`free order ${order.id} came back ${outcome.kind}`);
    await fulfil(outcome);
  }

  /**
   * A payment that bought nothing (a second one for an order its buyer had
   * paid already, as when two of its invoices were paid at once) is owed
   * back: the shop's owner is told, as of any refund due, or the operators
   * when it names no order of its buyer's.
   */
  async function reportStray(payment: ChargeFields, orderId: number | null): Promise<void> {
    const named = orderId === null ? null : await orders.find(orderId);
    if (named?.buyerId === payment.buyerId) await messaging.strayPaymentToOwner(payment, named);
    else await messaging.strayPaymentToOperators(payment);
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
    openReservation: (buyerId: bigint, dealId: number): Promise<OpenReservation | null> =>
      orders.openReservation(dealId, buyerId, clock()),

    /** Whole minutes left on a reservation, for "held for N minutes". */
    minutesLeft: (order: Order) => Math.max(1, Math.ceil((order.reservedUntil.getTime() - clock().getTime()) / MINUTE_MS)),

    /**
     * Buy, in the chat or the Mini App: a free deal is claimed at once; a paid
     * one has its units held for the invoice (`payable`: payments are set up).
     */
    async purchase(buyerId: bigint, dealId: number, quantity: number, source: string, { payable }: { payable: boolean }): Promise<Purchase> {
      // One quote serves both the check and the hold: the hold is checked again under the deal's lock.
      const quoted = await quote(buyerId, dealId);
      const { deal } = quoted;
      if (deal.priceMinor === 0) {
        await claim(await reserveQuoted(buyerId, dealId, quantity, source, quoted));
        return { claimed: true };
      }
      if (!payable) throw new DomainError("payments-off");
      return { claimed: false, order: await reserveQuoted(buyerId, dealId, quantity, source, quoted), deal };
    },

    /** The buyer's open reservation met again: a free one claimed now, a paid one invoiced again. */
    async resume(order: OpenReservation, { payable }: { payable: boolean }): Promise<Purchase> {
      if (order.totalMinor === 0) {
        await claim(order);
        return { claimed: true };
      }
      if (!payable) throw new DomainError("payments-off");
      return { claimed: false, order, deal: order.deal };
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

    /**
     * A successful_payment: vouchers once per charge, whatever replays or
     * races happen, then handed over. "unmatched" fulfils nothing, and
     * whoever must pay it back is told.
     */
    async settlePayment(p: ChargeFields): Promise<PaymentOutcome["kind"]> {
      const orderId = orderIdOf(p.payload);
      const outcome: PaymentOutcome =
        orderId === null
          ? { kind: "unmatched" }
          : await settle({
              orderId,
              buyerId: p.buyerId,
              currency: p.currency,
              totalMinor: p.totalMinor,
              telegramChargeId: p.telegramChargeId,
              providerChargeId: p.providerChargeId,
            });
      if (outcome.kind === "unmatched") await reportStray(p, orderId);
      else await fulfil(outcome);
      return outcome.kind;
    },

    /** The invoice could not be sent: give the units back at once. */
    cancelReservation: (orderId: number) => orders.release(orderId),

    /** The buyer cancels their own unpaid invoice; false when it is not open (or not theirs). */
    async cancelInvoice(buyerId: bigint, orderId: number): Promise<boolean | null> {
      const order = await orders.find(orderId);
      if (!order || order.buyerId !== buyerId) return null;
      return orders.release(order.id);
    },

    /**
     * Scheduled: paid orders not delivered a minute after payment (a crash came
     * between payment and reply) are fulfilled again, like a payment seen
     * twice. Says, order by order, whether the vouchers arrived, or why not.
     */
    async redeliver(): Promise<{ order: Order; result: Delivery | { error: unknown } }[]> {
      const results = [];
      for (const order of await orders.undelivered(new Date(clock().getTime() - MINUTE_MS))) {
        try {
          results.push({ order, result: await fulfil({ kind: "replay", order }) });
        } catch (error) {
          results.push({ order, result: { error } });
        }
      }
      return results;
    },

    /** Different people who bought a group deal so far. */
    buyersSoFar: (dealId: number) => orders.buyersSoFar(dealId),

    /** Unpaid reservations past their time give their units back. Returns how many. */
    releaseLapsed: (): Promise<number> => orders.releaseLapsed(clock()),
  };
}

export type CheckoutService = ReturnType<typeof createCheckoutService>;
