// A referral reward a merchant funds for one of their offers: when a friend
// redeems a voucher bought through someone's share of it, the sharer gets a
// free voucher (of that offer or another of the shop's). The reward is a real
// voucher, priced 0 with the offer's usual price, so the merchant pays its
// discount like any free coupon's. These are the rules of who gets one.
import { DealStatus } from "./lifecycles.js";
import { localDay, startOfLocalDay } from "./local-time.js";
import { voucherExpiresAt } from "./order.js";
import { creditsSharer, type Share } from "./share.js";

/** The source of a reward's order: not a sale, so the merchant's sales figures leave it out. */
export const REWARD_SOURCE = "reward";

/** A cap counts the rewards given this calendar month (the shop's clock), or ever. */
export const CAP_PERIODS = ["month", "total"] as const;
export type CapPeriod = (typeof CAP_PERIODS)[number];

/** The caps offered as buttons; the default keeps a first try cheap. */
export const REWARD_CAPS = [1, 5, 10, 25, 50, 100] as const;
export const DEFAULT_REWARD_CAP = 10;

/** An offer's referral reward: which offer the sharer gets a voucher for (null: off), and the cap. */
export interface ReferralSetting {
  dealId: number;
  rewardDealId: number | null;
  cap: number;
  capPeriod: CapPeriod;
}

/** What an offer without a setting has: no reward, and the default cap ready for when one is chosen. */
export const rewardOff = (dealId: number): ReferralSetting => ({ dealId, rewardDealId: null, cap: DEFAULT_REWARD_CAP, capPeriod: "month" });

/** What of an offer decides whether it can be given as a reward. */
export interface RewardOffer {
  id: number;
  shopId: number;
  status: string;
  stockLeft: number;
  minBuyers: number;
  /** Days its vouchers are valid. */
  voucherValidDays: number;
}

/**
 * Whether an offer can be the reward of another of the shop's: the same shop,
 * not ended or suspended, and not a group deal (a reward voucher is usable at
 * once, and its holder is nobody's buyer).
 */
export function canBeReward(rewarding: { shopId: number }, offer: Omit<RewardOffer, "stockLeft" | "voucherValidDays">): boolean {
  return (
    offer.shopId === rewarding.shopId &&
    (offer.status === DealStatus.ACTIVE || offer.status === DealStatus.PAUSED) &&
    offer.minBuyers === 0
  );
}

/**
 * Why a redemption earns no reward; plain words, as they are internal ids:
 * off (no reward set), unshared (the voucher did not come through someone
 * else's share of this offer), self (the sharer redeemed their own), granted
 * (this friend already earned one for this offer), customer (the friend had
 * bought at the shop before the shared visit), capped, unavailable (the
 * reward's offer cannot be given now: ended, a group deal, none left).
 */
export type RewardRefusal = "off" | "unshared" | "self" | "granted" | "customer" | "capped" | "unavailable";

/** Everything the rule reads, read by the repository under the reward's lock. */
export interface RewardFacts {
  setting: ReferralSetting | null;
  /** The offer of the redeemed voucher, and its shop. */
  deal: { id: number; shopId: number };
  /** The share the voucher's order came through. */
  share: Share | null;
  /** Who bought (and now redeemed) the voucher. */
  friendId: bigint;
  /** The friend's first visit recorded through the share; null when none was. */
  firstSharedVisitAt: Date | null;
  /** When the friend's order through the share was made. */
  orderCreatedAt: Date;
  /** The friend's first paid order at the shop other than the one through the share, if any. */
  firstOtherOrderAt: Date | null;
  /** A reward was already given for this friend and this offer. */
  alreadyGranted: boolean;
  /** Rewards of this offer given since the cap's period began. */
  givenInPeriod: number;
  /** The offer the reward voucher would be for. */
  rewardOffer: RewardOffer | null;
  /** When the reward would be given. */
  now: Date;
}

/** When the friend first came through the share: their first visit through it, or their order when that came first or no visit was recorded. */
export function sharedVisitAt(f: Pick<RewardFacts, "firstSharedVisitAt" | "orderCreatedAt">): Date {
  const visit = f.firstSharedVisitAt;
  return visit !== null && visit < f.orderCreatedAt ? visit : f.orderCreatedAt;
}

/** The friend was already the shop's customer: they paid for another order there before they first came through the share. */
export function wasCustomer(f: Pick<RewardFacts, "firstSharedVisitAt" | "orderCreatedAt" | "firstOtherOrderAt">): boolean {
  return f.firstOtherOrderAt !== null && f.firstOtherOrderAt < sharedVisitAt(f);
}

/** A reward voucher is valid for its offer's days from the moment it is given, as a bought one is from its activation. */
export function rewardExpiresAt(givenAt: Date, offer: Pick<RewardOffer, "voucherValidDays">): Date {
  return voucherExpiresAt(givenAt, offer.voucherValidDays);
}

/** Null when the sharer earns the reward; otherwise why not. */
export function rewardRefusal(f: RewardFacts): RewardRefusal | null {
  if (!f.setting || f.setting.rewardDealId === null) return "off";
  if (f.share === null || f.share.dealId !== f.deal.id) return "unshared";
  if (!creditsSharer(f.share, f.deal.id, f.friendId)) return "self";
  if (f.alreadyGranted) return "granted";
  if (wasCustomer(f)) return "customer";
  if (f.givenInPeriod >= f.setting.cap) return "capped";
  const offer = f.rewardOffer;
  if (!offer || offer.id !== f.setting.rewardDealId || !canBeReward(f.deal, offer) || offer.stockLeft < 1) return "unavailable";
  return null;
}

/** The reward voucher to write: whose, of which offer, valid until when. */
export interface RewardToGive {
  sharerId: bigint;
  rewardDealId: number;
  expiresAt: Date;
}

/** What a redemption earns the sharer: a reward voucher, or why nothing. */
export type RewardDecision = { refused: RewardRefusal } | { give: RewardToGive };

export function decideReward(f: RewardFacts): RewardDecision {
  const refused = rewardRefusal(f);
  if (refused) return { refused };
  const offer = f.rewardOffer!;
  return { give: { sharerId: f.share!.sharerId, rewardDealId: offer.id, expiresAt: rewardExpiresAt(f.now, offer) } };
}

/** Where the cap's count starts: the first instant of this month on the shop's clock, or the beginning. */
export function capPeriodStart(period: CapPeriod, now: Date, timeZone: string): Date {
  if (period === "total") return new Date(0);
  const dayOfMonth = Number(localDay(now, timeZone).slice(8, 10));
  return startOfLocalDay(now, timeZone, dayOfMonth - 1);
}

/** A cap as the merchant may set it: one of the offered caps, never zero (off is its own choice). */
export function isRewardCap(cap: number): boolean {
  return (REWARD_CAPS as readonly number[]).includes(cap);
}
