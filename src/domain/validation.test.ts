import { describe, expect, it } from "vitest";
import { coordinates, typedPoint } from "./validation.js";

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
