// Which deals go to which subscriber in one push run. Pure: the job loads the
// subscriptions, the fresh deals and what was already sent, and this decides.
//
// A subscriber gets at most one digest per run: the best deals, ranked like
// the nearby list, from every place of theirs that may receive one now (not in
// its quiet hours, under its daily maximum). An deal already pushed to the
// user is never pushed again.
import { isQuiet, type QuietHours } from "./local-time.js";
import { distancesFrom } from "./geo.js";
import type { Positioned } from "./nearby.js";
import { score } from "./ranking.js";

/** Deals in one digest: the top of the ranking. */
export const DIGEST_SIZE = 3;
/** Deals that went on sale within this window count as new for pushes. */
export const FRESH_MS = 48 * 3_600_000;

export interface PlaceToMatch extends QuietHours {
  id: number;
  userId: bigint;
  lat: number;
  lng: number;
  radiusM: number;
  /** Empty: every category. */
  categories: string[];
  timeZone: string;
  dailyMax: number;
  /** Digests this place contributed to since its local midnight. */
  sentToday: number;
}

export interface DealToMatch extends Positioned {
  category: string;
}

export interface PlannedDigest {
  userId: bigint;
  items: { dealId: number; subscriptionId: number }[];
}

/** Deals bucketed in a coarse lat/lng grid, so a place looks only at the cells around it. */
const CELL_DEG = 0.25;
const LNG_CELLS = Math.round(360 / CELL_DEG);
const M_PER_DEG_LAT = 111_320;

class DealGrid<T extends DealToMatch> {
  private readonly cells = new Map<number, T[]>();

  constructor(deals: T[]) {
    for (const deal of deals) {
      const key = this.key(Math.floor(deal.lat / CELL_DEG), Math.floor(deal.lng / CELL_DEG));
      const list = this.cells.get(key);
      if (list) list.push(deal);
      else this.cells.set(key, [deal]);
    }
  }

  private key(row: number, col: number): number {
    return row * LNG_CELLS + (((col % LNG_CELLS) + LNG_CELLS) % LNG_CELLS);
  }

  /** The deals inside the circle's bounding box (a superset of the circle, checked exactly by the caller). */
  near(lat: number, lng: number, radiusM: number): T[] {
    if (this.cells.size === 0) return [];
    const dLat = radiusM / M_PER_DEG_LAT + 0.01;
    const cos = Math.cos((Math.min(89, Math.abs(lat)) * Math.PI) / 180);
    const dLng = Math.min(180, radiusM / (M_PER_DEG_LAT * cos) + 0.01);
    const found: T[] = [];
    const [minLat, maxLat] = [lat - dLat, lat + dLat];
    const inLngBox = (dealLng: number) => {
      const d = Math.abs(dealLng - lng);
      return Math.min(d, 360 - d) <= dLng;
    };
    const colFrom = Math.floor((lng - dLng) / CELL_DEG);
    const colTo = Math.min(colFrom + LNG_CELLS - 1, Math.floor((lng + dLng) / CELL_DEG));
    for (let row = Math.floor((lat - dLat) / CELL_DEG); row <= Math.floor((lat + dLat) / CELL_DEG); row++) {
      for (let col = colFrom; col <= colTo; col++) {
        const list = this.cells.get(this.key(row, col));
        if (list) for (const deal of list) if (deal.lat >= minLat && deal.lat <= maxLat && inLngBox(deal.lng)) found.push(deal);
      }
    }
    return found;
  }
}

interface Ranked {
  id: number;
  score: number;
  distanceM: number;
  subscriptionId: number;
}

/** The nearby list's order: score, then the nearer, then the older id. */
const byRank = (a: Ranked, b: Ranked) => b.score - a.score || a.distanceM - b.distanceM || a.id - b.id;

/**
 * A place's best `k` deals, scored as the nearby list scores them. Written as
 * a loop over the candidates, keeping only the top k, because a run does this
 * for every subscription: no copies of the candidates and no full sort.
 */
function topDeals<T extends DealToMatch>(
  grid: DealGrid<T>,
  place: PlaceToMatch,
  userId: bigint,
  alreadySent: (userId: bigint, dealId: number) => boolean,
  now: Date,
  k: number,
): Ranked[] {
  const top: Ranked[] = [];
  const distanceTo = distancesFrom(place);
  for (const deal of grid.near(place.lat, place.lng, place.radiusM)) {
    if (place.categories.length > 0 && !place.categories.includes(deal.category)) continue;
    const distanceM = distanceTo(deal);
    if (distanceM > place.radiusM) continue;
    const input = { id: deal.id, distanceM, priceMinor: deal.priceMinor, originalPriceMinor: deal.originalPriceMinor, soldCount: deal.soldCount, startsAt: deal.startsAt };
    const ranked = { id: deal.id, distanceM, subscriptionId: place.id, score: score(input, place.radiusM, now) };
    if (top.length === k && byRank(ranked, top[k - 1]!) >= 0) continue;
    if (alreadySent(userId, deal.id)) continue;
    top.push(ranked);
    top.sort(byRank);
    if (top.length > k) top.pop();
  }
  return top;
}

/** Whether a place may receive a digest now. */
function mayReceive(place: PlaceToMatch, now: Date): boolean {
  return place.sentToday < place.dailyMax && !isQuiet(now, place.timeZone, place);
}

export function planDigests({
  places,
  deals,
  alreadySent,
  now,
  digestSize = DIGEST_SIZE,
}: {
  places: PlaceToMatch[];
  deals: DealToMatch[];
  /** Whether this deal was pushed to this user before. */
  alreadySent(userId: bigint, dealId: number): boolean;
  now: Date;
  digestSize?: number;
}): PlannedDigest[] {
  const grid = new DealGrid(deals);
  const byUser = new Map<bigint, PlaceToMatch[]>();
  for (const place of places) {
    if (!mayReceive(place, now)) continue;
    const list = byUser.get(place.userId);
    if (list) list.push(place);
    else byUser.set(place.userId, [place]);
  }

  const digests: PlannedDigest[] = [];
  for (const [userId, userPlaces] of byUser) {
    // The best score an deal gets from any of the user's places.
    const best = new Map<number, Ranked>();
    for (const place of userPlaces) {
      // Only a place's own top deals can make the user's top: any other deal
      // has `digestSize` better ones from this place alone.
      for (const top of topDeals(grid, place, userId, alreadySent, now, digestSize)) {
        const seen = best.get(top.id);
        if (!seen || top.score > seen.score) best.set(top.id, top);
      }
    }
    if (best.size === 0) continue;
    const items = [...best.values()]
      .sort(byRank)
      .slice(0, digestSize)
      .map((r) => ({ dealId: r.id, subscriptionId: r.subscriptionId }));
    digests.push({ userId, items });
  }
  return digests;
}
