import type { EventRepository } from "../core/ports/event.port.js";
import type { NewEvent } from "../domain/event.js";
import { Prisma } from "../generated/prisma/client.js";
import type { Db } from "./client.js";

/** Rows per statement: five values each, well under SQLite's 32,766 parameters. */
const ROWS_PER_INSERT = 1000;

/**
 * One plain INSERT: the client's createMany opens a transaction around its
 * statement and plans the query on every call, three times the cost of the
 * write itself (measured), paid by every list a user is shown.
 */
function insert(db: Db, events: NewEvent[], at: Date) {
  const rows = events.map((e) => Prisma.sql`(${e.type}, ${e.dealId}, ${e.userId}, ${e.source}, ${at})`);
  return db.$executeRaw`INSERT INTO "Event" ("type", "dealId", "userId", "source", "createdAt") VALUES ${Prisma.join(rows)}`;
}

export function createEventRepository(db: Db): EventRepository {
  return {
    async record(events, at) {
      const statements = [];
      for (let i = 0; i < events.length; i += ROWS_PER_INSERT) statements.push(insert(db, events.slice(i, i + ROWS_PER_INSERT), at));
      if (statements.length === 1) await statements[0];
      else if (statements.length > 1) await db.$transaction(statements);
    },
    count(where) {
      return db.event.count({ where });
    },
  };
}
