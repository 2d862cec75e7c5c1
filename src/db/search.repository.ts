import type { SearchRepository } from "../core/ports/search.port.js";
import type { SearchRequest } from "../domain/search.js";
import { readerOf, type Db } from "./client.js";

const FIND_PENDING = `SELECT "id", "userId", "text", "query", "readBy", "createdAt" FROM "SearchRequest"
  WHERE "userId" = ? AND "pending" = TRUE AND "createdAt" >= ? ORDER BY "id" DESC LIMIT 1`;

function pendingOf([id, userId, text, query, readBy, createdAt]: unknown[]): SearchRequest {
  return {
    id: id as number,
    userId: BigInt(userId as number | bigint),
    text: text as string,
    query: query as string,
    readBy: readBy as string,
    pending: true,
    createdAt: new Date(createdAt as string | number),
  };
}

export function createSearchRepository(db: Db): SearchRepository {
  return {
    create(request) {
      return db.searchRequest.create({ data: request });
    },
    find(id) {
      return db.searchRequest.findUnique({ where: { id } });
    },
    // Every location shared asks (the answer is nearly always none): on the reader (see Reader).
    async findPending(userId, since) {
      const [row] = await (await readerOf(db)).rows(FIND_PENDING, [userId, since]);
      return row ? pendingOf(row) : null;
    },
    async clearPending(userId) {
      await db.searchRequest.updateMany({ where: { userId, pending: true }, data: { pending: false } });
    },
  };
}
