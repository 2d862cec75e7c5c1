import { describe, expect, it } from "vitest";
import { coordinates, displayName, text, typedPoint, visibleText } from "./validation.js";

describe("reading a position typed as text", () => {
  it("takes a Chinese keyboard's full-width comma and digits, and a copied minus sign", () => {
    expect(coordinates("31.2304，121.4737")).toEqual({ lat: 31.2304, lng: 121.4737 });
    expect(coordinates("４０.７０８１， −73.9571")).toEqual({ lat: 40.7081, lng: -73.9571 });
    expect(() => coordinates("31.23; 121.47; 5")).toThrow();
  });

  it("outside a form, takes only a pair with decimals, so numbers in a request stay a request", () => {
    expect(typedPoint("40.7081, -73.9571")).toEqual({ lat: 40.7081, lng: -73.9571 });
    expect(typedPoint("2 150")).toBeNull();
    expect(typedPoint("91.5, 10.2")).toBeNull();
  });
});

describe("text others will read", () => {
  it("loses bidirectional controls, zero-width spaces, soft hyphens and blank fillers", () => {
    expect(visibleText("\u202EPizza $5\u202C")).toBe("Pizza $5");
    expect(visibleText("\u2067Joe\u2069\u200E's\u00AD Pi\u200Bzza\uFEFF")).toBe("Joe's Pizza");
    expect(visibleText("A\u200DB \u200C C")).toBe("AB C");
    expect(visibleText("\u2800Ann\u{E0041}\u{E0042}\u{1D173}\u180B")).toBe("Ann");
    expect(visibleText("\u2800\u2800")).toBe("");
    expect(() => text("\u3164 \u200B", "shopName")).toThrow("empty");
  });

  it("keeps the joiners that build emoji and words", () => {
    const england = "\u{1F3F4}\u{E0067}\u{E0062}\u{E0065}\u{E006E}\u{E0067}\u{E007F}";
    for (const kept of ["Family 👨‍👩‍👧 Diner", "👩🏽‍💻 repairs", "🏳️‍🌈 bar", "می‌خواهم", `${england} pub`, "ᠮᠣᠩᠭᠣᠯ\u180B"]) expect(visibleText(kept)).toBe(kept);
  });

  it("gives a name with nothing visible the fallback, and cuts a long one at 64 characters", () => {
    expect(displayName("\u3164\u200B", "#42")).toBe("#42");
    expect([...displayName("😀".repeat(70), "#42")]).toHaveLength(64);
  });
});
