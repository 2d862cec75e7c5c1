// Followed shops and saved (♡) deals, and the reminders that come of them.
import type { DealWithShop } from "../../domain/deal.js";
import type { LastSeen } from "../../domain/follow.js";
import type { Shop } from "../../domain/shop.js";

/** A shop in a user's /following list. */
export interface FollowedShop {
  shop: Shop;
  followedAt: Date;
  /** Its offers on sale now. */
  onSale: number;
}

/** A follow that may bring a digest in this push run, with what the user's clock needs. */
export interface FollowToMatch extends LastSeen {
  userId: bigint;
  shopId: number;
  shopLat: number;
  shopLng: number;
}

export interface FollowRepository {
  /** Adds the follow; false when the user already follows the shop. */
  add(userId: bigint, shopId: number, at: Date): Promise<boolean>;
  /** Removes the follow; false when there was none. */
  remove(userId: bigint, shopId: number): Promise<boolean>;
  /** Removes every follow of the user; returns how many there were. */
  removeAllOf(userId: bigint): Promise<number>;
  isFollowing(userId: bigint, shopId: number): Promise<boolean>;
  countOf(userId: bigint): Promise<number>;
  /** The user's followed shops, latest first, with their offers on sale at `now`. */
  listOf(userId: bigint, now: Date): Promise<FollowedShop[]>;
  /**
   * The followers of these shops who may get a digest in this run: they have
   * not blocked the bot and have no digest still waiting in the outbox.
   */
  forMatching(shopIds: number[]): Promise<FollowToMatch[]>;
  /** Live digests planned since `since` that carried a followed shop's offer, per user. */
  recentFollowDigests(since: Date): Promise<{ userId: bigint; plannedAt: Date }[]>;
  /** A shop's followers now, and how many of them started following since `since` (null: all time). */
  followersOf(shopId: number, since: Date | null): Promise<{ total: number; new: number }>;
}

/** A saved deal in a user's /saved list. */
export interface SavedEntry {
  deal: DealWithShop;
  savedAt: Date;
}

export interface SavedDealRepository {
  /** Saves the deal; false when it was saved already. */
  add(userId: bigint, dealId: number, at: Date): Promise<boolean>;
  /** Unsaves it; false when it was not saved. */
  remove(userId: bigint, dealId: number): Promise<boolean>;
  isSaved(userId: bigint, dealId: number): Promise<boolean>;
  countOf(userId: bigint): Promise<number>;
  /** The user's saved deals, latest first. */
  listOf(userId: bigint): Promise<SavedEntry[]>;
}

/** A saved deal that may be due its reminder, with its saver's whereabouts. */
export interface SavedToRemind {
  userId: bigint;
  user: LastSeen;
  deal: DealWithShop;
}

/** An unused voucher that may be due its reminder. */
export interface VoucherToRemind {
  id: number;
  code: string;
  status: string;
  expiresAt: Date;
  holderId: bigint;
  holder: LastSeen;
  deal: DealWithShop;
}

export interface ReminderRepository {
  /**
   * Saved deals not yet reminded of, on sale at `now` and ending before
   * `endingBefore` or with at most `fewLeft` units or `fewShare` of their
   * quantity left, whose savers have not blocked the bot.
   */
  savedDue(now: Date, endingBefore: Date, fewLeft: number, fewShare: number): Promise<SavedToRemind[]>;
  /** Marks the saved deal reminded if it was not; true when this call did it (it may send). */
  claimSaved(userId: bigint, dealId: number, at: Date): Promise<boolean>;
  /**
   * ACTIVE vouchers not yet reminded of that expire in (now, until], whose
   * holders have not turned these reminders off nor blocked the bot.
   */
  vouchersDue(now: Date, until: Date): Promise<VoucherToRemind[]>;
  /** Marks those of these vouchers not yet reminded of; returns the ids this call marked (they may be sent). */
  claimVouchers(ids: number[], at: Date): Promise<number[]>;
  /** Turns the user's voucher reminders off (at `at`) or back on (null). */
  setVoucherRemindersOff(userId: bigint, at: Date | null): Promise<void>;
}
