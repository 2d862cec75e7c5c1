import type { Clock } from "./clock.js";

/**
 * At most `limit` uses per key in any sliding window of `windowMs`. In memory:
 * it guards the model bill of one process, and forgetting it on a restart only
 * hands out a few extra requests.
 */
export function createRateLimiter({ limit, windowMs, clock }: { limit: number; windowMs: number; clock: Clock }) {
  const uses = new Map<string, number[]>();
  return {
    /** Counts a use and says whether it was allowed. */
    take(key: string): boolean {
      const now = clock().getTime();
      const recent = (uses.get(key) ?? []).filter((at) => now - at < windowMs);
      const allowed = recent.length < limit;
      if (allowed) recent.push(now);
      if (recent.length) uses.set(key, recent);
      else uses.delete(key);
      return allowed;
    },
  };
}
