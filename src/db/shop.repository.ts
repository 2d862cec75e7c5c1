import { ShopStatus } from "../domain/lifecycles.js";
import type { Db } from "./client.js";
import type { Shop } from "../generated/prisma/client.js";

export type { Shop };

export interface NewShop {
  ownerId: bigint;
  name: string;
  category: string;
  lat: number;
  lng: number;
  address: string;
  openingHours: string;
  status: ShopStatus;
  currency: string;
}

/** Marks a shop registered before shops had a currency (see the schema). */
export const NO_CURRENCY = "XXX";

export function createShopRepository(db: Db) {
  async function linkedTo(userId: bigint): Promise<Shop[]> {
    const staffOf = await db.shopStaff.findMany({ where: { userId }, select: { shopId: true } });
    return db.shop.findMany({ where: { OR: [{ ownerId: userId }, { id: { in: staffOf.map((s) => s.shopId) } }] }, orderBy: { id: "asc" } });
  }

  return {
    findByOwner(ownerId: bigint): Promise<Shop | null> {
      return db.shop.findUnique({ where: { ownerId } });
    },
    /** The shops this user owns or works at, whatever their status. */
    linkedTo,
    /** The approved shops whose vouchers this user may redeem: their own, and those they are staff of. */
    async redeemableBy(userId: bigint): Promise<Shop[]> {
      return (await linkedTo(userId)).filter((shop) => shop.status === ShopStatus.APPROVED);
    },
    count(): Promise<number> {
      return db.shop.count();
    },
    create(shop: NewShop): Promise<Shop> {
      return db.shop.create({ data: shop });
    },
    /** The shops registered before shops had a currency, to fill in from their pins. */
    withoutCurrency(): Promise<Shop[]> {
      return db.shop.findMany({ where: { currency: NO_CURRENCY }, orderBy: { id: "asc" } });
    },
    async setCurrency(id: number, currency: string): Promise<void> {
      await db.shop.update({ where: { id }, data: { currency } });
    },
  };
}

export type ShopRepository = ReturnType<typeof createShopRepository>;
