import type { PushRepository } from "./ports/push.port.js";
import type { Subscription, SubscriptionChanges } from "../domain/subscription.js";
import type { SubscriptionRepository } from "./ports/subscription.port.js";
import type { FollowRepository } from "./ports/follow.port.js";
import type { UserRepository } from "./ports/user.port.js";
import { DomainError } from "../domain/errors.js";
import { assertValidPoint, type Point } from "../domain/geo.js";
import { timeZoneOf } from "../domain/local-time.js";
import {
  checkDailyMax,
  checkQuietHours,
  checkRadiusM,
  LABELS,
  MAX_SUBSCRIPTIONS,
  SUBSCRIPTION_DEFAULTS,
  toggleCategory,
  type Label,
} from "../domain/subscription.js";
import type { Clock } from "../util/clock.js";

export type SubscriptionChange =
  | { kind: "radius"; radiusM: number }
  | { kind: "category"; category: string }
  | { kind: "all-categories" }
  | { kind: "daily-max"; dailyMax: number }
  | { kind: "quiet"; start: number; end: number }
  | { kind: "label"; label: Label }
  | { kind: "place"; point: Point };

/** A place's position and the time zone its quiet hours and daily cap are read in. */
function placeOf(point: Point) {
  assertValidPoint(point);
  return { lat: point.lat, lng: point.lng, timeZone: timeZoneOf(point) };
}

export function createSubscriptionService({
  subscriptions,
  follows,
  pushes,
  users,
  clock,
}: {
  subscriptions: SubscriptionRepository;
  /** Followed shops push their new offers too: stopping everything unfollows them. */
  follows: Pick<FollowRepository, "removeAllOf">;
  pushes: PushRepository;
  users: UserRepository;
  clock: Clock;
}) {
  /** A subscription of this user; anything else (deleted, someone else's) reads as gone. */
  async function owned(userId: bigint, id: number): Promise<Subscription> {
    const found = await subscriptions.find(id);
    if (!found || found.userId !== userId) throw new DomainError("subscription-not-found");
    return found;
  }

  return {
    owned,
    list: (userId: bigint) => subscriptions.listOf(userId),
    /** A new place with the default settings, in the place's own time zone. */
    async subscribe(userId: bigint, point: Point, locale: string): Promise<Subscription> {
      const place = placeOf(point);
      if ((await subscriptions.listOf(userId)).length >= MAX_SUBSCRIPTIONS) {
        throw new DomainError("too-many-subscriptions", { max: MAX_SUBSCRIPTIONS });
      }
      const { label, radiusM, categories, dailyMax, quietStart, quietEnd } = SUBSCRIPTION_DEFAULTS;
      return subscriptions.create({
        userId,
        label,
        ...place,
        radiusM,
        categories: categories.join(","),
        dailyMax,
        quietStart,
        quietEnd,
        locale,
      });
    },
    async change(userId: bigint, id: number, change: SubscriptionChange): Promise<Subscription> {
      const current = await owned(userId, id);
      let changes: SubscriptionChanges;
      switch (change.kind) {
        case "radius":
          changes = { radiusM: checkRadiusM(change.radiusM) };
          break;
        case "category":
          changes = { categories: toggleCategory(current.categories, change.category) };
          break;
        case "all-categories":
          changes = { categories: "" };
          break;
        case "daily-max":
          changes = { dailyMax: checkDailyMax(change.dailyMax) };
          break;
        case "quiet":
          changes = checkQuietHours(change.start, change.end);
          break;
        case "label":
          if (!LABELS.includes(change.label)) throw new DomainError("subscription-not-found");
          changes = { label: change.label };
          break;
        case "place":
          // Quiet hours and the daily cap keep their clock times, now in the new place's zone.
          changes = placeOf(change.point);
          break;
      }
      return subscriptions.update(id, changes);
    },
    async remove(userId: bigint, id: number): Promise<void> {
      await owned(userId, id);
      await subscriptions.deleteOf(userId, [id]);
    },
    /** Stops every push at once: every place, every followed shop, and any digest not sent yet. */
    async unsubscribeAll(userId: bigint): Promise<{ places: number; shops: number }> {
      const places = await subscriptions.deleteOf(userId);
      const shops = await follows.removeAllOf(userId);
      await pushes.cancelPendingOf(userId, "CANCELLED");
      return { places, shops };
    },
    /** "Stop these": the places behind one digest (a push of someone else's reads as gone). */
    async stopPush(userId: bigint, pushId: number): Promise<number> {
      const push = await pushes.find(pushId);
      if (!push || push.userId !== userId) throw new DomainError("subscription-not-found");
      const ids = [...new Set(push.items.map((i) => i.subscriptionId).filter((id): id is number => id !== null))];
      return ids.length ? subscriptions.deleteOf(userId, ids) : 0;
    },
    /** The user blocked the bot (my_chat_member, or a 403 on a push). */
    async blocked(userId: bigint): Promise<void> {
      await users.setBlocked(userId, clock());
      await pushes.cancelPendingOf(userId, "BLOCKED");
    },
    async unblocked(userId: bigint): Promise<void> {
      await users.setBlocked(userId, null);
    },
  };
}

export type SubscriptionService = ReturnType<typeof createSubscriptionService>;
