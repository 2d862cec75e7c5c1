// Something a user saw, kept for the merchant's funnel.

/** PUSH: the offer reached the user in a push (source push:<id>). */
export type EventType = "IMPRESSION" | "VIEW" | "PUSH";

export interface NewEvent {
  type: EventType;
  dealId: number;
  userId: bigint;
  /** Where the user came from: nearby, search, push:<id>, link:<payload> … */
  source: string;
}
