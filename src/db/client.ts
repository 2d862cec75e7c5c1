import { mkdirSync } from "node:fs";
import path from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import Database from "better-sqlite3";
import { PrismaClient } from "../generated/prisma/client.js";
import { applyMigrations, sqliteFilePath } from "./migrate.js";

export type Db = PrismaClient;

/** Reads map the file instead of copying pages, and keep more of them (the nearby search's rows are scattered). */
const READ_PRAGMAS = `PRAGMA mmap_size = ${1 << 30}; PRAGMA cache_size = -${64 * 1024};`;

/**
 * A read-only connection for the hottest reads (the nearby search), beside
 * Prisma's: each distinct statement is prepared once and rows come as arrays
 * of plain numbers and strings. Through the client the same search costs
 * twice as much: it prepares the statement on every call and converts every
 * value (measured). It sees what Prisma has committed (WAL), not what an open
 * transaction has written.
 */
export interface Reader {
  rows(sql: string, values: readonly unknown[]): unknown[][];
}

/** The nearby search has under twenty statement texts; the cap only keeps a mistake from growing without end. */
const MAX_STATEMENTS = 1000;

const readers = new WeakMap<Db, () => Promise<Reader>>();

/** Opens the database, bringing its schema up to date first. */
export function openDatabase(databaseUrl: string): Db {
  const file = path.resolve(sqliteFilePath(databaseUrl));
  mkdirSync(path.dirname(file), { recursive: true });
  applyMigrations(databaseUrl);
  const factory = new PrismaBetterSQLite3({ url: databaseUrl });
  // The reader opens on first use, with Prisma's connection, and closes with it ($disconnect).
  let reader: (Reader & { close(): void }) | undefined;
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const connected = await connect();
    await connected.executeScript(READ_PRAGMAS);
    const dispose = connected.dispose.bind(connected);
    connected.dispose = async () => {
      reader?.close();
      reader = undefined;
      await dispose();
    };
    return connected;
  };
  const db = new PrismaClient({ adapter: factory });
  readers.set(db, async () => {
    if (!reader) {
      await db.$connect();
      reader ??= openReader(file);
    }
    return reader;
  });
  return db;
}

/** The client's read-only connection (see Reader). */
export function readerOf(db: Db): Promise<Reader> {
  const reader = readers.get(db);
  if (!reader) throw new Error("readerOf: the client was not opened with openDatabase");
  return reader();
}

function openReader(file: string): Reader & { close(): void } {
  const connection = new Database(file);
  connection.exec(`${READ_PRAGMAS} PRAGMA query_only = 1;`);
  const statements = new Map<string, Database.Statement>();
  return {
    rows(sql, values) {
      let statement = statements.get(sql);
      if (!statement) {
        if (statements.size >= MAX_STATEMENTS) statements.clear();
        statements.set(sql, (statement = connection.prepare(sql).raw(true)));
      }
      return statement.all(...values.map(toSqlite)) as unknown[][];
    },
    close: () => connection.close(),
  };
}

/** Dates as Prisma stores them in SQLite, so text comparisons agree. */
const toSqlite = (value: unknown) => (value instanceof Date ? value.toISOString().replace("Z", "+00:00") : value);
