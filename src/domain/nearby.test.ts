// The search's own distance arithmetic must pick exactly the deals that
// geolib picks, ties included.
import { describe, expect, it } from "vitest";
import { createRandom, offsetMeters } from "../seed/random.js";
import { nearestWithin, withinRadius, type Positioned } from "./nearby.js";

describe("the nearest candidates within the radius", () => {
  it("are those geolib finds, in the same order", () => {
    const r = createRandom(31);
    for (let trial = 0; trial < 300; trial++) {
      const centre = { lat: -80 + r.next() * 160, lng: r.chance(0.2) ? 179.99 : -180 + r.next() * 360 };
      const radiusM = r.pick([1, 3, 5, 10, 25]) * 1000;
      const candidates: Positioned[] = [];
      const n = r.int(0, 400);
      for (let id = 1; id <= n; id++) {
        // Some share a spot, some sit right at the edge of the circle.
        const spread = r.pick([radiusM / 20, radiusM, radiusM * 2]);
        const p = r.chance(0.1) && candidates.length ? candidates[r.int(0, candidates.length - 1)]! : offsetMeters(centre.lat, centre.lng, r.gaussian() * spread, r.gaussian() * spread);
        candidates.push({ id, lat: p.lat, lng: p.lng, priceMinor: 1, originalPriceMinor: 2, soldCount: 0, startsAt: new Date(0) });
      }
      const limit = r.pick([1, 10, 100]);
      expect(nearestWithin(candidates, centre, radiusM, limit)).toEqual(withinRadius(candidates, centre, radiusM).slice(0, limit));
    }
  });
});
