import type { Clock } from "./clock.js";

/** The answers to recent identical requests, each kept for `ttlMs`; the oldest go first beyond `max`. */
export function createRecentCache<T>({ ttlMs, max, clock }: { ttlMs: number; max: number; clock: Clock }) {
  const entries = new Map<string, { value: T; at: number }>();
  return {
    get(key: string): T | undefined {
      const entry = entries.get(key);
      if (!entry) return undefined;
      if (clock().getTime() - entry.at >= ttlMs) {
        entries.delete(key);
        return undefined;
      }
      return entry.value;
    },
    set(key: string, value: T): void {
      entries.delete(key); // re-inserted last: Map keeps insertion order
      entries.set(key, { value, at: clock().getTime() });
      if (entries.size > max) entries.delete(entries.keys().next().value!);
    },
  };
}
