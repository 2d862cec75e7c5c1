import type { SearchRepository } from "../core/ports/search.port.js";
import type { Db } from "./client.js";

export function createSearchRepository(db: Db): SearchRepository {
  return {
    create(request) {
      return db.searchRequest.create({ data: request });
    },
    find(id) {
      return db.searchRequest.findUnique({ where: { id } });
    },
    findPending(userId, since) {
      return db.searchRequest.findFirst({
        where: { userId, pending: true, createdAt: { gte: since } },
        orderBy: { id: "desc" },
      });
    },
    async clearPending(userId) {
      await db.searchRequest.updateMany({ where: { userId, pending: true }, data: { pending: false } });
    },
  };
}
