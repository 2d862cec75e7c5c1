// Property tests for the geometry behind the nearby index: whatever the centre
// and radius, the covering cells (and the boxes the query filters on) must
// contain every point the ranking would count as inside the circle.
import { computeDestinationPoint } from "geolib";
import ngeohash from "ngeohash";
import { describe, expect, it } from "vitest";
import { createRandom, type Random } from "../seed/random.js";
import { DomainError } from "./errors.js";
import { assertValidPoint, cellsOf, coveringCells, distanceMeters, distancesFrom, insideEllipse, type Point } from "./geo.js";

const MAX_CELLS = 48;

type Region = "anywhere" | "antimeridian" | "pole" | "equator";

function centreIn(region: Region, r: Random): Point {
  const sign = r.chance(0.5) ? 1 : -1;
  switch (region) {
    case "anywhere":
      return { lat: -85 + r.next() * 170, lng: -180 + r.next() * 360 };
    case "antimeridian":
      return { lat: -70 + r.next() * 140, lng: sign * (179.5 + r.next() * 0.5) };
    case "pole":
      return { lat: sign * (85 + r.next() * 5), lng: -180 + r.next() * 360 };
    case "equator":
      return { lat: -0.5 + r.next(), lng: -180 + r.next() * 360 };
  }
}

/** Points around the centre, many of them right at the edge of the circle. */
function pointsAround(centre: Point, radiusM: number, r: Random, count: number): Point[] {
  const points: Point[] = [];
  for (let i = 0; i < count; i++) {
    const roll = r.next();
    // geolib rounds to whole metres, so a point up to half a metre outside counts as inside.
    const distance = roll < 0.4 ? radiusM + r.next() * 0.5 : roll < 0.5 ? radiusM - r.next() * 2 : Math.sqrt(r.next()) * radiusM;
    const bearing = r.next() * 360;
    const p = computeDestinationPoint({ latitude: centre.lat, longitude: centre.lng }, distance, bearing);
    let lng = p.longitude;
    if (lng > 180) lng -= 360;
    if (lng < -180) lng += 360;
    points.push({ lat: p.latitude, lng });
  }
  return points;
}

function inBoxes(p: Point, boxes: [number, number, number, number][]): boolean {
  return boxes.some(([minLat, minLng, maxLat, maxLng]) => p.lat >= minLat && p.lat <= maxLat && p.lng >= minLng && p.lng <= maxLng);
}

describe("covering cells", () => {
  for (const region of ["anywhere", "antimeridian", "pole", "equator"] as const) {
    it(`contain every point within the radius (${region})`, () => {
      const r = createRandom(region.length * 7919);
      let checked = 0;
      // A polar cap spans every meridian, so its cover is slow to compute: fewer trials there.
      const trials = region === "pole" ? 20 : 150;
      for (let trial = 0; trial < trials; trial++) {
        const centre = centreIn(region, r);
        const radiusM = trial < 25 ? r.pick([1, 3, 5, 10, 25]) * 1000 : 1000 + r.next() * 24_000;
        const cover = coveringCells(centre, radiusM);
        const cells = new Set(cover.cells);
        for (const p of pointsAround(centre, radiusM, r, 60)) {
          if (distanceMeters(centre, p) > radiusM) continue;
          checked++;
          const cell = ngeohash.encode(p.lat, p.lng, cover.precision);
          if (!cells.has(cell) || !inBoxes(p, cover.boxes) || (cover.ellipse && !insideEllipse(p, cover.ellipse))) {
            throw new Error(`point ${JSON.stringify(p)} (${distanceMeters(centre, p)} m) of ${JSON.stringify(centre)}, r=${radiusM}: cell ${cell} covered: ${cells.has(cell)}, in boxes: ${inBoxes(p, cover.boxes)}`);
          }
        }
      }
      expect(checked).toBeGreaterThan(trials * 20);
    });
  }

  it("uses one precision, matching the cell columns of a deal", () => {
    const r = createRandom(42);
    for (let i = 0; i < 200; i++) {
      const centre = centreIn("anywhere", r);
      const cover = coveringCells(centre, 1000 + r.next() * 24_000);
      expect(cover.cells.every((c) => c.length === cover.precision)).toBe(true);
      const own = cellsOf(centre)[`cell${cover.precision}`];
      expect(cover.cells).toContain(own);
    }
  });

  it("keeps the number of cells bounded", () => {
    const r = createRandom(7);
    for (let i = 0; i < 300; i++) {
      const region = i % 10 === 0 ? "pole" : r.pick(["anywhere", "antimeridian", "equator"] as const);
      const centre = centreIn(region, r);
      const cover = coveringCells(centre, 1000 + r.next() * 24_000);
      // Only the coarsest precision may exceed the budget (a polar cap spans every meridian).
      if (cover.precision !== 4 || Math.abs(centre.lat) <= 80) expect(cover.cells.length).toBeLessThanOrEqual(MAX_CELLS);
      expect(cover.cells.length).toBeLessThanOrEqual(2048);
      expect(new Set(cover.cells).size).toBe(cover.cells.length);
    }
  });

  it("picks the finest precision for small circles away from the poles", () => {
    expect(coveringCells({ lat: 31.23, lng: 121.47 }, 1000).precision).toBe(6);
    expect(coveringCells({ lat: 40.71, lng: -74.0 }, 5000).precision).toBe(5);
    expect(coveringCells({ lat: 40.71, lng: -74.0 }, 25_000).precision).toBe(4);
  });

  it("splits the box where the circle crosses the antimeridian", () => {
    const cover = coveringCells({ lat: -18.1, lng: 179.99 }, 5000);
    expect(cover.boxes).toHaveLength(2);
    expect(cover.cells.some((c) => ngeohash.decode(c).longitude < 0)).toBe(true);
    expect(cover.cells.some((c) => ngeohash.decode(c).longitude > 0)).toBe(true);
  });
});

describe("distances from one point", () => {
  // The nearby search measures its candidates with distancesFrom and the
  // naive scan with geolib: one metre apart would reorder the list.
  for (const region of ["anywhere", "antimeridian", "pole", "equator"] as const) {
    it(`are geolib's, to the metre (${region})`, () => {
      const r = createRandom(region.length * 104729);
      for (let i = 0; i < 20_000; i++) {
        const centre = centreIn(region, r);
        const reach = r.pick([2, 50, 2000, 30_000, 200_000]);
        const p = computeDestinationPoint({ latitude: centre.lat, longitude: centre.lng }, r.next() * reach, r.next() * 360);
        const point = { lat: p.latitude, lng: p.longitude > 180 ? p.longitude - 360 : p.longitude < -180 ? p.longitude + 360 : p.longitude };
        const d = distancesFrom(centre)(point);
        if (d !== distanceMeters(centre, point)) throw new Error(`${JSON.stringify([centre, point])}: ${d} ≠ ${distanceMeters(centre, point)}`);
      }
    });
  }
});

describe("assertValidPoint", () => {
  it("accepts the extremes of the range", () => {
    for (const p of [{ lat: 90, lng: 180 }, { lat: -90, lng: -180 }, { lat: 0, lng: 0 }]) {
      expect(() => assertValidPoint(p)).not.toThrow();
    }
  });

  it("rejects what is not a position on Earth", () => {
    const bad = [
      { lat: Number.NaN, lng: 0 },
      { lat: 0, lng: Number.NaN },
      { lat: Number.POSITIVE_INFINITY, lng: 0 },
      { lat: 0, lng: Number.NEGATIVE_INFINITY },
      { lat: 90.0001, lng: 0 },
      { lat: -90.0001, lng: 0 },
      { lat: 0, lng: 180.0001 },
      { lat: 0, lng: -180.0001 },
      { lat: 1000, lng: 1000 },
    ];
    for (const p of bad) expect(() => assertValidPoint(p), JSON.stringify(p)).toThrow(DomainError);
  });
});
