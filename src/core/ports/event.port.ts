import type { EventType, NewEvent } from "../../domain/event.js";

export interface EventRepository {
  /** `at` is the service clock's now: the merchant's numbers count events by it. */
  record(events: NewEvent[], at: Date): Promise<void>;
  count(where: { dealId?: number; type?: EventType; userId?: bigint }): Promise<number>;
}
