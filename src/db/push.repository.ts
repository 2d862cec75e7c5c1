// The push outbox (see the port).
import { retryWhenBusy } from "./busy-retry.js";
import type { PushRepository } from "../core/ports/push.port.js";
import type { Db } from "./client.js";
import { Prisma } from "../generated/prisma/client.js";
import type { DealToMatch, PlannedDigest } from "../domain/push-matching.js";
import { LEFT_OUTBOX, LIVE_PUSH, OrderStatus, PushStatus, isOneOf } from "../domain/lifecycles.js";
import { onSaleSql } from "./on-sale-sql.js";
import { statusSql } from "./status-sql.js";
import { toPushToSend, toPushWithPlaces } from "./rows.js";

const CHUNK = 500;

export function createPushRepository(db: Db): PushRepository {
  return {
    freshDeals(now, since) {
      // With the shop's rating totals, which rank a digest as they rank the nearby list.
      return db.$queryRaw<DealToMatch[]>`
        SELECT d.*, s."ratingSum", s."ratingCount" FROM (
          SELECT "id", "shopId", "category", "lat", "lng", "priceMinor", "originalPriceMinor", "soldCount", "startsAt"
          FROM "Deal"
          WHERE ${onSaleSql(now)} AND "startsAt" >= ${since}
        ) AS d JOIN "Shop" s ON s."id" = d."shopId"`;
    },
    /** Who already got which of these offers, as "userId:dealId" keys. */
    async pushedOrBoughtPairs(dealIds: number[]): Promise<Set<string>> {
      const pairs = new Set<string>();
      for (let i = 0; i < dealIds.length; i += CHUNK) {
        const ids = Prisma.join(dealIds.slice(i, i + CHUNK));
        const rows = await db.$queryRaw<{ userId: bigint; dealId: number }[]>`
          SELECT "userId", "dealId" FROM "PushItem" WHERE "dealId" IN (${ids})
          UNION
          SELECT "buyerId", "dealId" FROM "Order" WHERE "dealId" IN (${ids}) AND "status" <> ${statusSql(OrderStatus.EXPIRED)}`;
        for (const r of rows) pairs.add(`${r.userId}:${r.dealId}`);
      }
      return pairs;
    },
    /** Live digests planned since `since`, by the places that contributed to them. */
    async recentBySubscription(since: Date): Promise<{ subscriptionId: number; plannedAt: Date }[]> {
      return db.$queryRaw<{ subscriptionId: number; plannedAt: Date }[]>`
        SELECT DISTINCT i."subscriptionId", p."id", p."plannedAt"
        FROM "PushItem" i JOIN "Push" p ON p."id" = i."pushId"
        WHERE p."plannedAt" >= ${since} AND i."subscriptionId" IS NOT NULL
          AND p."status" IN (${Prisma.join(LIVE_PUSH)})`;
    },
    /**
     * Writes a run's digests in one transaction: after a crash, either all of
     * them are in the outbox or none (and the next run plans them again).
     */
    async savePlans(plans: PlannedDigest[], plannedAt: Date): Promise<number> {
      await db.$transaction(async (tx) => {
        for (let i = 0; i < plans.length; i += CHUNK) {
          const chunk = plans.slice(i, i + CHUNK);
          const pushes = await tx.push.createManyAndReturn({
            data: chunk.map((p) => ({ userId: p.userId, status: PushStatus.PENDING, plannedAt })),
            select: { id: true },
          });
          await tx.pushItem.createMany({
            data: chunk.flatMap((plan, n) =>
              plan.items.map((item, position) => ({
                pushId: pushes[n]!.id,
                dealId: item.dealId,
                userId: plan.userId,
                subscriptionId: item.subscriptionId,
                followedShopId: item.followedShopId,
                position,
              })),
            ),
          });
        }
      });
      return plans.length;
    },
    /**
     * Rows left SENDING by a process that died during the request: whether
     * Telegram got the message is unknown, and a promotion is not worth a
     * duplicate, so they are not sent again.
     */
    async markInterrupted(): Promise<number> {
      const { count } = await db.push.updateMany({ where: { status: PushStatus.SENDING }, data: { status: PushStatus.UNCONFIRMED } });
      return count;
    },
    duePending(afterId: number, limit: number): Promise<{ id: number }[]> {
      return db.push.findMany({
        where: { status: PushStatus.PENDING, id: { gt: afterId } },
        orderBy: { id: "asc" },
        take: limit,
        select: { id: true },
      });
    },
    /** PENDING → SENDING; false when another sender took it. */
    async claim(id: number): Promise<boolean> {
      const { count } = await db.push.updateMany({
        where: { id, status: PushStatus.PENDING },
        data: { status: PushStatus.SENDING, attempts: { increment: 1 } },
      });
      return count === 1;
    },
    async load(id) {
      const row = await db.push.findUnique({
        where: { id },
        include: {
          user: { select: { id: true, language: true, telegramLanguage: true, blockedAt: true } },
          items: {
            orderBy: { position: "asc" },
            include: {
              subscription: { select: { label: true, locale: true, lat: true, lng: true } },
              deal: { include: { shop: true } },
            },
          },
        },
      });
      return row && toPushToSend(row);
    },
    /** Sent: the message id, and one PUSH event per offer for the merchant's numbers. */
    async markSent(push: { id: number; userId: bigint; dealIds: number[] }, messageId: number, at: Date): Promise<void> {
      const source = `push:${push.id}`;
      await retryWhenBusy(() => db.$transaction([
        db.push.update({ where: { id: push.id }, data: { status: PushStatus.SENT, messageId, sentAt: at } }),
        db.event.createMany({
          // In deal order, as event.repository writes events, so that two digests rarely wait on each other's counter rows.
          data: [...push.dealIds].sort((a, b) => a - b).map((dealId) => ({ type: "PUSH", dealId, userId: push.userId, source, createdAt: at })),
        }),
      ]));
    },
    async finish(id: number, status: Exclude<PushStatus, "SENT">, error?: string): Promise<void> {
      await db.push.update({ where: { id }, data: { status, error: error ?? null } });
    },
    /** The digest's offers that are no longer on sale are dropped before it goes out (it may have waited). */
    async dropItems(pushId: number, dealIds: number[]): Promise<void> {
      await db.pushItem.deleteMany({ where: { pushId, dealId: { in: dealIds } } });
    },
    /** Digests not sent yet are dropped when the user unsubscribes or blocks the bot. */
    async cancelPendingOf(userId: bigint, status: "CANCELLED" | "BLOCKED"): Promise<void> {
      await db.push.updateMany({ where: { userId, status: PushStatus.PENDING }, data: { status } });
    },
    /** Whether this push carried this offer to this user (it left the outbox, so its buttons exist). */
    async delivered(pushId: number, userId: bigint, dealId: number): Promise<boolean> {
      const item = await db.pushItem.findUnique({
        where: { pushId_dealId: { pushId, dealId } },
        select: { userId: true, push: { select: { status: true } } },
      });
      return item?.userId === userId && isOneOf(item.push.status, LEFT_OUTBOX);
    },
    async find(id) {
      const row = await db.push.findUnique({ where: { id }, include: { items: { select: { subscriptionId: true } } } });
      return row && toPushWithPlaces(row);
    },
  };
}
