// The merchant console: an owner managing their offers, shop and staff. Every
// id that comes from a button is checked against the user here, so a forged
// button can reach nothing of another shop.
import { randomBytes } from "node:crypto";
import type { Deal, DealWithShop } from "../db/deal.repository.js";
import type { DealSales, OfferPatch, OfferRepository } from "../db/offer.repository.js";
import type { OrderRepository } from "./ports/order.port.js";
import type { ShopDetailsRepository, ShopPatch } from "../db/shop-details.repository.js";
import type { Shop, ShopRepository } from "../db/shop.repository.js";
import type { InviteRefusal, StaffRepository } from "../db/staff.repository.js";
import type { SummaryRepository } from "../db/summary.repository.js";
import { DomainError, type DomainErrorCode } from "../domain/errors.js";
import { DealStatus, ShopStatus } from "../domain/lifecycles.js";
import { assertBelowUsual } from "../domain/validation.js";
import type { Clock } from "../util/clock.js";

const DAY_MS = 86_400_000;
/** How long an invitation link works. */
export const INVITE_TTL_MS = 2 * DAY_MS;
export const INVITE_PREFIX = "staff-";

const INVITE_REFUSALS: Record<InviteRefusal, DomainErrorCode> = {
  unknown: "invite-invalid",
  used: "invite-used",
  expired: "invite-expired",
  "own-shop": "invite-own-shop",
  "already-staff": "invite-already-staff",
  unavailable: "invite-shop-unavailable",
};

export interface OfferLine {
  deal: Deal;
  sales: DealSales;
}

export function createConsoleService({
  shops,
  offers,
  orders,
  staff,
  summaries,
  shopDetails,
  clock,
}: {
  shops: ShopRepository;
  offers: OfferRepository;
  orders: Pick<OrderRepository, "releaseLapsed">;
  staff: StaffRepository;
  summaries: SummaryRepository;
  shopDetails: ShopDetailsRepository;
  clock: Clock;
}) {
  /** The shop this user owns; staff and strangers are told why not. Suspended shops can still look. */
  async function ownedShop(userId: bigint): Promise<Shop> {
    const shop = await shops.findByOwner(userId);
    if (!shop) {
      if ((await staff.shopsOf(userId)).length > 0) throw new DomainError("staff-not-owner");
      throw new DomainError("not-a-merchant");
    }
    if (shop.status === ShopStatus.PENDING) throw new DomainError("shop-pending");
    if (shop.status === ShopStatus.REJECTED) throw new DomainError("shop-not-approved");
    return shop;
  }

  async function activeShop(userId: bigint): Promise<Shop> {
    const shop = await ownedShop(userId);
    if (shop.status === ShopStatus.SUSPENDED) throw new DomainError("shop-suspended");
    return shop;
  }

  async function ownedDeal(userId: bigint, dealId: number): Promise<DealWithShop> {
    const shop = await ownedShop(userId);
    const deal = await offers.findWithShop(dealId);
    if (!deal) throw new DomainError("deal-not-found");
    if (deal.shopId !== shop.id) throw new DomainError("not-your-deal");
    // The owner sees the stock buyers see: a lapsed hold is back on sale at once.
    return (await orders.releaseLapsed(clock(), dealId)) > 0 ? reload(dealId) : deal;
  }

  /** An offer the owner may change: their shop is not suspended, and the offer has not ended. */
  async function changeableDeal(userId: bigint, dealId: number): Promise<DealWithShop> {
    await activeShop(userId);
    const deal = await ownedDeal(userId, dealId);
    if (deal.status === DealStatus.ENDED) throw new DomainError("deal-ended");
    return deal;
  }

  async function reload(dealId: number): Promise<DealWithShop> {
    const deal = await offers.findWithShop(dealId);
    if (!deal) throw new DomainError("deal-not-found");
    return deal;
  }

  return {
    ownedShop,
    ownedDeal,
    async offers(userId: bigint): Promise<{ shop: Shop; lines: OfferLine[] }> {
      const shop = await ownedShop(userId);
      await orders.releaseLapsed(clock());
      const deals = await offers.listByShop(shop.id);
      const sales = await offers.salesOf(deals.map((d) => d.id));
      return { shop, lines: deals.map((deal) => ({ deal, sales: sales.get(deal.id) ?? { units: 0, revenueMinor: 0 } })) };
    },
    async sales(dealId: number): Promise<DealSales> {
      return (await offers.salesOf([dealId])).get(dealId) ?? { units: 0, revenueMinor: 0 };
    },
    async pause(userId: bigint, dealId: number) {
      await changeableDeal(userId, dealId);
      if (!(await offers.setStatus(dealId, ["ACTIVE"], "PAUSED"))) throw new DomainError("deal-not-pausable");
      return reload(dealId);
    },
    async resume(userId: bigint, dealId: number) {
      await changeableDeal(userId, dealId);
      if (!(await offers.setStatus(dealId, ["PAUSED"], "ACTIVE"))) throw new DomainError("deal-not-paused");
      return reload(dealId);
    },
    /** Ends the sale early; vouchers already sold stay valid until their own expiry. */
    async end(userId: bigint, dealId: number) {
      await changeableDeal(userId, dealId);
      await offers.setStatus(dealId, ["ACTIVE", "PAUSED"], "ENDED");
      return reload(dealId);
    },
    async setQuantity(userId: bigint, dealId: number, quantity: number) {
      await changeableDeal(userId, dealId);
      if (!(await offers.setQuantity(dealId, quantity, clock()))) {
        const now = await reload(dealId);
        throw new DomainError("stock-below-taken", { taken: now.quantity - now.stockLeft });
      }
      return reload(dealId);
    },
    async setPrice(userId: bigint, dealId: number, priceMinor: number) {
      const deal = await changeableDeal(userId, dealId);
      assertBelowUsual(priceMinor, deal.originalPriceMinor);
      await offers.setPrice(dealId, priceMinor);
      return reload(dealId);
    },
    /** Orders keep the usual price they were sold with (the discount given), as they keep their price. */
    async setOriginalPrice(userId: bigint, dealId: number, originalPriceMinor: number) {
      const deal = await changeableDeal(userId, dealId);
      assertBelowUsual(deal.priceMinor, originalPriceMinor);
      await offers.edit(dealId, { originalPriceMinor });
      return reload(dealId);
    },
    /** What customers read and see; orders keep the title they were bought under. */
    async editOffer(userId: bigint, dealId: number, patch: OfferPatch) {
      await changeableDeal(userId, dealId);
      await offers.edit(dealId, patch);
      return reload(dealId);
    },
    async setDaysLeft(userId: bigint, dealId: number, days: number) {
      await changeableDeal(userId, dealId);
      await offers.setEndsAt(dealId, new Date(clock().getTime() + days * DAY_MS));
      return reload(dealId);
    },
    async duplicate(userId: bigint, dealId: number) {
      await activeShop(userId);
      const deal = await ownedDeal(userId, dealId);
      return reload((await offers.duplicate(deal, clock())).id);
    },

    async editShop(userId: bigint, patch: ShopPatch): Promise<Shop> {
      const shop = await ownedShop(userId);
      return shopDetails.edit(shop.id, patch);
    },
    async summaryOptedOut(userId: bigint): Promise<boolean> {
      return summaries.isOptedOut((await ownedShop(userId)).id);
    },
    async setSummary(userId: bigint, on: boolean): Promise<void> {
      await summaries.setOptedOut((await ownedShop(userId)).id, !on);
    },

    /** A single-use link payload for joining the owner's staff. */
    async createInvite(userId: bigint): Promise<{ payload: string; expiresAt: Date }> {
      const shop = await activeShop(userId);
      const token = randomBytes(16).toString("base64url");
      const expiresAt = new Date(clock().getTime() + INVITE_TTL_MS);
      await staff.createInvite(shop.id, token, expiresAt);
      return { payload: INVITE_PREFIX + token, expiresAt };
    },
    /** Whoever opens the link joins the staff, once, before it expires. */
    async acceptInvite(userId: bigint, token: string): Promise<Shop> {
      const outcome = await staff.claimInvite(token, userId, clock());
      if (!outcome.ok) throw new DomainError(INVITE_REFUSALS[outcome.reason]);
      return outcome.shop;
    },
    async staff(userId: bigint) {
      const shop = await ownedShop(userId);
      return { shop, members: await staff.list(shop.id) };
    },
    async removeStaff(userId: bigint, memberId: bigint): Promise<void> {
      const shop = await ownedShop(userId);
      if (!(await staff.remove(shop.id, memberId))) throw new DomainError("staff-not-found");
    },
  };
}

export type ConsoleService = ReturnType<typeof createConsoleService>;
