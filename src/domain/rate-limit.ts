// A rate limit: at most `limit` uses of one key (a user's model requests, a
// user's wrong voucher codes) in any sliding window of `windowMs`. The uses
// are kept as their times; these rules say what a new use makes of them.

export interface RateLimit {
  limit: number;
  windowMs: number;
}

/**
 * Cards one user may have Telegram prepare for the Mini App's share sheet in
 * an hour: each is a Bot API call on the bot's account. Past it, the app
 * shares through inline mode, which calls nothing.
 */
export const PREPARED_SHARES: RateLimit = { limit: 30, windowMs: 3_600_000 };

/** Telegram's unpublished but known limit on a bot's messages in one group: about 20 a minute. */
export const GROUP_POSTS: RateLimit = { limit: 20, windowMs: 60_000 };

/** The uses still inside the window that ends at `now`, oldest first. */
export function usesInWindow(uses: readonly Date[], now: Date, { windowMs }: RateLimit): Date[] {
  return uses.filter((at) => now.getTime() - at.getTime() < windowMs).sort((a, b) => a.getTime() - b.getTime());
}

/** Whether another use would go past the limit. */
export function isSpent(uses: readonly Date[], now: Date, rule: RateLimit): boolean {
  return usesInWindow(uses, now, rule).length >= rule.limit;
}

/** The uses with one more at `now`; null when the limit is reached. */
export function withUse(uses: readonly Date[], now: Date, rule: RateLimit): Date[] | null {
  const recent = usesInWindow(uses, now, rule);
  return recent.length < rule.limit ? [...recent, now] : null;
}

/** The uses without the one taken at `at` (given back: it turned out not to count). */
export function withoutUse(uses: readonly Date[], at: Date, now: Date, rule: RateLimit): Date[] {
  const recent = usesInWindow(uses, now, rule);
  const index = recent.findIndex((use) => use.getTime() === at.getTime());
  return recent.filter((_, i) => i !== index);
}
