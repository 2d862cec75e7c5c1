/**
 * A lease per job: whichever process takes it runs the job; the others see it
 * held and skip. Each write is atomic, so two processes cannot both win.
 */
export interface JobLeaseRepository {
  /**
   * Takes the lease for `slot` when it is free (expired) and that slot has
   * not run yet: a slot that already ran is not run again by a process that
   * asks a moment later.
   */
  acquire(name: string, slot: string, holder: string, now: Date, ttlMs: number): Promise<boolean>;
  /** Extends a lease its holder still has; false when it was lost. */
  renew(name: string, holder: string, now: Date, ttlMs: number): Promise<boolean>;
  release(name: string, holder: string, now: Date): Promise<void>;
}
