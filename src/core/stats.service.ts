import type { DealRepository } from "./ports/deal.port.js";
import type { FollowRepository } from "./ports/follow.port.js";
import type { ShopPlace } from "../domain/shop.js";
import type { StatsQueries } from "./ports/stats.port.js";
import { lastLocalDays, localDay, startOfLocalDay, timeZoneOf } from "../domain/local-time.js";
import { periodRange, type Figures, type Period } from "../domain/stats.js";
import type { Clock } from "../util/clock.js";

export interface DailySeries {
  days: string[];
  purchases: number[];
  redemptions: number[];
}

export const CHART_DAYS = 30;

export function createStatsService({
  stats,
  deals,
  follows,
  clock,
}: {
  stats: StatsQueries;
  deals: Pick<DealRepository, "idsOfShop">;
  /** The shop's followers; without it, the figures leave them out. */
  follows?: Pick<FollowRepository, "followersOf">;
  clock: Clock;
}) {
  return {
    /** The shop's figures, or one offer's when `dealId` is given (the caller checked it is the shop's). */
    async figures(shop: ShopPlace, period: Period, dealId?: number, now = clock()): Promise<Figures> {
      const shopDealIds = await deals.idsOfShop(shop.id);
      const range = periodRange(period, now, timeZoneOf(shop));
      const figures = await stats.figures({ shopId: shop.id, shopDealIds, dealId }, range);
      if (dealId !== undefined || !follows) return figures;
      return { ...figures, followers: await follows.followersOf(shop.id, period === "all" ? null : range.from) };
    },
    /** Purchases and redemptions per local day, the last CHART_DAYS days. */
    async daily(shop: ShopPlace): Promise<DailySeries> {
      const zone = timeZoneOf(shop);
      const now = clock();
      const days = lastLocalDays(now, zone, CHART_DAYS);
      const activity = await stats.activitySince(await deals.idsOfShop(shop.id), startOfLocalDay(now, zone, CHART_DAYS - 1));
      const bucket = (dates: Date[]) => {
        const counts = new Map<string, number>();
        for (const d of dates) counts.set(localDay(d, zone), (counts.get(localDay(d, zone)) ?? 0) + 1);
        return days.map((day) => counts.get(day) ?? 0);
      };
      return { days, purchases: bucket(activity.purchases), redemptions: bucket(activity.redemptions) };
    },
  };
}

export type StatsService = ReturnType<typeof createStatsService>;
