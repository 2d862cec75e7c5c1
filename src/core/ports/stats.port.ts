import type { Figures } from "../../domain/stats.js";

export interface Range {
  from: Date;
  to: Date;
}

/** The merchant's numbers, counted where the data is. */
export interface StatsQueries {
  /**
   * Everything counted for one offer of the shop, or for all of them, in the
   * range. A new customer is a buyer whose first paid order at the shop
   * (any of `shopDealIds`) falls in the range.
   */
  figures(of: { shopId: number; shopDealIds: number[]; dealId?: number }, range: Range): Promise<Figures>;
  /** When orders were paid and vouchers redeemed since `from`. */
  activitySince(dealIds: number[], from: Date): Promise<{ purchases: Date[]; redemptions: Date[] }>;
}
