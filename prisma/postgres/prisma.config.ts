// The Prisma CLI for the PostgreSQL schema (see prisma/README.md): only
// `prisma generate` and `prisma migrate diff` are run with it; migrations are
// applied by src/db/migrate-postgres.ts. Like the main config, the CLI runs
// without engine binaries, through the pg driver adapter.
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaPg } from "@prisma/adapter-pg";

const placeholder = path.resolve("node_modules/.prisma-engine-placeholder");
if (!existsSync(placeholder)) {
  mkdirSync(path.dirname(placeholder), { recursive: true });
  writeFileSync(placeholder, "");
}
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= placeholder;
process.env.PRISMA_QUERY_ENGINE_LIBRARY ??= placeholder;
// Generating the client and diffing schemas never connects.
process.env.DATABASE_URL ??= "postgresql://postgres@127.0.0.1:5432/postgres";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  // Relative to this file.
  schema: "schema.prisma",
  adapter: async () => new PrismaPg({ connectionString: process.env.DATABASE_URL! }),
});
