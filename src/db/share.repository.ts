import type { ShareRepository } from "../core/ports/share.port.js";
import { Prisma } from "../generated/prisma/client.js";
import type { Db } from "./client.js";

export function createShareRepository(db: Db): ShareRepository {
  return {
    async forDeals(sharerId, dealIds, at) {
      if (dealIds.length === 0) return new Map();
      const read = async () =>
        new Map(
          (await db.share.findMany({ where: { sharerId, dealId: { in: dealIds } }, select: { id: true, dealId: true } })).map((s) => [
            s.dealId,
            s.id,
          ]),
        );
      const found = await read();
      const missing = dealIds.filter((id) => !found.has(id));
      if (missing.length === 0) return found;
      // Two inline queries of one user may race (they have no chat to order them by): the unique pair keeps one row.
      const rows = missing.map((dealId) => Prisma.sql`(${sharerId}, ${dealId}, ${at})`);
      await db.$executeRaw`INSERT OR IGNORE INTO "Share" ("sharerId", "dealId", "createdAt") VALUES ${Prisma.join(rows)}`;
      return read();
    },
    find(id) {
      return db.share.findUnique({ where: { id } });
    },
  };
}
