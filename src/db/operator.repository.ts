// What operators do to shops: approve or reject new ones, suspend and reinstate.
import { ShopStatus, type DealStatus } from "../domain/lifecycles.js";
import type { Db } from "./client.js";
import type { Shop } from "./shop.repository.js";

export function createOperatorRepository(db: Db) {
  return {
    findShop(id: number): Promise<Shop | null> {
      return db.shop.findUnique({ where: { id } });
    },
    pendingShops(): Promise<Shop[]> {
      return db.shop.findMany({ where: { status: ShopStatus.PENDING }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
    },
    /**
     * Moves a shop from one status to another, and its offers with it when
     * given: in one transaction, so a suspended shop never has an offer on sale.
     * False when the shop was no longer in `from` (another operator acted first).
     */
    async setStatus(
      id: number,
      from: ShopStatus,
      to: ShopStatus,
      deals?: { from: DealStatus; to: DealStatus },
    ): Promise<boolean> {
      return db.$transaction(async (tx) => {
        const { count } = await tx.shop.updateMany({ where: { id, status: from }, data: { status: to } });
        if (count === 1 && deals) {
          await tx.deal.updateMany({ where: { shopId: id, status: deals.from }, data: { status: deals.to } });
        }
        return count === 1;
      });
    },
  };
}

export type OperatorRepository = ReturnType<typeof createOperatorRepository>;
