// An offer ("deal" in the code, whatever the screens call it): its data, and
// the rules that say when it is on sale and what a copy of it is.
import { DealStatus } from "./lifecycles.js";
import type { Shop } from "./shop.js";
import type { RefundPolicy } from "./validation.js";

/** Money is in minor units of `currency`. */
export interface Deal {
  id: number;
  shopId: number;
  title: string;
  description: string;
  finePrint: string;
  photoFileId: string | null;
  currency: string;
  priceMinor: number;
  originalPriceMinor: number;
  quantity: number;
  stockLeft: number;
  perPersonLimit: number;
  soldCount: number;
  voucherValidDays: number;
  status: DealStatus;
  /** The shop's, copied so the nearby query needs no join. */
  category: string;
  lat: number;
  lng: number;
  /** Geohash prefixes of the position at three precisions (the nearby index). */
  cell4: string;
  cell5: string;
  cell6: string;
  startsAt: Date;
  endsAt: Date;
  createdAt: Date;
  updatedAt: Date;
  refundPolicy: RefundPolicy;
  /** A group deal: vouchers stay pending until this many different people bought (0: not a group deal). */
  minBuyers: number;
  /** When a group deal reached its minimum. */
  groupReachedAt: Date | null;
}

export type DealWithShop = Deal & { shop: Shop };

/**
 * A new offer has sold nothing, unless it is imported with its history (demo
 * data); refund policy and group minimum have defaults.
 */
export type NewDeal = Omit<Deal, "id" | "soldCount" | "createdAt" | "updatedAt" | "refundPolicy" | "minBuyers" | "groupReachedAt"> &
  Partial<Pick<Deal, "soldCount" | "refundPolicy" | "minBuyers">>;

/** A deal as the nearby list reads it. */
export interface ListedDeal {
  id: number;
  shopId: number;
  /** The shop's visible reviews (stars summed, and counted): read for the deals listed. */
  ratingSum?: number;
  ratingCount?: number;
  title: string;
  currency: string;
  priceMinor: number;
  originalPriceMinor: number;
  soldCount: number;
  startsAt: Date;
  lat: number;
  lng: number;
}

/** The details an owner may change after publishing. */
export type DealPatch = Partial<Pick<Deal, "title" | "description" | "photoFileId" | "originalPriceMinor">>;

export interface DealSales {
  /** Vouchers sold (paid orders, refunded later or not). */
  units: number;
  revenueMinor: number;
}

export interface OnSaleFields {
  status: string;
  stockLeft: number;
  startsAt: Date;
  endsAt: Date;
  category: string;
}

/**
 * On sale: active, in stock, and inside its sale time (and in the category,
 * when one is asked for). The queries that list deals on sale say the same in
 * SQL (db/on-sale-sql.ts).
 */
export function isOnSale(deal: OnSaleFields, now: Date, category?: string): boolean {
  return (
    deal.status === DealStatus.ACTIVE &&
    deal.stockLeft > 0 &&
    deal.startsAt <= now &&
    deal.endsAt > now &&
    (category === undefined || deal.category === category)
  );
}

/**
 * A fresh copy of an offer, paused so the merchant can adjust it before it
 * goes on sale: all of it in stock, nothing sold, its sale as long as the
 * original's, starting now.
 */
export function copyOf(deal: Deal, now: Date): NewDeal {
  // Only the offer's own columns: whatever is loaded with it (its shop) is not copied.
  const { id: _id, createdAt: _c, updatedAt: _u, soldCount: _s, groupReachedAt: _g, shop: _shop, ...fields } = deal as Deal & {
    shop?: unknown;
  };
  const duration = deal.endsAt.getTime() - deal.startsAt.getTime();
  return {
    ...fields,
    stockLeft: deal.quantity,
    status: DealStatus.PAUSED,
    startsAt: now,
    endsAt: new Date(now.getTime() + duration),
  };
}
