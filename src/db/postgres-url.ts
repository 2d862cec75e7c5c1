// What a PostgreSQL DATABASE_URL says about connecting, beyond what pg reads:
// the parameters Prisma's own engine takes, with the same meaning.
import type pg from "pg";

/**
 * The writers' pool as the URL sets it: `connection_limit`, the parameter
 * Prisma's own engine reads, is each instance's pool size (pg's default, 10,
 * without it). It and `pgbouncer` (see behindPooler) are taken off the URL pg
 * connects with.
 */
export function writerPool(databaseUrl: string): pg.PoolConfig {
  const url = new URL(databaseUrl);
  const limit = url.searchParams.get("connection_limit");
  url.searchParams.delete("connection_limit");
  url.searchParams.delete("pgbouncer");
  if (limit === null) return { connectionString: url.toString() };
  const max = Number(limit);
  if (!Number.isInteger(max) || max < 1) throw new Error(`DATABASE_URL: connection_limit must be a whole number ≥ 1, not "${limit}"`);
  return { connectionString: url.toString(), max };
}

/**
 * `pgbouncer=true` (Prisma's own parameter, with the same meaning): a pooler
 * in transaction mode stands between the app and the server, so a server
 * connection serves it for one transaction at a time. Nothing may outlive
 * one: no prepared statements, no settings at connection start (which PgBouncer
 * refuses: "unsupported startup parameter: options").
 */
export function behindPooler(databaseUrl: string): boolean {
  return new URL(databaseUrl).searchParams.get("pgbouncer") === "true";
}
