import type { Db } from "./client.js";

/** PUSH: the offer reached the user in a push (source push:<id>). */
export type EventType = "IMPRESSION" | "VIEW" | "PUSH";

export interface NewEvent {
  type: EventType;
  dealId: number;
  userId: bigint;
  source: string;
}

export function createEventRepository(db: Db) {
  return {
    async record(events: NewEvent[]): Promise<void> {
      if (events.length > 0) await db.event.createMany({ data: events });
    },
    count(where: { dealId?: number; type?: EventType; userId?: bigint }) {
      return db.event.count({ where });
    },
  };
}

export type EventRepository = ReturnType<typeof createEventRepository>;
