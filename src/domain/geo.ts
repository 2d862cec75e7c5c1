// Geometry of the nearby search. Distances come from geolib; the index is a set
// of geohash cells that covers the search circle.
import { getBoundsOfDistance, getDistance } from "geolib";
import ngeohash from "ngeohash";
import { DomainError } from "./errors.js";

export interface Point {
  lat: number;
  lng: number;
}

export const CELL_PRECISIONS = [6, 5, 4] as const;
export type CellPrecision = (typeof CELL_PRECISIONS)[number];

/** Past this many cells an index seek costs more than scanning a coarser cell. */
const MAX_CELLS = 48;
/**
 * geolib rounds distances to whole metres, so a point 5000.4 m away counts as
 * inside a 5 km circle while lying just outside its exact bounds: pad the box.
 */
const BOUNDS_PADDING_M = 5;

export function assertValidPoint(point: Point): void {
  const { lat, lng } = point;
  if (!Number.isFinite(lat) || !Number.isFinite(lng) || Math.abs(lat) > 90 || Math.abs(lng) > 180) {
    throw new DomainError("bad-coordinates");
  }
}

export function distanceMeters(a: Point, b: Point): number {
  return getDistance({ latitude: a.lat, longitude: a.lng }, { latitude: b.lat, longitude: b.lng });
}

/** geolib's earth radius and degree, so both measures agree. */
const EARTH_RADIUS_M = 6_378_137;
const RAD = Math.PI / 180;

/**
 * distanceMeters from one fixed point, for scoring many points against it:
 * the same formula and rounding as geolib's getDistance (so the same metres),
 * without its per-call parsing of the coordinates, which dominates a loop.
 */
export function distancesFrom(center: Point): (point: Point) => number {
  const fromLat = center.lat * RAD;
  const sinFrom = Math.sin(fromLat);
  const cosFrom = Math.cos(fromLat);
  return (point) => {
    const toLat = point.lat * RAD;
    const deltaLon = (center.lng - point.lng) * RAD;
    const cosine = Math.sin(toLat) * sinFrom + Math.cos(toLat) * cosFrom * Math.cos(deltaLon);
    return Math.round(Math.acos(Math.min(1, Math.max(-1, cosine))) * EARTH_RADIUS_M);
  };
}

export function cellsOf(point: Point): { cell4: string; cell5: string; cell6: string } {
  const cell6 = ngeohash.encode(point.lat, point.lng, 6);
  return { cell4: cell6.slice(0, 4), cell5: cell6.slice(0, 5), cell6 };
}

/**
 * The cells to seek, and the (padded) bounding boxes they were chosen to
 * cover: a cell reaches well past the circle, so the boxes let the query drop
 * most of a cell's far rows before they leave the database.
 */
export interface Cover {
  precision: CellPrecision;
  cells: string[];
  boxes: Box[];
  /** Where the plane's arithmetic is safe (one box, away from the poles): a tighter filter than the box. */
  ellipse?: Ellipse;
}

/**
 * Points with ((lat − centre lat) × latScale)² + ((lng − centre lng) × lngScale)²
 * ≤ radius²: metres on a plane that shrinks every distance (longitude scaled
 * at the box's latitude nearest a pole), so it holds every point of the circle
 * and drops the box's corners, a fifth of its rows, inside the index.
 */
export interface Ellipse {
  lat: number;
  lng: number;
  latScale: number;
  lngScale: number;
  radiusM: number;
}

/** Past this latitude the plane's shrinking is not worth its checks. */
const ELLIPSE_MAX_LAT = 80;
/**
 * Shrinks the plane's metres a little more than the sphere can stretch them:
 * within 25 km and below 80° the plane's distance exceeds the arc by a
 * relative 5e-5 at most (the sine's cubic term over the angles spanned).
 */
const ELLIPSE_SHRINK = 1 - 1e-4;
const METRES_PER_DEGREE = (6_378_137 * Math.PI) / 180;

export function insideEllipse(p: Point, e: Ellipse): boolean {
  const y = (p.lat - e.lat) * e.latScale;
  const x = (p.lng - e.lng) * e.lngScale;
  return x * x + y * y <= e.radiusM * e.radiusM;
}

/** Whether a circle's boxes cross the antimeridian or come near a pole: there, only the boxes bound it. */
function atTheEdges(boxes: Box[]): boolean {
  const [[minLat, , maxLat]] = boxes as [Box];
  return boxes.length > 1 || Math.max(Math.abs(minLat), Math.abs(maxLat)) > ELLIPSE_MAX_LAT;
}

/** Whether the circle crosses the antimeridian or comes near a pole (see atTheEdges). */
export function circleAtTheEdges(center: Point, radiusM: number): boolean {
  return atTheEdges(boundingBoxes(center, radiusM + BOUNDS_PADDING_M));
}

/**
 * The geohash cells, all of one precision, that together contain every point
 * within `radiusM` of `center`: the finest precision that needs at most
 * MAX_CELLS cells, so the index is seeked a bounded number of times.
 */
export function coveringCells(center: Point, radiusM: number): Cover {
  const boxes = boundingBoxes(center, radiusM + BOUNDS_PADDING_M);
  // Count before listing: a polar cap would list thousands of cells.
  let precision: CellPrecision = 4;
  for (const p of CELL_PRECISIONS) {
    let count = 0;
    for (const box of boxes) count += cellCount(gridRange(box, p));
    if (count <= MAX_CELLS) {
      precision = p;
      break;
    }
  }
  // The two halves of a box split at the antimeridian share no cell.
  const cells: string[] = [];
  for (const box of boxes) {
    const [minRow, maxRow, minColumn, maxColumn] = gridRange(box, precision);
    for (let row = minRow; row <= maxRow; row++) {
      for (let column = minColumn; column <= maxColumn; column++) cells.push(cellName(row, column, precision));
    }
  }
  if (atTheEdges(boxes)) return { precision, cells: cells.sort(), boxes };
  const [[minLat, , maxLat]] = boxes as [Box];
  const poleward = Math.max(Math.abs(minLat), Math.abs(maxLat));
  const ellipse = {
    // Not `...center`: see insideByDistance in nearby.ts.
    lat: center.lat,
    lng: center.lng,
    latScale: METRES_PER_DEGREE * ELLIPSE_SHRINK,
    lngScale: METRES_PER_DEGREE * Math.cos((poleward * Math.PI) / 180) * ELLIPSE_SHRINK,
    // geolib rounds to whole metres: the same padding as the box.
    radiusM: radiusM + BOUNDS_PADDING_M,
  };
  return { precision, cells: cells.sort(), boxes, ellipse };
}

export type Box = [minLat: number, minLng: number, maxLat: number, maxLng: number];

// A geohash of n characters is 5n bits interleaving longitude and latitude
// (longitude first): a grid of 2^lngBits × 2^latBits cells. Listing a box's
// cells from their grid rows and columns is ten times cheaper than walking
// neighbours, and names the same cells as ngeohash.encode (tests check).
const GRID: Record<CellPrecision, { latBits: number; lngBits: number }> = {
  4: { latBits: 10, lngBits: 10 },
  5: { latBits: 12, lngBits: 13 },
  6: { latBits: 15, lngBits: 15 },
};
const BASE32 = "0123456789bcdefghjkmnpqrstuvwxyz";

type GridRange = [minLat: number, maxLat: number, minLng: number, maxLng: number];

/** The rows (latitude) and columns (longitude) of the cells the box touches. */
function gridRange([minLat, minLng, maxLat, maxLng]: Box, precision: CellPrecision): GridRange {
  const { latBits, lngBits } = GRID[precision];
  return [gridIndex(minLat + 90, 180, latBits), gridIndex(maxLat + 90, 180, latBits), gridIndex(minLng + 180, 360, lngBits), gridIndex(maxLng + 180, 360, lngBits)];
}

/** Which of 2^bits equal slices of [0, extent] holds the offset (the last one holds the end). */
function gridIndex(offset: number, extent: number, bits: number): number {
  return Math.min(2 ** bits - 1, Math.floor((offset / extent) * 2 ** bits));
}

const cellCount = ([minLat, maxLat, minLng, maxLng]: GridRange) => (maxLat - minLat + 1) * (maxLng - minLng + 1);

function cellName(row: number, column: number, precision: CellPrecision): string {
  const { latBits, lngBits } = GRID[precision];
  let name = "";
  let latBit = latBits - 1;
  let lngBit = lngBits - 1;
  let char = 0;
  for (let i = 0; i < 5 * precision; i++) {
    const bit = i % 2 === 0 ? (column >> lngBit--) & 1 : (row >> latBit--) & 1;
    char = (char << 1) | bit;
    if (i % 5 === 4) {
      name += BASE32[char];
      char = 0;
    }
  }
  return name;
}

/** The cell's bounds, as a box. */
export function cellBox(cell: string): Box {
  return ngeohash.decode_bbox(cell) as Box;
}

/** The circle's bounding box, split in two where it crosses the antimeridian. */
function boundingBoxes(center: Point, radiusM: number): Box[] {
  const [sw, ne] = getBoundsOfDistance({ latitude: center.lat, longitude: center.lng }, radiusM) as [
    { latitude: number; longitude: number },
    { latitude: number; longitude: number },
  ];
  const minLat = Math.max(-90, sw.latitude);
  const maxLat = Math.min(90, ne.latitude);
  // Near a pole the circle wraps every meridian.
  if (maxLat >= 90 || minLat <= -90) return [[minLat, -180, maxLat, 180]];
  const minLng = sw.longitude;
  const maxLng = ne.longitude;
  if (minLng <= maxLng) return [[minLat, minLng, maxLat, maxLng]];
  return [
    [minLat, minLng, maxLat, 180],
    [minLat, -180, maxLat, maxLng],
  ];
}
