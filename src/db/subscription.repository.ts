import type { SubscriptionRepository } from "../core/ports/subscription.port.js";
import { PushStatus } from "../domain/lifecycles.js";
import type { SubscriptionToMatch } from "../domain/subscription.js";
import type { Db } from "./client.js";
import { statusSql } from "./status-sql.js";

export function createSubscriptionRepository(db: Db): SubscriptionRepository {
  return {
    create(data) {
      return db.subscription.create({ data });
    },
    find(id) {
      return db.subscription.findUnique({ where: { id } });
    },
    listOf(userId) {
      return db.subscription.findMany({ where: { userId }, orderBy: { id: "asc" } });
    },
    update(id, changes) {
      return db.subscription.update({ where: { id }, data: changes });
    },
    async deleteOf(userId, ids) {
      const { count } = await db.subscription.deleteMany({ where: { userId, ...(ids ? { id: { in: ids } } : {}) } });
      return count;
    },
    // Raw SQL: a run reads every subscription, and Prisma's objects cost twice as much.
    async forMatching() {
      const rows = await db.$queryRaw<SubscriptionToMatch[]>`
        SELECT s."id", s."userId", s."lat", s."lng", s."radiusM", s."categories", s."timeZone",
               s."dailyMax", s."quietStart", s."quietEnd"
        FROM "Subscription" s JOIN "User" u ON u."id" = s."userId"
        WHERE u."blockedAt" IS NULL
          AND NOT EXISTS (SELECT 1 FROM "Push" p WHERE p."userId" = s."userId" AND p."status" IN (${statusSql(PushStatus.PENDING, PushStatus.SENDING)}))`;
      return rows.map((r) => ({ ...r, userId: BigInt(r.userId) }));
    },
  };
}
