// Verified reviews: who may write one, what it may hold, when its author is
// asked, and what a shop's rating is. Only the holder of a redeemed voucher
// reviews that visit, once (the database's unique voucherId backs the "once").
import { DomainError } from "./errors.js";
import { VoucherStatus } from "./lifecycles.js";
import { isQuiet, timeZoneOf, type QuietHours } from "./local-time.js";
import { visibleText } from "./validation.js";
import { averageOf } from "./rating.js";

export { averageRating, bayesianRating, PRIOR_REVIEWS, PRIOR_STARS, type RatingTotals } from "./rating.js";

export const STARS = [1, 2, 3, 4, 5] as const;
export const SUB_SCORES = ["quality", "service", "value"] as const;
export type SubScore = (typeof SUB_SCORES)[number];
/** Characters of a review's text or an owner's reply: a few paragraphs, well inside a caption. */
export const REVIEW_TEXT_MAX = 500;
export const REPLY_TEXT_MAX = 300;
export const REVIEW_PHOTOS_MAX = 3;
/**
 * Bytes of one photo uploaded from the Mini App (the app shrinks photos to
 * about 1600 px before sending, a few hundred kilobytes): well under
 * Telegram's 10 MB, where review photos are kept.
 */
export const REVIEW_PHOTO_MAX_BYTES = 2 * 1024 * 1024;
export const HIDE_REASON_MAX = 200;
/** Reviews a shop page shows at once. */
export const REVIEWS_PER_PAGE = 5;
/**
 * The prompt is for a visit still fresh: a voucher redeemed longer ago than
 * this (the job was down, or quiet hours lasted) is not asked about any more;
 * its holder can still review it from /mycodes.
 */
export const PROMPT_WINDOW_DAYS = 7;
/** Quiet hours for a holder who subscribed to no place (see promptQuiet). */
export const DEFAULT_REVIEW_QUIET: QuietHours = { quietStart: 22 * 60, quietEnd: 8 * 60 };

export type ReviewOrder = "newest" | "helpful";

export interface Review {
  id: number;
  voucherId: number;
  shopId: number;
  dealId: number;
  authorId: bigint;
  stars: number;
  quality: number | null;
  service: number | null;
  value: number | null;
  text: string;
  photos: string[];
  helpful: number;
  reply: string | null;
  repliedAt: Date | null;
  hiddenAt: Date | null;
  hiddenReason: string | null;
  createdAt: Date;
}

/** A review with what its readers see beside it: the author's first name and the offer's title. */
export type ShownReview = Review & { authorName: string; dealTitle: string };

export interface ReviewInput {
  stars: number;
  quality?: number | null;
  service?: number | null;
  value?: number | null;
  text?: string;
  photos?: string[];
}

export type NewReview = Omit<Review, "id" | "helpful" | "reply" | "repliedAt" | "hiddenAt" | "hiddenReason" | "createdAt">;

/** What the rule needs to know of a voucher. */
export interface ReviewableVoucher {
  id: number;
  holderId: bigint;
  status: VoucherStatus;
}

export function isStars(n: unknown): n is number {
  return typeof n === "number" && Number.isInteger(n) && n >= 1 && n <= 5;
}

/** Whether its holder may review this visit now: the voucher redeemed, and no review written for it yet. */
export function awaitsReview(status: VoucherStatus, alreadyReviewed: boolean): boolean {
  return status === VoucherStatus.REDEEMED && !alreadyReviewed;
}

/**
 * Only the holder of a redeemed voucher may review it, and only once. A voucher
 * of someone else reads as not found (its id came from a button: a claim).
 */
export function assertMayReview(voucher: ReviewableVoucher | null, userId: bigint, alreadyReviewed: boolean): ReviewableVoucher {
  if (!voucher || voucher.holderId !== userId) throw new DomainError("voucher-not-found");
  if (voucher.status !== VoucherStatus.REDEEMED) throw new DomainError("review-not-redeemed");
  if (alreadyReviewed) throw new DomainError("review-already-written");
  return voucher;
}

/**
 * "Helpful" ranks a shop's reviews for the people deciding where to go:
 * neither the review's author nor the shop's owner may push one up.
 */
export function assertMayVote(review: Pick<Review, "authorId">, shop: { ownerId: bigint }, userId: bigint): void {
  if (review.authorId === userId) throw new DomainError("review-vote-own");
  if (shop.ownerId === userId) throw new DomainError("review-vote-own-shop");
}

export function cleanReviewText(value: string): string {
  const cleaned = visibleText(value);
  if ([...cleaned].length > REVIEW_TEXT_MAX) throw new DomainError("too-long", { field: "review", max: REVIEW_TEXT_MAX });
  return cleaned;
}

export function cleanReplyText(value: string): string {
  const cleaned = visibleText(value);
  if (cleaned.length === 0) throw new DomainError("empty", { field: "reply" });
  if ([...cleaned].length > REPLY_TEXT_MAX) throw new DomainError("too-long", { field: "reply", max: REPLY_TEXT_MAX });
  return cleaned;
}

export function cleanHideReason(value: string): string {
  const cleaned = visibleText(value);
  if (cleaned.length === 0) throw new DomainError("empty", { field: "reason" });
  if ([...cleaned].length > HIDE_REASON_MAX) throw new DomainError("too-long", { field: "reason", max: HIDE_REASON_MAX });
  return cleaned;
}

/** A photo's own bytes, uploaded rather than sent in the chat. */
export interface ReviewPhotoUpload {
  bytes: Uint8Array;
}

export type ReviewPhotoKind = "jpg" | "png" | "webp";

/** What the bytes are, by their signature: a photo Telegram stores (JPEG, PNG, WebP), else null. */
export function photoKind(bytes: Uint8Array): ReviewPhotoKind | null {
  const starts = (...signature: number[]) => signature.every((b, i) => bytes[i] === b);
  if (starts(0xff, 0xd8, 0xff)) return "jpg";
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return "png";
  const ascii = (from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));
  if (bytes.length > 12 && ascii(0, 4) === "RIFF" && ascii(8, 12) === "WEBP") return "webp";
  return null;
}

/** An uploaded photo a review may hold: an image Telegram keeps, no larger than REVIEW_PHOTO_MAX_BYTES. */
export function checkReviewPhoto(photo: ReviewPhotoUpload): ReviewPhotoKind {
  const kind = photoKind(photo.bytes);
  if (!kind || photo.bytes.length > REVIEW_PHOTO_MAX_BYTES) {
    throw new DomainError("review-photo-refused", { mb: REVIEW_PHOTO_MAX_BYTES / (1024 * 1024) });
  }
  return kind;
}

/**
 * A review as it may be stored: stars 1–5, sub-scores 1–5 or none, text
 * cleaned, at most 3 photos (those sent with it and `uploads` more still to store).
 */
export function checkReview(input: ReviewInput, uploads = 0): Required<ReviewInput> {
  if (!isStars(input.stars)) throw new DomainError("out-of-range", { min: 1, max: 5 });
  const sub = (n: number | null | undefined) => {
    if (n === null || n === undefined) return null;
    if (!isStars(n)) throw new DomainError("out-of-range", { min: 1, max: 5 });
    return n;
  };
  const photos = input.photos ?? [];
  if (photos.length + uploads > REVIEW_PHOTOS_MAX) throw new DomainError("review-too-many-photos", { max: REVIEW_PHOTOS_MAX });
  return {
    stars: input.stars,
    quality: sub(input.quality),
    service: sub(input.service),
    value: sub(input.value),
    text: cleanReviewText(input.text ?? ""),
    photos,
  };
}

/** The owner replies once; a second reply is refused, not an edit. */
export function assertMayReply(review: Pick<Review, "reply" | "hiddenAt">): void {
  if (review.hiddenAt) throw new DomainError("review-not-found");
  if (review.reply !== null) throw new DomainError("review-already-replied");
}

/** A place the holder subscribed to, as the review prompt reads its quiet hours. */
export interface HolderPlace extends QuietHours {
  /** The subscription's id: the lowest is the place subscribed to first. */
  id: number;
  timeZone: string;
}

/**
 * The quiet hours a review prompt keeps: a subscriber's are those of their
 * first place, on that place's clock, as their pushes keep them; a holder who
 * subscribed to no place gets 22:00–08:00 on the shop's clock (they were
 * there a few hours ago).
 */
export function promptQuiet(places: readonly HolderPlace[], shop: { lat: number; lng: number }): { timeZone: string; hours: QuietHours } {
  const first = places.reduce<HolderPlace | null>((a, p) => (a === null || p.id < a.id ? p : a), null);
  if (!first) return { timeZone: timeZoneOf(shop), hours: DEFAULT_REVIEW_QUIET };
  return { timeZone: first.timeZone, hours: { quietStart: first.quietStart, quietEnd: first.quietEnd } };
}

/**
 * The prompt is due `delayHours` after the redemption, within the window,
 * outside the holder's quiet hours (a prompt due in them waits for the first
 * run after them).
 */
export function promptDue(
  redeemedAt: Date,
  now: Date,
  delayHours: number,
  quiet: { timeZone: string; hours: QuietHours },
): boolean {
  const since = now.getTime() - redeemedAt.getTime();
  if (since < delayHours * 3_600_000 || since > PROMPT_WINDOW_DAYS * 86_400_000) return false;
  return !isQuiet(now, quiet.timeZone, quiet.hours);
}

/** What the prompt needs to know of a redeemed voucher. */
interface PromptableVoucher {
  id: number;
  holderId: bigint;
  shop: { id: number };
  redeemedAt: Date;
}

/**
 * One prompt a visit: of a holder's vouchers of one shop that are due
 * together (two of an order redeemed at once), only the last redeemed is
 * asked about, and none when one of them is reviewed already. Every one of
 * them counts as asked; each can still be reviewed from /mycodes.
 */
export function promptsPerVisit<V extends PromptableVoucher>(due: V[], reviewed: ReadonlySet<number>): V[] {
  const visits = new Map<string, V[]>();
  for (const voucher of due) {
    const key = `${voucher.holderId}:${voucher.shop.id}`;
    visits.set(key, [...(visits.get(key) ?? []), voucher]);
  }
  return [...visits.values()]
    .filter((vouchers) => !vouchers.some((v) => reviewed.has(v.id)))
    .map((vouchers) => vouchers.reduce((last, v) => (v.redeemedAt > last.redeemedAt ? v : last)));
}

/** The rating in a period of /stats, and its change from the period of the same length before. */
export interface PeriodRating {
  average: number | null;
  count: number;
  /** The average minus the one before; null when either period has no reviews (or for "all"). */
  change: number | null;
}

export function periodRating(stars: number[], before: number[] | null): PeriodRating {
  const average = averageOf(stars);
  const previous = before ? averageOf(before) : null;
  const change = average === null || previous === null ? null : Math.round((average - previous) * 10) / 10;
  return { average, count: stars.length, change };
}
