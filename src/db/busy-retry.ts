// SQLite lets one writer in at a time. Prisma's adapter opens transactions
// with a plain (deferred) BEGIN, and when two processes write at once the
// loser can get SQLITE_BUSY at once instead of waiting (a stale WAL snapshot is
// never waited for). The transaction rolled back entirely, so running it again
// is safe: every one of ours decides with a conditional write.
// Outside a transaction, Prisma's SQLite adapter reports SQLITE_BUSY as a timeout.
// PostgreSQL waits for locks instead, but when two transactions wait on each
// other (two digests' events bumping the same counter rows in other orders,
// through the counting trigger) it aborts one of them, whole, as a deadlock:
// that one is run again too.
const BUSY = /SQLITE_BUSY|database is locked|Operation has timed out|deadlock detected/;
const ATTEMPTS = 50;

export async function retryWhenBusy<T>(work: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (attempt >= ATTEMPTS || !BUSY.test(String((error as Error)?.message))) throw error;
      // A short, growing, jittered pause lets the other writer commit.
      await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(100, 5 * attempt)));
    }
  }
}
