// The rows of a merchant's export: every order and every redemption of the shop.
import type { ExportQueries } from "../core/ports/export.port.js";
import { VoucherStatus } from "../domain/lifecycles.js";
import type { Db } from "./client.js";

export function createExportQueries(db: Db): ExportQueries {
  return {
    async orders(dealIds) {
      const rows = await db.order.findMany({
        where: { dealId: { in: dealIds } },
        orderBy: { id: "asc" },
        include: { deal: { select: { title: true } } },
      });
      return rows.map((o) => ({
        id: o.id,
        createdAt: o.createdAt,
        status: o.status,
        paidAt: o.paidAt,
        refundedAt: o.refundedAt,
        dealId: o.dealId,
        dealTitle: o.deal.title,
        buyerId: o.buyerId,
        quantity: o.quantity,
        unitPriceMinor: o.unitPriceMinor,
        unitOriginalMinor: o.unitOriginalMinor,
        totalMinor: o.totalMinor,
        currency: o.currency,
        source: o.source,
      }));
    },
    async redemptions(dealIds) {
      const rows = await db.voucher.findMany({
        where: { dealId: { in: dealIds }, status: VoucherStatus.REDEEMED },
        orderBy: [{ redeemedAt: "asc" }, { id: "asc" }],
        include: { deal: { select: { title: true } }, order: { select: { unitPriceMinor: true, unitOriginalMinor: true, currency: true } } },
      });
      return rows.map((v) => ({
        id: v.id,
        code: v.code,
        redeemedAt: v.redeemedAt,
        orderId: v.orderId,
        dealId: v.dealId,
        dealTitle: v.deal.title,
        holderId: v.holderId,
        unitPriceMinor: v.order.unitPriceMinor,
        unitOriginalMinor: v.order.unitOriginalMinor,
        currency: v.order.currency,
      }));
    },
  };
}
