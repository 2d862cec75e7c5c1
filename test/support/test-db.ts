// A real SQLite file per test file, migrated like production.
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
  const url = `file:${path.join(dir, "test.db")}`;
  const db = openDatabase(url);
  const repos = createRepositories(db);
  return {
    db,
    repos,
    url,
    async close() {
      await repos.events.flush();
      await db.$disconnect();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
