import type { Db } from "./client.js";
import type { SearchRequest } from "../generated/prisma/client.js";

export type { SearchRequest };
/** `createdAt` comes from the service clock: the pending window is measured on it, not on the database's. */
export type NewSearchRequest = Pick<SearchRequest, "userId" | "text" | "query" | "readBy" | "pending" | "createdAt">;

export function createSearchRepository(db: Db) {
  return {
    create(request: NewSearchRequest): Promise<SearchRequest> {
      return db.searchRequest.create({ data: request });
    },
    find(id: number): Promise<SearchRequest | null> {
      return db.searchRequest.findUnique({ where: { id } });
    },
    /** The user's newest request waiting for a location, if made after `since`. */
    findPending(userId: bigint, since: Date): Promise<SearchRequest | null> {
      return db.searchRequest.findFirst({
        where: { userId, pending: true, createdAt: { gte: since } },
        orderBy: { id: "desc" },
      });
    },
    /** Nothing waits for a location any more (it came, or the user moved on). */
    async clearPending(userId: bigint): Promise<void> {
      await db.searchRequest.updateMany({ where: { userId, pending: true }, data: { pending: false } });
    },
  };
}

export type SearchRepository = ReturnType<typeof createSearchRepository>;
