// The merchant's numbers: which period, which channel, and the derived ratios.
// Counting happens in the database; the definitions live here.
import { startOfLocalDay } from "./local-time.js";
import type { PeriodRating } from "./review.js";

export const PERIODS = ["today", "7d", "30d", "all"] as const;
export type Period = (typeof PERIODS)[number];

export const CHANNELS = ["nearby", "search", "push", "link", "friends"] as const;
export type Channel = (typeof CHANNELS)[number];

/** Sources are "nearby", "search", "link", "push:<id>", "friends:<share id>" (or "link:<payload>"): the part before ":". */
export function channelOf(source: string): string {
  const i = source.indexOf(":");
  return i < 0 ? source : source.slice(0, i);
}

/** [from, to) in UTC for a period ending now, local days in the shop's zone. */
export function periodRange(period: Period, now: Date, timeZone: string): { from: Date; to: Date } {
  const daysBack = { today: 0, "7d": 6, "30d": 29 } as const;
  if (period === "all") return { from: new Date(0), to: now };
  return { from: startOfLocalDay(now, timeZone, daysBack[period]), to: now };
}

/**
 * Money per currency, in minor units: a shop may hold offers in two currencies
 * (it changed, or was registered before shops had one), and ¥233 and $10 are
 * never one sum.
 */
export type Sums = Record<string, number>;

export function addTo(sums: Sums, currency: string, minor: number): void {
  sums[currency] = (sums[currency] ?? 0) + minor;
}

export interface ChannelFigures {
  impressions: number;
  views: number;
  pushes: number;
  purchases: number;
  revenue: Sums;
}

export interface Figures {
  impressions: number;
  views: number;
  /** Pushes delivered. */
  pushes: number;
  /** Orders created: invoices sent and free coupons claimed. */
  invoices: number;
  /** Orders paid in the period, refunded later or not. */
  purchases: number;
  /** Vouchers (units) of those orders. */
  unitsSold: number;
  /** Of those vouchers, how many were redeemed (so far). */
  unitsSoldRedeemed: number;
  revenue: Sums;
  /** Vouchers redeemed in the period. */
  redeemed: number;
  /** Usual price minus price, over the vouchers redeemed in the period. */
  discount: Sums;
  refunds: number;
  refunded: Sums;
  /** Buyers in the period whose first paid order at the shop falls in it. */
  newCustomers: number;
  /**
   * Buyers who paid in the period after an earlier paid order at the shop: a
   * customer who bought six times this week is new once and returning too.
   */
  returningCustomers: number;
  byChannel: Record<Channel | "other", ChannelFigures>;
  /** Offers users sent to friends from inline mode (the friends channel's shares). */
  shares: number;
  /** Vouchers redeemed in the period whose order came through a friend's share. */
  friendsRedeemed: number;
  /**
   * Referral rewards given in the period (free vouchers to sharers whose
   * friends redeemed), and what they are worth at their usual price: the
   * discount the shop funds. Their orders are no sales: purchases, revenue
   * and customers leave them out; redeemed, they count in the discount given.
   */
  rewardsGiven: number;
  rewardsCost: Sums;
  /** The shop's followers now, and those who started following in the period (the shop's figures only). */
  followers?: { total: number; new: number };
  /** Visible reviews written in the period, and the change from the period before (see review.ts). */
  rating?: PeriodRating;
}

export function emptyChannelFigures(): ChannelFigures {
  return { impressions: 0, views: 0, pushes: 0, purchases: 0, revenue: {} };
}

/** Share of the vouchers sold in the period that were redeemed: null when none were sold. */
export function redemptionRate(f: Pick<Figures, "unitsSold" | "unitsSoldRedeemed">): number | null {
  return f.unitsSold === 0 ? null : f.unitsSoldRedeemed / f.unitsSold;
}

/** Input-output ratio in one currency: revenue earned per unit of discount given; null when no discount was given. */
export function returnOnDiscount(f: Pick<Figures, "revenue" | "discount">, currency: string): number | null {
  const discount = f.discount[currency] ?? 0;
  return discount === 0 ? null : (f.revenue[currency] ?? 0) / discount;
}
