import type { ShareRepository } from "../core/ports/share.port.js";
import { Prisma } from "../generated/prisma/client.js";
import type { Db } from "./client.js";
import { PAID_ONCE, VoucherStatus } from "../domain/lifecycles.js";
import { statusSql } from "./status-sql.js";

/** An order that was paid, whatever happened to it after. */
const PAID = Prisma.sql`(${statusSql(...PAID_ONCE)})`;

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
      await db.$executeRaw`INSERT INTO "Share" ("sharerId", "dealId", "createdAt") VALUES ${Prisma.join(rows)} ON CONFLICT ("sharerId", "dealId") DO NOTHING`;
      return read();
    },
    find(id) {
      return db.share.findUnique({ where: { id } });
    },
    // Each join goes through the deal first (the events' and orders' indexes), then matches the share's source.
    async broughtBy(sharerId) {
      const [row] = await db.$queryRaw<{ sent: bigint; visitors: bigint; buyers: bigint; redeemers: bigint; rewards: bigint }[]>`
        SELECT
          (SELECT COUNT(*) FROM "Share" s JOIN "Event" e ON e."dealId" = s."dealId" AND e."type" = 'SHARE'
             AND e."source" = 'friends:' || s."id" WHERE s."sharerId" = ${sharerId}) AS sent,
          (SELECT COUNT(DISTINCT e."userId") FROM "Share" s JOIN "Event" e ON e."dealId" = s."dealId" AND e."type" = 'VIEW'
             AND e."source" = 'friends:' || s."id" WHERE s."sharerId" = ${sharerId}) AS visitors,
          (SELECT COUNT(DISTINCT o."buyerId") FROM "Share" s JOIN "Order" o ON o."dealId" = s."dealId" AND o."status" IN ${PAID}
             AND o."source" = 'friends:' || s."id" WHERE s."sharerId" = ${sharerId}) AS buyers,
          (SELECT COUNT(DISTINCT o."buyerId") FROM "Share" s JOIN "Order" o ON o."dealId" = s."dealId"
             AND o."source" = 'friends:' || s."id"
             JOIN "Voucher" v ON v."orderId" = o."id" AND v."status" = ${statusSql(VoucherStatus.REDEEMED)}
             WHERE s."sharerId" = ${sharerId}) AS redeemers,
          (SELECT COUNT(*) FROM "ReferralReward" r WHERE r."sharerId" = ${sharerId}) AS rewards`;
      return {
        sent: Number(row?.sent ?? 0),
        visitors: Number(row?.visitors ?? 0),
        buyers: Number(row?.buyers ?? 0),
        redeemers: Number(row?.redeemers ?? 0),
        rewards: Number(row?.rewards ?? 0),
      };
    },
  };
}
