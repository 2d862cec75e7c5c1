// /export: the shop's orders and redemptions as two CSV files. Buyers appear as
// "customer 1, 2, …" in the order of their first purchase: the merchant can
// follow a customer without learning their Telegram account.
import type { ExportRepository } from "../db/export.repository.js";
import type { OfferRepository } from "../db/offer.repository.js";
import type { Shop } from "../db/shop.repository.js";
import { decimalMoney, toCsv } from "../domain/csv.js";
import { localDateTime, timeZoneOf } from "../domain/local-time.js";

export function createExportService({ exports, offers }: { exports: ExportRepository; offers: OfferRepository }) {
  return {
    async csv(shop: Shop): Promise<{ orders: string; redemptions: string; orderCount: number; redemptionCount: number }> {
      const zone = timeZoneOf(shop);
      const when = (d: Date | null) => (d ? localDateTime(d, zone) : null);
      const dealIds = await offers.idsOfShop(shop.id);
      const [orders, redemptions] = await Promise.all([exports.orders(dealIds), exports.redemptions(dealIds)]);
      const customers = new Map<bigint, number>();
      const customer = (id: bigint) => {
        if (!customers.has(id)) customers.set(id, customers.size + 1);
        return customers.get(id)!;
      };
      const orderRows = orders.map((o) => [
        o.id,
        when(o.createdAt),
        o.status,
        when(o.paidAt),
        when(o.refundedAt),
        o.dealId,
        o.deal.title,
        customer(o.buyerId),
        o.quantity,
        decimalMoney(o.unitPriceMinor, o.currency),
        decimalMoney(o.unitOriginalMinor, o.currency),
        decimalMoney(o.totalMinor, o.currency),
        o.currency,
        o.source,
      ]);
      const redemptionRows = redemptions.map((v) => [
        v.id,
        when(v.redeemedAt),
        v.orderId,
        v.dealId,
        v.deal.title,
        customer(v.holderId),
        decimalMoney(v.order.unitPriceMinor, v.order.currency),
        decimalMoney(v.order.unitOriginalMinor - v.order.unitPriceMinor, v.order.currency),
        v.order.currency,
      ]);
      const zoneNote = `(${zone})`;
      return {
        orders: toCsv([
          ["order", `created ${zoneNote}`, "status", `paid ${zoneNote}`, `refunded ${zoneNote}`, "offer", "offer title", "customer", "quantity", "unit price", "usual unit price", "total", "currency", "source"],
          ...orderRows,
        ]),
        redemptions: toCsv([
          ["voucher", `redeemed ${zoneNote}`, "order", "offer", "offer title", "customer", "price paid", "discount given", "currency"],
          ...redemptionRows,
        ]),
        orderCount: orders.length,
        redemptionCount: redemptions.length,
      };
    },
  };
}

export type ExportService = ReturnType<typeof createExportService>;
