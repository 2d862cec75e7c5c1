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
  });

  it("knows the codes in use, whatever the case typed", () => {
    expect(isCurrency("USD")).toBe(true);
    expect(isCurrency("XYZ")).toBe(false);
    expect(currencyCode(" eur ")).toBe("EUR");
    expect(() => currencyCode("XYZ")).toThrow(DomainError);
    expect(() => currencyCode("dollars")).toThrow(DomainError);
    expect(currencyName("CNY", "zh")).toBe("人民币");
    expect(currencyName("CNY", "en")).toBe("Chinese Yuan");
  });

  it("counts minor units as Telegram does: none for yen, two for forints, three for dinars", () => {
    expect([minorDigits("JPY"), minorDigits("KRW"), minorDigits("USD"), minorDigits("HUF"), minorDigits("IDR"), minorDigits("KWD")]).toEqual([0, 0, 2, 2, 2, 3]);
    expect(parseMoney("990", "JPY")).toBe(990);
    expect(() => parseMoney("9.50", "JPY")).toThrow(DomainError);
    expect(parseMoney("1.250", "KWD")).toBe(1250);
    expect([typedExample(990, "JPY"), typedExample(990, "USD"), typedExample(990, "KWD")]).toEqual(["990", "9.90", "9.900"]);
  });
});
