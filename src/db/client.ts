import { mkdirSync } from "node:fs";
import path from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import Database from "better-sqlite3";
import { PrismaClient } from "../generated/prisma/client.js";
import { postgresql, sqlite, type Dialect } from "./dialect.js";
import { checkpointElsewhere, type WalCheckpointer } from "./wal-checkpointer.js";
import { applyMigrations, sqliteFilePath } from "./migrate.js";
import { isPostgresUrl } from "./migrate-postgres.js";
import { openPostgres } from "./postgres-client.js";
import { MAX_STATEMENTS, type DirectWriter, type Reader } from "./reader.js";

export type { DirectWriter, Reader } from "./reader.js";

/**
 * The client of either database, typed as SQLite's: the two generated
 * clients come from one schema (see postgres-client.ts).
 */
export type Db = PrismaClient;

/** Reads map the file instead of copying pages, and keep more of them (the nearby search's rows are scattered). */
const READ_PRAGMAS = `PRAGMA mmap_size = ${1 << 30}; PRAGMA cache_size = -${64 * 1024};`;

const readers = new WeakMap<Db, () => Promise<Reader>>();
const writers = new WeakMap<Db, () => Promise<DirectWriter>>();
const dialects = new WeakMap<Db, Dialect>();

/**
 * Opens the database that `DATABASE_URL` names, bringing its schema up to
 * date first: `file:…` is SQLite, `postgresql://…` PostgreSQL.
 */
export function openDatabase(databaseUrl: string): Db {
  if (isPostgresUrl(databaseUrl)) {
    const { db, reader, writer } = openPostgres(databaseUrl);
    readers.set(db, reader);
    writers.set(db, writer);
    dialects.set(db, postgresql);
    return db;
  }
  return openSqlite(databaseUrl);
}

function openSqlite(databaseUrl: string): Db {
  const file = path.resolve(sqliteFilePath(databaseUrl));
  mkdirSync(path.dirname(file), { recursive: true });
  applyMigrations(databaseUrl);
  const factory = new PrismaBetterSQLite3({ url: databaseUrl });
  // The reader opens on first use, with Prisma's connection, and closes with it ($disconnect).
  let reader: (Reader & { close(): void }) | undefined;
  let writer: (DirectWriter & { close(): Promise<void> }) | undefined;
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const connected = await connect();
    const connection = (connected as unknown as { client: Database.Database }).client;
    statementsWaitForTransactions(connected, connection);
    writer = directWriterOn(connection, file, keepStatementsPrepared(connection));
    await connected.executeScript(READ_PRAGMAS);
    const dispose = connected.dispose.bind(connected);
    connected.dispose = async () => {
      reader?.close();
      reader = undefined;
      await writer?.close();
      writer = undefined;
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
  writers.set(db, async () => {
    await db.$connect();
    return writer!;
  });
  dialects.set(db, sqlite);
  return db;
}

/** The SQL that differs between the two databases, for the client's. */
export function dialectOf(db: Db): Dialect {
  const dialect = dialects.get(db);
  if (!dialect) throw new Error("dialectOf: the client was not opened with openDatabase");
  return dialect;
}

/** The client's read-only connection (see Reader). */
export function readerOf(db: Db): Promise<Reader> {
  const reader = readers.get(db);
  if (!reader) throw new Error("readerOf: the client was not opened with openDatabase");
  return reader();
}

/** The client's direct writer (see DirectWriter). */
export function directWriterOf(db: Db): Promise<DirectWriter> {
  const writer = writers.get(db);
  if (!writer) throw new Error("directWriterOf: the client was not opened with openDatabase");
  return writer();
}

/**
 * Prisma's adapter prepares every statement again on each query and binds its
 * values to it, which a statement allows once; preparing (parsing and
 * planning the SQL) was the largest single cost of an update (measured). The
 * connection keeps each statement text it saw prepared and hands out a view
 * that binds by passing the values to each run, the only way the adapter uses
 * a bound statement. better-sqlite3 runs a statement to its end before
 * anything else runs, so one prepared statement serves every caller.
 */
function keepStatementsPrepared(connection: Database.Database): (sql: string) => Database.Statement {
  const prepare = connection.prepare.bind(connection);
  const statements = new Map<string, Database.Statement>();
  const cached = (sql: string) => {
    let statement = statements.get(sql);
    if (!statement) {
      if (statements.size >= MAX_STATEMENTS) statements.clear();
      statements.set(sql, (statement = prepare(sql)));
    }
    return statement;
  };
  const bound = (statement: Database.Statement, values: unknown[]) => ({
    reader: statement.reader,
    columns: () => statement.columns(),
    raw: () => ({ all: () => statement.raw(true).all(values) }),
    run: () => statement.run(values),
  });
  connection.prepare = ((sql: string) => {
    const statement = cached(sql);
    return { reader: statement.reader, run: () => statement.run(), bind: (values: unknown[]) => bound(statement, values) };
  }) as unknown as Database.Database["prepare"];
  return cached;
}

/** How long a statement outside a transaction waits, between looks, for the client's open one to end. */
const TRANSACTION_POLL_MS = 1;

/** Runs `work` once the connection has no transaction open, in the same turn as the last look (no other code can open one in between). */
async function outsideTransactions<T>(connection: Database.Database, work: () => T): Promise<T> {
  while (connection.inTransaction) await new Promise((resolve) => setTimeout(resolve, TRANSACTION_POLL_MS));
  return work();
}

/**
 * Prisma's SQLite adapter shares one connection and locks it for its
 * transactions only: a statement outside one (a read, a plain SQL write)
 * that came while another update's transaction was open ran inside it,
 * unseen by the reader until that one committed, and lost if it rolled back
 * (seen: a new user's row missing right after its INSERT). Such statements
 * now wait for the open transaction to end; the transaction's own go through
 * its own object and never wait. Each runs synchronously once it starts.
 */
function statementsWaitForTransactions(adapter: object, connection: Database.Database): void {
  const queryable = adapter as Record<"queryRaw" | "executeRaw", (query: unknown) => Promise<unknown>>;
  for (const method of ["queryRaw", "executeRaw"] as const) {
    const run = queryable[method].bind(adapter);
    queryable[method] = (query) => outsideTransactions(connection, () => run(query));
  }
}

/**
 * Writes on the client's own connection, so they never wait on its lock:
 * a statement runs whole before anything else, but not while one of the
 * client's transactions is open (it would join it, and roll back with it).
 * Once it writes, the connection's checkpoints move to a thread (see
 * wal-checkpointer.ts).
 */
function directWriterOn(
  connection: Database.Database,
  file: string,
  prepared: (sql: string) => Database.Statement,
): DirectWriter & { close(): Promise<void> } {
  let checkpointer: WalCheckpointer | undefined;
  return {
    async run(sql, values) {
      await outsideTransactions(connection, () => {
        checkpointer ??= checkpointElsewhere(connection, file);
        prepared(sql).run(values.map(toSqlite));
      });
    },
    close: async () => checkpointer?.stop(),
  };
}

function openReader(file: string): Reader & { close(): void } {
  const connection = new Database(file);
  connection.exec(`${READ_PRAGMAS} PRAGMA query_only = 1;`);
  const statements = new Map<string, Database.Statement>();
  return {
    async rows(sql, values) {
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
