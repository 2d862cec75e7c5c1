// A real database per test, migrated like production: a SQLite file here;
// see databases.ts for PostgreSQL.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { openDatabase, type Db } from "../../src/db/client.js";
import { createRepositories } from "../../src/db/repositories.js";
import { type Repositories } from "../../src/core/ports/repositories.js";

export interface TestDb {
  db: Db;
  repos: Repositories;
  url: string;
  close(): Promise<void>;
}

export function createTestDb(): TestDb {
  const dir = mkdtempSync(path.join(tmpdir(), "nearbuy-test-"));
  const t = openTestDb(`file:${path.join(dir, "test.db")}`);
  return {
    ...t,
    async close() {
      await t.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The database at `url` (which the caller made and removes). */
export function openTestDb(url: string): TestDb {
  const db = openDatabase(url);
  const repos = createRepositories(db);
  // Impressions still queued are written before the connection closes.
  return { db, repos, url, close: async () => (await repos.events.flush(), await db.$disconnect()) };
}
