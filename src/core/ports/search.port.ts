import type { NewSearchRequest, SearchRequest } from "../../domain/search.js";

export interface SearchRepository {
  create(request: NewSearchRequest): Promise<SearchRequest>;
  find(id: number): Promise<SearchRequest | null>;
  /** The user's newest request waiting for a location, if made after `since`. */
  findPending(userId: bigint, since: Date): Promise<SearchRequest | null>;
  /** Nothing waits for a location any more (it came, or the user moved on). */
  clearPending(userId: bigint): Promise<void>;
}
