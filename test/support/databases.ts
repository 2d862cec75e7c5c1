// Each database the contract tests run on: SQLite always, PostgreSQL when
// TEST_POSTGRES_URL names a server (a role that may create databases; the
// first migration creates the PostGIS extension). Each test file gets a
// database of its own on that server, emptied for each test and dropped after
// the file. Without the URL, the PostgreSQL suites are listed as skipped and
// say why; in CI the run fails instead (see postgres-setup.ts). With
// TEST_PGBOUNCER_URL as well, they run once more through that PgBouncer.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, describe } from "vitest";
import { applyPostgresMigrations } from "../../src/db/migrate-postgres.js";
import { createTestDb, openTestDb, type TestDb } from "./test-db.js";

export type DatabaseKind = "SQLite" | "PostgreSQL";

export const TEST_POSTGRES_URL = process.env.TEST_POSTGRES_URL || undefined;
export const NO_POSTGRES_REASON = "TEST_POSTGRES_URL is not set";
/**
 * PgBouncer in transaction mode in front of that server, as deployments at
 * scale run it (README, "Connection pooling"): the suites run a third time
 * through it, with `pgbouncer=true`.
 */
export const TEST_PGBOUNCER_URL = process.env.TEST_PGBOUNCER_URL || undefined;

/** A fresh, migrated, empty database of this suite's kind. */
export type OpenTestDb = () => Promise<TestDb>;

/**
 * Declares the suite once per database under test, as
 * "name (SQLite)" and "name (PostgreSQL)".
 */
export function describeEachDatabase(name: string, suite: (open: OpenTestDb, kind: DatabaseKind) => void): void {
  describe(`${name} (SQLite)`, () => suite(async () => createTestDb(), "SQLite"));
  if (!TEST_POSTGRES_URL) {
    describe.skip(`${name} (PostgreSQL: skipped, ${NO_POSTGRES_REASON})`, () => suite(() => Promise.reject(new Error(NO_POSTGRES_REASON)), "PostgreSQL"));
    return;
  }
  describe(`${name} (PostgreSQL)`, () => {
    const server = postgresTestDatabase(TEST_POSTGRES_URL);
    afterAll(() => server.drop());
    suite(() => server.open(), "PostgreSQL");
  });
  if (!TEST_PGBOUNCER_URL) return;
  describe(`${name} (PostgreSQL through PgBouncer)`, () => {
    const server = postgresTestDatabase(TEST_POSTGRES_URL, TEST_PGBOUNCER_URL);
    afterAll(() => server.drop());
    suite(() => server.open(), "PostgreSQL");
  });
}

/** The URL with `pgbouncer=true`: what the app is told when a pooler in transaction mode stands between. */
function pooled(poolerUrl: string): string {
  const url = new URL(poolerUrl);
  url.searchParams.set("pgbouncer", "true");
  return url.toString();
}

/** The URL of another database on the same server. */
export function withDatabase(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/**
 * One database for one test file, created on first use; every open empties it.
 * With `poolerUrl`, the app (and its migrations) reach it through that pooler;
 * it is created, emptied and dropped on the server itself.
 */
export function postgresTestDatabase(serverUrl: string, poolerUrl?: string) {
  const name = `nearbuy_test_${process.pid}_${randomBytes(4).toString("hex")}`;
  const direct = withDatabase(serverUrl, name);
  const url = poolerUrl ? pooled(withDatabase(poolerUrl, name)) : direct;
  let created: Promise<void> | undefined;
  const onServer = async (sql: string) => {
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    try {
      await admin.query(sql);
    } finally {
      await admin.end();
    }
  };
  return {
    url,
    async open(): Promise<TestDb> {
      created ??= onServer(`CREATE DATABASE "${name}"`).then(() => applyPostgresMigrations(url).then(() => undefined));
      await created;
      await emptied(direct);
      return openTestDb(url);
    },
    /** For a test that creates the database itself: drop() removes it. */
    markCreated(): void {
      created ??= Promise.resolve();
    },
    async drop(): Promise<void> {
      if (created) await onServer(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    },
  };
}

/** Every table of the app emptied, and its ids starting at 1 again (as in a new SQLite file). */
async function emptied(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string }>(
      `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND tablename NOT IN ('_prisma_migrations', 'spatial_ref_sys')`,
    );
    await client.query(`TRUNCATE ${rows.map((r) => `"${r.name}"`).join(", ")} RESTART IDENTITY CASCADE`);
  } finally {
    await client.end();
  }
}
