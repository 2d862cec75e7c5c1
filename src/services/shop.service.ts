import type { ShopDetailsRepository } from "../db/shop-details.repository.js";
import type { Shop, ShopRepository } from "../db/shop.repository.js";
import type { ShopInput } from "../domain/validation.js";

/** created: a new shop · updated: new details for a shop already known · resubmitted: a rejected shop waits for approval again. */
export type Registration = "created" | "updated" | "resubmitted";

export function createShopService({
  shops,
  shopDetails,
  needsApproval,
}: {
  shops: ShopRepository;
  shopDetails: ShopDetailsRepository;
  /** With operators configured, new shops wait for one of them. */
  needsApproval: boolean;
}) {
  return {
    findByOwner(ownerId: bigint): Promise<Shop | null> {
      return shops.findByOwner(ownerId);
    },
    /**
     * Registers a shop, or updates the details of the owner's existing one the
     * way /shop does (its offers move with a new pin or category). A rejected
     * shop that registers again goes back to the operators.
     */
    async register(ownerId: bigint, input: ShopInput): Promise<{ shop: Shop; outcome: Registration }> {
      const existing = await shops.findByOwner(ownerId);
      if (existing) {
        const shop = await shopDetails.edit(existing.id, input, { reopen: true });
        return { shop, outcome: existing.status === "REJECTED" && shop.status === "PENDING" ? "resubmitted" : "updated" };
      }
      const status = needsApproval ? "PENDING" : "APPROVED";
      return { shop: await shops.create({ ownerId, ...input, status }), outcome: "created" };
    },
  };
}

export type ShopService = ReturnType<typeof createShopService>;
