import type { EventType, NewEvent } from "../../domain/event.js";

export interface EventRepository {
  /** `at` is the service clock's now: the merchant's numbers count events by it. */
  record(events: NewEvent[], at: Date): Promise<void>;
  /**
   * Queues events for writing soon, in batches, without holding the caller:
   * the impressions every list records, so a list is answered before they
   * are written. Reads of events in this process (count, the merchant's
   * numbers) write the queue first; flush() writes it now (at a stop).
   */
  recordSoon(events: NewEvent[], at: Date): void;
  flush(): Promise<void>;
  count(where: { dealId?: number; type?: EventType; userId?: bigint }): Promise<number>;
}
