// The push run: plan every subscriber's digest into the outbox, then send what
// is due. Planning writes in one transaction; sending claims one row at a time,
// so a crash anywhere leaves the outbox saying what was sent and what was not.
import type { Messaging, PreparedMessage, SendOutcome } from "../core/ports/messaging.port.js";
import type { FollowRepository } from "../core/ports/follow.port.js";
import type { PushRepository } from "../core/ports/push.port.js";
import type { PushToSend } from "../domain/push.js";
import type { SubscriptionRepository } from "../core/ports/subscription.port.js";
import type { UserRepository } from "../core/ports/user.port.js";
import { PushStatus } from "../domain/lifecycles.js";
import { startOfLocalDay } from "../domain/local-time.js";
import { isOnSale } from "../domain/deal.js";
import { personalTimeZone } from "../domain/follow.js";
import { FRESH_MS, planDigests, type FollowerToMatch, type PlaceToMatch } from "../domain/push-matching.js";
import { parseCategories } from "../domain/subscription.js";
import type { Logger } from "../logger.js";
import type { Clock } from "../util/clock.js";
import type { SendPacer } from "./send-pacer.js";

/** A digest that failed for a passing reason (5xx, network) is tried in this many runs. */
const MAX_ATTEMPTS = 3;
/** Requests in flight at once: the pacer sets the rate, this hides the round trip. */
const MAX_IN_FLIGHT = 8;
const PAGE = 500;
const DAY_MS = 86_400_000;
/** A local day is never longer than 26 hours after the earliest zone's midnight. */
const dayAgo = (now: Date) => new Date(now.getTime() - DAY_MS - 2 * 3_600_000);

export interface PushJobDeps {
  subscriptions: SubscriptionRepository;
  /** Followed shops: their new offers reach followers wherever they are. */
  follows: Pick<FollowRepository, "forMatching" | "recentFollowDigests">;
  pushes: PushRepository;
  users: UserRepository;
  /** Renders and sends the digests. */
  messaging: Pick<Messaging, "pushDigest">;
  pacer: SendPacer;
  clock: Clock;
  logger: Logger;
}

export interface PushRunResult {
  planned: number;
  sent: number;
  blocked: number;
  failed: number;
  cancelled: number;
  interrupted: number;
}

export function createPushJob({ subscriptions, follows, pushes, users, messaging, pacer, clock, logger }: PushJobDeps) {
  /** Matches fresh deals to subscribers and writes the digests; returns how many. */
  async function plan(now: Date): Promise<number> {
    const deals = await pushes.freshDeals(now, new Date(now.getTime() - FRESH_MS));
    if (deals.length === 0) return 0;
    const [rows, follows] = await Promise.all([subscriptions.forMatching(), followersOf(deals.map((d) => d.shopId), now)]);
    if (rows.length === 0 && follows.length === 0) return 0;
    const [known, recent] = await Promise.all([
      pushes.pushedOrBoughtPairs(deals.map((o) => o.id)),
      pushes.recentBySubscription(dayAgo(now)),
    ]);
    const recentBySub = new Map<number, Date[]>();
    for (const r of recent) {
      const list = recentBySub.get(r.subscriptionId);
      if (list) list.push(new Date(r.plannedAt));
      else recentBySub.set(r.subscriptionId, [new Date(r.plannedAt)]);
    }
    const places: PlaceToMatch[] = rows.map((row) => {
      const dayStart = startOfLocalDay(now, row.timeZone);
      return {
        ...row,
        categories: parseCategories(row.categories),
        sentToday: (recentBySub.get(row.id) ?? []).filter((at) => at >= dayStart).length,
      };
    });
    const digests = planDigests({ places, followers: follows, deals, now, alreadyHas: (userId, dealId) => known.has(`${userId}:${dealId}`) });
    return pushes.savePlans(digests, now);
  }

  /** The users following these shops, each with their own clock and the follow digests of their day so far. */
  async function followersOf(shopIds: number[], now: Date): Promise<FollowerToMatch[]> {
    const rows = await follows.forMatching([...new Set(shopIds)]);
    if (rows.length === 0) return [];
    const recent = new Map<bigint, Date[]>();
    for (const r of await follows.recentFollowDigests(dayAgo(now))) {
      const list = recent.get(r.userId);
      if (list) list.push(r.plannedAt);
      else recent.set(r.userId, [r.plannedAt]);
    }
    const byUser = new Map<bigint, FollowerToMatch>();
    for (const row of rows) {
      const seen = byUser.get(row.userId);
      if (seen) {
        seen.shopIds.push(row.shopId);
        continue;
      }
      const timeZone = personalTimeZone(row, { lat: row.shopLat, lng: row.shopLng });
      const dayStart = startOfLocalDay(now, timeZone);
      const sentToday = (recent.get(row.userId) ?? []).filter((at) => at >= dayStart).length;
      byUser.set(row.userId, { userId: row.userId, shopIds: [row.shopId], timeZone, sentToday });
    }
    return [...byUser.values()];
  }

  /**
   * Sends the due digests at the pacer's rate. Each is read and rendered
   * first, so that its request leaves right at its slot (the limit counts
   * arrivals, and database work before the request would blur them), and is
   * claimed only after the wait, so a crash while waiting loses nothing.
   */
  async function send(signal: AbortSignal): Promise<Omit<PushRunResult, "planned">> {
    const counts = { sent: 0, blocked: 0, failed: 0, cancelled: 0, interrupted: await pushes.markInterrupted() };
    const inFlight = new Set<Promise<void>>();
    let crash: unknown = null;
    let cursor = 0;
    try {
      outer: for (;;) {
        const page = await pushes.duePending(cursor, PAGE);
        if (page.length === 0) break;
        for (const { id } of page) {
          cursor = id;
          if (inFlight.size >= MAX_IN_FLIGHT) await Promise.race(inFlight);
          if (signal.aborted || crash) break outer;
          const ready = await prepare(id);
          if (ready === null) continue;
          if (typeof ready === "string") {
            counts[ready]++;
            continue;
          }
          await pacer.wait();
          if (!(await pushes.claim(id))) continue;
          const sending: Promise<void> = deliver(ready)
            .then((outcome) => void counts[outcome]++)
            .catch((error: unknown) => void (crash ??= error))
            .finally(() => inFlight.delete(sending));
          inFlight.add(sending);
        }
      }
    } finally {
      // Requests under way finish and are recorded, whatever stopped the loop.
      await Promise.all(inFlight);
    }
    // Anything but a Telegram answer (the database gone, a bug) stops the run;
    // the outbox keeps what is left for the next one.
    if (crash) throw crash;
    return counts;
  }

  interface Ready {
    push: PushToSend;
    dealIds: number[];
    message: PreparedMessage;
  }

  /** Reads and renders a digest; or settles it at once when there is nothing to send. */
  async function prepare(id: number): Promise<Ready | "blocked" | "cancelled" | null> {
    const push = await pushes.load(id);
    if (!push || push.status !== PushStatus.PENDING) return null;
    if (push.user.blockedAt) {
      await pushes.finish(id, "BLOCKED");
      return "blocked";
    }
    // A digest may have waited (a failed attempt): deals that ended or sold out are left out.
    const now = clock();
    const items = push.items.filter((i) => isOnSale(i.deal, now));
    const gone = push.items.filter((i) => !items.includes(i)).map((i) => i.dealId);
    if (gone.length) await pushes.dropItems(id, gone);
    if (items.length === 0) {
      await pushes.finish(id, "CANCELLED", "no deal still on sale");
      return "cancelled";
    }
    return { push, dealIds: items.map((i) => i.dealId), message: messaging.pushDigest(push, items) };
  }

  async function deliver({ push, dealIds, message }: Ready): Promise<"sent" | "blocked" | "failed"> {
    const outcome = await message.send();
    if (!outcome.sent) return failed(push, outcome);
    await pushes.markSent({ id: push.id, userId: push.userId, dealIds }, outcome.messageId, clock());
    return "sent";
  }

  async function failed(push: PushToSend, { blocked, passing, description, error }: Extract<SendOutcome, { sent: false }>): Promise<"blocked" | "failed"> {
    if (blocked) {
      // Blocked, or the account is gone: stop pushing until they come back.
      await users.setBlocked(push.userId, clock());
      await pushes.finish(push.id, "BLOCKED", description);
      await pushes.cancelPendingOf(push.userId, "BLOCKED");
      return "blocked";
    }
    logger.warn({ err: error, pushId: push.id }, "push not sent");
    // `attempts` was read before this attempt's claim counted it.
    await pushes.finish(push.id, passing && push.attempts + 1 < MAX_ATTEMPTS ? "PENDING" : "FAILED", description);
    return "failed";
  }

  return {
    plan,
    send,
    async run(now: Date, signal: AbortSignal = new AbortController().signal): Promise<PushRunResult> {
      const planned = await plan(now);
      return { planned, ...(await send(signal)) };
    },
  };
}

export type PushJob = ReturnType<typeof createPushJob>;
