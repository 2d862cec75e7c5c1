// Lists of deals a user browses: the deals around where they are, and the
// answers to a request in plain words. Each method is one intent of the user:
// it keeps the location they shared, runs the search, picks the page shown and
// counts that page's impressions toward the merchants' funnels.
import type { DealRepository } from "./ports/deal.port.js";
import type { EventRepository } from "./ports/event.port.js";
import type { UserRepository } from "./ports/user.port.js";
import type { DealWithShop } from "../domain/deal.js";
import { isEmptyQuery, type DealQuery } from "../domain/deal-query.js";
import { assertValidPoint, distanceMeters, type Point } from "../domain/geo.js";
import { DEFAULT_RADIUS_KM, NEAREST_LIMIT, pageOf, type RadiusKm } from "../domain/nearby.js";
import type { Clock } from "../util/clock.js";
import type { NearbyDeal, NearbyService } from "./nearby.service.js";
import type { SavedSearch, SearchService } from "./search.service.js";
import type { UnderstandingService } from "./understanding.service.js";

/** A location younger than this is searched around without asking again. */
const RECENT_LOCATION_MS = 30 * 60_000;
/** A live location lists again only after moving this far. */
const LIVE_REFRESH_M = 300;

/** Where the user was last seen, as the users' store keeps it. */
export interface Whereabouts {
  id: bigint;
  lastLat: number | null;
  lastLng: number | null;
  lastLocationAt: Date | null;
}

export interface ListRequest {
  radiusKm: number;
  category?: string;
  page: number;
  /** Deals a page holds (the chat's own page size when absent). */
  pageSize?: number;
}

/** One page of deals, nearest or best first. */
export interface DealPage {
  items: NearbyDeal[];
  page: number;
  pages: number;
  /** How many deals the list holds in all. */
  total: number;
  /** The search stopped at its cap: deals further out may exist. */
  capped: boolean;
}

export interface SearchRequest {
  radiusKm: number;
  /** The request with the filters the user dropped taken out. */
  query: DealQuery;
  page: number;
  pageSize?: number;
}

/**
 * Deals around a point, with filters chosen on a screen (the Mini App) and
 * plain words read as the chat reads them; a chosen filter overrides what
 * the words said.
 */
export interface ExploreRequest {
  radiusKm?: RadiusKm;
  category?: DealQuery["category"];
  /** In major units of each deal's currency, as in a request in words. */
  maxPrice?: number;
  text?: string;
  /** Read the words with the built-in parser only (typed live: no model to wait for). */
  quick?: boolean;
  /**
   * Whether the deals listed count as seen in their merchants' funnels (yes
   * by default). A list to share from (inline mode) is not a customer seeing
   * the deals: the share and the friend's visit are counted instead.
   */
  countsAsSeen?: boolean;
  page: number;
  pageSize: number;
}

/** A page of deals, each with its whole record and shop. */
export type ExplorePage = Omit<DealPage, "items"> & { items: (NearbyDeal & { deal: DealWithShop })[] };

/** A page of a search's matches; `searched` the deals it looked at. */
export type SearchPage = DealPage & { searched: number };

export function createBrowseService({
  users,
  events,
  deals,
  nearby,
  search,
  understanding,
  clock,
}: {
  users: Pick<UserRepository, "setLocation" | "touchLocation">;
  events: Pick<EventRepository, "recordSoon">;
  deals: Pick<DealRepository, "findManyWithShop">;
  nearby: NearbyService;
  search: SearchService;
  understanding: Pick<UnderstandingService, "readRequest">;
  clock: Clock;
}) {
  /** Counted for the merchants' funnels, written after the list is answered (every list shown records its page). */
  function shown(userId: bigint, items: NearbyDeal[], source: "nearby" | "search") {
    events.recordSoon(items.map((deal) => ({ type: "IMPRESSION", dealId: deal.id, userId, source })), clock());
  }

  async function keep(userId: bigint, point: Point) {
    assertValidPoint(point); // before it is stored
    await users.setLocation(userId, point.lat, point.lng, clock());
  }

  async function listAt(userId: bigint, point: Point, { radiusKm, category, page, pageSize }: ListRequest, countsAsSeen = true): Promise<DealPage> {
    const found = await nearby.search({ point, radiusM: radiusKm * 1000, category });
    const paged = pageOf(found, page, pageSize);
    if (countsAsSeen) shown(userId, paged.items, "nearby");
    return { ...paged, total: found.length, capped: found.length >= NEAREST_LIMIT };
  }

  async function searchAt(userId: bigint, point: Point, { radiusKm, query, page, pageSize }: SearchRequest, countsAsSeen = true): Promise<SearchPage> {
    const { matches, searched } = await search.run(point, query, radiusKm);
    const paged = pageOf(matches, page, pageSize);
    if (countsAsSeen) shown(userId, paged.items, "search");
    return { ...paged, total: matches.length, searched, capped: searched >= NEAREST_LIMIT };
  }

  /** The location the user last gave, however old. */
  function lastLocation(user: Whereabouts): Point | null {
    return user.lastLat === null || user.lastLng === null ? null : { lat: user.lastLat, lng: user.lastLng };
  }

  /** The user's last location, if young enough to search around without asking again. */
  function recentLocation(user: Whereabouts): Point | null {
    const at = user.lastLocationAt?.getTime() ?? 0;
    return clock().getTime() - at < RECENT_LOCATION_MS ? lastLocation(user) : null;
  }

  return {
    lastLocation,
    recentLocation,
    /** A location the user gave (shared or typed): kept, and the deals around it listed. */
    async shared(userId: bigint, point: Point, request: ListRequest): Promise<DealPage> {
      await keep(userId, point);
      return listAt(userId, point, request);
    },
    /**
     * A live location moved: listed again once the user has really moved, so
     * walking down the street does not flood the chat; null when not.
     */
    async moved(user: Whereabouts, point: Point, request: ListRequest): Promise<DealPage | null> {
      assertValidPoint(point);
      const previous = lastLocation(user);
      if (previous && distanceMeters(previous, point) < LIVE_REFRESH_M) {
        await users.touchLocation(user.id, clock());
        return null;
      }
      await keep(user.id, point);
      return listAt(user.id, point, request);
    },
    /** The deals around a location already kept. */
    list: listAt,
    /**
     * The deals around any point (a map moved by hand is not where the user
     * is: nothing is kept), filtered, with their whole records.
     */
    async explore(userId: bigint, point: Point, { radiusKm, category, maxPrice, text, quick, countsAsSeen, page, pageSize }: ExploreRequest): Promise<ExplorePage> {
      assertValidPoint(point);
      const read: DealQuery = text ? (await understanding.readRequest(userId, text, { quick })).query : { keywords: [] };
      const query: DealQuery = { ...read };
      if (category) query.category = category;
      if (maxPrice !== undefined) {
        query.maxPrice = maxPrice;
        delete query.perPerson;
      }
      const radius = radiusKm ?? read.radiusKm ?? DEFAULT_RADIUS_KM;
      const found = isEmptyQuery(query)
        ? await listAt(userId, point, { radiusKm: radius, page, pageSize }, countsAsSeen)
        : await searchAt(userId, point, { radiusKm: radius, query, page, pageSize }, countsAsSeen);
      const records = new Map((await deals.findManyWithShop(found.items.map((d) => d.id))).map((d) => [d.id, d]));
      // A deal deleted between the two reads is left out rather than shown half.
      const items = found.items.flatMap((d) => {
        const deal = records.get(d.id);
        return deal ? [{ ...d, deal }] : [];
      });
      return { ...found, items };
    },
    /** A page of a request's matches around a location already kept. */
    search: searchAt,
    /**
     * A request in plain words: kept, and answered around the user's recent
     * location; without one it waits for the next location (`results` null).
     * Null when the text asks for nothing recognisable.
     */
    async ask(user: Whereabouts, text: string, firstPage: (search: SavedSearch) => SearchRequest) {
      const point = recentLocation(user);
      const created = await search.create(user.id, text, { waitForLocation: point === null });
      if (!created) return null;
      return { search: created, results: point ? await searchAt(user.id, point, firstPage(created)) : null };
    },
    /** The request waiting for a location, answered there (the location is kept); null when none waits. */
    async answerPending(userId: bigint, point: Point, firstPage: (search: SavedSearch) => SearchRequest) {
      assertValidPoint(point);
      const pending = await search.takePending(userId);
      if (!pending) return null;
      await keep(userId, point);
      return { search: pending, results: await searchAt(userId, point, firstPage(pending)) };
    },
  };
}

export type BrowseService = ReturnType<typeof createBrowseService>;
