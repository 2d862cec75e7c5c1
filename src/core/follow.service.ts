// Following shops and saving (♡) deals: the user's own lists, changed from a
// deal's card, /following, /saved or the Mini App. Ids come from buttons and
// requests, so each is checked: the shop must be open, the deal must exist,
// and a user only ever changes their own follows and saves.
import { isOnSale, type DealWithShop } from "../domain/deal.js";
import { DomainError } from "../domain/errors.js";
import { MAX_FOLLOWS, MAX_SAVED } from "../domain/follow.js";
import { isOpen, type Shop } from "../domain/shop.js";
import type { Clock } from "../util/clock.js";
import type { DealRepository } from "./ports/deal.port.js";
import type { FollowedShop, FollowRepository, SavedDealRepository } from "./ports/follow.port.js";
import type { ShopRepository } from "./ports/shop.port.js";

/** A saved deal as the list shows it. */
export interface SavedDeal {
  deal: DealWithShop;
  savedAt: Date;
  onSale: boolean;
}

/** A viewer's own marks on a deal's card. */
export interface CardMarks {
  following: boolean;
  saved: boolean;
}

export function createFollowService({
  follows,
  savedDeals,
  shops,
  deals,
  clock,
}: {
  follows: FollowRepository;
  savedDeals: SavedDealRepository;
  shops: Pick<ShopRepository, "find">;
  deals: Pick<DealRepository, "findWithShop" | "listByShop">;
  clock: Clock;
}) {
  /** Only an open shop can be followed; a suspended or unknown one is "no such shop". */
  async function followable(shopId: number): Promise<Shop> {
    const shop = await shops.find(shopId);
    if (!shop || !isOpen(shop)) throw new DomainError("shop-not-found");
    return shop;
  }

  async function existing(dealId: number): Promise<DealWithShop> {
    const deal = await deals.findWithShop(dealId);
    if (!deal) throw new DomainError("deal-not-found");
    return deal;
  }

  return {
    /** Follows the shop (nothing changes when already followed); returns the shop. */
    async follow(userId: bigint, shopId: number): Promise<Shop> {
      const shop = await followable(shopId);
      if (await follows.isFollowing(userId, shopId)) return shop;
      if ((await follows.countOf(userId)) >= MAX_FOLLOWS) throw new DomainError("too-many-follows", { max: MAX_FOLLOWS });
      await follows.add(userId, shopId, clock());
      return shop;
    },
    /** Stops following; false when the user did not follow the shop (a stale or forged button). */
    unfollow(userId: bigint, shopId: number): Promise<boolean> {
      return follows.remove(userId, shopId);
    },
    /** Whether the user follows the shop (a shop page's Follow button). */
    isFollowing(userId: bigint, shopId: number): Promise<boolean> {
      return follows.isFollowing(userId, shopId);
    },
    following(userId: bigint): Promise<FollowedShop[]> {
      return follows.listOf(userId, clock());
    },
    /** A followed shop's offers on sale now; only for a shop the user follows. */
    async offersOf(userId: bigint, shopId: number): Promise<{ shop: Shop; deals: DealWithShop[] }> {
      if (!(await follows.isFollowing(userId, shopId))) throw new DomainError("not-following");
      const shop = await followable(shopId);
      const now = clock();
      const onSale = (await deals.listByShop(shopId)).filter((d) => isOnSale(d, now));
      return { shop, deals: onSale.map((d) => ({ ...d, shop })) };
    },
    /** Saves the deal (nothing changes when already saved); returns it. */
    async save(userId: bigint, dealId: number): Promise<DealWithShop> {
      const deal = await existing(dealId);
      if (await savedDeals.isSaved(userId, dealId)) return deal;
      if (!isOnSale(deal, clock())) throw new DomainError("deal-not-on-sale");
      if ((await savedDeals.countOf(userId)) >= MAX_SAVED) throw new DomainError("too-many-saved", { max: MAX_SAVED });
      await savedDeals.add(userId, dealId, clock());
      return deal;
    },
    /** Unsaves; false when the deal was not saved. */
    unsave(userId: bigint, dealId: number): Promise<boolean> {
      return savedDeals.remove(userId, dealId);
    },
    async saved(userId: bigint): Promise<SavedDeal[]> {
      const now = clock();
      return (await savedDeals.listOf(userId)).map((s) => ({ ...s, onSale: isOnSale(s.deal, now) }));
    },
    /** Whether the viewer follows the deal's shop and has saved the deal. */
    async marks(userId: bigint, deal: { id: number; shopId: number }): Promise<CardMarks> {
      const [following, saved] = await Promise.all([follows.isFollowing(userId, deal.shopId), savedDeals.isSaved(userId, deal.id)]);
      return { following, saved };
    },
  };
}

export type FollowService = ReturnType<typeof createFollowService>;
