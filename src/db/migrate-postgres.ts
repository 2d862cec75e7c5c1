// Applies the committed PostgreSQL migrations (prisma/postgres/migrations) in
// order, recording them in Prisma's own `_prisma_migrations` table, as
// migrate.ts does for SQLite. Prisma's migrate engine cannot apply them
// through the driver adapter here, so the SQL it generated runs with `pg`.
// Instances starting together queue on an advisory lock: the first applies
// what is pending, the others find it done. The lock and the migrations are
// one transaction, so that a pooler in transaction mode (PgBouncer) keeps them
// on one server connection, and the lock cannot outlive them.
import { createHash, randomUUID } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { writerPool } from "./postgres-url.js";

export const POSTGRES_MIGRATIONS_DIR = path.resolve(import.meta.dirname, "../../prisma/postgres/migrations");

/** Any fixed number: the key every instance of the app locks while it migrates ("nearbuy" in ASCII). */
const MIGRATION_LOCK = 0x6e656172627579;

export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//.test(url);
}

export async function applyPostgresMigrations(databaseUrl: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: writerPool(databaseUrl).connectionString });
  await client.connect();
  try {
    await client.query("BEGIN");
    await client.query("SELECT pg_advisory_xact_lock($1)", [MIGRATION_LOCK]);
    await client.query(`CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
      "id" VARCHAR(36) PRIMARY KEY NOT NULL, "checksum" VARCHAR(64) NOT NULL, "finished_at" TIMESTAMPTZ,
      "migration_name" VARCHAR(255) NOT NULL, "logs" TEXT, "rolled_back_at" TIMESTAMPTZ,
      "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(), "applied_steps_count" INTEGER NOT NULL DEFAULT 0)`);
    const { rows } = await client.query<{ migration_name: string }>(
      `SELECT "migration_name" FROM "_prisma_migrations" WHERE "finished_at" IS NOT NULL AND "rolled_back_at" IS NULL`,
    );
    const done = new Set(rows.map((r) => r.migration_name));
    const applied: string[] = [];
    for (const name of postgresMigrationNames()) {
      if (done.has(name)) continue;
      const sql = readFileSync(path.join(POSTGRES_MIGRATIONS_DIR, name, "migration.sql"), "utf8");
      const checksum = createHash("sha256").update(sql).digest("hex");
      const started = new Date();
      try {
        await client.query(sql);
      } catch (error) {
        throw new Error(`PostgreSQL migration ${name} failed: ${(error as Error).message}`, { cause: error });
      }
      await client.query(
        `INSERT INTO "_prisma_migrations" ("id", "checksum", "finished_at", "migration_name", "started_at", "applied_steps_count")
         VALUES ($1, $2, now(), $3, $4, 1)`,
        [randomUUID(), checksum, name, started],
      );
      applied.push(name);
    }
    // All that was pending, or nothing: a start that fails leaves the database as it found it.
    await client.query("COMMIT");
    return applied;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
}

export function postgresMigrationNames(): string[] {
  return readdirSync(POSTGRES_MIGRATIONS_DIR, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
}
