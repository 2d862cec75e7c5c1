// Operators (ADMIN_IDS) approving, rejecting, suspending and reinstating shops.
import type { ShopRepository } from "./ports/shop.port.js";
import type { Shop } from "../domain/shop.js";
import { DomainError } from "../domain/errors.js";
import { ShopStatus, type DealStatus } from "../domain/lifecycles.js";

export function createOperatorService({ shops }: { shops: ShopRepository }) {
  async function move(shopId: number, from: ShopStatus, to: ShopStatus, deals?: { from: DealStatus; to: DealStatus }): Promise<Shop> {
    const shop = await shops.find(shopId);
    if (!shop) throw new DomainError("shop-not-found");
    if (!(await shops.setStatus(shopId, from, to, deals))) {
      throw new DomainError("shop-status-changed", { status: shop.status });
    }
    return { ...shop, status: to };
  }

  return {
    findShop: (id: number) => shops.find(id),
    /** Every shop waiting for a decision, oldest first. */
    pending: () => shops.withStatus(ShopStatus.PENDING),
    approve: (shopId: number) => move(shopId, "PENDING", "APPROVED"),
    reject: (shopId: number) => move(shopId, "PENDING", "REJECTED"),
    /**
     * Its offers leave search at once: they move to SUSPENDED (the nearby query
     * reads only ACTIVE), and back to ACTIVE on reinstatement; paused and ended
     * offers stay as the merchant left them.
     */
    suspend: (shopId: number) => move(shopId, "APPROVED", "SUSPENDED", { from: "ACTIVE", to: "SUSPENDED" }),
    reinstate: (shopId: number) => move(shopId, "SUSPENDED", "APPROVED", { from: "SUSPENDED", to: "ACTIVE" }),
  };
}

export type OperatorService = ReturnType<typeof createOperatorService>;
