// Deals asked for in plain words: the request is read into a query and kept
// (list buttons refer to it by id), then answered with the ranked nearby
// search, filtered by what the query asks.
import type { SearchRepository } from "./ports/search.port.js";
import { cleanQuery, fitting, isEmptyQuery, type DealQuery } from "../domain/deal-query.js";
import type { Point } from "../domain/geo.js";
import type { Clock } from "../util/clock.js";
import type { NearbyDeal, NearbyService } from "./nearby.service.js";
import type { ReadBy, UnderstandingService } from "./understanding.service.js";

/** A request waits this long for the location it needs. */
const PENDING_MS = 30 * 60_000;

export interface SavedSearch {
  id: number;
  query: DealQuery;
  readBy: ReadBy;
}

export function createSearchService({
  searches,
  nearby,
  understanding,
  clock,
}: {
  searches: SearchRepository;
  nearby: NearbyService;
  understanding: UnderstandingService;
  clock: Clock;
}) {
  const saved = (row: { id: number; query: string; readBy: string }): SavedSearch => ({
    id: row.id,
    // Validated again on the way out: the row outlives the code that wrote it.
    query: cleanQuery(JSON.parse(row.query) as Record<string, unknown>),
    readBy: row.readBy === "model" ? "model" : "parser",
  });

  return {
    /**
     * Reads and keeps a request; `waitForLocation` marks it as the one to run
     * when a location comes. Null when the text asks for nothing recognisable.
     */
    async create(userId: bigint, text: string, { waitForLocation }: { waitForLocation: boolean }): Promise<SavedSearch | null> {
      const { query, readBy } = await understanding.readRequest(userId, text);
      if (isEmptyQuery(query)) return null;
      if (waitForLocation) await searches.clearPending(userId);
      const row = await searches.create({ userId, text, query: JSON.stringify(query), readBy, pending: waitForLocation, createdAt: clock() });
      return saved(row);
    },
    /** The user's own request, or null (someone else's, or forged). */
    async find(userId: bigint, id: number): Promise<SavedSearch | null> {
      const row = await searches.find(id);
      return row && row.userId === userId ? saved(row) : null;
    },
    /** The request waiting for this user's location, now no longer waiting. */
    async takePending(userId: bigint): Promise<SavedSearch | null> {
      const row = await searches.findPending(userId, new Date(clock().getTime() - PENDING_MS));
      if (row) await searches.clearPending(userId);
      return row ? saved(row) : null;
    },
    forgetPending(userId: bigint): Promise<void> {
      return searches.clearPending(userId);
    },
    /** The ranked nearby search, then the query's filters on its results, best keyword matches first. */
    async run(point: Point, query: DealQuery, radiusKm: number): Promise<{ matches: NearbyDeal[]; searched: number }> {
      const found = await nearby.search({ point, radiusM: radiusKm * 1000, category: query.category });
      return { matches: fitting(found, query), searched: found.length };
    },
  };
}

export type SearchService = ReturnType<typeof createSearchService>;
