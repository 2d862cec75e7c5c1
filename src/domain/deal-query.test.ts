import { describe, expect, it } from "vitest";
import { cleanQuery, FILTER_BITS, fitting, isEmptyQuery, keywordIn, matchesQuery, withoutFilters } from "./deal-query.js";

const deal = (title: string, priceMinor = 1000, originalPriceMinor = 2000, currency = "CNY") => ({
  title,
  priceMinor,
  originalPriceMinor,
  currency,
});

describe("which deals fit a request", () => {
  it("matches a keyword in the title, in either language, singular or plural", () => {
    const q = cleanQuery({ keywords: ["hotpot"] });
    expect(matchesQuery(deal("Hotpot set"), q)).toBe(true);
    expect(matchesQuery(deal("重庆火锅双人餐"), q)).toBe(true);
    expect(matchesQuery(deal("Dumplings"), q)).toBe(false);
    expect(matchesQuery(deal("Oat latte"), cleanQuery({ keywords: ["lattes"] }))).toBe(true);
    expect(matchesQuery(deal("Ramen bowl"), cleanQuery({ keywords: ["ramen", "pho"] }))).toBe(true);
  });

  it("caps the price in the deal's own currency, the cap included", () => {
    const q = cleanQuery({ keywords: [], maxPrice: 10 });
    expect(matchesQuery(deal("A", 1000), q)).toBe(true);
    expect(matchesQuery(deal("A", 1001), q)).toBe(false);
    expect(matchesQuery(deal("A", 10, 20, "JPY"), q)).toBe(true);
    expect(matchesQuery(deal("A", 11, 20, "JPY"), q)).toBe(false);
  });

  it("reads a cap per person as the deal's cap, or the cap times the party when the party is given", () => {
    const alone = cleanQuery({ maxPrice: 100, perPerson: true });
    expect(matchesQuery(deal("A", 10000), alone)).toBe(true);
    expect(matchesQuery(deal("A", 10001), alone)).toBe(false);
    const three = cleanQuery({ maxPrice: 100, perPerson: true, partySize: 3 });
    expect(matchesQuery(deal("A", 30000, 40000), three)).toBe(true);
    expect(matchesQuery(deal("A", 30001, 40000), three)).toBe(false);
    // A cap for the whole order stays one, whatever the party.
    expect(matchesQuery(deal("A", 10001), cleanQuery({ maxPrice: 100, partySize: 3 }))).toBe(false);
    expect(withoutFilters(three, FILTER_BITS.maxPrice)).toEqual({ keywords: [], partySize: 3 });
  });

  it("puts the deals naming more keywords first, keeping the ranking among equals", () => {
    const ranked = [deal("Pottery class"), deal("Yoga mat"), deal("Yoga class"), deal("Pizza")];
    expect(fitting(ranked, cleanQuery({ keywords: ["yoga", "class"] })).map((d) => d.title)).toEqual([
      "Yoga class",
      "Pottery class",
      "Yoga mat",
    ]);
  });

  it("shows a keyword of the lexicon in the reader's language", () => {
    expect(keywordIn("hotpot", "zh")).toBe("火锅");
    expect(keywordIn("火锅", "en")).toBe("hotpot");
    expect(keywordIn("螺蛳粉", "en")).toBe("螺蛳粉");
  });

  it("asks for at least the discount wanted", () => {
    const q = cleanQuery({ minDiscount: 50 });
    expect(matchesQuery(deal("A", 1000, 2000), q)).toBe(true);
    // As the list shows it: 49.95% off reads "−50%" and fits; 49.45% reads "−49%" and does not.
    expect(matchesQuery(deal("A", 1001, 2000), q)).toBe(true);
    expect(matchesQuery(deal("A", 1011, 2000), q)).toBe(false);
    expect(matchesQuery(deal("A", 0, 0), q)).toBe(false);
  });

  it("drops the filters the user switched off", () => {
    const q = cleanQuery({ keywords: ["pizza"], category: "food", maxPrice: 20, minDiscount: 30, partySize: 2 });
    expect(withoutFilters(q, FILTER_BITS.keywords | FILTER_BITS.maxPrice)).toEqual({
      keywords: [],
      category: "food",
      minDiscount: 30,
      partySize: 2,
    });
    expect(withoutFilters(q, 15)).toEqual({ keywords: [], partySize: 2 });
  });

  it("snaps a radius to the choices offered and knows an empty request", () => {
    expect(cleanQuery({ radiusKm: 0.3 }).radiusKm).toBe(0.5);
    expect(cleanQuery({ radiusKm: 0.8 }).radiusKm).toBe(1);
    expect(cleanQuery({ radiusKm: 4 }).radiusKm).toBe(5);
    expect(cleanQuery({ radiusKm: 0 }).radiusKm).toBeUndefined();
    expect(isEmptyQuery(cleanQuery({ keywords: ["", "a"], category: "nope", when: "yesterday" }))).toBe(true);
    expect(isEmptyQuery(cleanQuery({ when: "tonight" }))).toBe(false);
  });
});
