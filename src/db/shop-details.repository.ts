// Editing a shop's details. Offers copy the shop's category and position (so
// the nearby query needs no join): a change moves them too, in one transaction.
import { cellsOf } from "../domain/geo.js";
import type { Db } from "./client.js";
import type { Shop } from "./shop.repository.js";

export type ShopPatch = Partial<Pick<Shop, "name" | "category" | "lat" | "lng" | "address" | "openingHours" | "photoFileId">>;

export function createShopDetailsRepository(db: Db) {
  return {
    edit(shopId: number, patch: ShopPatch): Promise<Shop> {
      return db.$transaction(async (tx) => {
        const shop = await tx.shop.update({ where: { id: shopId }, data: patch });
        if (patch.category !== undefined || patch.lat !== undefined || patch.lng !== undefined) {
          await tx.deal.updateMany({
            where: { shopId },
            data: { category: shop.category, lat: shop.lat, lng: shop.lng, ...cellsOf(shop) },
          });
        }
        return shop;
      });
    },
  };
}

export type ShopDetailsRepository = ReturnType<typeof createShopDetailsRepository>;
