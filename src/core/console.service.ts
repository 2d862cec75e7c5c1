// The merchant console: an owner managing their offers, shop and staff. Every
// id that comes from a button is checked against the user here, so a forged
// button can reach nothing of another shop.
import { randomBytes } from "node:crypto";
import { copyOf, type Deal, type DealPatch, type DealSales, type DealWithShop } from "../domain/deal.js";
import { DomainError } from "../domain/errors.js";
import { DealStatus } from "../domain/lifecycles.js";
import { shopRefusal, type Shop, type ShopPatch, type ShopUse } from "../domain/shop.js";
import { inviteRefusal } from "../domain/staff.js";
import type { DealRepository } from "./ports/deal.port.js";
import type { ShopRepository } from "./ports/shop.port.js";
import type { StaffRepository } from "./ports/staff.port.js";
import type { DailySummaryRepository } from "./ports/summary.port.js";
import { assertBelowUsual } from "../domain/validation.js";
import type { Clock } from "../util/clock.js";

const DAY_MS = 86_400_000;
/** How long an invitation link works. */
export const INVITE_TTL_MS = 2 * DAY_MS;
export const INVITE_PREFIX = "staff-";

export interface ShopDetails {
  shop: Shop;
  /** The owner turned the daily summary off. */
  summaryOff: boolean;
}

/** One offer as its panel shows it. */
export interface DealPanel {
  deal: DealWithShop;
  sales: DealSales;
}

export interface DealLine {
  deal: Deal;
  sales: DealSales;
}

export function createConsoleService({
  shops,
  deals,
  releaseLapsed,
  staff,
  summaries,
  clock,
}: {
  shops: ShopRepository;
  deals: DealRepository;
  /** Gives lapsed holds' units back (of one deal, or all); returns how many holds lapsed. */
  releaseLapsed: (now: Date, dealId?: number) => Promise<number>;
  staff: StaffRepository;
  summaries: DailySummaryRepository;
  clock: Clock;
}) {
  /** The shop this user owns, if they may use it so; staff and strangers are told why not. */
  async function ownShop(userId: bigint, use: ShopUse): Promise<Shop> {
    const shop = await shops.findByOwner(userId);
    if (!shop) {
      if ((await staff.shopsOf(userId)).length > 0) throw new DomainError("staff-not-owner");
      throw new DomainError("not-a-merchant");
    }
    const refusal = shopRefusal(shop, use);
    if (refusal) throw new DomainError(refusal);
    return shop;
  }

  /** Suspended shops can still look. */
  const ownedShop = (userId: bigint) => ownShop(userId, "look");
  const activeShop = (userId: bigint) => ownShop(userId, "change");

  async function ownedDeal(userId: bigint, dealId: number): Promise<DealWithShop> {
    const shop = await ownedShop(userId);
    const deal = await deals.findWithShop(dealId);
    if (!deal) throw new DomainError("deal-not-found");
    if (deal.shopId !== shop.id) throw new DomainError("not-your-deal");
    // The owner sees the stock buyers see: a lapsed hold is back on sale at once.
    return (await releaseLapsed(clock(), dealId)) > 0 ? reload(dealId) : deal;
  }

  /** An offer the owner may change: their shop is not suspended, and the offer has not ended. */
  async function changeableDeal(userId: bigint, dealId: number): Promise<DealWithShop> {
    await activeShop(userId);
    const deal = await ownedDeal(userId, dealId);
    if (deal.status === DealStatus.ENDED) throw new DomainError("deal-ended");
    return deal;
  }

  async function reload(dealId: number): Promise<DealWithShop> {
    const deal = await deals.findWithShop(dealId);
    if (!deal) throw new DomainError("deal-not-found");
    return deal;
  }

  async function salesOf(dealId: number): Promise<DealSales> {
    return (await deals.salesOf([dealId])).get(dealId) ?? { units: 0, revenueMinor: 0 };
  }

  /** The offer as it is now, with its sales: what the owner sees after changing it. */
  async function panelOf(dealId: number): Promise<DealPanel> {
    return { deal: await reload(dealId), sales: await salesOf(dealId) };
  }

  return {
    ownedShop,
    activeShop,
    ownedDeal,
    changeableDeal,
    async deals(userId: bigint): Promise<{ shop: Shop; lines: DealLine[] }> {
      const shop = await ownedShop(userId);
      await releaseLapsed(clock());
      const list = await deals.listByShop(shop.id);
      const sales = await deals.salesOf(list.map((d) => d.id));
      return { shop, lines: list.map((deal) => ({ deal, sales: sales.get(deal.id) ?? { units: 0, revenueMinor: 0 } })) };
    },
    /** One of the owner's offers, with its sales. */
    async panel(userId: bigint, dealId: number): Promise<DealPanel> {
      const deal = await ownedDeal(userId, dealId);
      return { deal, sales: await salesOf(deal.id) };
    },
    async pause(userId: bigint, dealId: number) {
      await changeableDeal(userId, dealId);
      if (!(await deals.setStatus(dealId, [DealStatus.ACTIVE], DealStatus.PAUSED))) throw new DomainError("deal-not-pausable");
      return panelOf(dealId);
    },
    async resume(userId: bigint, dealId: number) {
      await changeableDeal(userId, dealId);
      if (!(await deals.setStatus(dealId, [DealStatus.PAUSED], DealStatus.ACTIVE))) throw new DomainError("deal-not-paused");
      return panelOf(dealId);
    },
    /** Ends the sale early; vouchers already sold stay valid until their own expiry. */
    async end(userId: bigint, dealId: number) {
      await changeableDeal(userId, dealId);
      await deals.setStatus(dealId, [DealStatus.ACTIVE, DealStatus.PAUSED], DealStatus.ENDED);
      return panelOf(dealId);
    },
    async setQuantity(userId: bigint, dealId: number, quantity: number) {
      await changeableDeal(userId, dealId);
      if (!(await deals.setQuantity(dealId, quantity, clock()))) {
        const now = await reload(dealId);
        throw new DomainError("stock-below-taken", { taken: now.quantity - now.stockLeft });
      }
      return panelOf(dealId);
    },
    async setPrice(userId: bigint, dealId: number, priceMinor: number) {
      const deal = await changeableDeal(userId, dealId);
      assertBelowUsual(priceMinor, deal.originalPriceMinor);
      await deals.setPrice(dealId, priceMinor);
      return panelOf(dealId);
    },
    /** Orders keep the usual price they were sold with (the discount given), as they keep their price. */
    async setOriginalPrice(userId: bigint, dealId: number, originalPriceMinor: number) {
      const deal = await changeableDeal(userId, dealId);
      assertBelowUsual(deal.priceMinor, originalPriceMinor);
      await deals.edit(dealId, { originalPriceMinor });
      return panelOf(dealId);
    },
    /** What customers read and see; orders keep the title they were bought under. */
    async editDeal(userId: bigint, dealId: number, patch: DealPatch) {
      await changeableDeal(userId, dealId);
      await deals.edit(dealId, patch);
      return panelOf(dealId);
    },
    async setDaysLeft(userId: bigint, dealId: number, days: number) {
      await changeableDeal(userId, dealId);
      await deals.setEndsAt(dealId, new Date(clock().getTime() + days * DAY_MS));
      return panelOf(dealId);
    },
    async duplicate(userId: bigint, dealId: number) {
      await activeShop(userId);
      const deal = await ownedDeal(userId, dealId);
      return panelOf((await deals.create(copyOf(deal, clock()))).id);
    },

    /** The shop's details as the owner sees them, with whether the daily summary is off. */
    async shopDetails(userId: bigint): Promise<ShopDetails> {
      const shop = await ownedShop(userId);
      return { shop, summaryOff: await summaries.isOptedOut(shop.id) };
    },
    /**
     * Changes the shop's details; returns them as they now are. Not while it
     * is suspended: its buyers' vouchers show its name and address.
     */
    async editShop(userId: bigint, patch: ShopPatch): Promise<ShopDetails> {
      const shop = await activeShop(userId);
      return { shop: await shops.edit(shop.id, patch), summaryOff: await summaries.isOptedOut(shop.id) };
    },
    async summaryOptedOut(userId: bigint): Promise<boolean> {
      return summaries.isOptedOut((await ownedShop(userId)).id);
    },
    async setSummary(userId: bigint, on: boolean): Promise<void> {
      await summaries.setOptedOut((await ownedShop(userId)).id, !on);
    },

    /** A single-use link payload for joining the owner's staff, and the shop (its clock tells the expiry). */
    async createInvite(userId: bigint): Promise<{ payload: string; expiresAt: Date; shop: Shop }> {
      const shop = await activeShop(userId);
      const token = randomBytes(16).toString("base64url");
      const expiresAt = new Date(clock().getTime() + INVITE_TTL_MS);
      await staff.createInvite(shop.id, token, expiresAt);
      return { payload: INVITE_PREFIX + token, expiresAt, shop };
    },
    /** Whoever opens the link joins the staff, once, before it expires. */
    async acceptInvite(userId: bigint, token: string): Promise<Shop> {
      const now = clock();
      const decide = async () => {
        const invite = await staff.findInvite(token);
        const shop = invite && (await shops.find(invite.shopId));
        const isStaff = shop ? await staff.isStaff(shop.id, userId) : false;
        return { shop, refusal: inviteRefusal(invite, shop, { userId, isStaff, now }) };
      };
      const { shop, refusal } = await decide();
      if (refusal) throw new DomainError(refusal);
      if (await staff.claimInvite(token, userId, now, shop!.status)) return shop!;
      // The link or the shop changed since it was read: say what changed.
      throw new DomainError((await decide()).refusal ?? "invite-used");
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
