import type { DealRepository, DealWithShop } from "../db/deal.repository.js";
import type { EventRepository } from "../db/event.repository.js";
import type { OrderRepository } from "../db/order.repository.js";
import type { ShopRepository } from "../db/shop.repository.js";
import { DomainError } from "../domain/errors.js";
import { cellsOf, distanceMeters } from "../domain/geo.js";
import { DealStatus, ShopStatus } from "../domain/lifecycles.js";
import { isOnSale } from "../domain/nearby.js";
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
  orders: Pick<OrderRepository, "buyersSoFar">;
  attribution: Attribution;
  /** Gives the deal's lapsed holds back, so its card shows the stock as it is. */
  releaseLapsed: (now: Date, dealId: number) => Promise<unknown>;
  clock: Clock;
}) {
  async function approvedShopOf(ownerId: bigint) {
    const shop = await shops.findByOwner(ownerId);
    if (!shop) throw new DomainError("not-a-merchant");
    if (shop.status === ShopStatus.PENDING) throw new DomainError("shop-pending");
    if (shop.status !== ShopStatus.APPROVED) throw new DomainError("shop-not-approved");
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
  };
}

export type DealService = ReturnType<typeof createDealService>;
