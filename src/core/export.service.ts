// /export: the shop's orders and redemptions, row by row. Buyers appear as
// "customer 1, 2, …" in the order of their first purchase: the merchant can
// follow a customer without learning their Telegram account. Dates are the
// shop's local time; the bot writes the files (headers in the owner's language).
import type { ExportQueries } from "./ports/export.port.js";
import type { DealRepository } from "./ports/deal.port.js";
import type { ReviewRepository } from "./ports/review.port.js";
import type { ShopPlace } from "../domain/shop.js";
import { decimalMoney, type Cell } from "../domain/csv.js";
import { localDateTime, localDay, timeZoneOf } from "../domain/local-time.js";
import { formatVoucherCode } from "../domain/voucher-code.js";
import type { Clock } from "../util/clock.js";

export interface ShopExport {
  /** The shop's time zone, which every date in the rows is in. */
  zone: string;
  /** Today in the shop's time zone (YYYY-MM-DD), for the file names. */
  day: string;
  /** order, created, status, paid, refunded, offer, offer title, customer, quantity, unit price, usual unit price, total, currency, source */
  orders: Cell[][];
  /** voucher, code, redeemed, order, offer, offer title, customer, price paid, discount given, currency */
  redemptions: Cell[][];
  /** written, offer title, customer, stars, quality, service, value, text, photos, helpful, reply, hidden */
  reviews: Cell[][];
}

export function createExportService({
  exports,
  deals,
  reviews,
  clock,
}: {
  exports: ExportQueries;
  deals: Pick<DealRepository, "idsOfShop">;
  reviews: Pick<ReviewRepository, "forExport">;
  clock: Clock;
}) {
  return {
    async rows(shop: ShopPlace): Promise<ShopExport> {
      const zone = timeZoneOf(shop);
      const when = (d: Date | null) => (d ? localDateTime(d, zone) : null);
      const dealIds = await deals.idsOfShop(shop.id);
      const [orders, redemptions, written] = await Promise.all([
        exports.orders(dealIds),
        exports.redemptions(dealIds),
        reviews.forExport(shop.id),
      ]);
      const customers = new Map<bigint, number>();
      const customer = (id: bigint) => {
        if (!customers.has(id)) customers.set(id, customers.size + 1);
        return customers.get(id)!;
      };
      return {
        zone,
        day: localDay(clock(), zone),
        orders: orders.map((o) => [
          o.id,
          when(o.createdAt),
          o.status,
          when(o.paidAt),
          when(o.refundedAt),
          o.dealId,
          o.dealTitle,
          customer(o.buyerId),
          o.quantity,
          decimalMoney(o.unitPriceMinor, o.currency),
          decimalMoney(o.unitOriginalMinor, o.currency),
          decimalMoney(o.totalMinor, o.currency),
          o.currency,
          o.source,
        ]),
        redemptions: redemptions.map((v) => [
          v.id,
          formatVoucherCode(v.code),
          when(v.redeemedAt),
          v.orderId,
          v.dealId,
          v.dealTitle,
          customer(v.holderId),
          decimalMoney(v.unitPriceMinor, v.currency),
          decimalMoney(v.unitOriginalMinor - v.unitPriceMinor, v.currency),
          v.currency,
        ]),
        // Hidden reviews are listed, marked: the owner sees what an operator removed.
        reviews: written.map((r) => [
          when(r.createdAt),
          r.dealTitle,
          customer(r.authorId),
          r.stars,
          r.quality,
          r.service,
          r.value,
          r.text,
          r.photos,
          r.helpful,
          r.reply,
          r.hidden ? "hidden" : "",
        ]),
      };
    },
  };
}

export type ExportService = ReturnType<typeof createExportService>;
