// What bot instances sharing one database must agree on, kept there rather
// than in a process's memory: rate limits, the language model's recent
// answers, and the webhook updates already taken in.

/** A rate limit's uses per key, changed only by compare-and-set. */
export interface RateLimitRepository {
  /** The uses kept for `key` and the version they were read at; null when there are none. */
  read(key: string): Promise<{ uses: Date[]; version: number } | null>;
  /**
   * Writes `uses` for `key` if the row is still at `version` (null: if there
   * is still no row). False when another writer came first: read again.
   */
  write(key: string, uses: Date[], version: number | null, now: Date): Promise<boolean>;
  /** Forgets the keys not used since `before`. */
  forgetBefore(before: Date): Promise<number>;
}

/** The language model's answers to recent requests. */
export interface ModelAnswerRepository {
  /** The answer kept for `key` if it was given at or after `since`. */
  get(key: string, since: Date): Promise<unknown>;
  put(key: string, answer: unknown, at: Date): Promise<void>;
  forgetBefore(before: Date): Promise<number>;
}

/** Webhook updates taken in, by update_id. */
export interface TakenUpdateRepository {
  /** Records the update as taken; false when it was taken already (by any instance). */
  claim(updateId: number, at: Date): Promise<boolean>;
  forgetBefore(before: Date): Promise<number>;
}
