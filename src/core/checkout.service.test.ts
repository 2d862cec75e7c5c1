// The fulfilment sequence, shared by the payment and the redelivery job: what
// is said to whom, in which order, and when an order counts as delivered.
// Only the outside (storage, messages) is faked.
import { describe, expect, it } from "vitest";
import type { OrderWithVouchers } from "../domain/order.js";
import { createCheckoutService } from "./checkout.service.js";
import type { CheckoutMessages, Delivery } from "./ports/messaging.port.js";
import type { OrderRepository } from "./ports/order.port.js";

const NOW = new Date("2026-05-04T09:00:00.000Z");
const BUYER = 10n;

function buildOrder(overrides: Partial<OrderWithVouchers> = {}): OrderWithVouchers {
  const expiresAt = new Date(NOW.getTime() + 86_400_000);
  return {
    id: 1, dealId: 7, buyerId: BUYER, quantity: 1, currency: "USD", unitPriceMinor: 500, unitOriginalMinor: 800,
    title: "Dumplings", totalMinor: 500, status: "PAID", source: "nearby", reservedUntil: NOW,
    telegramChargeId: "charge", providerChargeId: "provider", paidAt: NOW, deliveredAt: null,
    refundRequestedAt: null, refundMinor: 0, refundedAt: null, createdAt: NOW, updatedAt: NOW,
    vouchers: [
      { id: 1, code: "ABCDEFGHJKLM", orderId: 1, dealId: 7, holderId: BUYER, status: "ACTIVE", expiresAt,
        redeemedAt: null, redeemedById: null, refundSettledAt: null, createdAt: NOW, updatedAt: NOW },
    ],
    deal: {
      id: 7, shopId: 3, title: "Dumplings", description: "", finePrint: "", photoFileId: null, currency: "USD",
      priceMinor: 500, originalPriceMinor: 800, quantity: 10, stockLeft: 5, perPersonLimit: 2, soldCount: 5,
      voucherValidDays: 30, status: "ACTIVE", category: "food", lat: 0, lng: 0, cell4: "s000", cell5: "s0000",
      cell6: "s00000", startsAt: NOW, endsAt: expiresAt, createdAt: NOW, updatedAt: NOW, refundPolicy: "ANYTIME",
      minBuyers: 2, groupReachedAt: NOW,
      shop: {
        id: 3, ownerId: 1n, name: "Deli", category: "food", lat: 0, lng: 0, address: "1 Main St", openingHours: "",
        photoFileId: null, status: "APPROVED", currency: "USD", ratingSum: 0, ratingCount: 0, createdAt: NOW, updatedAt: NOW,
      },
    },
    ...overrides,
  };
}

let lastBuyersSoFar: number | undefined;
let buyersCounted = 0;

/** A checkout whose storage settles every payment as `settled` and whose messages are written down. */
function checkoutWith(
  settled: () => Promise<unknown>,
  { undelivered = [] as OrderWithVouchers[], delivery = "delivered" as Delivery, found = null as OrderWithVouchers | null } = {},
) {
  const said: string[] = [];
  const log = (line: string) => async () => void said.push(line);
  const messaging: CheckoutMessages = {
    deliverVouchers: async (order, buyersSoFar) => ((lastBuyersSoFar = buyersSoFar), said.push(`vouchers #${order.id}`), delivery),
    latePaymentRefused: async (_order, reason) => void said.push(`refused ${reason}`),
    groupReached: async (buyer) => void said.push(`group reached to ${buyer}`),
    refundDue: log("refund due to owner"),
    refundedAutomatically: log("refunded"),
    refundPaid: log("refund paid"),
    voucherRedeemed: log("redeemed"),
    referralRewarded: async (order) => (said.push(`reward #${order.id}`), delivery),
    strayPaymentToOwner: async (payment, order) => void said.push(`stray ${payment.telegramChargeId} of #${order.id} to owner`),
    strayPaymentToOperators: async (payment) => void said.push(`stray ${payment.telegramChargeId} to operators`),
  };
  const orders = {
    settle: settled,
    buyersSoFar: async () => (buyersCounted++, 2),
    markDelivered: async (id: number) => void said.push(`delivered #${id}`),
    undelivered: async () => undelivered,
    find: async () => found,
  } as unknown as OrderRepository;
  const checkout = createCheckoutService({
    deals: { findWithShop: async () => null },
    orders,
    attribution: { verified: async (source) => source },
    messaging,
    clock: () => NOW,
    reservationMinutes: 15,
  });
  return { checkout, said };
}

const charge = {
  buyerId: BUYER, payload: "order:1", currency: "USD", totalMinor: 500, telegramChargeId: "charge", providerChargeId: "provider",
};

describe("fulfilling a payment", () => {
  it("hands the vouchers over, marks them delivered, then tells the owner what is owed and the group it is complete", async () => {
    const order = buildOrder({ status: "REFUND_DUE" });
    const { checkout, said } = checkoutWith(async () => ({ kind: "paid", order, groupReached: [20n, BUYER] }));
    expect(await checkout.settlePayment(charge)).toBe("paid");
    expect(said).toEqual(["vouchers #1", "delivered #1", "refund due to owner", "group reached to 20"]);
  });

  it("tells the buyer why a late payment was refused, and the owner that it is owed back", async () => {
    const { checkout, said } = checkoutWith(async () => ({ kind: "sold-out", order: buildOrder({ status: "REFUND_DUE" }) }));
    expect(await checkout.settlePayment(charge)).toBe("sold-out");
    expect(said).toEqual(["refused sold-out", "refund due to owner"]);
  });

  it("says nothing new for a replay of a delivered order", async () => {
    const { checkout, said } = checkoutWith(async () => ({ kind: "replay", order: buildOrder({ deliveredAt: NOW }) }));
    expect(await checkout.settlePayment(charge)).toBe("replay");
    expect(said).toEqual([]);
  });

  it("fulfils nothing for a payload that names no order", async () => {
    const { checkout, said } = checkoutWith(async () => {
      throw new Error("never settled");
    });
    expect(await checkout.settlePayment({ ...charge, payload: "forged" })).toBe("unmatched");
    // Money arrived for it all the same: someone must pay it back.
    expect(said).toEqual(["stray charge to operators"]);
  });

  it("has the owner pay back a second payment for an order its buyer paid already, and the operators one for someone else's", async () => {
    const paid = buildOrder({ status: "PAID" });
    const { checkout, said } = checkoutWith(async () => ({ kind: "unmatched" }), { found: paid });
    expect(await checkout.settlePayment({ ...charge, telegramChargeId: "second" })).toBe("unmatched");
    expect(await checkout.settlePayment({ ...charge, buyerId: 99n, telegramChargeId: "stranger" })).toBe("unmatched");
    expect(said).toEqual(["stray second of #1 to owner", "stray stranger to operators"]);
  });
});

describe("the group's progress with the vouchers", () => {
  it("is counted for a group deal, and not read at all for any other", async () => {
    const counted: unknown[] = [];
    const given: unknown[] = [];
    for (const minBuyers of [2, 1]) {
      buyersCounted = 0;
      const order = buildOrder();
      order.deal = { ...order.deal, minBuyers };
      const { checkout } = checkoutWith(async () => ({ kind: "paid", order, groupReached: null }));
      await checkout.settlePayment(charge);
      given.push(lastBuyersSoFar);
      counted.push(buyersCounted);
    }
    expect(given).toEqual([2, undefined]);
    expect(counted).toEqual([1, 0]);
  });
});

describe("delivering again what a crash left undelivered", () => {
  it("delivers through the same sequence as a payment", async () => {
    const { checkout, said } = checkoutWith(async () => undefined, { undelivered: [buildOrder()] });
    expect((await checkout.redeliver()).map((r) => r.result)).toEqual(["delivered"]);
    expect(said).toEqual(["vouchers #1", "delivered #1"]);
  });

  it("leaves the order undelivered when its buyer blocked the bot", async () => {
    const { checkout, said } = checkoutWith(async () => undefined, { undelivered: [buildOrder()], delivery: "blocked" });
    expect((await checkout.redeliver()).map((r) => r.result)).toEqual(["blocked"]);
    expect(said).toEqual(["vouchers #1"]);
  });
});

describe("buying", () => {
  it("reads the deal and the buyer's holdings once, then holds the units", async () => {
    const deal = buildOrder().deal;
    const reads: string[] = [];
    const orders = {
      releaseLapsed: async () => (reads.push("lapsed holds"), 0),
      heldBy: async () => (reads.push("units held"), 0),
      reserve: async (r: { quantity: number }) => (reads.push(`hold ${r.quantity}`), { ...buildOrder({ status: "RESERVED" }), vouchers: undefined }),
    } as unknown as OrderRepository;
    const checkout = createCheckoutService({
      deals: { findWithShop: async () => (reads.push("deal"), deal) },
      orders,
      attribution: { verified: async (source) => source },
      messaging: {} as CheckoutMessages,
      clock: () => NOW,
      reservationMinutes: 15,
    });
    const bought = await checkout.purchase(BUYER, deal.id, 2, "nearby", { payable: true });
    expect(bought.claimed).toBe(false);
    expect(reads).toEqual(["lapsed holds", "deal", "units held", "hold 2"]);
  });
});
