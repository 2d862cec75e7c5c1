// PostgreSQL's schema and migrations follow SQLite's: the schema file is
// generated from the SQLite one, every SQLite migration has its PostgreSQL
// twin, and instances starting together apply the migrations once.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { POSTGRES_SCHEMA, SQLITE_SCHEMA, postgresSchema } from "../../prisma/postgres/generate-schema.js";
import { applyPostgresMigrations, postgresMigrationNames } from "../../src/db/migrate-postgres.js";
import { NO_POSTGRES_REASON, TEST_POSTGRES_URL, postgresTestDatabase } from "../support/databases.js";

const SQLITE_MIGRATIONS = path.resolve(import.meta.dirname, "../../prisma/migrations");

describe("the PostgreSQL schema and migrations", () => {
  it("are generated from the SQLite schema, and the committed copy is up to date (npm install writes it)", () => {
    expect(readFileSync(POSTGRES_SCHEMA, "utf8")).toBe(postgresSchema(readFileSync(SQLITE_SCHEMA, "utf8")));
  });

  it("have a twin of every SQLite migration, by the same name, and nothing else", () => {
    const sqlite = readdirSync(SQLITE_MIGRATIONS, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort();
    expect(postgresMigrationNames()).toEqual(sqlite);
  });
});

describe.skipIf(!TEST_POSTGRES_URL)(`applying the PostgreSQL migrations${TEST_POSTGRES_URL ? "" : ` (skipped: ${NO_POSTGRES_REASON})`}`, () => {
  const server = postgresTestDatabase(TEST_POSTGRES_URL ?? "postgresql://unused");
  afterAll(() => server.drop());

  it("applies each once when several instances start together, and records them as Prisma does", async () => {
    // The database exists and is empty of migrations: open() migrates, so create it bare here.
    const admin = new pg.Client({ connectionString: TEST_POSTGRES_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${new URL(server.url).pathname.slice(1)}"`);
    await admin.end();
    server.markCreated();

    const applied = await Promise.all(Array.from({ length: 4 }, () => applyPostgresMigrations(server.url)));
    expect(applied.flat().sort()).toEqual(postgresMigrationNames());
    expect(applied.filter((names) => names.length > 0)).toHaveLength(1);

    const client = new pg.Client({ connectionString: server.url });
    await client.connect();
    try {
      const { rows } = await client.query(`SELECT "migration_name", "finished_at" IS NOT NULL AS "done" FROM "_prisma_migrations" ORDER BY "migration_name"`);
      expect(rows).toEqual(postgresMigrationNames().map((migration_name) => ({ migration_name, done: true })));
      // A later start finds nothing to do.
      expect(await applyPostgresMigrations(server.url)).toEqual([]);
    } finally {
      await client.end();
    }
  });
});
