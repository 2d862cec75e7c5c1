// PostgreSQL: Prisma's client generated from prisma/postgres/schema.prisma,
// through the pg driver adapter, and a reader on its own read-only pool.
import { createHash } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient as PostgresClient } from "../generated/prisma-pg/client.js";
import type * as Pg from "../generated/prisma-pg/client.js";
import type * as Lite from "../generated/prisma/client.js";
import { applyPostgresMigrations } from "./migrate-postgres.js";
import { behindPooler, writerPool } from "./postgres-url.js";
import { MAX_STATEMENTS, type DirectWriter, type Reader } from "./reader.js";

/**
 * The PostgreSQL client is handed out as SQLite's type so that the
 * repositories stay one implementation. Both are generated from one schema:
 * their rows are the same types (checked below), and PostgreSQL's queries
 * accept everything SQLite's do (it only adds options, such as case-insensitive
 * filters). TypeScript cannot compare the two clients' generic methods, hence the cast.
 */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const ROWS_AGREE: [
  Same<Pg.User, Lite.User>, Same<Pg.Shop, Lite.Shop>, Same<Pg.Deal, Lite.Deal>, Same<Pg.Event, Lite.Event>,
  Same<Pg.Order, Lite.Order>, Same<Pg.Voucher, Lite.Voucher>, Same<Pg.Push, Lite.Push>, Same<Pg.PushItem, Lite.PushItem>,
  Same<Pg.Subscription, Lite.Subscription>, Same<Pg.SearchRequest, Lite.SearchRequest>, Same<Pg.FormState, Lite.FormState>,
  Same<Pg.JobLease, Lite.JobLease>, Same<Pg.EventCounter, Lite.EventCounter>, Same<Pg.DealCellCount, Lite.DealCellCount>,
  Same<Pg.RateLimitUses, Lite.RateLimitUses>, Same<Pg.ModelAnswer, Lite.ModelAnswer>, Same<Pg.TakenUpdate, Lite.TakenUpdate>,
] = [true, true, true, true, true, true, true, true, true, true, true, true, true, true, true, true, true];
void ROWS_AGREE;

/** Readers' connections: the reads are short, and Prisma's own pool does the writes. */
const READER_POOL_SIZE = 4;
/**
 * Prisma ends a transaction after 5 s, and gives up waiting for a connection
 * after 2: instances that push digests at once queue on the same counter
 * rows (the events' trigger), and on a busy machine a queued transaction
 * went past 5 s and was ended, failing the write (seen in the three-instance
 * test). Row locks are waited for, not failed on: give them time. The
 * transactions that queue on a deal's lock ask for longer still
 * (lockingTransaction in transaction.ts).
 */
const TRANSACTION_LIMITS = { maxWait: 10_000, timeout: 20_000 };
/** The direct writer's: its writes come one after another (the queue of impressions). */
const DIRECT_WRITER_POOL_SIZE = 1;

/**
 * Opens the client; the first connection applies pending migrations (under
 * their advisory lock) before any query runs.
 */
export function openPostgres(databaseUrl: string): { db: Lite.PrismaClient; reader: () => Promise<Reader>; writer: () => Promise<DirectWriter> } {
  let migrated: Promise<unknown> | undefined;
  const migrate = () =>
    (migrated ??= applyPostgresMigrations(databaseUrl).catch((error: unknown) => {
      migrated = undefined;
      throw error;
    }));
  const factory = new PrismaPg(writerPool(databaseUrl));
  let reader: (Reader & { close(): Promise<void> }) | undefined;
  let writer: (DirectWriter & { close(): Promise<void> }) | undefined;
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    await migrate();
    const connected = await connect();
    const dispose = connected.dispose.bind(connected);
    connected.dispose = async () => {
      const closing = [reader, writer];
      reader = undefined;
      writer = undefined;
      await Promise.all(closing.map((c) => c?.close()));
      await dispose();
    };
    return connected;
  };
  const db = new PostgresClient({ adapter: factory, transactionOptions: TRANSACTION_LIMITS }) as unknown as Lite.PrismaClient;
  return {
    db,
    reader: async () => {
      if (!reader) {
        await db.$connect();
        reader ??= openReader(databaseUrl);
      }
      return reader;
    },
    writer: async () => {
      if (!writer) {
        await db.$connect();
        writer ??= openDirectWriter(databaseUrl);
      }
      return writer;
    },
  };
}

/** Timestamps hold UTC without a zone (Prisma's DateTime): read them as UTC, whatever the process's zone. */
const TIMESTAMP = 1114;
const parseUtc = (text: string) => new Date(`${text.replace(" ", "T")}Z`);
const types = {
  getTypeParser: ((oid: number, format?: "text" | "binary") =>
    oid === TIMESTAMP ? parseUtc : pg.types.getTypeParser(oid, format)) as pg.CustomTypesConfig["getTypeParser"],
};

/** A date as the text of a UTC timestamp, as Prisma writes them; anything else as it is. */
const toPostgres = (value: unknown) => (value instanceof Date ? value.toISOString().replace("Z", "") : value);

/** `?` placeholders as PostgreSQL's `$1, $2, …`. */
export function numbered(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

/** Statements as pg sends them: named (prepared once per connection) or, behind a pooler, unnamed. */
function statementsFor(databaseUrl: string, prefix: string): (sql: string) => { name?: string; text: string } {
  return behindPooler(databaseUrl) ? (sql) => ({ text: numbered(sql) }) : namedStatements(prefix);
}

/** Each statement text as a named statement, which a connection prepares once. */
function namedStatements(prefix: string): (sql: string) => { name: string; text: string } {
  const texts = new Map<string, { name: string; text: string }>();
  return (sql) => {
    let statement = texts.get(sql);
    if (!statement) {
      if (texts.size >= MAX_STATEMENTS) texts.clear();
      statement = { name: `${prefix}${createHash("sha1").update(sql).digest("hex").slice(0, 20)}`, text: numbered(sql) };
      texts.set(sql, statement);
    }
    return statement;
  };
}

/**
 * A connection the server ends while it waits in the pool (a restart, a
 * failover, an administrator) is an error the pool emits, which ends the
 * process unless it is listened for. The pool has already dropped it, and the
 * next query opens another: there is nothing more to do.
 */
const dropQuietly = (pool: pg.Pool) => pool.on("error", () => {});

/**
 * The rows in an array of their own, pg's emptied. V8 comes to allocate the
 * array pg gathers a query's rows in straight in the old generation (its
 * allocation site is judged long-lived once the bot is loaded), and a dead old
 * array keeps what it holds alive until the next full collection: every
 * young-generation collection copied and promoted the rows of the searches
 * since the last one, 2 MB and 3 ms each time instead of 1 ms (the nearby
 * search's p99 at 100k deals: 4.8 ms, 2.2–2.4 emptied; measured). Each slot is
 * cleared, not only the length: a backing store dropped in the old generation
 * would hold them as well. Emptied, the rows die young.
 */
function ownRows(rows: unknown[][]): unknown[][] {
  const own = rows.slice();
  rows.fill(undefined as never);
  rows.length = 0;
  return own;
}

function openReader(databaseUrl: string): Reader & { close(): Promise<void> } {
  const pooled = behindPooler(databaseUrl);
  const pool = new pg.Pool({
    connectionString: writerPool(databaseUrl).connectionString,
    max: READER_POOL_SIZE,
    // Read-only, and its statements are prepared once and run many times with
    // new values: planning each run again for its values cost more than
    // running it (0.2–0.4 ms against 0.5 ms for the nearby search, measured),
    // and the plan is the same index scan whatever the values. Behind a
    // pooler each statement is planned for its values, and runs in a
    // read-only transaction of its own.
    ...(!pooled && { options: "-c default_transaction_read_only=on -c plan_cache_mode=force_generic_plan" }),
  });
  dropQuietly(pool);
  const statement = statementsFor(databaseUrl, "r");
  const query = (sql: string, values: readonly unknown[]) => ({ ...statement(sql), values: values.map(toPostgres), rowMode: "array" as const, types });
  return {
    async rows(sql, values) {
      if (!pooled) return ownRows((await pool.query(query(sql, values))).rows as unknown[][]);
      const client = await pool.connect();
      try {
        await client.query("BEGIN READ ONLY");
        const { rows } = await client.query(query(sql, values));
        await client.query("COMMIT");
        return ownRows(rows as unknown[][]);
      } catch (error) {
        await client.query("ROLLBACK").catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

function openDirectWriter(databaseUrl: string): DirectWriter & { close(): Promise<void> } {
  const pool = new pg.Pool({ connectionString: writerPool(databaseUrl).connectionString, max: DIRECT_WRITER_POOL_SIZE });
  dropQuietly(pool);
  const named = statementsFor(databaseUrl, "w");
  return {
    async run(sql, values) {
      await pool.query({ ...named(sql), values: values.map(toPostgres) });
    },
    close: () => pool.end(),
  };
}
