import { describe, expect, it } from "vitest";
import {
  chooseForRefund,
  decideRefund,
  settlePayment,
  unitsAvailable,
  voucherState,
  type Order,
  type SettlementFacts,
  type Voucher,
  type VoucherTerms,
} from "./order.js";

const NOW = new Date("2026-05-04T09:00:00.000Z");
const HOUR = 3_600_000;
const BUYER = 10n;

function buildOrder(overrides: Partial<Order> = {}): Order {
  return {
    id: 1,
    dealId: 7,
    buyerId: BUYER,
    quantity: 3,
    currency: "USD",
    unitPriceMinor: 500,
    unitOriginalMinor: 800,
    title: "Dumplings",
    totalMinor: 1500,
    status: "RESERVED",
    source: "nearby",
    reservedUntil: new Date(NOW.getTime() + HOUR),
    telegramChargeId: null,
    providerChargeId: null,
    paidAt: null,
    deliveredAt: null,
    refundRequestedAt: null,
    refundMinor: 0,
    refundedAt: null,
    createdAt: NOW,
    updatedAt: NOW,
    ...overrides,
  };
}

function buildVoucher(overrides: Partial<Voucher> = {}): Voucher {
  return {
    id: 1,
    code: "ABCDEFGHJKLM",
    orderId: 1,
    dealId: 7,
    holderId: BUYER,
    status: "ACTIVE",
    expiresAt: new Date(NOW.getTime() + 24 * HOUR),
    redeemedAt: null,
    redeemedById: null,
    refundSettledAt: null,
    createdAt: NOW,
    updatedAt: NOW,
    ...overrides,
  };
}

function buildDeal(overrides: Partial<VoucherTerms> = {}): VoucherTerms {
  return {
    status: "ACTIVE",
    startsAt: new Date(NOW.getTime() - HOUR),
    endsAt: new Date(NOW.getTime() + HOUR),
    stockLeft: 10,
    perPersonLimit: 5,
    minBuyers: 1,
    groupReachedAt: null,
    voucherValidDays: 30,
    ...overrides,
  };
}

type FactOverrides = Partial<Omit<SettlementFacts, "order">> & { order?: Order | null; deal?: VoucherTerms };

function facts({ order = buildOrder(), deal = buildDeal(), ...overrides }: FactOverrides = {}): SettlementFacts {
  return {
    payment: { buyerId: BUYER, currency: "USD", totalMinor: 1500 },
    chargeSeen: false,
    order: order && { ...order, deal },
    held: 3,
    buyers: [],
    now: NOW,
    ...overrides,
  };
}

describe("settling a payment", () => {
  it("does nothing new for a charge seen before", () => {
    expect(settlePayment(facts({ chargeSeen: true }))).toEqual({ kind: "replay" });
  });

  it("fulfils nothing when no order matches the buyer, the currency or the amount", () => {
    expect(settlePayment(facts({ order: null })).kind).toBe("unmatched");
    expect(settlePayment(facts({ payment: { buyerId: 11n, currency: "USD", totalMinor: 1500 } })).kind).toBe("unmatched");
    expect(settlePayment(facts({ payment: { buyerId: BUYER, currency: "EUR", totalMinor: 1500 } })).kind).toBe("unmatched");
    expect(settlePayment(facts({ payment: { buyerId: BUYER, currency: "USD", totalMinor: 1 } })).kind).toBe("unmatched");
  });

  it("fulfils nothing for an order already paid or refunded", () => {
    for (const status of ["PAID", "REFUND_DUE", "REFUNDED"] as const) {
      expect(settlePayment(facts({ order: buildOrder({ status }) })).kind).toBe("unmatched");
    }
  });

  it("turns a payment on time into active vouchers valid from now, whatever the stock says", () => {
    const settled = settlePayment(facts({ deal: buildDeal({ stockLeft: 0, voucherValidDays: 2 }) }));
    expect(settled).toEqual({
      kind: "paid",
      order: "PAID",
      restock: 0,
      honoured: 3,
      refunded: 0,
      refundMinor: 0,
      voucherStatus: "ACTIVE",
      expiresAt: new Date(NOW.getTime() + 48 * HOUR),
      groupReached: null,
    });
  });

  it("takes a lapsed order's units again when they are still there", () => {
    const settled = settlePayment(facts({ order: buildOrder({ status: "EXPIRED" }), held: 0 }));
    expect(settled).toMatchObject({ kind: "paid", order: "PAID", restock: 3, honoured: 3, refunded: 0 });
  });

  it("honours a late payment in part when the stock left is short, and owes the rest back", () => {
    const settled = settlePayment(facts({ order: buildOrder({ status: "EXPIRED" }), held: 0, deal: buildDeal({ stockLeft: 2 }) }));
    expect(settled).toMatchObject({ kind: "paid", order: "REFUND_DUE", restock: 2, honoured: 2, refunded: 1, refundMinor: 500 });
  });

  it("honours a late payment only up to the per-person limit", () => {
    const settled = settlePayment(facts({ order: buildOrder({ status: "EXPIRED" }), held: 4 }));
    expect(settled).toMatchObject({ kind: "paid", honoured: 1, refunded: 2, refundMinor: 1000 });
  });

  it("owes a late payment back in full when the units went to someone else", () => {
    const settled = settlePayment(facts({ order: buildOrder({ status: "EXPIRED" }), held: 0, deal: buildDeal({ stockLeft: 0 }) }));
    expect(settled).toEqual({ kind: "sold-out", order: "REFUND_DUE", refundMinor: 1500 });
  });

  it("owes a late payment back in full when the buyer reached the limit since", () => {
    const settled = settlePayment(facts({ order: buildOrder({ status: "EXPIRED" }), held: 5 }));
    expect(settled).toEqual({ kind: "over-limit", order: "REFUND_DUE", refundMinor: 1500 });
  });

  it("owes a late payment back in full when the offer was paused or ended meanwhile", () => {
    const paused = settlePayment(facts({ order: buildOrder({ status: "EXPIRED" }), held: 0, deal: buildDeal({ status: "PAUSED" }) }));
    expect(paused).toEqual({ kind: "off-sale", order: "REFUND_DUE", refundMinor: 1500 });
    const ended = settlePayment(facts({ order: buildOrder({ status: "EXPIRED" }), held: 0, deal: buildDeal({ endsAt: NOW }) }));
    expect(ended.kind).toBe("off-sale");
  });

  it("keeps a group deal's vouchers pending until enough people hold some", () => {
    const settled = settlePayment(facts({ deal: buildDeal({ minBuyers: 3 }), buyers: [20n] }));
    expect(settled).toMatchObject({ kind: "paid", voucherStatus: "PENDING", groupReached: null });
  });

  it("completes a group deal with the buyer who makes the number, and names every buyer", () => {
    const settled = settlePayment(facts({ deal: buildDeal({ minBuyers: 3 }), buyers: [20n, 30n] }));
    expect(settled).toMatchObject({ kind: "paid", voucherStatus: "PENDING", groupReached: [20n, 30n, BUYER] });
  });

  it("counts a buyer who already holds vouchers of the group deal once", () => {
    const settled = settlePayment(facts({ deal: buildDeal({ minBuyers: 2 }), buyers: [BUYER] }));
    expect(settled).toMatchObject({ kind: "paid", groupReached: null });
  });

  it("gives active vouchers for a group deal that was reached before", () => {
    const settled = settlePayment(facts({ deal: buildDeal({ minBuyers: 3, groupReachedAt: NOW }) }));
    expect(settled).toMatchObject({ kind: "paid", voucherStatus: "ACTIVE", groupReached: null });
  });
});

describe("units a buyer may take", () => {
  it("is the smaller of the stock and what the limit leaves, none off sale", () => {
    expect(unitsAvailable(buildDeal({ stockLeft: 2 }), 0, NOW)).toBe(2);
    expect(unitsAvailable(buildDeal(), 4, NOW)).toBe(1);
    expect(unitsAvailable(buildDeal(), 7, NOW)).toBe(0);
    expect(unitsAvailable(buildDeal({ startsAt: new Date(NOW.getTime() + 1) }), 0, NOW)).toBe(0);
  });
});

describe("refunds", () => {
  const paid = (vouchers: Voucher[], overrides: Partial<Order> = {}) => ({ ...buildOrder({ status: "PAID", ...overrides }), vouchers });

  it("voids the chosen unused vouchers and owes their share", () => {
    const order = paid([buildVoucher({ id: 1 }), buildVoucher({ id: 2 }), buildVoucher({ id: 3, status: "REDEEMED" })]);
    expect(decideRefund(order, { voidable: ["PENDING", "ACTIVE"], only: [2], now: NOW })).toEqual({
      void: [2],
      settledNow: false,
      refundMinor: 500,
      order: "REFUND_DUE",
    });
  });

  it("adds what an earlier refund still owes", () => {
    const order = paid([buildVoucher({ id: 1, status: "REFUNDED" }), buildVoucher({ id: 2 })], { status: "REFUND_DUE" });
    expect(decideRefund(order, { voidable: ["PENDING", "ACTIVE"], now: NOW })).toMatchObject({ void: [2], refundMinor: 1000 });
  });

  it("settles a free order at once", () => {
    const order = paid([buildVoucher()], { unitPriceMinor: 0, totalMinor: 0 });
    expect(decideRefund(order, { voidable: ["ACTIVE"], now: NOW })).toEqual({ void: [1], settledNow: true, refundMinor: 0, order: "REFUNDED" });
  });

  it("refuses all of it when one chosen voucher is no longer unused", () => {
    const order = paid([buildVoucher({ id: 1 }), buildVoucher({ id: 2, status: "REDEEMED" })]);
    expect(decideRefund(order, { voidable: ["ACTIVE"], only: [1, 2], now: NOW })).toBeNull();
  });

  it("refuses an order never paid, and one with nothing left to void", () => {
    expect(decideRefund({ ...buildOrder(), vouchers: [buildVoucher()] }, { voidable: ["ACTIVE"], now: NOW })).toBeNull();
    expect(decideRefund(paid([buildVoucher({ status: "REDEEMED" })]), { voidable: ["ACTIVE"], now: NOW })).toBeNull();
  });

  it("treats an active voucher past its date as expired, even before the job marks it", () => {
    const lapsed = buildVoucher({ expiresAt: NOW });
    expect(voucherState(lapsed, NOW)).toBe("EXPIRED");
    expect(decideRefund(paid([lapsed]), { voidable: ["ACTIVE"], now: NOW })).toBeNull();
    expect(decideRefund(paid([lapsed]), { voidable: ["EXPIRED"], now: NOW })).toBeNull();
    expect(decideRefund(paid([buildVoucher({ status: "EXPIRED" })]), { voidable: ["EXPIRED"], now: NOW })).toMatchObject({ void: [1] });
  });

  it("lets a buyer refund the newest unused vouchers, only under the ANYTIME policy", () => {
    const vouchers = [buildVoucher({ id: 1 }), buildVoucher({ id: 2 }), buildVoucher({ id: 3, status: "REDEEMED" })];
    const anytime = { status: "PAID" as const, deal: { refundPolicy: "ANYTIME" }, vouchers };
    expect(chooseForRefund(anytime, NOW, 1).map((v) => v.id)).toEqual([2]);
    expect(chooseForRefund({ ...anytime, deal: { refundPolicy: "ON_EXPIRY" } }, NOW, 1)).toEqual([]);
  });
});
