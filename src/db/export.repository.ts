// The rows of a merchant's export: every order and every redemption of the shop.
import { VoucherStatus } from "../domain/lifecycles.js";
import type { Db } from "./client.js";

export function createExportRepository(db: Db) {
  return {
    orders(dealIds: number[]) {
      return db.order.findMany({
        where: { dealId: { in: dealIds } },
        orderBy: { id: "asc" },
        include: { deal: { select: { title: true } } },
      });
    },
    redemptions(dealIds: number[]) {
      return db.voucher.findMany({
        where: { dealId: { in: dealIds }, status: VoucherStatus.REDEEMED },
        orderBy: [{ redeemedAt: "asc" }, { id: "asc" }],
        include: { deal: { select: { title: true } }, order: { select: { unitPriceMinor: true, unitOriginalMinor: true, currency: true } } },
      });
    },
  };
}

export type ExportRepository = ReturnType<typeof createExportRepository>;
