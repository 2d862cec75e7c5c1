import type { Shop, ShopRepository } from "../db/shop.repository.js";
import type { ShopInput } from "../domain/validation.js";

export function createShopService({
  shops,
  needsApproval,
}: {
  shops: ShopRepository;
  /** With operators configured, new shops wait for one of them. */
  needsApproval: boolean;
}) {
  return {
    findByOwner(ownerId: bigint): Promise<Shop | null> {
      return shops.findByOwner(ownerId);
    },
    /** Registers a shop, or updates the details of the owner's existing one. */
    async register(ownerId: bigint, input: ShopInput): Promise<{ shop: Shop; created: boolean }> {
      const existing = await shops.findByOwner(ownerId);
      if (existing) return { shop: await shops.update(ownerId, input), created: false };
      const status = needsApproval ? "PENDING" : "APPROVED";
      return { shop: await shops.create({ ownerId, ...input, status }), created: true };
    },
  };
}

export type ShopService = ReturnType<typeof createShopService>;
