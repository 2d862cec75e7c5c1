// A merchant's shop, and who may do what with it.
import type { DomainErrorCode } from "./errors.js";
import { ShopStatus } from "./lifecycles.js";

export interface Shop {
  id: number;
  ownerId: bigint;
  name: string;
  category: string;
  lat: number;
  lng: number;
  address: string;
  openingHours: string;
  photoFileId: string | null;
  status: ShopStatus;
  /** ISO 4217 code of the shop's offers (NO_CURRENCY: registered before shops had one). */
  currency: string;
  /** The stars of the shop's visible reviews, summed, and how many (see review.ts). */
  ratingSum: number;
  ratingCount: number;
  createdAt: Date;
  updatedAt: Date;
}

/** A shop's id and where it is: what its numbers need (its time zone comes from its pin). */
export type ShopPlace = Pick<Shop, "id" | "lat" | "lng">;

/** A shop as registered: no photo yet; the database gives its id and times. */
export type NewShop = Omit<Shop, "id" | "photoFileId" | "ratingSum" | "ratingCount" | "createdAt" | "updatedAt">;

/** The details an owner may change. */
export type ShopPatch = Partial<Pick<Shop, "name" | "category" | "lat" | "lng" | "address" | "openingHours" | "photoFileId" | "currency">>;

/** Marks a shop registered before shops had a currency (see the schema). */
export const NO_CURRENCY = "XXX";

/**
 * Only an approved shop is open: it sells, takes staff, redeems vouchers and
 * gets a daily summary. Pending, rejected and suspended shops do none of it.
 */
export const OPEN_SHOP = ShopStatus.APPROVED;

export function isOpen(shop: Pick<Shop, "status">): boolean {
  return shop.status === OPEN_SHOP;
}

/**
 * What an owner wants to do with their shop: look at it (its offers,
 * numbers, staff, details), change it (offers, invitations), or publish a
 * new offer.
 */
export type ShopUse = "look" | "change" | "publish";

/** Why the owner may not use their shop so (null: they may). A suspended shop can still be looked at. */
export function shopRefusal({ status }: Pick<Shop, "status">, use: ShopUse): DomainErrorCode | null {
  switch (status) {
    case ShopStatus.APPROVED:
      return null;
    case ShopStatus.PENDING:
      return "shop-pending";
    case ShopStatus.REJECTED:
      return "shop-not-approved";
    case ShopStatus.SUSPENDED:
      return use === "look" ? null : use === "publish" ? "shop-not-approved" : "shop-suspended";
  }
}
