import { describe, expect, it } from "vitest";
import { averageRating, bayesianRating } from "./rating.js";
import { score } from "./ranking.js";

describe("a shop's rating with its prior", () => {
  it("reads two 5-star reviews below 300 reviews at 4.8, and no reviews at the prior", () => {
    expect(bayesianRating({ ratingSum: 10, ratingCount: 2 })).toBeCloseTo(3.75, 5);
    expect(bayesianRating({ ratingSum: 1440, ratingCount: 300 })).toBeCloseTo(4.758, 3);
    expect(bayesianRating({ ratingSum: 0, ratingCount: 0 })).toBe(3.5);
    expect(averageRating({ ratingSum: 10, ratingCount: 2 })).toBe(5);
    expect(averageRating({ ratingSum: 0, ratingCount: 0 })).toBeNull();
  });

  it("ranks the long record first between otherwise equal deals", () => {
    const now = new Date("2026-05-04T09:00:00Z");
    const deal = { id: 1, distanceM: 100, priceMinor: 500, originalPriceMinor: 1000, soldCount: 10, startsAt: now };
    const fans = score({ ...deal, ratingSum: 10, ratingCount: 2 }, 5000, now);
    const record = score({ ...deal, id: 2, ratingSum: 1440, ratingCount: 300 }, 5000, now);
    expect(record).toBeGreaterThan(fans);
  });
});
