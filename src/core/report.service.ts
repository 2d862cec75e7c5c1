// An owner's numbers, each for the shop they own (staff and strangers are
// refused, and an offer id from a button must be one of the shop's): the
// figures of /stats, the 30-day chart and the CSV export.
import type { Period } from "../domain/stats.js";
import type { ConsoleService } from "./console.service.js";
import type { ExportService } from "./export.service.js";
import type { StatsService } from "./stats.service.js";

export function createReportService({
  owned,
  stats,
  exports,
}: {
  owned: Pick<ConsoleService, "ownedShop" | "ownedDeal">;
  stats: Pick<StatsService, "figures" | "daily">;
  exports: Pick<ExportService, "rows">;
}) {
  return {
    /** The shop's figures for a period, or one offer's (`dealId` 0: the shop's). */
    async figures(ownerId: bigint, period: Period, dealId: number) {
      const shop = await owned.ownedShop(ownerId);
      const deal = dealId === 0 ? null : await owned.ownedDeal(ownerId, dealId);
      return { shop, deal, figures: await stats.figures(shop, period, deal?.id) };
    },
    /** Purchases and redemptions per local day, for the chart. */
    async daily(ownerId: bigint) {
      const shop = await owned.ownedShop(ownerId);
      return { shop, series: await stats.daily(shop) };
    },
    /** The orders and redemptions, as rows for the CSV files. */
    async export(ownerId: bigint) {
      return exports.rows(await owned.ownedShop(ownerId));
    },
  };
}

export type ReportService = ReturnType<typeof createReportService>;
