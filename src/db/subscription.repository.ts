import { PushStatus } from "../domain/lifecycles.js";
import type { Db } from "./client.js";
import type { Subscription } from "../generated/prisma/client.js";
import { statusSql } from "./status-sql.js";

export type { Subscription };

export type NewSubscription = Omit<Subscription, "id" | "createdAt" | "updatedAt">;
export type SubscriptionChanges = Partial<
  Pick<Subscription, "label" | "lat" | "lng" | "timeZone" | "radiusM" | "categories" | "dailyMax" | "quietStart" | "quietEnd">
>;

/** A subscription as the push job matches it. */
export interface SubscriptionRow {
  id: number;
  userId: bigint;
  lat: number;
  lng: number;
  radiusM: number;
  categories: string;
  timeZone: string;
  dailyMax: number;
  quietStart: number;
  quietEnd: number;
}

export function createSubscriptionRepository(db: Db) {
  return {
    create(data: NewSubscription): Promise<Subscription> {
      return db.subscription.create({ data });
    },
    find(id: number): Promise<Subscription | null> {
      return db.subscription.findUnique({ where: { id } });
    },
    listOf(userId: bigint): Promise<Subscription[]> {
      return db.subscription.findMany({ where: { userId }, orderBy: { id: "asc" } });
    },
    update(id: number, changes: SubscriptionChanges): Promise<Subscription> {
      return db.subscription.update({ where: { id }, data: changes });
    },
    /** Deletes the user's subscriptions among `ids` (all of them when omitted); returns how many. */
    async deleteOf(userId: bigint, ids?: number[]): Promise<number> {
      const { count } = await db.subscription.deleteMany({ where: { userId, ...(ids ? { id: { in: ids } } : {}) } });
      return count;
    },
    /**
     * Every subscription that may get a digest in this run: its user has not
     * blocked the bot and has no digest still waiting in the outbox. Raw SQL:
     * a run reads every subscription, and Prisma's objects cost twice as much.
     */
    async forMatching(): Promise<SubscriptionRow[]> {
      const rows = await db.$queryRaw<SubscriptionRow[]>`
        SELECT s."id", s."userId", s."lat", s."lng", s."radiusM", s."categories", s."timeZone",
               s."dailyMax", s."quietStart", s."quietEnd"
        FROM "Subscription" s JOIN "User" u ON u."id" = s."userId"
        WHERE u."blockedAt" IS NULL
          AND NOT EXISTS (SELECT 1 FROM "Push" p WHERE p."userId" = s."userId" AND p."status" IN (${statusSql(PushStatus.PENDING, PushStatus.SENDING)}))`;
      return rows.map((r) => ({ ...r, userId: BigInt(r.userId) }));
    },
  };
}

export type SubscriptionRepository = ReturnType<typeof createSubscriptionRepository>;
