/**
 * A read-only connection for the hottest reads (the nearby search, the user
 * behind each update), beside Prisma's: each distinct statement is prepared
 * once and rows come as arrays of plain values (dates as ISO text or Date).
 * Through the client the same search costs twice as much: it prepares the
 * statement on every call and converts every value (measured). It sees what
 * Prisma has committed, not what an open transaction has written. Statements
 * use `?` placeholders on both databases (and no `?` in their text otherwise).
 */
export interface Reader {
  rows(sql: string, values: readonly unknown[]): Promise<unknown[][]>;
}

/**
 * One write statement straight on the driver, outside any transaction, for
 * queued writes that many requests add to (the impressions of every list
 * shown). Through the client, 100 events cost 2.2 ms of the process's time,
 * 0.5 ms of it SQLite's (measured): the rest held every request waiting
 * behind the write. Same `?` placeholders and values as Reader.
 */
export interface DirectWriter {
  run(sql: string, values: readonly unknown[]): Promise<void>;
}

/** Statement texts a connection keeps prepared: the app has a few hundred; the cap only keeps a mistake from growing without end. */
export const MAX_STATEMENTS = 1000;
