// The Prisma CLI runs here without engine binaries: the schema engine is replaced
// by the better-sqlite3 driver adapter. The CLI still checks that engine files
// exist, so point it at a placeholder before the config is exported.
import { existsSync, writeFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";

const placeholder = path.resolve("node_modules/.prisma-engine-placeholder");
if (!existsSync(placeholder)) {
  mkdirSync(path.dirname(placeholder), { recursive: true });
  writeFileSync(placeholder, "");
}
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= placeholder;
process.env.PRISMA_QUERY_ENGINE_LIBRARY ??= placeholder;
// The CLI loads no .env when a config file exists.
if (existsSync(".env")) process.loadEnvFile(".env");
process.env.DATABASE_URL ??= "file:./data/nearbuy.db";
// The adapter opens the file even to diff two schemas, and cannot create its
// folder: on a new clone, `migrate diff` failed with "External error id#0".
const file = process.env.DATABASE_URL.replace(/^file:/, "");
if (file !== ":memory:") mkdirSync(path.dirname(path.resolve(file)), { recursive: true });

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "prisma/schema.prisma",
  adapter: async () =>
    new PrismaBetterSQLite3({ url: process.env.DATABASE_URL! }, { shadowDatabaseUrl: ":memory:" }),
});
