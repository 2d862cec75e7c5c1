import type { PushStatus } from "../../domain/lifecycles.js";
import type { PushToSend, PushWithPlaces } from "../../domain/push.js";
import type { DealToMatch, PlannedDigest } from "../../domain/push-matching.js";

/**
 * The push outbox. A run first writes its digests (PENDING) in one
 * transaction, then sends them one by one: SENDING just before the request,
 * SENT with the message id right after. A restart resumes from the rows.
 */
export interface PushRepository {
  /** Offers on sale at `now` that went on sale since `since`. */
  freshDeals(now: Date, since: Date): Promise<DealToMatch[]>;
  /** Who already has which of these offers, pushed or bought (an order not lapsed), as "userId:dealId" keys. */
  pushedOrBoughtPairs(dealIds: number[]): Promise<Set<string>>;
  /** Live digests planned since `since`, by the places that contributed to them. */
  recentBySubscription(since: Date): Promise<{ subscriptionId: number; plannedAt: Date }[]>;
  /** Writes a run's digests in one transaction (after a crash, all of them or none); returns how many. */
  savePlans(plans: PlannedDigest[], plannedAt: Date): Promise<number>;
  /** SENDING rows left by a process that died become UNCONFIRMED; returns how many. */
  markInterrupted(): Promise<number>;
  duePending(afterId: number, limit: number): Promise<{ id: number }[]>;
  /** PENDING → SENDING, counting the attempt; false when another sender took it. */
  claim(id: number): Promise<boolean>;
  load(id: number): Promise<PushToSend | null>;
  /** Sent: the message id, and one PUSH event per offer for the merchant's numbers. */
  markSent(push: { id: number; userId: bigint; dealIds: number[] }, messageId: number, at: Date): Promise<void>;
  finish(id: number, status: Exclude<PushStatus, "SENT">, error?: string): Promise<void>;
  dropItems(pushId: number, dealIds: number[]): Promise<void>;
  /** Digests not sent yet are dropped when the user unsubscribes or blocks the bot. */
  cancelPendingOf(userId: bigint, status: "CANCELLED" | "BLOCKED"): Promise<void>;
  /** Whether this push carried this offer to this user (it left the outbox, so its buttons exist). */
  delivered(pushId: number, userId: bigint, dealId: number): Promise<boolean>;
  find(id: number): Promise<PushWithPlaces | null>;
}
