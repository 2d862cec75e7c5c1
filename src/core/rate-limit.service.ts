// Rate limits shared by every bot instance on the database: a user's model
// requests, a user's guesses at voucher codes. The domain decides what a use
// makes of the uses kept (domain/rate-limit.ts); the repository writes the
// result only if nobody changed them since they were read, and a loser reads
// again. So two instances never both take the last use.
import { isSpent, withoutUse, withUse, type RateLimit } from "../domain/rate-limit.js";
import type { RateLimitRepository } from "./ports/shared-state.port.js";
import type { Clock } from "../util/clock.js";

/** Each lost race means another writer won: this bounds only a runaway loop. */
const ATTEMPTS = 100;

/** A use taken: give it back when it turns out not to count. */
export interface Use {
  giveBack(): Promise<void>;
}

export interface RateLimiter {
  /** Takes a use of `key`; null when its limit is reached. */
  take(key: string): Promise<Use | null>;
  /** Whether `key` has reached its limit (nothing taken). */
  spent(key: string): Promise<boolean>;
}

export function createRateLimiter(
  { limits, clock }: { limits: RateLimitRepository; clock: Clock },
  /** Prefixes the keys: one table holds every limit. */
  scope: string,
  rule: RateLimit,
): RateLimiter {
  /** Applies `next` to the key's uses with a compare-and-set; false when `next` refuses. */
  async function change(key: string, now: Date, next: (uses: Date[]) => Date[] | null): Promise<boolean> {
    for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
      const kept = await limits.read(key);
      const uses = next(kept?.uses ?? []);
      if (!uses) return false;
      if (await limits.write(key, uses, kept?.version ?? null, now)) return true;
    }
    throw new Error(`rate limit ${key}: lost ${ATTEMPTS} races in a row`);
  }

  return {
    async take(name) {
      const key = `${scope}:${name}`;
      const at = clock();
      if (!(await change(key, at, (uses) => withUse(uses, at, rule)))) return null;
      return {
        giveBack: async () => {
          const now = clock();
          await change(key, now, (uses) => withoutUse(uses, at, now, rule));
        },
      };
    },
    async spent(name) {
      const kept = await limits.read(`${scope}:${name}`);
      return kept !== null && isSpent(kept.uses, clock(), rule);
    },
  };
}
