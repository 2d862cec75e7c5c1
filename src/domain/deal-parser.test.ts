import { describe, expect, it } from "vitest";
import { readDeal } from "./deal-parser.js";

const NOW = new Date("2026-05-04T09:00:00Z");
const none = { price: null, originalPrice: null, quantity: null, perPersonLimit: null, voucherValidDays: null };

describe("reading an offer's numbers without a language model", () => {
  it.each<[string, Record<string, unknown>]>([
    ["Half-price lattes 2–5pm on weekdays, 50 cups, until the end of the month", { ...none, quantity: 50, saleEndsOn: "2026-05-31" }],
    ["Lattes 15 instead of 30, 50 cups, for 14 days", { ...none, price: 15, originalPrice: 30, quantity: 50, days: 14 }],
    ["Pizza for $12 (was $20), limit 2 per person, vouchers valid 60 days", { ...none, price: 12, originalPrice: 20, perPersonLimit: 2, voucherValidDays: 60, days: null }],
    ["Half price haircut, usually 40, 2 weeks", { ...none, price: 20, originalPrice: 40, days: 14 }],
    ["Dinner for 2 people, 99.50 dollars, until 2026-06-15", { ...none, price: 99.5, saleEndsOn: "2026-06-15" }],
    ["双人火锅套餐现价99元，原价198元，限量30份，每人限购2份，有效期3个月，到6月30日", { ...none, price: 99, originalPrice: 198, quantity: 30, perPersonLimit: 2, voucherValidDays: 90, saleEndsOn: "2026-06-30" }],
    ["拿铁８折，原价３０元，共５０杯，卖７天", { ...none, price: 24, originalPrice: 30, quantity: 50, days: 7 }],
    ["Come and try our new menu", { ...none, days: null }],
    ["双人套餐共2人，￥88", { ...none, price: 88, days: null }],
  ])("%s", (text, expected) => {
    expect(readDeal(text, NOW)).toEqual(expected);
  });
});
