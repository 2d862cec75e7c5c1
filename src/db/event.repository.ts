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
    /** `at` is the service clock's now: the merchant's numbers count events by it. */
    async record(events: NewEvent[], at: Date): Promise<void> {
      if (events.length > 0) await db.event.createMany({ data: events.map((e) => ({ ...e, createdAt: at })) });
    },
    count(where: { dealId?: number; type?: EventType; userId?: bigint }) {
      return db.event.count({ where });
    },
  };
}

export type EventRepository = ReturnType<typeof createEventRepository>;
