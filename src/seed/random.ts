// A small seeded PRNG so demo data, tests and benchmarks are the same on every run.

export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  int(min: number, maxInclusive: number): number;
  pick<T>(items: readonly T[]): T;
  chance(p: number): boolean;
  /** Standard normal (Box–Muller). */
  gaussian(): number;
}

/** mulberry32: 32 bits of state, fast, and good enough for test data. */
export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min, maxInclusive) => min + Math.floor(next() * (maxInclusive - min + 1)),
    pick<T>(items: readonly T[]): T {
      if (items.length === 0) throw new Error("pick from an empty list");
      return items[Math.floor(next() * items.length)] as T;
    },
    chance: (p) => next() < p,
    gaussian() {
      const u = 1 - next();
      const v = next();
      return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    },
  };
}

const EARTH_RADIUS_M = 6_371_000;

/** A point about `dxM` east and `dyM` north of (lat, lng), longitude wrapped into range. */
export function offsetMeters(lat: number, lng: number, dxM: number, dyM: number): { lat: number; lng: number } {
  const newLat = Math.max(-89.9, Math.min(89.9, lat + (dyM / EARTH_RADIUS_M) * (180 / Math.PI)));
  const cos = Math.max(0.01, Math.cos((newLat * Math.PI) / 180));
  let newLng = lng + (dxM / (EARTH_RADIUS_M * cos)) * (180 / Math.PI);
  while (newLng > 180) newLng -= 360;
  while (newLng < -180) newLng += 360;
  return { lat: newLat, lng: newLng };
}
