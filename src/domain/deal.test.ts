import { describe, expect, it } from "vitest";
import { copyOf, isOnSale, type Deal } from "./deal.js";

const NOW = new Date("2026-05-04T12:00:00Z");
const HOUR = 3_600_000;
const deal = {
  id: 3,
  shopId: 1,
  title: "Bao",
  status: "ACTIVE",
  category: "food",
  quantity: 10,
  stockLeft: 2,
  soldCount: 8,
  refundPolicy: "NONE",
  minBuyers: 3,
  groupReachedAt: NOW,
  startsAt: new Date(NOW.getTime() - HOUR),
  endsAt: new Date(NOW.getTime() + 5 * HOUR),
  createdAt: NOW,
  updatedAt: NOW,
} as Deal;

describe("an offer on sale", () => {
  it("is active, in stock and inside its sale time", () => {
    expect(isOnSale(deal, NOW)).toBe(true);
    expect(isOnSale({ ...deal, status: "PAUSED" }, NOW)).toBe(false);
    expect(isOnSale({ ...deal, stockLeft: 0 }, NOW)).toBe(false);
    expect(isOnSale(deal, new Date(deal.startsAt.getTime() - 1))).toBe(false);
    expect(isOnSale(deal, deal.endsAt)).toBe(false);
  });

  it("is in the category asked for, when one is", () => {
    expect(isOnSale(deal, NOW, "food")).toBe(true);
    expect(isOnSale(deal, NOW, "cafe")).toBe(false);
  });
});

describe("a copy of an offer", () => {
  it("starts paused and whole, now, for as long as the original ran, keeping its terms", () => {
    const later = new Date(NOW.getTime() + 24 * HOUR);
    const copy = copyOf({ ...deal, shop: { id: 1 } } as Deal, later);
    expect(copy).toMatchObject({ title: "Bao", status: "PAUSED", quantity: 10, stockLeft: 10, refundPolicy: "NONE", minBuyers: 3, startsAt: later });
    expect(copy.endsAt.getTime() - later.getTime()).toBe(6 * HOUR);
    for (const key of ["id", "soldCount", "groupReachedAt", "createdAt", "updatedAt", "shop"]) expect(copy).not.toHaveProperty(key);
  });
});
