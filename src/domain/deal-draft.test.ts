import { describe, expect, it } from "vitest";
import { daysUntil, draftFields, firstGap } from "./deal-draft.js";

const NOW = new Date("2026-11-24T10:00:00Z");

describe("a drafted offer", () => {
  it("counts the days on sale up to and including the last day", () => {
    expect(daysUntil("2026-11-30", NOW)).toBe(7);
    expect(daysUntil("2026-11-24", NOW)).toBe(1);
    expect(daysUntil("2026-11-23", NOW)).toBe(0);
    expect(daysUntil("2026-02-30", NOW)).toBeUndefined();
    expect(daysUntil("end of month", NOW)).toBeUndefined();
  });

  it("keeps the values a merchant could have typed and leaves out the rest", () => {
    expect(
      draftFields(
        { title: "  Half-price   lattes ", price: 2.5, originalPrice: 5, quantity: 50, perPersonLimit: 3, days: 10, voucherValidDays: 14 },
        { currency: "USD", now: NOW },
      ),
    ).toEqual({
      title: "Half-price lattes",
      description: "",
      priceMinor: 250,
      originalPriceMinor: 500,
      quantity: 50,
      perPersonLimit: 3,
      days: 10,
      voucherValidDays: 14,
    });
    expect(
      draftFields(
        { title: "", price: 5, originalPrice: 4, quantity: 0, days: 400, saleEndsOn: "2026-11-30", voucherValidDays: -1 },
        { currency: "JPY", now: NOW },
      ),
    ).toEqual({ description: "", priceMinor: 5, voucherValidDays: 30 });
    expect(draftFields({ price: 9.5 }, { currency: "JPY", now: NOW })).toEqual({ description: "", voucherValidDays: 30 });
  });

  it("names the first field still missing or breaking a rule between fields", () => {
    const full = { title: "T", description: "", priceMinor: 100, originalPriceMinor: 200, quantity: 5, perPersonLimit: 2, days: 3, voucherValidDays: 30 };
    expect(firstGap(full)).toBeUndefined();
    expect(firstGap({ ...full, title: undefined })).toBe("title");
    expect(firstGap({ ...full, originalPriceMinor: 50 })).toBe("originalPriceMinor");
    expect(firstGap({ ...full, perPersonLimit: 6 })).toBe("perPersonLimit");
    expect(firstGap({ description: "" })).toBe("title");
  });
});
