// Rows inserted directly: the known data sets of the console's tests.
import type { Shop } from "../../src/generated/prisma/client.js";
import { cellsOf } from "../../src/domain/geo.js";

export function shopRow(ownerId: bigint, { lat, lng, status = "APPROVED" }: { lat: number; lng: number; status?: string }) {
  return { ownerId, name: `Shop ${ownerId}`, category: "food", lat, lng, address: "1 Road", openingHours: "9–21", status, currency: "CNY" };
}

export function dealRow(shop: Shop, fields: { priceMinor?: number; originalPriceMinor?: number; title?: string }) {
  return {
    shopId: shop.id,
    title: fields.title ?? "Deal",
    currency: "CNY",
    priceMinor: fields.priceMinor ?? 1000,
    originalPriceMinor: fields.originalPriceMinor ?? 2000,
    quantity: 100,
    stockLeft: 100,
    perPersonLimit: 5,
    voucherValidDays: 30,
    status: "ACTIVE",
    category: shop.category,
    lat: shop.lat,
    lng: shop.lng,
    ...cellsOf(shop),
    startsAt: new Date("2026-04-01T00:00:00Z"),
    endsAt: new Date("2026-06-30T00:00:00Z"),
  };
}

export function orderRow(
  buyerId: bigint,
  dealId: number,
  unit: number,
  original: number,
  f: { quantity?: number; status: string; source: string; createdAt: string; paidAt?: string; refundedAt?: string },
) {
  const quantity = f.quantity ?? 1;
  return {
    dealId,
    buyerId,
    quantity,
    currency: "CNY",
    unitPriceMinor: unit,
    unitOriginalMinor: original,
    totalMinor: unit * quantity,
    status: f.status,
    source: f.source,
    reservedUntil: new Date(new Date(f.createdAt).getTime() + 15 * 60_000),
    paidAt: f.paidAt ? new Date(f.paidAt) : null,
    refundedAt: f.refundedAt ? new Date(f.refundedAt) : null,
    createdAt: new Date(f.createdAt),
  };
}
