// Followed shops and saved deals (see the ports).
import type { FollowRepository, FollowToMatch, SavedDealRepository } from "../core/ports/follow.port.js";
import { DealStatus, LIVE_PUSH, PushStatus } from "../domain/lifecycles.js";
import { Prisma } from "../generated/prisma/client.js";
import type { Db } from "./client.js";
import { toDealWithShop, toShop } from "./rows.js";
import { statusSql } from "./status-sql.js";

const CHUNK = 500;

export function createFollowRepository(db: Db): FollowRepository {
  return {
    async add(userId, shopId, at) {
      const count = await db.$executeRaw`
        INSERT INTO "ShopFollow" ("userId", "shopId", "createdAt") VALUES (${userId}, ${shopId}, ${at})
        ON CONFLICT DO NOTHING`;
      return count === 1;
    },
    async remove(userId, shopId) {
      const { count } = await db.shopFollow.deleteMany({ where: { userId, shopId } });
      return count === 1;
    },
    async removeAllOf(userId) {
      return (await db.shopFollow.deleteMany({ where: { userId } })).count;
    },
    async isFollowing(userId, shopId) {
      return (await db.shopFollow.count({ where: { userId, shopId } })) > 0;
    },
    countOf(userId) {
      return db.shopFollow.count({ where: { userId } });
    },
    async listOf(userId, now) {
      const rows = await db.shopFollow.findMany({
        where: { userId },
        orderBy: [{ createdAt: "desc" }, { shopId: "desc" }],
        include: {
          shop: {
            include: {
              _count: {
                select: { deals: { where: { status: DealStatus.ACTIVE, stockLeft: { gt: 0 }, startsAt: { lte: now }, endsAt: { gt: now } } } },
              },
            },
          },
        },
      });
      return rows.map(({ shop: { _count, ...shop }, createdAt }) => ({ shop: toShop(shop), followedAt: createdAt, onSale: _count.deals }));
    },
    async forMatching(shopIds) {
      const found: FollowToMatch[] = [];
      for (let i = 0; i < shopIds.length; i += CHUNK) {
        const rows = await db.$queryRaw<(FollowToMatch & { userId: number | bigint })[]>`
          SELECT f."userId", f."shopId", u."lastLat", u."lastLng", s."lat" AS "shopLat", s."lng" AS "shopLng"
          FROM "ShopFollow" f JOIN "User" u ON u."id" = f."userId" JOIN "Shop" s ON s."id" = f."shopId"
          WHERE f."shopId" IN (${Prisma.join(shopIds.slice(i, i + CHUNK))}) AND u."blockedAt" IS NULL
            AND NOT EXISTS (SELECT 1 FROM "Push" p WHERE p."userId" = f."userId" AND p."status" IN (${statusSql(PushStatus.PENDING, PushStatus.SENDING)}))`;
        for (const r of rows) found.push({ ...r, userId: BigInt(r.userId) });
      }
      return found;
    },
    async recentFollowDigests(since) {
      const rows = await db.$queryRaw<{ userId: number | bigint; plannedAt: Date | string | number }[]>`
        SELECT DISTINCT p."id", p."userId", p."plannedAt"
        FROM "PushItem" i JOIN "Push" p ON p."id" = i."pushId"
        WHERE p."plannedAt" >= ${since} AND i."followedShopId" IS NOT NULL
          AND p."status" IN (${Prisma.join(LIVE_PUSH)})`;
      return rows.map((r) => ({ userId: BigInt(r.userId), plannedAt: new Date(r.plannedAt) }));
    },
    async followersOf(shopId, since) {
      const [total, fresh] = await Promise.all([
        db.shopFollow.count({ where: { shopId } }),
        since === null ? null : db.shopFollow.count({ where: { shopId, createdAt: { gte: since } } }),
      ]);
      return { total, new: fresh ?? total };
    },
  };
}

export function createSavedDealRepository(db: Db): SavedDealRepository {
  return {
    async add(userId, dealId, at) {
      const count = await db.$executeRaw`
        INSERT INTO "SavedDeal" ("userId", "dealId", "createdAt") VALUES (${userId}, ${dealId}, ${at})
        ON CONFLICT DO NOTHING`;
      return count === 1;
    },
    async remove(userId, dealId) {
      const { count } = await db.savedDeal.deleteMany({ where: { userId, dealId } });
      return count === 1;
    },
    async isSaved(userId, dealId) {
      return (await db.savedDeal.count({ where: { userId, dealId } })) > 0;
    },
    countOf(userId) {
      return db.savedDeal.count({ where: { userId } });
    },
    async listOf(userId) {
      const rows = await db.savedDeal.findMany({
        where: { userId },
        orderBy: [{ createdAt: "desc" }, { dealId: "desc" }],
        include: { deal: { include: { shop: true } } },
      });
      return rows.map((r) => ({ deal: toDealWithShop(r.deal), savedAt: r.createdAt }));
    },
  };
}
