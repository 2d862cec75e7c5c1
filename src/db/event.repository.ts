import type { EventRepository } from "../core/ports/event.port.js";
import type { Db } from "./client.js";

export function createEventRepository(db: Db): EventRepository {
  return {
    async record(events, at) {
      if (events.length > 0) await db.event.createMany({ data: events.map((e) => ({ ...e, createdAt: at })) });
    },
    count(where) {
      return db.event.count({ where });
    },
  };
}
