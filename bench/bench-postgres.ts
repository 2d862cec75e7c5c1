// The PostgreSQL side of the benchmarks: a database of its own per benchmark
// on the server BENCH_POSTGRES_URL names (or TEST_POSTGRES_URL, or the local
// server), migrated as the app migrates, dropped afterwards, and bulk loading
// through `pg` (one INSERT … SELECT FROM unnest(arrays) per batch: one round
// trip and one plan for thousands of rows, several times faster than rows one
// by one).
import { randomBytes } from "node:crypto";
import pg from "pg";
import { applyPostgresMigrations } from "../src/db/migrate-postgres.js";

export const BENCH_POSTGRES_URL =
  process.env.BENCH_POSTGRES_URL || process.env.TEST_POSTGRES_URL || "postgresql://postgres@127.0.0.1:5432/postgres";

/** Whether the server answers; the benchmarks say so and go on with SQLite alone when it does not. */
export async function postgresAvailable(): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: BENCH_POSTGRES_URL, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    const { rows } = await client.query(`SELECT 1 FROM pg_available_extensions WHERE name = 'postgis'`);
    return rows.length === 0 ? "PostGIS is not installed on that server" : undefined;
  } catch (error) {
    return (error as Error).message;
  } finally {
    await client.end().catch(() => {});
  }
}

export interface BenchDatabase {
  url: string;
  drop(): Promise<void>;
}

/** A new, migrated database on the bench server. */
export async function createBenchDatabase(label: string): Promise<BenchDatabase> {
  const name = `nearbuy_bench_${label}_${process.pid}_${randomBytes(3).toString("hex")}`;
  const onServer = async (sql: string) => {
    const admin = new pg.Client({ connectionString: BENCH_POSTGRES_URL });
    await admin.connect();
    try {
      await admin.query(sql);
    } finally {
      await admin.end();
    }
  };
  await onServer(`CREATE DATABASE "${name}"`);
  const url = new URL(BENCH_POSTGRES_URL);
  url.pathname = `/${name}`;
  await applyPostgresMigrations(url.toString());
  return { url: url.toString(), drop: () => onServer(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
}

export type Column = { name: string; type: string };

/**
 * Collects rows and inserts them `batch` at a time as column arrays:
 * `INSERT INTO t (…) SELECT * FROM unnest($1::int[], $2::text[], …)`.
 */
export function bulkInserter(client: pg.Client, table: string, columns: Column[], batch = 20_000) {
  const values: unknown[][] = columns.map(() => []);
  const sql = `INSERT INTO "${table}" (${columns.map((c) => `"${c.name}"`).join(", ")})
    SELECT * FROM unnest(${columns.map((c, i) => `$${i + 1}::${c.type}[]`).join(", ")})`;
  let pending = 0;
  let sent: Promise<unknown> = Promise.resolve();
  // A full batch goes after the one before it, and the caller's (synchronous)
  // generator goes on meanwhile.
  const send = () => {
    if (pending === 0) return;
    const batchValues = values.map((v) => v.splice(0));
    sent = sent.then(() => client.query(sql, batchValues));
    pending = 0;
  };
  return {
    add(...row: unknown[]): void {
      for (let i = 0; i < row.length; i++) values[i]!.push(row[i]);
      if (++pending >= batch) send();
    },
    async done(): Promise<void> {
      send();
      await sent;
    },
  };
}

/** A date as Prisma stores it in a TIMESTAMP(3) column: UTC, without a zone. */
export const pgDate = (d: Date): string => d.toISOString().replace("Z", "");

const PG_TYPES: Record<string, string> = {
  integer: "int",
  bigint: "bigint",
  text: "text",
  "double precision": "float8",
  "timestamp without time zone": "timestamp",
  boolean: "bool",
};

/**
 * Copies tables of a SQLite file loaded by a benchmark into the PostgreSQL
 * database, in batches, with the tables' triggers off: what they keep (the
 * event counters, the cell counts) is copied from SQLite, where its triggers
 * kept it, and the benchmarks check it against the raw rows. Sequences move
 * past the copied ids; ANALYZE gives the planner the tables' statistics.
 */
export async function copyFromSqlite(sqlite: import("better-sqlite3").Database, url: string, tables: string[]): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`SET synchronous_commit = off`);
    for (const table of tables) {
      const { rows: pgColumns } = await client.query<{ name: string; type: string }>(
        `SELECT column_name AS name, data_type AS type FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1 AND is_generated = 'NEVER'`,
        [table],
      );
      const types = new Map(pgColumns.map((c) => [c.name, PG_TYPES[c.type] ?? "text"]));
      const names = (sqlite.prepare(`PRAGMA table_info("${table}")`).all() as { name: string }[]).map((c) => c.name).filter((n) => types.has(n));
      await client.query(`ALTER TABLE "${table}" DISABLE TRIGGER USER`);
      await withoutIndexes(client, table, async () => {
        const insert = bulkInserter(client, table, names.map((name) => ({ name, type: types.get(name)! })));
        for (const row of sqlite.prepare(`SELECT ${names.map((n) => `"${n}"`).join(", ")} FROM "${table}"`).raw(true).iterate()) {
          insert.add(...(row as unknown[]).map((v) => (typeof v === "bigint" ? v.toString() : v)));
        }
        await insert.done();
      });
      await client.query(`ALTER TABLE "${table}" ENABLE TRIGGER USER`);
      const serial = await client.query<{ seq: string | null }>(`SELECT pg_get_serial_sequence($1, 'id') AS seq`, [`"${table}"`]).catch(() => ({ rows: [{ seq: null }] }));
      const seq = serial.rows[0]?.seq;
      if (seq) await client.query(`SELECT setval($1, GREATEST(1, (SELECT COALESCE(MAX("id"), 1) FROM "${table}")))`, [seq]);
      await client.query(`ANALYZE "${table}"`);
    }
  } finally {
    await client.end();
  }
}

/**
 * Runs `load` with the table's secondary indexes dropped, then builds them
 * again: one sort per index instead of a descent per row (the Deal table's
 * four cell indexes and its GiST index made loading a million deals take
 * minutes).
 */
export async function withoutIndexes<T>(client: pg.Client, table: string, load: () => Promise<T>): Promise<T> {
  const { rows } = await client.query<{ name: string; definition: string }>(
    `SELECT i.indexname AS name, i.indexdef AS definition FROM pg_indexes i
     WHERE i.schemaname = 'public' AND i.tablename = $1
       AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)`,
    [table],
  );
  for (const r of rows) await client.query(`DROP INDEX "${r.name}"`);
  const result = await load();
  await client.query(`SET maintenance_work_mem = '256MB'`);
  for (const r of rows) await client.query(r.definition);
  return result;
}
