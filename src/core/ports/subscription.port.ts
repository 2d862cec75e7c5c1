import type { NewSubscription, Subscription, SubscriptionChanges, SubscriptionToMatch } from "../../domain/subscription.js";

export interface SubscriptionRepository {
  create(data: NewSubscription): Promise<Subscription>;
  find(id: number): Promise<Subscription | null>;
  listOf(userId: bigint): Promise<Subscription[]>;
  update(id: number, changes: SubscriptionChanges): Promise<Subscription>;
  /** Deletes the user's subscriptions among `ids` (all of them when omitted); returns how many. */
  deleteOf(userId: bigint, ids?: number[]): Promise<number>;
  /**
   * Every subscription that may get a digest in this run: its user has not
   * blocked the bot and has no digest still waiting in the outbox.
   */
  forMatching(): Promise<SubscriptionToMatch[]>;
}
