// Something a user saw, kept for the merchant's funnel.

/**
 * PUSH: the offer reached the user in a push (source push:<id>). SHARE: the
 * user sent the offer into a chat from inline mode (source friends:<share id>).
 */
export type EventType = "IMPRESSION" | "VIEW" | "PUSH" | "SHARE";

export interface NewEvent {
  type: EventType;
  dealId: number;
  userId: bigint;
  /** Where the user came from: nearby, search, push:<id>, link:<payload> … */
  source: string;
}
