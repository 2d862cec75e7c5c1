import { describe, expect, it } from "vitest";
import { currencyAt, currencyCode, currencyName, isCurrency } from "./currency.js";
import { DomainError } from "./errors.js";
import { minorDigits, parseMoney, typedExample } from "./money.js";

describe("currencies", () => {
  it("finds the currency of the territory at a pin, offline", () => {
    expect(currencyAt({ lat: 31.2304, lng: 121.4737 })).toBe("CNY");
    expect(currencyAt({ lat: 22.2819, lng: 114.1582 })).toBe("HKD");
    expect(currencyAt({ lat: 25.033, lng: 121.5654 })).toBe("TWD");
    expect(currencyAt({ lat: 40.7081, lng: -73.9571 })).toBe("USD");
    expect(currencyAt({ lat: 48.8566, lng: 2.3522 })).toBe("EUR");
    expect(currencyAt({ lat: 35.6812, lng: 139.7671 })).toBe("JPY");
    expect(currencyAt({ lat: -30, lng: -30 })).toBeNull();
    // Kuwait's dinar is no currency Telegram takes payments in: the default applies.
    expect(currencyAt({ lat: 29.3759, lng: 47.9774 })).toBeNull();
  });

  it("knows the codes in use, whatever the case typed", () => {
    expect(isCurrency("USD")).toBe(true);
    expect(isCurrency("XYZ")).toBe(false);
    expect(currencyCode(" eur ")).toBe("EUR");
    expect(() => currencyCode("XYZ")).toThrow(DomainError);
    expect(() => currencyCode("dollars")).toThrow(DomainError);
    expect(isCurrency("KWD")).toBe(false);
    expect(() => currencyCode("kwd")).toThrow(expect.objectContaining({ code: "currency-not-payable" }));
    expect(currencyName("CNY", "zh")).toBe("人民币");
    expect(currencyName("CNY", "en")).toBe("Chinese Yuan");
  });

  it("counts minor units as Telegram does: none for yen, two for forints, three for dinars", () => {
    expect([minorDigits("JPY"), minorDigits("KRW"), minorDigits("USD"), minorDigits("HUF"), minorDigits("IDR"), minorDigits("KWD")]).toEqual([0, 0, 2, 2, 2, 3]);
    expect(parseMoney("990", "JPY")).toBe(990);
    expect(() => parseMoney("9.50", "JPY")).toThrow(DomainError);
    expect(parseMoney("1.250", "KWD")).toBe(1250);
    // A comma before three digits is a decimal one only where three decimals exist.
    expect(parseMoney("1,250", "KWD")).toBe(1250);
    expect(parseMoney("1,250", "JPY")).toBe(1250);
  });

  it("reads a price as merchants type it: symbols and words around it, full-width digits, thousands, a decimal comma", () => {
    const typed = ["15元", "¥15", "１５", "15 块", "US$ 9.90", "9.90 USD", "1,200", "12,000,000", "1,200.50", "4,50", "0"];
    expect(typed.map((t) => parseMoney(t, "USD"))).toEqual([1500, 1500, 1500, 1500, 990, 990, 120000, 1200000000, 120050, 450, 0]);
    for (const bad of ["-1", "1,2,3", "12.345", "fifteen", "", "1.2.3"]) {
      expect(() => parseMoney(bad, "USD"), bad).toThrow(expect.objectContaining({ code: "bad-price" }));
    }
    expect([typedExample(990, "JPY"), typedExample(990, "USD"), typedExample(990, "KWD")]).toEqual(["990", "9.90", "9.900"]);
  });
});
