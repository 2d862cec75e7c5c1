import type { Shop, ShopRepository } from "../db/shop.repository.js";
import { currencyAt } from "../domain/currency.js";
import type { Point } from "../domain/geo.js";
import type { ShopInput } from "../domain/validation.js";

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

  return {
    guessCurrency,
    findByOwner(ownerId: bigint): Promise<Shop | null> {
      return shops.findByOwner(ownerId);
    },
    /** Registers a shop, or updates the details of the owner's existing one. */
    async register(ownerId: bigint, input: ShopInput): Promise<{ shop: Shop; created: boolean }> {
      const details = { ...input, currency: input.currency ?? guessCurrency(input) };
      const existing = await shops.findByOwner(ownerId);
      if (existing) return { shop: await shops.update(ownerId, details), created: false };
      const status = needsApproval ? "PENDING" : "APPROVED";
      return { shop: await shops.create({ ownerId, ...details, status }), created: true };
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
