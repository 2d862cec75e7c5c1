import type { Shop } from "../domain/shop.js";
import type { ShopRepository } from "./ports/shop.port.js";
import { currencyAt, isCurrency } from "../domain/currency.js";
import type { Point } from "../domain/geo.js";
import { ShopStatus } from "../domain/lifecycles.js";
import type { ShopInput } from "../domain/validation.js";
import { DomainError } from "../domain/errors.js";

/** created: a new shop · updated: new details for a shop already known · resubmitted: a rejected shop waits for approval again. */
export type Registration = "created" | "updated" | "resubmitted";

export function createShopService({
  shops,
  needsApproval,
  defaultCurrency,
}: {
  shops: ShopRepository;
  /** With operators configured, new shops wait for one of them. */
  needsApproval: boolean;
  /** Where the pin names no currency (at sea, Antarctica). */
  defaultCurrency: string;
}) {
  /** The currency of the country at the pin, which /register offers to keep. */
  const guessCurrency = (point: Point): string => currencyAt(point) ?? defaultCurrency;

  /**
   * What /register suggests: the currency the owner chose before while the
   * shop stays in the same country (registering again must not undo a
   * choice made by hand), else the one of the pin's country.
   */
  async function suggestCurrency(ownerId: bigint, point: Point): Promise<{ code: string; chosen: boolean }> {
    const existing = await shops.findByOwner(ownerId);
    if (existing && isCurrency(existing.currency) && currencyAt(existing) === currencyAt(point)) {
      return { code: existing.currency, chosen: true };
    }
    return { code: guessCurrency(point), chosen: false };
  }

  /**
   * The owner's shop, if any, unless it is suspended: registering again would
   * rewrite the name and place its buyers' vouchers show, as /shop would.
   */
  async function registrable(ownerId: bigint): Promise<Shop | null> {
    const existing = await shops.findByOwner(ownerId);
    if (existing?.status === ShopStatus.SUSPENDED) throw new DomainError("shop-suspended");
    return existing;
  }

  return {
    suggestCurrency,
    /** Checked before /register asks anything, so a suspended shop's owner is told at once. */
    async assertMayRegister(ownerId: bigint): Promise<void> {
      await registrable(ownerId);
    },
    findByOwner(ownerId: bigint): Promise<Shop | null> {
      return shops.findByOwner(ownerId);
    },
    /** The shops the user owns or works at, whatever their status, and which of the two. */
    async linkedTo(userId: bigint): Promise<{ shop: Shop; role: "owner" | "staff" }[]> {
      return (await shops.linkedTo(userId)).map((shop) => ({ shop, role: shop.ownerId === userId ? "owner" : "staff" }));
    },
    /**
     * Registers a shop, or updates the details of the owner's existing one the
     * way /shop does (its offers move with a new pin or category). A rejected
     * shop that registers again goes back to the operators.
     */
    async register(ownerId: bigint, input: ShopInput): Promise<{ shop: Shop; outcome: Registration }> {
      const details = { ...input, currency: input.currency ?? guessCurrency(input) };
      const existing = await registrable(ownerId);
      if (existing) {
        const shop = await shops.edit(existing.id, details, { from: ShopStatus.REJECTED, to: ShopStatus.PENDING });
        return { shop, outcome: existing.status === ShopStatus.REJECTED && shop.status === ShopStatus.PENDING ? "resubmitted" : "updated" };
      }
      const status = needsApproval ? ShopStatus.PENDING : ShopStatus.APPROVED;
      return { shop: await shops.create({ ownerId, ...details, status }), outcome: "created" };
    },
    /** Gives the shops registered before shops had a currency their pin's; returns how many. */
    async settleCurrencies(): Promise<number> {
      const unsettled = await shops.withoutCurrency();
      for (const shop of unsettled) await shops.setCurrency(shop.id, guessCurrency(shop));
      return unsettled.length;
    },
  };
}

export type ShopService = ReturnType<typeof createShopService>;
