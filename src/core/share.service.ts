// Deals shared with friends in any chat (inline mode). The sharer types words
// after the bot's name; the answer is the deals near them that match, found by
// the same search as the chat's and the Mini App's, each carrying the sharer's
// share so that what a friend does with it is credited to them.
import { isOnSale, type DealWithShop } from "../domain/deal.js";
import { DomainError } from "../domain/errors.js";
import { assertValidPoint, cellsOf, distanceMeters, type Point } from "../domain/geo.js";
import { INLINE_RESULTS, inlineCacheKey, readInlineQuery, shareOfResultId, friendsSource } from "../domain/share.js";
import type { Clock } from "../util/clock.js";
import { createRecentCache } from "../util/recent-cache.js";
import type { BrowseService, Whereabouts } from "./browse.service.js";
import type { DealService } from "./deal.service.js";
import type { EventRepository } from "./ports/event.port.js";
import type { ShareRepository } from "./ports/share.port.js";
import type { RateLimiter } from "./rate-limit.service.js";

/** Inline queries come with every keystroke: one search per words and cell is kept this long. */
const CACHE_TTL_MS = 30_000;
const CACHE_SIZE = 2000;

export interface SharedDeal {
  deal: DealWithShop;
  /** From where the sharer is; unknown without a location. */
  distanceM?: number;
  /** The sharer's share of this deal: the result's id and the link's credit. */
  shareId: number;
}

/** The deals to offer the sharer, or `needs-location` when there is no place to search around. */
export type InlineAnswer = { kind: "deals"; deals: SharedDeal[] } | { kind: "needs-location" };

export function createShareService({
  browse,
  deals,
  shares,
  events,
  preparations,
  clock,
}: {
  browse: Pick<BrowseService, "explore" | "lastLocation">;
  deals: Pick<DealService, "shared" | "find">;
  shares: ShareRepository;
  events: Pick<EventRepository, "record">;
  /** Cards prepared with Telegram, per sharer (PREPARED_SHARES). */
  preparations: RateLimiter;
  clock: Clock;
}) {
  const recent = createRecentCache<DealWithShop[]>({ ttlMs: CACHE_TTL_MS, max: CACHE_SIZE, clock });

  /** One deal to share, on sale, with this sharer's share of it. */
  async function one(sharer: Whereabouts, dealId: number): Promise<SharedDeal> {
    const deal = await deals.find(dealId);
    if (!isOnSale(deal, clock())) throw new DomainError("deal-not-on-sale");
    const [shared] = await withShares(sharer.id, [deal], browse.lastLocation(sharer));
    return shared!;
  }

  /**
   * The inline query's location when Telegram sent a valid one, else the last
   * one the user shared, however old (a sharer picking deals for friends is
   * rarely where they were a minute ago anyway).
   */
  function whereIs(sharer: Whereabouts, sent: Point | undefined): Point | null {
    if (sent) {
      try {
        assertValidPoint(sent);
        return sent;
      } catch {
        // A point Telegram would never send: fall back to what the user shared.
      }
    }
    return browse.lastLocation(sharer);
  }

  async function nearbyMatching(sharer: Whereabouts, point: Point, text: string): Promise<DealWithShop[]> {
    const key = inlineCacheKey(text, cellsOf(point).cell6);
    const cached = recent.get(key);
    if (cached) return cached;
    const page = await browse.explore(sharer.id, point, { text, quick: true, countsAsSeen: false, page: 0, pageSize: INLINE_RESULTS });
    const found = page.items.map((item) => item.deal);
    recent.set(key, found);
    return found;
  }

  async function withShares(sharerId: bigint, found: DealWithShop[], point: Point | null): Promise<SharedDeal[]> {
    const ids = await shares.forDeals(sharerId, found.map((d) => d.id), clock());
    return found.flatMap((deal) => {
      const shareId = ids.get(deal.id);
      if (shareId === undefined) return [];
      return [{ deal, shareId, ...(point ? { distanceM: distanceMeters(point, deal) } : {}) }];
    });
  }

  return {
    /** What the user's shares brought (/friends). */
    brought(sharerId: bigint) {
      return shares.broughtBy(sharerId);
    },
    /**
     * An inline query: "deal:<id>" (the Send to a friend button) is that deal
     * while it is on sale; other words are the deals near the sharer that match
     * them (everything nearby for none), at most Telegram's 50.
     */
    async inline(sharer: Whereabouts, query: string, sentLocation?: Point): Promise<InlineAnswer> {
      const ask = readInlineQuery(query);
      const point = whereIs(sharer, sentLocation);
      if (ask.kind === "deal") {
        const deal = await deals.shared(ask.dealId);
        return { kind: "deals", deals: deal ? await withShares(sharer.id, [deal], point) : [] };
      }
      if (!point) return { kind: "needs-location" };
      return { kind: "deals", deals: await withShares(sharer.id, await nearbyMatching(sharer, point, ask.text), point) };
    },
    /**
     * One deal the sharer sends from the Mini App (Telegram's share sheet):
     * the same share, and so the same credit, as "@bot deal:<id>" gives.
     * An unknown deal is deal-not-found; one no longer on sale cannot be shared.
     */
    one,
    /** `one`, for a card Telegram prepares (the Mini App's share sheet): within PREPARED_SHARES. */
    async forShareSheet(sharer: Whereabouts, dealId: number): Promise<SharedDeal> {
      const shared = await one(sharer, dealId);
      if (!(await preparations.take(String(sharer.id)))) throw new DomainError("share-rate-limited");
      return shared;
    },
    /**
     * The sharer sent a result into a chat (chosen_inline_result): one share
     * counted for the deal. False for a result id that is not this user's share.
     */
    async sent(sharerId: bigint, resultId: string): Promise<boolean> {
      const shareId = shareOfResultId(resultId);
      const share = shareId === null ? null : await shares.find(shareId);
      if (!share || share.sharerId !== sharerId) return false;
      await events.record([{ type: "SHARE", dealId: share.dealId, userId: sharerId, source: friendsSource(share.id) }], clock());
      return true;
    },
  };
}

export type ShareService = ReturnType<typeof createShareService>;
