import type { ShopRepository } from "../core/ports/shop.port.js";
import { cellsOf } from "../domain/geo.js";
import { NO_CURRENCY, OPEN_SHOP, type Shop } from "../domain/shop.js";
import type { Db } from "./client.js";
import { toShop } from "./rows.js";

export function createShopRepository(db: Db): ShopRepository {
  async function linkedTo(userId: bigint): Promise<Shop[]> {
    const staffOf = await db.shopStaff.findMany({ where: { userId }, select: { shopId: true } });
    const rows = await db.shop.findMany({ where: { OR: [{ ownerId: userId }, { id: { in: staffOf.map((s) => s.shopId) } }] }, orderBy: { id: "asc" } });
    return rows.map(toShop);
  }

  return {
    async find(id) {
      const row = await db.shop.findUnique({ where: { id } });
      return row && toShop(row);
    },
    async findByOwner(ownerId) {
      const row = await db.shop.findUnique({ where: { ownerId } });
      return row && toShop(row);
    },
    linkedTo,
    async redeemableBy(userId) {
      return (await linkedTo(userId)).filter((shop) => shop.status === OPEN_SHOP);
    },
    async withStatus(status) {
      return (await db.shop.findMany({ where: { status }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] })).map(toShop);
    },
    count() {
      return db.shop.count();
    },
    async create(shop) {
      return toShop(await db.shop.create({ data: shop }));
    },
    edit(shopId, patch, reopen) {
      return db.$transaction(async (tx) => {
        let shop = await tx.shop.update({ where: { id: shopId }, data: patch });
        if (patch.category !== undefined || patch.lat !== undefined || patch.lng !== undefined) {
          await tx.deal.updateMany({
            where: { shopId },
            data: { category: shop.category, lat: shop.lat, lng: shop.lng, ...cellsOf(shop) },
          });
        }
        if (reopen) {
          const { count } = await tx.shop.updateMany({ where: { id: shopId, status: reopen.from }, data: { status: reopen.to } });
          if (count === 1) shop = { ...shop, status: reopen.to };
        }
        return toShop(shop);
      });
    },
    setStatus(id, from, to, deals) {
      return db.$transaction(async (tx) => {
        const { count } = await tx.shop.updateMany({ where: { id, status: from }, data: { status: to } });
        if (count === 1 && deals) {
          await tx.deal.updateMany({ where: { shopId: id, status: deals.from }, data: { status: deals.to } });
        }
        return count === 1;
      });
    },
    async withoutCurrency() {
      return (await db.shop.findMany({ where: { currency: NO_CURRENCY }, orderBy: { id: "asc" } })).map(toShop);
    },
    async setCurrency(id, currency) {
      await db.shop.update({ where: { id }, data: { currency } });
    },
  };
}
