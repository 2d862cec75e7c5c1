import type { OrderWithVouchers } from "../../domain/order.js";
import type { CapPeriod, ReferralSetting, RewardDecision, RewardFacts, RewardRefusal } from "../../domain/referral.js";

/** A redemption that may earn the sharer a reward: the friend's voucher, its order and the share it came through. */
export interface RewardClaim {
  voucherId: number;
  orderId: number;
  /** The redeemed voucher's offer, whose setting says what the reward is. */
  dealId: number;
  shopId: number;
  friendId: bigint;
  shareId: number;
  /** When the friend's order was made (the domain dates the shared visit by it when no visit through the share was recorded). */
  orderCreatedAt: Date;
  now: Date;
  /** Where the cap's count starts for a period (a month on the shop's clock). */
  capSince(period: CapPeriod): Date;
  /** The reward voucher's code. */
  newCode(): string;
}

export type Grant = { granted: OrderWithVouchers } | { refused: RewardRefusal };

/** Referral rewards: each offer's setting, and the rewards given. */
export interface ReferralRepository {
  setting(dealId: number): Promise<ReferralSetting | null>;
  save(setting: ReferralSetting): Promise<void>;
  /** Rewards of this offer given since `since`. */
  givenSince(dealId: number, since: Date): Promise<number>;
  /**
   * Writes the reward `decide` gives (the free order and its voucher), on
   * facts read while holding the offer's reward lock (so racing redemptions
   * count each other against the cap), in one transaction. A second reward for
   * the same friend and offer is refused by the database too.
   */
  grant(claim: RewardClaim, decide: (facts: RewardFacts) => RewardDecision): Promise<Grant>;
}
