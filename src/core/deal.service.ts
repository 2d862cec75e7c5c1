import type { DealRepository } from "./ports/deal.port.js";
import { isOnSale, type DealWithShop } from "../domain/deal.js";
import type { EventRepository } from "./ports/event.port.js";
import type { ShopRepository } from "./ports/shop.port.js";
import { DomainError } from "../domain/errors.js";
import { cellsOf, distanceMeters } from "../domain/geo.js";
import { DealStatus } from "../domain/lifecycles.js";
import { isOpen, shopRefusal } from "../domain/shop.js";
import { assertBelowUsual, DEFAULT_REFUND_POLICY, type DealInput } from "../domain/validation.js";
import type { Attribution } from "./attribution.service.js";
import type { Clock } from "../util/clock.js";

const DAY_MS = 86_400_000;

/** Who opens a card, and where they were last seen. */
export interface CardViewer {
  id: bigint;
  lastLat: number | null;
  lastLng: number | null;
}

export interface DealCard {
  deal: DealWithShop;
  onSale: boolean;
  /** From the viewer's last location; unknown without one. */
  distanceM?: number;
  /** A group deal's buyers so far; absent for other deals. */
  buyersSoFar?: number;
}

/** An offer on a shop's page, and how far it is from where the viewer last was. */
export interface ShopOffer {
  deal: DealWithShop;
  /** Unknown without a location. */
  distanceM?: number;
}

export function createDealService({
  deals,
  shops,
  events,
  orders,
  attribution,
  releaseLapsed,
  clock,
}: {
  deals: DealRepository;
  shops: ShopRepository;
  events: EventRepository;
  /** A group deal's buyers so far. */
  orders: { buyersSoFar(dealId: number): Promise<number> };
  attribution: Attribution;
  /** Gives the deal's lapsed holds back, so its card shows the stock as it is. */
  releaseLapsed: (now: Date, dealId: number) => Promise<unknown>;
  clock: Clock;
}) {
  async function approvedShopOf(ownerId: bigint) {
    const shop = await shops.findByOwner(ownerId);
    if (!shop) throw new DomainError("not-a-merchant");
    const refusal = shopRefusal(shop, "publish");
    if (refusal) throw new DomainError(refusal);
    return shop;
  }

  return {
    approvedShopOf,
    /** Puts an offer on sale at once, at the shop's position, in the shop's currency. */
    async publish(ownerId: bigint, input: DealInput) {
      const shop = await approvedShopOf(ownerId);
      assertBelowUsual(input.priceMinor, input.originalPriceMinor);
      const now = clock();
      return deals.create({
        shopId: shop.id,
        title: input.title,
        description: input.description,
        finePrint: "",
        photoFileId: input.photoFileId ?? null,
        currency: shop.currency,
        priceMinor: input.priceMinor,
        originalPriceMinor: input.originalPriceMinor,
        quantity: input.quantity,
        stockLeft: input.quantity,
        perPersonLimit: input.perPersonLimit,
        voucherValidDays: input.voucherValidDays,
        refundPolicy: input.refundPolicy ?? DEFAULT_REFUND_POLICY,
        minBuyers: input.minBuyers ?? 0,
        status: DealStatus.ACTIVE,
        category: shop.category,
        lat: shop.lat,
        lng: shop.lng,
        ...cellsOf(shop),
        startsAt: now,
        endsAt: new Date(now.getTime() + input.days * DAY_MS),
      });
    },
    async find(dealId: number): Promise<DealWithShop> {
      const deal = await deals.findWithShop(dealId);
      if (!deal) throw new DomainError("deal-not-found");
      return deal;
    },
    /** A deal as a friend is shown it when it is shared: only while it is on sale (null otherwise, or when unknown). */
    async shared(dealId: number): Promise<DealWithShop | null> {
      const deal = await deals.findWithShop(dealId);
      return deal && isOnSale(deal, clock()) ? deal : null;
    },
    /**
     * Opens a deal's card for a viewer: the deal, whether it is on sale, how
     * far it is from where the viewer last was, and a group deal's buyers so
     * far. The view counts toward the merchant's funnel.
     */
    async openCard(dealId: number, viewer: CardViewer, source: string): Promise<DealCard> {
      const now = clock();
      await releaseLapsed(now, dealId);
      const deal = await deals.findWithShop(dealId);
      if (!deal) throw new DomainError("deal-not-found");
      await events.record([{ type: "VIEW", dealId, userId: viewer.id, source: await attribution.verified(source, viewer.id, dealId) }], now);
      const { lastLat: lat, lastLng: lng } = viewer;
      return {
        deal,
        onSale: isOnSale(deal, now),
        distanceM: lat === null || lng === null ? undefined : distanceMeters({ lat, lng }, deal),
        buyersSoFar: deal.minBuyers > 1 ? await orders.buyersSoFar(deal.id) : undefined,
      };
    },
    /**
     * An open shop's offers on sale now, newest first, as its page lists them
     * for anyone. The shop's id comes from outside: an unknown shop and one
     * not open (pending, rejected, suspended) are alike "no such shop", and
     * nothing of an offer off sale is given.
     */
    async onSaleAtShop(shopId: number, viewer: CardViewer): Promise<ShopOffer[]> {
      const shop = await shops.find(shopId);
      if (!shop || !isOpen(shop)) throw new DomainError("shop-not-found");
      const now = clock();
      const { lastLat: lat, lastLng: lng } = viewer;
      return (await deals.listByShop(shopId))
        .filter((deal) => isOnSale(deal, now))
        .map((deal) => ({ deal: { ...deal, shop }, distanceM: lat === null || lng === null ? undefined : distanceMeters({ lat, lng }, deal) }));
    },
    /** Offers whose sale time is over leave the ACTIVE state; returns how many. */
    endExpired(now: Date): Promise<number> {
      return deals.endExpired(now);
    },
  };
}

export type DealService = ReturnType<typeof createDealService>;
