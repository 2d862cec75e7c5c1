import { mkdirSync } from "node:fs";
import path from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "../generated/prisma/client.js";
import { applyMigrations, sqliteFilePath } from "./migrate.js";

export type Db = PrismaClient;

/** Opens the database, bringing its schema up to date first. */
export function openDatabase(databaseUrl: string): Db {
  mkdirSync(path.dirname(path.resolve(sqliteFilePath(databaseUrl))), { recursive: true });
  applyMigrations(databaseUrl);
  return new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: databaseUrl }) });
}
