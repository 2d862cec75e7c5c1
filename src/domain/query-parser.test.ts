import { describe, expect, it } from "vitest";
import type { DealQuery } from "./deal-query.js";
import { parseRequest } from "./query-parser.js";

const q = (fields: Partial<DealQuery>): DealQuery => ({ keywords: [], ...fields });

describe("reading a request for deals without a language model", () => {
  it.each<[string, DealQuery]>([
    ["cheap hotpot for two under 150", q({ keywords: ["hotpot"], category: "food", maxPrice: 150, partySize: 2 })],
    ["咖啡 附近 半价", q({ category: "cafe", minDiscount: 50 })],
    ["coffee", q({ category: "cafe" })],
    ["Half-price lattes near me", q({ keywords: ["latte"], category: "cafe", minDiscount: 50 })],
    ["pizza under $20 tonight", q({ keywords: ["pizza"], category: "food", maxPrice: 20, when: "tonight" })],
    ["sushi for 4 people within 3km", q({ keywords: ["sushi"], category: "food", partySize: 4, radiusKm: 3 })],
    ["haircut 30% off this weekend", q({ keywords: ["haircut"], category: "beauty", minDiscount: 30, when: "weekend" })],
    ["ramen 15 or less", q({ keywords: ["noodle"], category: "food", maxPrice: 15 })],
    ["a hotel room within 2 miles", q({ category: "hotel", radiusKm: 5 })],
    ["yoga class", q({ keywords: ["yoga", "class"], category: "fitness" })],
    ["bowling walking distance", q({ keywords: ["bowling"], category: "fun", radiusKm: 1 })],
    ["pho", q({ keywords: ["pho"] })],
    ["火锅 两人 150元以内", q({ keywords: ["hotpot"], category: "food", partySize: 2, maxPrice: 150 })],
    ["附近有什么好吃的火锅", q({ keywords: ["hotpot"], category: "food" })],
    ["今晚 双人 烧烤 不超过200块", q({ keywords: ["bbq"], category: "food", partySize: 2, maxPrice: 200, when: "tonight" })],
    ["想喝奶茶 买一送一", q({ keywords: ["milk tea"], category: "cafe", minDiscount: 50 })],
    ["3公里内的美甲 五折", q({ keywords: ["nails"], category: "beauty", radiusKm: 3, minDiscount: 50 })],
    ["周末 酒店 人均300以下", q({ category: "hotel", maxPrice: 300, perPerson: true, when: "weekend" })],
    ["火锅 每人100以内 3人", q({ keywords: ["hotpot"], category: "food", maxPrice: 100, perPerson: true, partySize: 3 })],
    ["sushi under $30 per person for two", q({ keywords: ["sushi"], category: "food", maxPrice: 30, perPerson: true, partySize: 2 })],
    ["hotpot 100 per person", q({ keywords: ["hotpot"], category: "food", maxPrice: 100, perPerson: true })],
    ["dinner under 50 each", q({ category: "food", maxPrice: 50, perPerson: true })],
    ["现在 500米内 拿铁", q({ keywords: ["latte"], category: "cafe", when: "now", radiusKm: 0.5 })],
    ["coffee within 300 m", q({ category: "cafe", radiusKm: 0.5 })],
    ["８折 蛋糕 １００元以内", q({ keywords: ["cake"], category: "cafe", minDiscount: 20, maxPrice: 100 })],
    ["有没有螺蛳粉", q({ keywords: ["螺蛳粉"] })],
    ["明天 4位 按摩", q({ keywords: ["massage"], category: "beauty", partySize: 4, when: "tomorrow" })],
  ])("%s", (text, expected) => {
    expect(parseRequest(text)).toEqual(expected);
  });

  it("keeps only plausible values", () => {
    expect(parseRequest("pizza under 0")).toEqual(q({ keywords: ["pizza"], category: "food" }));
    expect(parseRequest("dinner for 500 people")).toEqual(q({ category: "food" }));
    expect(parseRequest("within 900 km")).toEqual(q({ radiusKm: 25 }));
  });

  it("turns markup and long words into nothing harmful", () => {
    expect(parseRequest("<b>pizza</b>")).toEqual(q({ keywords: ["pizza"], category: "food" }));
    expect(parseRequest("x".repeat(40)).keywords).toEqual([]);
  });
});
