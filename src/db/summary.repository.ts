// The owners' daily summary: who opted out, and which local day each shop last got.
import { ShopStatus } from "../domain/lifecycles.js";
import type { Db } from "./client.js";
import type { Shop } from "./shop.repository.js";
import type { User } from "./user.repository.js";

export function createSummaryRepository(db: Db) {
  return {
    async isOptedOut(shopId: number): Promise<boolean> {
      return (await db.dailySummary.findUnique({ where: { shopId } }))?.optedOut ?? false;
    },
    async setOptedOut(shopId: number, optedOut: boolean): Promise<void> {
      await db.dailySummary.upsert({ where: { shopId }, create: { shopId, optedOut }, update: { optedOut } });
    },
    /** Approved shops whose owner has not opted out, with the day each last got a summary. */
    async candidates(): Promise<{ shop: Shop & { owner: User }; lastSentOn: string | null }[]> {
      const settings = await db.dailySummary.findMany();
      const byShop = new Map(settings.map((s) => [s.shopId, s]));
      const shops = await db.shop.findMany({ where: { status: ShopStatus.APPROVED }, include: { owner: true } });
      return shops
        .filter((shop) => !byShop.get(shop.id)?.optedOut)
        .map((shop) => ({ shop, lastSentOn: byShop.get(shop.id)?.lastSentOn ?? null }));
    },
    /**
     * Claims the day's summary for a shop before it is sent: false when it was
     * already claimed (another run, or another process), so none goes twice.
     */
    async claimDay(shopId: number, day: string): Promise<boolean> {
      await db.dailySummary.upsert({ where: { shopId }, create: { shopId }, update: {} });
      const { count } = await db.dailySummary.updateMany({
        where: { shopId, optedOut: false, OR: [{ lastSentOn: null }, { lastSentOn: { not: day } }] },
        data: { lastSentOn: day },
      });
      return count === 1;
    },
  };
}

export type SummaryRepository = ReturnType<typeof createSummaryRepository>;
