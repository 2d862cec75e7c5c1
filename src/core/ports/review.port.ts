// Reviews: the repository behind them, and what the core says to people
// about them outside a conversation.
import type { VoucherStatus } from "../../domain/lifecycles.js";
import type { HolderPlace, NewReview, Review, ReviewOrder, ReviewPhotoKind, ReviewPhotoUpload, ShownReview } from "../../domain/review.js";

/** A redeemed voucher as the review rule and the prompt read it. */
export interface VoucherToReview {
  id: number;
  holderId: bigint;
  status: VoucherStatus;
  redeemedAt: Date | null;
  dealId: number;
  /** The offer's title as bought. */
  dealTitle: string;
  shop: { id: number; name: string; ownerId: bigint; lat: number; lng: number };
}

/** A redeemed voucher whose holder has not been asked yet, with the places they subscribed to. */
export interface PromptCandidate extends VoucherToReview {
  redeemedAt: Date;
  /** Every place the holder subscribed to, with its quiet hours and clock; none when they subscribed to none. */
  holderPlaces: HolderPlace[];
}

export interface ReviewExportRow {
  createdAt: Date;
  dealTitle: string;
  stars: number;
  quality: number | null;
  service: number | null;
  value: number | null;
  text: string;
  photos: number;
  helpful: number;
  reply: string | null;
  hidden: boolean;
  authorId: bigint;
}

export interface ReviewRepository {
  voucher(voucherId: number): Promise<VoucherToReview | null>;
  /** Which of these vouchers have a review (hidden ones too): one query however many are asked about. */
  reviewedVoucherIds(voucherIds: number[]): Promise<Set<number>>;
  /** The stars of the reviews written for these vouchers (hidden ones too), by voucher id. */
  starsByVoucher(voucherIds: number[]): Promise<Map<number, number>>;
  /**
   * Stores the review and adds its stars to its shop's totals, in one
   * transaction; null when the voucher has one already (the unique voucherId).
   */
  create(review: NewReview, now: Date): Promise<Review | null>;
  find(id: number): Promise<ShownReview | null>;
  /** A shop's visible reviews, newest or most helpful first. */
  visibleOfShop(shopId: number, order: ReviewOrder, limit: number, offset: number): Promise<ShownReview[]>;
  countVisible(shopId: number): Promise<number>;
  /** Sets the reply if the review has none and is visible; false otherwise. */
  reply(id: number, text: string, now: Date): Promise<boolean>;
  /**
   * Hides a visible review and takes its stars out of its shop's totals, in
   * one transaction; null when it was hidden already.
   */
  hide(id: number, reason: string, byId: bigint, now: Date): Promise<ShownReview | null>;
  /** One vote per user: false when this user voted already. */
  vote(reviewId: number, userId: bigint, now: Date): Promise<boolean>;
  /** Redeemed vouchers not asked about yet, redeemed between `from` and `to`. */
  promptCandidates(from: Date, to: Date, limit: number): Promise<PromptCandidate[]>;
  /** Marks the voucher asked; false when another run did first. */
  markAsked(voucherId: number, now: Date): Promise<boolean>;
  /** Visible reviews' stars of the shop (or one offer) written in [from, to). */
  starsBetween(shopId: number, from: Date, to: Date, dealId?: number): Promise<number[]>;
  forExport(shopId: number): Promise<ReviewExportRow[]>;
}

/** The shop a message about a review names (its pin gives the clock dates are read on). */
export interface ReviewedShop {
  name: string;
  lat: number;
  lng: number;
}

export type PromptOutcome = "sent" | "blocked" | "failed";

export interface ReviewMessages {
  /** Asks the holder, in their language, how the visit was, with star buttons. */
  askForReview(voucher: VoucherToReview): Promise<PromptOutcome>;
  /** Tells the owner of a new review, with a button to reply. */
  newReview(ownerId: bigint, review: ShownReview, shop: ReviewedShop): Promise<void>;
  /** Tells the author their review was hidden, and why. */
  reviewHidden(review: ShownReview, shop: ReviewedShop): Promise<void>;
  /** Tells the author the owner replied. */
  replied(review: ShownReview, shop: ReviewedShop): Promise<void>;
}

/**
 * Where review photos live: Telegram's files, as the chat's photos do. A photo
 * uploaded from the Mini App is stored there for its author; its file id is
 * what the review keeps, and what /api/photos/review serves.
 */
export interface ReviewPhotoStore {
  /** The stored photo's file id; null when it could not be stored (the author blocked the bot, Telegram refused). */
  store(authorId: bigint, photo: ReviewPhotoUpload, kind: ReviewPhotoKind): Promise<string | null>;
}
