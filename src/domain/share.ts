// Sharing deals with friends through inline mode: what an inline query asks
// for, the ids of its results, and the source that credits a sharer. A share
// is one sharer's link to one deal; what comes through it (visits, purchases,
// redemptions) counts in the "friends" channel of the merchant's numbers.
import { INLINE_QUERY_MAX, INLINE_RESULTS_MAX } from "./telegram-text.js";

/** The most results an inline answer holds (Telegram refuses more than 50). */
export const INLINE_RESULTS = INLINE_RESULTS_MAX;

/** What an inline query asks: one deal the user chose to send ("deal:<id>"), or deals near them matching words. */
export type InlineAsk = { kind: "deal"; dealId: number } | { kind: "search"; text: string };

const ONE_DEAL = /^deal:(\d{1,9})$/;

/** The inline query that sends one deal (the Send to a friend button, the Mini App's Share). */
export const oneDealQuery = (dealId: number) => `deal:${dealId}`;

/**
 * Reads an inline query. Telegram sends up to 256 characters of anything as
 * the user types; longer text (from another client) is cut, and blank or
 * punctuation-only text asks for everything nearby.
 */
export function readInlineQuery(query: string): InlineAsk {
  const text = [...query.normalize("NFKC").trim()].slice(0, INLINE_QUERY_MAX).join("").replace(/\s+/g, " ");
  const deal = ONE_DEAL.exec(text);
  if (deal) return { kind: "deal", dealId: Number(deal[1]) };
  return { kind: "search", text: /[\p{L}\p{N}]/u.test(text) ? text : "" };
}

/** An inline result's id: the share it sends (ASCII, far within Telegram's 64 bytes). */
export const shareResultId = (shareId: number) => `s${shareId}`;

/** The share a chosen inline result names, or null for an id this bot never gave. */
export function shareOfResultId(resultId: string): number | null {
  const match = /^s(\d{1,9})$/.exec(resultId);
  return match ? Number(match[1]) : null;
}

export const FRIENDS_CHANNEL = "friends";

/** The source recorded on a visit, order or share through a sharer's link. */
export const friendsSource = (shareId: number) => `${FRIENDS_CHANNEL}:${shareId}`;

/** The share a source names, or null when it is not the friends channel's. */
export function shareOfSource(source: string): number | null {
  const match = /^friends:(\d{1,9})$/.exec(source);
  return match ? Number(match[1]) : null;
}

/** What one user's shares brought, as /friends shows it. */
export interface FriendsBrought {
  /** Deals sent into chats. */
  sent: number;
  /** Different friends who opened a card through a share. */
  visitors: number;
  /** Different friends who bought through a share. */
  buyers: number;
  /** Different friends who redeemed a voucher bought through a share. */
  redeemers: number;
  /** Referral rewards the shops gave the sharer for those friends. */
  rewards: number;
}

/** A share as stored: who shared which deal. */
export interface Share {
  id: number;
  sharerId: bigint;
  dealId: number;
  createdAt: Date;
}

/**
 * Whether a visit or order claiming this share is credited to the sharer:
 * the share must be of this deal (a link edited to another deal credits
 * nobody), and nobody is their own friend.
 */
export function creditsSharer(share: Share | null, dealId: number, userId: bigint): boolean {
  return share !== null && share.dealId === dealId && share.sharerId !== userId;
}

/**
 * The location an inline search uses, as a cache cell: results are kept
 * briefly per query text and geohash-6 cell (about 1.2 × 0.6 km), so friends
 * typing the same words nearby share one search.
 */
export const inlineCacheKey = (text: string, cell6: string) => `${cell6}|${text.toLowerCase()}`;
