// How far the nearby search reads. Deals are dense in a city centre (a hundred
// within 200 m) and sparse elsewhere (none within 25 km), so a fixed circle
// reads either thousands of rows or too few. The search first reads the count
// of ACTIVE deals per cell (a small table), then the smallest circle those
// counts say holds enough deals: usually the only read of deals it needs.
import { cellBox, coveringCells, type Box, type Cover, type Point } from "./geo.js";

/** The smallest circle searched. */
const FIRST_SEARCH_M = 200;
/** Narrower circles are not worth their arithmetic. */
const MIN_SEARCH_M = 50;
/** Each circle planned is this much wider than the one before. */
const GROWTH = 1.5;
/** More cells than this only happens at the poles: not worth counting. */
const MAX_COUNTED_CELLS = 48;

export interface PlannedCircle {
  radiusM: number;
  cover: Cover;
}

export interface SearchPlan {
  circles: PlannedCircle[];
  /** Every cell whose count the plan needs. */
  cells: string[];
}

/** Growing circles from FIRST_SEARCH_M to the radius, with the cells that cover each. */
export function planSearch(center: Point, radiusM: number): SearchPlan {
  const circles: PlannedCircle[] = [];
  const cells = new Set<string>();
  for (let r = Math.min(radiusM, FIRST_SEARCH_M); ; r = Math.min(radiusM, r * GROWTH)) {
    const cover = coveringCells(center, r);
    circles.push({ radiusM: r, cover });
    if (cover.cells.length <= MAX_COUNTED_CELLS) for (const cell of cover.cells) cells.add(cell);
    if (r >= radiusM) return { circles, cells: [...cells] };
  }
}

/**
 * The smallest circle expected to hold `wanted` deals, assuming the deals of a
 * cell are spread evenly over it: between the first planned circle expected
 * to hold enough and the one before, as if the count grew with the area.
 * The whole radius if no planned circle is expected to hold enough.
 */
export function pickCircle(center: Point, plan: SearchPlan, counts: ReadonlyMap<string, number>, wanted: number): PlannedCircle {
  let before = { radiusM: 0, expected: 0 };
  // Circles of one precision share most of their cells.
  const boxOf = new Map<string, Box>();
  for (const circle of plan.circles) {
    const { cells, boxes } = circle.cover;
    if (cells.length > MAX_COUNTED_CELLS) return circle;
    let expected = 0;
    for (const cell of cells) {
      const count = counts.get(cell) ?? 0;
      if (count === 0) continue;
      let box = boxOf.get(cell);
      if (!box) boxOf.set(cell, (box = cellBox(cell)));
      expected += count * shareInside(box, boxes);
    }
    if (expected >= wanted) {
      const r2 = before.radiusM ** 2 + (circle.radiusM ** 2 - before.radiusM ** 2) * ((wanted - before.expected) / (expected - before.expected));
      const radiusM = Math.max(MIN_SEARCH_M, Math.sqrt(r2));
      return radiusM >= circle.radiusM ? circle : { radiusM, cover: coveringCells(center, radiusM) };
    }
    before = { radiusM: circle.radiusM, expected };
  }
  return plan.circles[plan.circles.length - 1]!;
}

/** The part of a cell inside the circle whose bounding boxes are given (the circle fills π/4 of its box). */
function shareInside(cell: Box, boxes: Box[]): number {
  const [cMinLat, cMinLng, cMaxLat, cMaxLng] = cell;
  let overlap = 0;
  for (const [minLat, minLng, maxLat, maxLng] of boxes) {
    const dLat = Math.min(cMaxLat, maxLat) - Math.max(cMinLat, minLat);
    const dLng = Math.min(cMaxLng, maxLng) - Math.max(cMinLng, minLng);
    if (dLat > 0 && dLng > 0) overlap += dLat * dLng;
  }
  return ((Math.PI / 4) * overlap) / ((cMaxLat - cMinLat) * (cMaxLng - cMinLng));
}
