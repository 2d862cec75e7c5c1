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
