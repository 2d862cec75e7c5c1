// Votes in groups (/vote): a member's pin, the best deals near it offered in
// a native poll, the counts Telegram reports, and the vote's end, which posts
// the winner in the group once. A vote ends three ways: the starter (or an
// admin) closes it, Telegram reports the poll closed, or its time comes and
// the scheduled job stops it. The job is what makes it robust: the closing
// time is in the database, so a vote still ends after a restart, on whichever
// instance holds the job's lease, even when Telegram's own closing
// (open_period) was reported while no instance was there to hear it. Whoever ends it, the one conditional write that
// closes the vote decides who posts the winner, so two instances never both do.
import { assertValidPoint, type Point } from "../domain/geo.js";
import {
  dueBefore,
  freshPin,
  isVoteDue,
  mayCloseVote,
  readVotes,
  telegramOpenPeriod,
  voteClosesAt,
  voteOptions,
  voteWinner,
  VOTE_OPEN_MINUTES,
  type GroupVote,
  type NewGroupVote,
} from "../domain/group-vote.js";
import { DEFAULT_RADIUS_KM } from "../domain/nearby.js";
import type { Clock } from "../util/clock.js";
import type { NearbyDeal, NearbyService } from "./nearby.service.js";
import type { DealRepository } from "./ports/deal.port.js";
import type { GroupRepository, GroupVoteMessaging, GroupVoteRepository } from "./ports/group-vote.port.js";
import type { RateLimiter } from "./rate-limit.service.js";

/** Votes one job run ends at most; the next run takes the rest. */
const DUE_BATCH = 50;

/** How an early close went, for the member who pressed Close. */
export type CloseOutcome = "unknown" | "not-allowed" | "already-closed" | "closed";

export function createGroupVoteService({
  groups,
  votes: store,
  nearby,
  deals,
  groupPosts,
  messaging,
  clock,
  openMinutes = VOTE_OPEN_MINUTES,
}: {
  groups: GroupRepository;
  votes: GroupVoteRepository;
  nearby: Pick<NearbyService, "search">;
  deals: Pick<DealRepository, "findWithShop">;
  /** The group's ~20 messages a minute, shared with every other group post. */
  groupPosts: RateLimiter;
  messaging: GroupVoteMessaging;
  clock: Clock;
  openMinutes?: number;
}) {
  /**
   * Ends the vote with these counts and posts the result, if the group may
   * take one more message now; otherwise the counts are kept and the vote is
   * left due, for the job's next run.
   */
  async function finish(vote: GroupVote, votes: number[]): Promise<"closed" | "already-closed" | "later"> {
    if (vote.closedAt) return "already-closed";
    const post = await groupPosts.take(String(vote.chatId));
    if (!post) {
      await store.saveVotes(vote.pollId, votes, dueBefore(clock()));
      return "later";
    }
    const now = clock();
    const winner = voteWinner(vote, votes);
    const deal = winner ? await deals.findWithShop(winner.dealId) : null;
    if (!(await store.close(vote.pollId, votes, deal ? winner!.dealId : null, now))) {
      await post.giveBack();
      return "already-closed";
    }
    const closed: GroupVote = { ...vote, votes, closedAt: now, winnerDealId: deal?.id ?? null };
    if (deal && winner) await messaging.announceWinner(closed, deal, winner.votes);
    else await messaging.announceNoVotes(closed);
    return "closed";
  }

  /**
   * Stops the poll and ends the vote with the final counts (the last
   * reported, when Telegram had closed it already). `stopped`: this call
   * closed the poll, whoever then posted the result (Telegram's `poll` update
   * of the stop may reach an instance first).
   */
  async function stopAndFinish(vote: GroupVote) {
    const stopped = await messaging.stopPoll(vote);
    const final = "counts" in stopped ? readVotes(vote, stopped.counts) : null;
    return { stopped: "counts" in stopped, outcome: await finish(vote, final ?? vote.votes) };
  }

  return {
    /**
     * A member shared a pin in the group: kept for later votes. True when it
     * answers the bot's question for a pin to vote around (`repliedTo`).
     */
    async pinShared(chatId: bigint, point: Point, repliedTo: number | undefined): Promise<boolean> {
      assertValidPoint(point);
      await groups.keepPin(chatId, point, clock());
      if (repliedTo === undefined) return false;
      return groups.takeVotePinAsk(chatId, repliedTo);
    },
    /** Where a vote is held without asking: the group's pin, while it is recent. */
    async pinToVoteAround(chatId: bigint): Promise<Point | null> {
      return freshPin(await groups.pin(chatId), clock());
    },
    /** The bot asked the group for a pin to vote around, in this message. */
    askedForPin(chatId: bigint, messageId: number): Promise<void> {
      return groups.askedForVotePin(chatId, messageId);
    },
    /** The deals to vote on around the pin, best first; null when fewer than two are on sale nearby. */
    async options(point: Point): Promise<NearbyDeal[] | null> {
      return voteOptions(await nearby.search({ point, radiusM: DEFAULT_RADIUS_KM * 1000 }));
    },
    /** When a vote opened now closes, and the open_period Telegram can enforce for it (none outside its 5 s to 30 days). */
    schedule(): { closesAt: Date; openPeriod: number | undefined; minutes: number } {
      return { closesAt: voteClosesAt(clock(), openMinutes), openPeriod: telegramOpenPeriod(openMinutes), minutes: openMinutes };
    },
    /** The poll is in the group: kept, so that any instance counts and closes it. */
    opened(vote: Omit<NewGroupVote, "createdAt">): Promise<void> {
      return store.create({ ...vote, createdAt: clock() });
    },
    /** A `poll` update: the counts kept, and the vote ended when Telegram reports the poll closed. */
    async counted(pollId: string, counts: readonly unknown[], isClosed: boolean): Promise<void> {
      const vote = await store.find(pollId);
      const votes = vote && readVotes(vote, counts);
      if (!vote || !votes || vote.closedAt) return;
      if (isClosed) await finish(vote, votes);
      else await store.saveVotes(pollId, votes);
    },
    /** A member pressed Close under the poll: only its starter or an admin ends it. */
    async closeEarly(chatId: bigint, messageId: number, userId: bigint, isAdmin: () => Promise<boolean>): Promise<CloseOutcome> {
      const vote = await store.findByMessage(chatId, messageId);
      if (!vote) return "unknown";
      if (vote.closedAt) return "already-closed";
      const admin = vote.starterId === userId ? false : await isAdmin();
      if (!mayCloseVote(vote, userId, admin)) return "not-allowed";
      const { stopped, outcome } = await stopAndFinish(vote);
      return stopped || outcome !== "already-closed" ? "closed" : "already-closed";
    },
    /** The job: ends the votes whose time has come and that Telegram's closing did not end. */
    async closeDue(): Promise<{ closed: number; waiting: number }> {
      const now = clock();
      let closed = 0;
      let waiting = 0;
      for (const vote of await store.due(dueBefore(now), DUE_BATCH)) {
        if (!isVoteDue(vote, now)) continue;
        const { outcome } = await stopAndFinish(vote);
        if (outcome === "closed") closed++;
        if (outcome === "later") waiting++;
      }
      return { closed, waiting };
    },
  };
}

export type GroupVoteService = ReturnType<typeof createGroupVoteService>;
