// Which offers go to which subscriber in one push run. Pure: the job loads the
// subscriptions, the fresh offers and what was already sent, and this decides.
//
// A subscriber gets at most one digest per run: the best offers, ranked like
// the nearby list, from every place of theirs that may receive one now (not in
// its quiet hours, under its daily maximum). An offer already pushed to the
// user is never pushed again.
import { isQuiet, type QuietHours } from "./local-time.js";
import { withinRadius, type Positioned } from "./nearby.js";
import { rank } from "./ranking.js";

/** Offers in one digest: the top of the ranking. */
export const DIGEST_SIZE = 3;
/** Offers that went on sale within this window count as new for pushes. */
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

export interface OfferToMatch extends Positioned {
  category: string;
}

export interface PlannedDigest {
  userId: bigint;
  items: { dealId: number; subscriptionId: number }[];
}

/** Offers bucketed in a coarse lat/lng grid, so a place looks only at the cells around it. */
const CELL_DEG = 0.25;
const LNG_CELLS = Math.round(360 / CELL_DEG);
const M_PER_DEG_LAT = 111_320;

class OfferGrid<T extends OfferToMatch> {
  private readonly cells = new Map<number, T[]>();

  constructor(offers: T[]) {
    for (const offer of offers) {
      const key = this.key(Math.floor(offer.lat / CELL_DEG), Math.floor(offer.lng / CELL_DEG));
      const list = this.cells.get(key);
      if (list) list.push(offer);
      else this.cells.set(key, [offer]);
    }
  }

  private key(row: number, col: number): number {
    return row * LNG_CELLS + (((col % LNG_CELLS) + LNG_CELLS) % LNG_CELLS);
  }

  /** Every offer in the cells that the circle's bounding box touches (a superset of the circle). */
  near(lat: number, lng: number, radiusM: number): T[] {
    if (this.cells.size === 0) return [];
    const dLat = radiusM / M_PER_DEG_LAT + 0.01;
    const cos = Math.cos((Math.min(89, Math.abs(lat)) * Math.PI) / 180);
    const dLng = Math.min(180, radiusM / (M_PER_DEG_LAT * cos) + 0.01);
    const found: T[] = [];
    const colFrom = Math.floor((lng - dLng) / CELL_DEG);
    const colTo = Math.min(colFrom + LNG_CELLS - 1, Math.floor((lng + dLng) / CELL_DEG));
    for (let row = Math.floor((lat - dLat) / CELL_DEG); row <= Math.floor((lat + dLat) / CELL_DEG); row++) {
      for (let col = colFrom; col <= colTo; col++) {
        const list = this.cells.get(this.key(row, col));
        if (list) for (const offer of list) found.push(offer);
      }
    }
    return found;
  }
}

/** Whether a place may receive a digest now. */
export function mayReceive(place: PlaceToMatch, now: Date): boolean {
  return place.sentToday < place.dailyMax && !isQuiet(now, place.timeZone, place);
}

export function planDigests({
  places,
  offers,
  alreadySent,
  now,
  digestSize = DIGEST_SIZE,
}: {
  places: PlaceToMatch[];
  offers: OfferToMatch[];
  /** Whether this offer was pushed to this user before. */
  alreadySent(userId: bigint, dealId: number): boolean;
  now: Date;
  digestSize?: number;
}): PlannedDigest[] {
  const grid = new OfferGrid(offers);
  const byUser = new Map<bigint, PlaceToMatch[]>();
  for (const place of places) {
    if (!mayReceive(place, now)) continue;
    const list = byUser.get(place.userId);
    if (list) list.push(place);
    else byUser.set(place.userId, [place]);
  }

  const digests: PlannedDigest[] = [];
  for (const [userId, userPlaces] of byUser) {
    // The best score an offer gets from any of the user's places.
    const best = new Map<number, { score: number; distanceM: number; subscriptionId: number }>();
    for (const place of userPlaces) {
      const candidates = grid
        .near(place.lat, place.lng, place.radiusM)
        .filter(
          (o) =>
            (place.categories.length === 0 || place.categories.includes(o.category)) && !alreadySent(userId, o.id),
        );
      if (candidates.length === 0) continue;
      for (const offer of rank(withinRadius(candidates, place, place.radiusM), place.radiusM, now)) {
        const seen = best.get(offer.id);
        if (!seen || offer.score > seen.score) {
          best.set(offer.id, { score: offer.score, distanceM: offer.distanceM, subscriptionId: place.id });
        }
      }
    }
    if (best.size === 0) continue;
    const items = [...best.entries()]
      .sort(([idA, a], [idB, b]) => b.score - a.score || a.distanceM - b.distanceM || idA - idB)
      .slice(0, digestSize)
      .map(([dealId, { subscriptionId }]) => ({ dealId, subscriptionId }));
    digests.push({ userId, items });
  }
  return digests;
}
