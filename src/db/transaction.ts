// What the repositories that write under locks share: the transaction that
// may wait long for its lock, and the unique violation that says a racing
// write committed first.
import { Prisma } from "../generated/prisma/client.js";
import { retryWhenBusy } from "./busy-retry.js";
import type { Db } from "./client.js";

/** The client a transaction's work is handed. */
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

/** How long a locking transaction may wait for a connection, and may run. */
const LOCK_WAIT_MS = 20_000;

/**
 * A transaction run again when the database was busy (busy-retry.ts), allowed
 * 20 s to get its connection and 20 s to finish. Racing buyers of one deal
 * (and racing grants of one reward) queue on its lock, on PostgreSQL each
 * holding a pooled connection meanwhile: waiting for a connection or for the
 * lock is the queue working, not a fault. The clients' own limits are
 * shorter: Prisma's defaults on SQLite (2 s to get a connection, 5 s to
 * finish), TRANSACTION_LIMITS on PostgreSQL (10 s to get one; see
 * postgres-client.ts).
 */
export function lockingTransaction(db: Db): <T>(work: (tx: Tx) => Promise<T>) => Promise<T> {
  return (work) => retryWhenBusy(() => db.$transaction(work, { maxWait: LOCK_WAIT_MS, timeout: LOCK_WAIT_MS }));
}

/** The write broke a unique constraint: the same row was written first by someone else. */
export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}
