// A request for deals in plain words, as understood and kept (list buttons
// refer to it by id; the query is too long for a button).

export interface SearchRequest {
  id: number;
  userId: bigint;
  text: string;
  /** The structured query (JSON), already validated. */
  query: string;
  /** Who read the text: model | parser. */
  readBy: string;
  /** Waits for the user's location. */
  pending: boolean;
  createdAt: Date;
}

/** `createdAt` comes from the service clock: the pending window is measured on it, not on the database's. */
export type NewSearchRequest = Pick<SearchRequest, "userId" | "text" | "query" | "readBy" | "pending" | "createdAt">;
