// Verified reviews: writing one for a redeemed voucher, the shop's page of
// reviews, "helpful" votes, the owner's one reply, operators hiding a review,
// and the scheduled prompt a few hours after a redemption.
import { DomainError } from "../domain/errors.js";
import {
  assertMayReply,
  assertMayReview,
  assertMayVote,
  averageRating,
  checkReview,
  checkReviewPhoto,
  cleanHideReason,
  cleanReplyText,
  PROMPT_WINDOW_DAYS,
  promptDue,
  promptsPerVisit,
  promptQuiet,
  REVIEWS_PER_PAGE,
  type ReviewInput,
  type ReviewOrder,
  type ReviewPhotoUpload,
  type ShownReview,
} from "../domain/review.js";
import { isOpen, type Shop } from "../domain/shop.js";
import type { ReviewMessages, ReviewPhotoStore, ReviewRepository, VoucherToReview } from "./ports/review.port.js";
import type { ShopRepository } from "./ports/shop.port.js";
import type { Clock } from "../util/clock.js";

const HOUR_MS = 3_600_000;
/** Prompts one run may send: the rest wait for the next run (bulk sends are paced). */
const PROMPTS_PER_RUN = 500;

export interface ShopPage {
  shop: Shop;
  rating: number | null;
  reviews: ShownReview[];
  order: ReviewOrder;
  page: number;
  pages: number;
  total: number;
}

export function createReviewService({
  reviews,
  shops,
  messages,
  photoStore,
  clock,
  promptDelayHours,
}: {
  reviews: ReviewRepository;
  shops: Pick<ShopRepository, "find" | "findByOwner">;
  messages: ReviewMessages;
  /** Where photos uploaded with a review (from the Mini App) are stored. */
  photoStore: ReviewPhotoStore;
  clock: Clock;
  /** Hours after a redemption before its holder is asked (REVIEW_PROMPT_HOURS). */
  promptDelayHours: number;
}) {
  /** The voucher, if this user may review it now; otherwise the reason. */
  async function reviewable(userId: bigint, voucherId: number): Promise<VoucherToReview> {
    const voucher = await reviews.voucher(voucherId);
    const done = voucher ? (await reviews.reviewedVoucherIds([voucherId])).size > 0 : false;
    assertMayReview(voucher, userId, done);
    return voucher!;
  }

  async function visible(reviewId: number): Promise<ShownReview> {
    const review = await reviews.find(reviewId);
    if (!review || review.hiddenAt) throw new DomainError("review-not-found");
    return review;
  }

  async function shopOf(shopId: number): Promise<Shop> {
    const shop = await shops.find(shopId);
    if (!shop) throw new DomainError("shop-not-found");
    return shop;
  }

  return {
    /** Checked when the stars are pressed, so the author hears at once that they cannot review. */
    reviewable,

    /**
     * Stores the review (the rule again, then the database's one-per-voucher)
     * and tells the owner. The chat's photos come as file ids in `input`; the
     * Mini App's as bytes in `uploads`, stored only once the review is allowed
     * and valid, so a refused one leaves nothing behind anywhere.
     */
    async submit(userId: bigint, voucherId: number, input: ReviewInput, uploads: ReviewPhotoUpload[] = []): Promise<ShownReview> {
      const voucher = await reviewable(userId, voucherId);
      const checked = checkReview(input, uploads.length);
      const kinds = uploads.map(checkReviewPhoto);
      for (const [n, upload] of uploads.entries()) {
        const fileId = await photoStore.store(userId, upload, kinds[n]!);
        if (!fileId) throw new DomainError("review-photo-failed");
        checked.photos = [...checked.photos, fileId];
      }
      const now = clock();
      const created = await reviews.create({ voucherId, shopId: voucher.shop.id, dealId: voucher.dealId, authorId: userId, ...checked }, now);
      if (!created) throw new DomainError("review-already-written");
      // The review answers the prompt: a prompt run under way skips this voucher.
      await reviews.markAsked(voucherId, now);
      const review = (await reviews.find(created.id))!;
      await messages.newReview(voucher.shop.ownerId, review, voucher.shop);
      return review;
    },

    /** Which of these vouchers have a review already (for /mycodes). */
    reviewedAmong: (voucherIds: number[]) => reviews.reviewedVoucherIds(voucherIds),

    /** The stars each of these vouchers' reviews gave, by voucher id (for the Mini App's wallet). */
    starsGiven: (voucherIds: number[]) => reviews.starsByVoucher(voucherIds),

    /** A shop alone, without its reviews: where a review is shown, its dates are the shop's local time. */
    shop: shopOf,

    /** A visible review (one the shop's page shows anyone). */
    review: visible,

    /** An open shop's reviews, a page of them; a shop not open is not found, as its offers are not. */
    async shopPage(shopId: number, order: ReviewOrder, page: number): Promise<ShopPage> {
      const shop = await shopOf(shopId);
      if (!isOpen(shop)) throw new DomainError("shop-not-found");
      const total = await reviews.countVisible(shopId);
      const pages = Math.max(1, Math.ceil(total / REVIEWS_PER_PAGE));
      const current = Math.min(Math.max(0, page), pages - 1);
      const shown = await reviews.visibleOfShop(shopId, order, REVIEWS_PER_PAGE, current * REVIEWS_PER_PAGE);
      return { shop, rating: averageRating(shop), reviews: shown, order, page: current, pages, total };
    },

    /** A visible review's photos (file ids). */
    async photos(reviewId: number): Promise<string[]> {
      return (await visible(reviewId)).photos;
    },

    /** "Helpful": one vote per user, not the author's nor the owner's; false when they voted already. */
    async vote(userId: bigint, reviewId: number): Promise<boolean> {
      const review = await visible(reviewId);
      assertMayVote(review, await shopOf(review.shopId), userId);
      return reviews.vote(reviewId, userId, clock());
    },

    /** The owner's one public reply; the author is told. */
    async reply(ownerId: bigint, reviewId: number, text: string): Promise<ShownReview> {
      const review = await visible(reviewId);
      const shop = await shops.findByOwner(ownerId);
      if (!shop || shop.id !== review.shopId) throw new DomainError("review-not-found");
      assertMayReply(review);
      const cleaned = cleanReplyText(text);
      if (!(await reviews.reply(reviewId, cleaned, clock()))) throw new DomainError("review-already-replied");
      const replied = (await reviews.find(reviewId))!;
      await messages.replied(replied, shop);
      return replied;
    },

    /** A review the owner may reply to: theirs and not replied yet. */
    async toReply(ownerId: bigint, reviewId: number): Promise<ShownReview> {
      const review = await visible(reviewId);
      const shop = await shops.findByOwner(ownerId);
      if (!shop || shop.id !== review.shopId) throw new DomainError("review-not-found");
      assertMayReply(review);
      return review;
    },

    /**
     * An operator hides a review that breaks the rules: it leaves the shop's
     * page, rating, ranking and numbers, and its author is told why. Whether
     * the user is an operator is the front's check (ADMIN_IDS).
     */
    async hide(operatorId: bigint, reviewId: number, reason: string): Promise<ShownReview> {
      await visible(reviewId);
      const hidden = await reviews.hide(reviewId, cleanHideReason(reason), operatorId, clock());
      if (!hidden) throw new DomainError("review-not-found");
      const shop = await shopOf(hidden.shopId);
      await messages.reviewHidden(hidden, shop);
      return hidden;
    },

    /**
     * Scheduled: asks the holders of vouchers redeemed `promptDelayHours` ago
     * (up to a week) how it was, once a visit, outside their quiet hours. The voucher is
     * marked asked before the message leaves, so a crash or a second process
     * never asks twice (a prompt lost in a crash is not sent again).
     */
    async askDue(now: Date = clock()): Promise<number> {
      const from = new Date(now.getTime() - PROMPT_WINDOW_DAYS * 24 * HOUR_MS);
      const to = new Date(now.getTime() - promptDelayHours * HOUR_MS);
      const due = (await reviews.promptCandidates(from, to, PROMPTS_PER_RUN)).filter((c) =>
        promptDue(c.redeemedAt, now, promptDelayHours, promptQuiet(c.holderPlaces, c.shop)),
      );
      // A review marks its voucher asked (see submit); reviews older than that
      // rule are found here, in one query for the whole run.
      const reviewed = await reviews.reviewedVoucherIds(due.map((c) => c.id));
      const toAsk = new Set(promptsPerVisit(due, reviewed));
      let asked = 0;
      for (const candidate of due) {
        if (!(await reviews.markAsked(candidate.id, now)) || !toAsk.has(candidate)) continue;
        if ((await messages.askForReview(candidate)) === "sent") asked++;
      }
      return asked;
    },
  };
}

export type ReviewService = ReturnType<typeof createReviewService>;
