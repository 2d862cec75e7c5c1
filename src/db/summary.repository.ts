// The owners' daily summary: who opted out, and which local day each shop last got.
import type { DailySummaryRepository } from "../core/ports/summary.port.js";
import { OPEN_SHOP } from "../domain/shop.js";
import type { Db } from "./client.js";
import { toShop } from "./rows.js";

export function createSummaryRepository(db: Db): DailySummaryRepository {
  return {
    async isOptedOut(shopId) {
      return (await db.dailySummary.findUnique({ where: { shopId } }))?.optedOut ?? false;
    },
    async setOptedOut(shopId, optedOut) {
      await db.dailySummary.upsert({ where: { shopId }, create: { shopId, optedOut }, update: { optedOut } });
    },
    async candidates() {
      const settings = await db.dailySummary.findMany();
      const byShop = new Map(settings.map((s) => [s.shopId, s]));
      const shops = await db.shop.findMany({ where: { status: OPEN_SHOP } });
      return shops
        .filter((shop) => !byShop.get(shop.id)?.optedOut)
        .map((shop) => ({ shop: toShop(shop), lastSentOn: byShop.get(shop.id)?.lastSentOn ?? null }));
    },
    async claimDay(shopId, day) {
      await db.dailySummary.upsert({ where: { shopId }, create: { shopId }, update: {} });
      const { count } = await db.dailySummary.updateMany({
        where: { shopId, optedOut: false, OR: [{ lastSentOn: null }, { lastSentOn: { not: day } }] },
        data: { lastSentOn: day },
      });
      return count === 1;
    },
  };
}
