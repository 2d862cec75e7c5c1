import type { DealStatus, ShopStatus } from "../../domain/lifecycles.js";
import type { NewShop, Shop, ShopPatch } from "../../domain/shop.js";

export interface ShopRepository {
  find(id: number): Promise<Shop | null>;
  findByOwner(ownerId: bigint): Promise<Shop | null>;
  /** The shops this user owns or works at, whatever their status, oldest first. */
  linkedTo(userId: bigint): Promise<Shop[]>;
  /** The open shops whose vouchers this user may redeem: their own, and those they are staff of. */
  redeemableBy(userId: bigint): Promise<Shop[]>;
  /** Every shop in one status, oldest first. */
  withStatus(status: ShopStatus): Promise<Shop[]>;
  count(): Promise<number>;
  create(shop: NewShop): Promise<Shop>;
  /**
   * Saves new details; the shop's offers move with a new pin or category, in
   * the same transaction (offers copy them so the nearby query needs no join).
   * With `reopen`, a shop still in `reopen.from` moves to `reopen.to` in the
   * same transaction too.
   */
  edit(shopId: number, patch: ShopPatch, reopen?: { from: ShopStatus; to: ShopStatus }): Promise<Shop>;
  /**
   * Moves a shop from one status to another, and its offers in `deals.from`
   * to `deals.to` when given, in one transaction. False when the shop was no
   * longer in `from` (someone acted first).
   */
  setStatus(id: number, from: ShopStatus, to: ShopStatus, deals?: { from: DealStatus; to: DealStatus }): Promise<boolean>;
  /** The shops registered before shops had a currency, to fill in from their pins. */
  withoutCurrency(): Promise<Shop[]>;
  setCurrency(id: number, currency: string): Promise<void>;
}
