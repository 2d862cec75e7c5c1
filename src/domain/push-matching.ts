// Which deals go to which subscriber in one push run. Pure: the job loads the
// subscriptions, the fresh deals and what was already sent, and this decides.
//
// A subscriber gets at most one digest per run: the best deals, ranked like
// the nearby list, from every place of theirs that may receive one now (not in
// its quiet hours, under its daily maximum), and the new offers of the shops
// they follow, wherever those are (when their follows may receive one now, on
// their own clock, under the same maximum). A deal already pushed to the user,
// or bought by them, is never pushed.
import { isQuiet, type QuietHours } from "./local-time.js";
import { distancesFrom } from "./geo.js";
import type { Positioned } from "./nearby.js";
import { score, type RankInput } from "./ranking.js";
import { FOLLOW_PUSH } from "./follow.js";

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

/** A user's followed shops: one source of their digests, with its own clock and daily count. */
export interface FollowerToMatch {
  userId: bigint;
  shopIds: number[];
  /** The user's own time zone (personalTimeZone), for the quiet hours and the day. */
  timeZone: string;
  /** Digests that carried a followed shop's offer since the user's local midnight. */
  sentToday: number;
}

export interface DealToMatch extends Positioned {
  category: string;
  shopId: number;
  /** The shop's rating totals (see rating.ts); absent counts as no reviews. */
  ratingSum?: number;
  ratingCount?: number;
}

/** An offer in a digest: brought by a place, or by a followed shop. */
export type PlannedItem = { dealId: number } & ({ subscriptionId: number; followedShopId: null } | { subscriptionId: null; followedShopId: number });

export interface PlannedDigest {
  userId: bigint;
  items: PlannedItem[];
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

/** What the score reads of a deal at this distance. */
function rankInputOf(deal: DealToMatch, distanceM: number): RankInput {
  const { id, priceMinor, originalPriceMinor, soldCount, startsAt, ratingSum, ratingCount } = deal;
  return { id, distanceM, priceMinor, originalPriceMinor, soldCount, startsAt, ratingSum, ratingCount };
}

type Ranked = {
  id: number;
  score: number;
  distanceM: number;
} & Omit<PlannedItem, "dealId">;

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
  alreadyHas: (userId: bigint, dealId: number) => boolean,
  now: Date,
  k: number,
): Ranked[] {
  const top: Ranked[] = [];
  const distanceTo = distancesFrom(place);
  for (const deal of grid.near(place.lat, place.lng, place.radiusM)) {
    if (place.categories.length > 0 && !place.categories.includes(deal.category)) continue;
    const distanceM = distanceTo(deal);
    if (distanceM > place.radiusM) continue;
    const input = rankInputOf(deal, distanceM);
    const ranked: Ranked = { id: deal.id, distanceM, subscriptionId: place.id, followedShopId: null, score: score(input, place.radiusM, now) };
    if (top.length === k && byRank(ranked, top[k - 1]!) >= 0) continue;
    if (alreadyHas(userId, deal.id)) continue;
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

/** Whether a user's follows may bring a digest now. */
function followsMayReceive(follower: FollowerToMatch, now: Date): boolean {
  return follower.sentToday < FOLLOW_PUSH.dailyMax && !isQuiet(now, follower.timeZone, FOLLOW_PUSH);
}

/**
 * A followed shop's new offers, scored as if the shop were at the user's door
 * (full proximity): the user asked for this shop wherever it is, so its
 * offers rank by discount, popularity and freshness, ahead of a place's
 * offers that are equal on those.
 */
function followedDeals<T extends DealToMatch>(
  byShop: Map<number, T[]>,
  follower: FollowerToMatch,
  alreadyHas: (userId: bigint, dealId: number) => boolean,
  now: Date,
): Ranked[] {
  const found: Ranked[] = [];
  for (const shopId of follower.shopIds) {
    for (const deal of byShop.get(shopId) ?? []) {
      if (alreadyHas(follower.userId, deal.id)) continue;
      const input = rankInputOf(deal, 0);
      found.push({ id: deal.id, distanceM: 0, subscriptionId: null, followedShopId: shopId, score: score(input, 1, now) });
    }
  }
  return found;
}

export function planDigests({
  places,
  followers = [],
  deals,
  alreadyHas,
  now,
  digestSize = DIGEST_SIZE,
}: {
  places: PlaceToMatch[];
  /** Users who follow shops among the deals' shops. */
  followers?: FollowerToMatch[];
  deals: DealToMatch[];
  /** Whether this user has this deal already: pushed before, or bought. */
  alreadyHas(userId: bigint, dealId: number): boolean;
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

  const byShop = new Map<number, DealToMatch[]>();
  const following = new Map<bigint, FollowerToMatch>();
  for (const follower of followers) {
    if (!followsMayReceive(follower, now)) continue;
    following.set(follower.userId, follower);
    if (!byUser.has(follower.userId)) byUser.set(follower.userId, []);
  }
  if (following.size > 0) {
    for (const deal of deals) {
      const list = byShop.get(deal.shopId);
      if (list) list.push(deal);
      else byShop.set(deal.shopId, [deal]);
    }
  }

  const digests: PlannedDigest[] = [];
  for (const [userId, userPlaces] of byUser) {
    // The best score a deal gets from any of the user's places or follows.
    const best = new Map<number, Ranked>();
    const follower = following.get(userId);
    if (follower) for (const top of followedDeals(byShop, follower, alreadyHas, now)) best.set(top.id, top);
    for (const place of userPlaces) {
      // Only a place's own top deals can make the user's top: any other deal
      // has `digestSize` better ones from this place alone.
      for (const top of topDeals(grid, place, userId, alreadyHas, now, digestSize)) {
        const seen = best.get(top.id);
        if (!seen || top.score > seen.score) best.set(top.id, top);
      }
    }
    if (best.size === 0) continue;
    const items = [...best.values()]
      .sort(byRank)
      .slice(0, digestSize)
      .map((r): PlannedItem => (r.followedShopId === null ? { dealId: r.id, subscriptionId: r.subscriptionId!, followedShopId: null } : { dealId: r.id, subscriptionId: null, followedShopId: r.followedShopId }));
    digests.push({ userId, items });
  }
  return digests;
}
