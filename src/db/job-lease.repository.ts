// A lease per job in the database: whichever process writes it first runs the
// job; the others see it held and skip. Each write is one statement, so two
// processes racing on the same SQLite file cannot both win.
import type { JobLeaseRepository } from "../core/ports/job-lease.port.js";
import type { Db } from "./client.js";

export function createJobLeaseRepository(db: Db): JobLeaseRepository {
  return {
    /**
     * Takes the lease for `slot` when it is free (expired) and that slot has
     * not run yet: a slot that already ran is not run again by a process
     * that asks a moment later.
     */
    async acquire(name: string, slot: string, holder: string, now: Date, ttlMs: number): Promise<boolean> {
      const expiresAt = new Date(now.getTime() + ttlMs);
      const changed = await db.$executeRaw`
        INSERT INTO "JobLease" ("name", "holder", "expiresAt", "slot") VALUES (${name}, ${holder}, ${expiresAt}, ${slot})
        ON CONFLICT ("name") DO UPDATE SET "holder" = excluded."holder", "expiresAt" = excluded."expiresAt", "slot" = excluded."slot"
        WHERE "JobLease"."expiresAt" <= ${now} AND "JobLease"."slot" <> excluded."slot"`;
      return changed === 1;
    },
    /** Extends a lease its holder still has; false when it was lost (it had expired and was taken). */
    async renew(name: string, holder: string, now: Date, ttlMs: number): Promise<boolean> {
      const { count } = await db.jobLease.updateMany({
        where: { name, holder },
        data: { expiresAt: new Date(now.getTime() + ttlMs) },
      });
      return count === 1;
    },
    async release(name: string, holder: string, now: Date): Promise<void> {
      await db.jobLease.updateMany({ where: { name, holder }, data: { expiresAt: now } });
    },
  };
}
