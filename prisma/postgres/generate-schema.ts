// Prisma gives a schema one provider, so PostgreSQL has its own schema file:
// the SQLite one with the provider and the client's output swapped. Run by
// `npm install` before `prisma generate`; test/db/postgres-schema.test.ts
// fails when the committed copy is out of date.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
export const SQLITE_SCHEMA = path.join(here, "../schema.prisma");
export const POSTGRES_SCHEMA = path.join(here, "schema.prisma");

const HEADER = "// Generated from prisma/schema.prisma by prisma/postgres/generate-schema.ts: edit that file, not this one.\n\n";

export function postgresSchema(sqlite: string): string {
  const swaps: [RegExp, string][] = [
    [/provider\s*=\s*"sqlite"/, 'provider = "postgresql"'],
    [/output\s*=\s*"\.\.\/src\/generated\/prisma"/, 'output     = "../../src/generated/prisma-pg"'],
  ];
  let schema = sqlite;
  for (const [from, to] of swaps) {
    if (!from.test(schema)) throw new Error(`prisma/schema.prisma: expected ${from} to swap for PostgreSQL`);
    schema = schema.replace(from, to);
  }
  return HEADER + schema;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  writeFileSync(POSTGRES_SCHEMA, postgresSchema(readFileSync(SQLITE_SCHEMA, "utf8")));
}
