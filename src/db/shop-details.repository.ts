// Editing a shop's details. Offers copy the shop's category and position (so
// the nearby query needs no join): a change moves them too, in one transaction.
import { cellsOf } from "../domain/geo.js";
import { ShopStatus } from "../domain/lifecycles.js";
import type { Db } from "./client.js";
import type { Shop } from "./shop.repository.js";

export type ShopPatch = Partial<Pick<Shop, "name" | "category" | "lat" | "lng" | "address" | "openingHours" | "photoFileId" | "currency">>;

export function createShopDetailsRepository(db: Db) {
  return {
    /**
     * Saves new details, moving the offers with a new pin or category. With
     * `reopen`, a rejected shop goes back to waiting for approval in the same
     * transaction (registering again after a rejection).
     */
    edit(shopId: number, patch: ShopPatch, { reopen = false } = {}): Promise<Shop> {
      return db.$transaction(async (tx) => {
        let shop = await tx.shop.update({ where: { id: shopId }, data: patch });
        if (patch.category !== undefined || patch.lat !== undefined || patch.lng !== undefined) {
          await tx.deal.updateMany({
            where: { shopId },
            data: { category: shop.category, lat: shop.lat, lng: shop.lng, ...cellsOf(shop) },
          });
        }
        if (reopen && shop.status === ShopStatus.REJECTED) {
          shop = await tx.shop.update({ where: { id: shopId }, data: { status: ShopStatus.PENDING } });
        }
        return shop;
      });
    },
  };
}

export type ShopDetailsRepository = ReturnType<typeof createShopDetailsRepository>;
