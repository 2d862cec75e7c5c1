// A merchant managing their offers: listing them with their sales, and the
// changes allowed after publishing. Each change is one conditional UPDATE, so a
// purchase happening at the same moment can never be oversold or lost.
import { DealStatus, PAID_ONCE } from "../domain/lifecycles.js";
import type { Db } from "./client.js";
import type { Deal, DealWithShop } from "./deal.repository.js";

/** The details an owner may change after publishing. */
export type OfferPatch = Partial<Pick<Deal, "title" | "description" | "photoFileId" | "originalPriceMinor">>;

export interface DealSales {
  /** Vouchers sold (paid orders, refunded later or not). */
  units: number;
  revenueMinor: number;
}

export function createOfferRepository(db: Db) {
  return {
    findWithShop(id: number): Promise<DealWithShop | null> {
      return db.deal.findUnique({ where: { id }, include: { shop: true } });
    },
    listByShop(shopId: number): Promise<Deal[]> {
      return db.deal.findMany({ where: { shopId }, orderBy: { id: "desc" } });
    },
    async idsOfShop(shopId: number): Promise<number[]> {
      const rows = await db.deal.findMany({ where: { shopId }, select: { id: true } });
      return rows.map((r) => r.id);
    },
    async salesOf(dealIds: number[]): Promise<Map<number, DealSales>> {
      const rows = await db.order.groupBy({
        by: ["dealId"],
        where: { dealId: { in: dealIds }, status: { in: PAID_ONCE } },
        _sum: { quantity: true, totalMinor: true },
      });
      return new Map(rows.map((r) => [r.dealId, { units: r._sum.quantity ?? 0, revenueMinor: r._sum.totalMinor ?? 0 }]));
    },
    /** Moves a deal between states; false when it was not in one of `from` any more. */
    async setStatus(id: number, from: DealStatus[], to: DealStatus): Promise<boolean> {
      const { count } = await db.deal.updateMany({ where: { id, status: { in: from } }, data: { status: to } });
      return count === 1;
    },
    /**
     * Sets the total quantity; what is on sale moves by the same amount. False
     * when more than `quantity` is already sold or reserved (checked in the same
     * statement as the write, against concurrent purchases).
     */
    async setQuantity(id: number, quantity: number, now: Date): Promise<boolean> {
      const changed = await db.$executeRaw`
        UPDATE "Deal" SET "stockLeft" = "stockLeft" + (${quantity} - "quantity"), "quantity" = ${quantity}, "updatedAt" = ${now}
        WHERE "id" = ${id} AND "quantity" - "stockLeft" <= ${quantity}`;
      return changed === 1;
    },
    /** Orders keep the unit price they were sold at: only new orders pay this. */
    setPrice(id: number, priceMinor: number): Promise<Deal> {
      return db.deal.update({ where: { id }, data: { priceMinor } });
    },
    edit(id: number, patch: OfferPatch): Promise<Deal> {
      return db.deal.update({ where: { id }, data: patch });
    },
    /** Vouchers carry their own expiry: only the sale's end moves. */
    setEndsAt(id: number, endsAt: Date): Promise<Deal> {
      return db.deal.update({ where: { id }, data: { endsAt } });
    },
    /** A fresh copy, paused, so the merchant can adjust it before it goes on sale. */
    duplicate(deal: Deal, now: Date): Promise<Deal> {
      // Whatever is loaded with it (its shop) is not copied: only the offer's own columns.
      const { id: _id, createdAt: _c, updatedAt: _u, soldCount: _s, groupReachedAt: _g, shop: _shop, ...fields } = deal as Deal & {
        shop?: unknown;
      };
      const duration = deal.endsAt.getTime() - deal.startsAt.getTime();
      return db.deal.create({
        data: {
          ...fields,
          stockLeft: deal.quantity,
          status: DealStatus.PAUSED,
          startsAt: now,
          endsAt: new Date(now.getTime() + duration),
        },
      });
    },
    /** Suspending a shop takes its offers off sale at once (the nearby query reads only ACTIVE). */
    async setShopDealsStatus(shopId: number, from: DealStatus, to: DealStatus): Promise<number> {
      const { count } = await db.deal.updateMany({ where: { shopId, status: from }, data: { status: to } });
      return count;
    },
  };
}

export type OfferRepository = ReturnType<typeof createOfferRepository>;
