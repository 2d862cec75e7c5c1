import { describe, expect, it } from "vitest";
import { createRandom, offsetMeters } from "../seed/random.js";
import { rankWithinRadius } from "./nearby.js";
import { planDigests, type DealToMatch, type PlaceToMatch } from "./push-matching.js";

const NOW = new Date("2026-05-04T03:00:00Z"); // 11:00 in Shanghai
const CENTER = { lat: 31.2304, lng: 121.4737 };

function world(seed: number) {
  const random = createRandom(seed);
  const deals: DealToMatch[] = Array.from({ length: 300 }, (_, i) => ({
    id: i + 1,
    shopId: i + 1,
    ...offsetMeters(CENTER.lat, CENTER.lng, random.gaussian() * 8000, random.gaussian() * 8000),
    category: random.pick(["food", "cafe", "fun"]),
    priceMinor: random.int(100, 900),
    originalPriceMinor: 1000,
    soldCount: random.int(0, 500),
    startsAt: new Date(NOW.getTime() - random.int(0, 48) * 3_600_000),
  }));
  const places: PlaceToMatch[] = Array.from({ length: 200 }, (_, i) => ({
    id: i + 1,
    userId: BigInt(1 + (i % 120)),
    ...offsetMeters(CENTER.lat, CENTER.lng, random.gaussian() * 10_000, random.gaussian() * 10_000),
    radiusM: random.pick([1000, 3000, 5000, 10_000, 25_000]),
    categories: random.chance(0.5) ? [] : [random.pick(["food", "cafe", "fun"])],
    timeZone: "Asia/Shanghai",
    dailyMax: 3,
    sentToday: random.pick([0, 1, 3]),
    quietStart: 22 * 60,
    quietEnd: 8 * 60,
  }));
  const sent = new Set(Array.from({ length: 2000 }, () => `${random.int(1, 120)}:${random.int(1, 300)}`));
  return { deals, places, alreadyHas: (u: bigint, d: number) => sent.has(`${u}:${d}`) };
}

describe("matching subscribers to new deals", () => {
  it("gives each user the top deals of the nearby ranking over their open places, as a full scan does", () => {
    for (const seed of [1, 2, 3]) {
      const { deals, places, alreadyHas } = world(seed);
      const planned = planDigests({ places, deals, alreadyHas, now: NOW });
      // The same thing, slowly: rank every deal for every eligible place with the nearby list's code.
      const expected = new Map<bigint, { id: number; score: number; distanceM: number }[]>();
      for (const place of places.filter((p) => p.sentToday < p.dailyMax)) {
        const candidates = deals.filter((o) => (place.categories.length === 0 || place.categories.includes(o.category)) && !alreadyHas(place.userId, o.id));
        const ranked = rankWithinRadius(candidates, place, place.radiusM, NOW, Infinity);
        const list = expected.get(place.userId) ?? [];
        for (const r of ranked) {
          const seen = list.find((x) => x.id === r.id);
          if (!seen) list.push({ id: r.id, score: r.score, distanceM: r.distanceM });
          else if (r.score > seen.score) Object.assign(seen, { score: r.score, distanceM: r.distanceM });
        }
        expected.set(place.userId, list);
      }
      const want = [...expected.entries()]
        .filter(([, list]) => list.length > 0)
        .map(([userId, list]) => ({
          userId,
          ids: list.sort((a, b) => b.score - a.score || a.distanceM - b.distanceM || a.id - b.id).slice(0, 3).map((x) => x.id),
        }));
      const got = planned.map((d) => ({ userId: d.userId, ids: d.items.map((i) => i.dealId) }));
      const byUser = (a: { userId: bigint }, b: { userId: bigint }) => Number(a.userId - b.userId);
      expect(got.sort(byUser)).toEqual(want.sort(byUser));
      expect(got.length).toBeGreaterThan(20);
    }
  });

  it("ranks a digest with the shops' ratings, as the nearby list does: a well-reviewed shop's equal offer first", () => {
    const offer = (id: number, shopId: number, ratingSum: number, ratingCount: number): DealToMatch => ({
      id, shopId, ...CENTER, category: "food", priceMinor: 500, originalPriceMinor: 1000, soldCount: 0, startsAt: NOW, ratingSum, ratingCount,
    });
    const place: PlaceToMatch = { id: 1, userId: 1n, ...CENTER, radiusM: 1000, categories: [], timeZone: "UTC", dailyMax: 3, sentToday: 0, quietStart: 0, quietEnd: 0 };
    // Two 5-star reviews do not beat 300 at 4.8 (the prior); the unreviewed shop comes next, and a digest's three leave the 2-star one out.
    const deals = [offer(1, 1, 2 * 5, 2), offer(2, 2, 300 * 4.8, 300), offer(3, 3, 0, 0), offer(4, 4, 40 * 2, 40)];
    const [digest] = planDigests({ places: [place], deals, alreadyHas: () => false, now: NOW });
    expect(digest!.items.map((i) => i.dealId)).toEqual([2, 1, 3]);
  });

  it("holds places in quiet hours or at their daily maximum", () => {
    const deal: DealToMatch = { id: 1, shopId: 1, ...CENTER, category: "food", priceMinor: 5, originalPriceMinor: 10, soldCount: 0, startsAt: NOW };
    const place: PlaceToMatch = { id: 1, userId: 1n, ...CENTER, radiusM: 1000, categories: [], timeZone: "Asia/Shanghai", dailyMax: 3, sentToday: 0, quietStart: 22 * 60, quietEnd: 8 * 60 };
    const plan = (p: Partial<PlaceToMatch>, now = NOW) => planDigests({ places: [{ ...place, ...p }], deals: [deal], alreadyHas: () => false, now });
    expect(plan({})).toHaveLength(1);
    expect(plan({ sentToday: 3 })).toEqual([]);
    expect(plan({}, new Date("2026-05-04T15:00:00Z"))).toEqual([]); // 23:00 in Shanghai
    expect(plan({ timeZone: "America/New_York" }, new Date("2026-05-04T15:00:00Z"))).toHaveLength(1); // 11:00 there
  });
});

describe("matching followers to their followed shops' new deals", () => {
  const deal = (id: number, shopId: number, at: { lat: number; lng: number }, discount = 0.5): DealToMatch => ({
    id,
    shopId,
    ...at,
    category: "food",
    priceMinor: Math.round(1000 * (1 - discount)),
    originalPriceMinor: 1000,
    soldCount: 0,
    startsAt: NOW,
  });
  const far = { lat: 40.758, lng: -73.9855 }; // New York, 11 800 km from the places
  const place: PlaceToMatch = { id: 9, userId: 1n, ...CENTER, radiusM: 3000, categories: [], timeZone: "Asia/Shanghai", dailyMax: 3, sentToday: 0, quietStart: 22 * 60, quietEnd: 8 * 60 };
  const follower = { userId: 1n, shopIds: [7], timeZone: "Asia/Shanghai", sentToday: 0 };

  it("adds a followed shop's deals wherever they are, ahead of a place's equal deals, attributed to the shop", () => {
    const deals = [deal(1, 7, far), deal(2, 8, CENTER), deal(3, 8, far)];
    const [digest] = planDigests({ places: [place], followers: [follower], deals, alreadyHas: () => false, now: NOW });
    expect(digest!.items).toEqual([
      { dealId: 1, subscriptionId: null, followedShopId: 7 },
      { dealId: 2, subscriptionId: 9, followedShopId: null },
    ]);
  });

  it("plans for a follower with no place, and keeps their quiet hours, daily maximum and what they already got", () => {
    const deals = [deal(1, 7, far), deal(2, 7, far, 0.2)];
    const plan = (f: Partial<typeof follower>, alreadyHas = (_u: bigint, _d: number) => false, now = NOW) =>
      planDigests({ places: [], followers: [{ ...follower, ...f }], deals, alreadyHas, now });
    expect(plan({})[0]!.items.map((i) => i.dealId)).toEqual([1, 2]);
    expect(plan({}, (_u, d) => d === 1)[0]!.items.map((i) => i.dealId)).toEqual([2]);
    expect(plan({ sentToday: 3 })).toEqual([]);
    expect(plan({}, undefined, new Date("2026-05-04T15:00:00Z"))).toEqual([]); // 23:00 in Shanghai
    expect(plan({ timeZone: "America/New_York" }, undefined, new Date("2026-05-04T15:00:00Z"))).toHaveLength(1); // 11:00 there
    expect(plan({ shopIds: [8] })).toEqual([]);
  });
});
