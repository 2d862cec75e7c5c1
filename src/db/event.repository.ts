import type { EventRepository } from "../core/ports/event.port.js";
import type { NewEvent } from "../domain/event.js";
import { Prisma } from "../generated/prisma/client.js";
import { retryWhenBusy } from "./busy-retry.js";
import { directWriterOf, type Db } from "./client.js";

/** Rows per statement: five values each, well under SQLite's 32,766 parameters. */
const ROWS_PER_INSERT = 1000;
/**
 * Queued events are written this long after the first of them at most, in
 * statements of at most QUEUED_ROWS_PER_INSERT rows with a turn of the event
 * loop between them: each row also updates four counters (the trigger), and
 * a long statement would hold every request waiting behind it.
 */
const QUEUE_DELAY_MS = 50;
const QUEUED_ROWS_PER_INSERT = 100;

type TimedEvent = NewEvent & { at: Date };

/**
 * One plain INSERT: the client's createMany opens a transaction around its
 * statement and plans the query on every call, three times the cost of the
 * write itself (measured), paid by every list a user is shown.
 */
function insert(db: Db, events: TimedEvent[]) {
  const rows = inDealOrder(events).map((e) => Prisma.sql`(${e.type}, ${e.dealId}, ${e.userId}, ${e.source}, ${e.at})`);
  return db.$executeRaw`INSERT INTO "Event" ("type", "dealId", "userId", "source", "createdAt") VALUES ${Prisma.join(rows)}`;
}

/** The same INSERT straight on the driver (see DirectWriter), for the queue. */
async function insertDirect(db: Db, events: TimedEvent[]): Promise<void> {
  const values = inDealOrder(events).flatMap((e) => [e.type, e.dealId, e.userId, e.source, e.at]);
  const rows = Array.from({ length: events.length }, () => "(?, ?, ?, ?, ?)").join(", ");
  await (await directWriterOf(db)).run(`INSERT INTO "Event" ("type", "dealId", "userId", "source", "createdAt") VALUES ${rows}`, values);
}

/**
 * In deal order, so that concurrent writes bump the counter rows they share
 * (the counting trigger) mostly in one order; a deadlock left (shops' total
 * rows) is run again (retryWhenBusy).
 */
const inDealOrder = (events: TimedEvent[]) => [...events].sort((a, b) => a.dealId - b.dealId);

export interface EventRepositoryOptions {
  /** Queued events that could not be written (they are dropped, not retried); the app logs them. */
  onLost?: (error: unknown, events: number) => void;
}

const reportLost = (error: unknown, events: number) => console.error(`${events} queued events could not be written:`, error);

export function createEventRepository(db: Db, { onLost = reportLost }: EventRepositoryOptions = {}): EventRepository {
  let queue: TimedEvent[] = [];
  let timer: NodeJS.Timeout | undefined;
  let writing: Promise<void> = Promise.resolve();

  /** Writes what is queued now, after what an earlier flush is still writing. */
  function flush(): Promise<void> {
    clearTimeout(timer);
    timer = undefined;
    const batch = queue;
    queue = [];
    writing = writing.then(async () => {
      for (let i = 0; i < batch.length; i += QUEUED_ROWS_PER_INSERT) {
        const rows = batch.slice(i, i + QUEUED_ROWS_PER_INSERT);
        try {
          await retryWhenBusy(() => insertDirect(db, rows));
        } catch (error) {
          onLost(error, rows.length);
        }
        await new Promise((resolve) => setImmediate(resolve));
      }
    });
    return writing;
  }

  return {
    async record(events, at) {
      const rows = events.map((e) => ({ ...e, at }));
      if (rows.length === 0) return;
      await retryWhenBusy(async () => {
        const statements = [];
        for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) statements.push(insert(db, rows.slice(i, i + ROWS_PER_INSERT)));
        if (statements.length === 1) await statements[0];
        else await db.$transaction(statements);
      });
    },
    recordSoon(events, at) {
      if (events.length === 0) return;
      for (const e of events) queue.push({ ...e, at });
      // The timer must not keep a stopping process alive: a stop flushes.
      timer ??= setTimeout(flush, QUEUE_DELAY_MS).unref();
    },
    flush,
    async count(where) {
      await flush();
      return db.event.count({ where });
    },
  };
}
