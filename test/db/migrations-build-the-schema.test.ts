// Every migration, applied in order, builds the schema that Prisma writes for
// schema.prisma from nothing (`prisma migrate diff --from-empty`), on each
// database: the SQL stays Prisma's own, and a migration written or edited by
// hand cannot drift from the schema unnoticed. What Prisma cannot express is
// named below and left out: PostGIS's column and index on PostgreSQL, and the
// triggers (not compared here; the counter and cell-count tests cover them).
// Columns are compared by name: a column a later migration adds comes last in
// its table, where Prisma would have put it in the schema's order.
import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../src/db/client.js";
import { applyPostgresMigrations } from "../../src/db/migrate-postgres.js";
import { NO_POSTGRES_REASON, TEST_POSTGRES_URL, withDatabase } from "../support/databases.js";

const ROOT = path.resolve(import.meta.dirname, "../..");
const run = promisify(execFile);

/** The SQL Prisma writes to create the schema from nothing, with the config that schema's CLI runs with. */
async function prismaCreatesSchema(databaseUrl: string, config?: string): Promise<string> {
  const schema = config ? "prisma/postgres/schema.prisma" : "prisma/schema.prisma";
  const { stdout } = await run(
    path.join(ROOT, "node_modules/.bin/prisma"),
    ["migrate", "diff", ...(config ? ["--config", config] : []), "--from-empty", "--to-schema-datamodel", schema, "--script"],
    { cwd: ROOT, env: { ...process.env, DATABASE_URL: databaseUrl } },
  );
  return stdout;
}

const byText = (a: string, b: string) => a.localeCompare(b);

describe("the SQLite migrations", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "nearbuy-schema-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  function shape(file: string): Record<string, unknown> {
    const db = new Database(file, { readonly: true });
    try {
      const tables = db
        .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '_prisma_migrations' ORDER BY name`)
        .pluck()
        .all() as string[];
      return Object.fromEntries(
        tables.map((table) => [
          table,
          {
            columns: db.prepare(`SELECT name, type, "notnull", dflt_value, pk FROM pragma_table_info(?) ORDER BY name`).all(table),
            indexes: (db.prepare(`SELECT name, "unique", partial FROM pragma_index_list(?) ORDER BY name`).all(table) as { name: string }[]).map(
              (index) => ({ ...index, columns: db.prepare(`SELECT name FROM pragma_index_info(?) ORDER BY seqno`).pluck().all(index.name) }),
            ),
            foreignKeys: db.prepare(`SELECT "table", "from", "to", on_update, on_delete FROM pragma_foreign_key_list(?) ORDER BY "from"`).all(table),
          },
        ]),
      );
    } finally {
      db.close();
    }
  }

  it("build the tables, columns, indexes and keys that Prisma writes for the schema", async () => {
    const migrated = path.join(dir, "migrated.db");
    const app = openDatabase(`file:${migrated}`);
    await app.user.count();
    await app.$disconnect();

    const fromPrisma = path.join(dir, "from-prisma.db");
    const ddl = await prismaCreatesSchema(`file:${path.join(dir, "cli.db")}`);
    const db = new Database(fromPrisma);
    db.exec(ddl);
    db.close();

    const expected = shape(fromPrisma);
    expect(Object.keys(expected).length).toBeGreaterThan(20);
    expect(shape(migrated)).toEqual(expected);
  }, 60_000);
});

describe.skipIf(!TEST_POSTGRES_URL)(`the PostgreSQL migrations${TEST_POSTGRES_URL ? "" : ` (skipped: ${NO_POSTGRES_REASON})`}`, () => {
  const server = TEST_POSTGRES_URL ?? "postgresql://unused";
  const names = ["migrated", "from_prisma"].map((kind) => `nearbuy_schema_${kind}_${process.pid}_${randomBytes(3).toString("hex")}`);
  const onServer = async <T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.end();
    }
  };
  afterAll(() => onServer(server, async (admin) => {
    for (const name of names) await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  }));

  /** PostGIS's, which no Prisma schema can declare: the generated position and its index for the nearby search. */
  const POSTGIS_COLUMNS = new Set(["Deal.geog"]);
  const POSTGIS_INDEXES = new Set(["Deal_geog_category_active_idx"]);
  /** Tables that are not the app's: migrations' own record, and the extension's. */
  const NOT_THE_APPS = ["_prisma_migrations", "spatial_ref_sys", "geography_columns", "geometry_columns"];

  async function shape(url: string) {
    return onServer(url, async (client) => {
      const rows = async (sql: string) => (await client.query({ text: sql, values: [NOT_THE_APPS], rowMode: "array" })).rows.map((r: unknown[]) => r.join(" | "));
      const columns = await rows(`SELECT table_name, column_name, data_type, udt_name, is_nullable, column_default
        FROM information_schema.columns WHERE table_schema = 'public' AND NOT table_name = ANY($1)`);
      const indexes = await rows(`SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND NOT tablename = ANY($1)`);
      const constraints = await rows(`SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid)
        FROM pg_constraint WHERE connamespace = 'public'::regnamespace AND NOT conrelid::regclass::text = ANY($1)`);
      return {
        columns: columns.filter((c) => !POSTGIS_COLUMNS.has(c.split(" | ").slice(0, 2).join("."))).sort(byText),
        indexes: indexes.filter((i) => !POSTGIS_INDEXES.has(i.split(" | ")[1]!)).sort(byText),
        constraints: constraints.sort(byText),
      };
    });
  }

  it("build the tables, columns, indexes and keys that Prisma writes for the schema, besides PostGIS's own", async () => {
    const [migrated, fromPrisma] = names.map((name) => withDatabase(server, name)) as [string, string];
    await onServer(server, async (admin) => {
      for (const name of names) await admin.query(`CREATE DATABASE "${name}"`);
    });
    await applyPostgresMigrations(migrated);
    const ddl = await prismaCreatesSchema(fromPrisma, "prisma/postgres/prisma.config.ts");
    await onServer(fromPrisma, (client) => client.query(ddl));

    const built = await shape(migrated);
    const expected = await shape(fromPrisma);
    expect(expected.columns.length).toBeGreaterThan(100);
    expect(built).toEqual(expected);
    // What was left out is there, and only in the migrated database.
    const postgis = (url: string) =>
      onServer(url, async (c) => (await c.query(`SELECT indexname FROM pg_indexes WHERE indexname = ANY($1)`, [[...POSTGIS_INDEXES]])).rowCount);
    expect([await postgis(migrated), await postgis(fromPrisma)]).toEqual([POSTGIS_INDEXES.size, 0]);
  }, 60_000);
});
