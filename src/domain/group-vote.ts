// A vote in a group (/vote): friends pick one of the deals nearest a pin a
// member shared, in a native Telegram poll. These rules say which deals are
// offered, how long the vote runs, who may close it early and which deal won.
import type { Point } from "./geo.js";
import { POLL_OPEN_PERIOD_MAX_SECONDS, POLL_OPEN_PERIOD_MIN_SECONDS } from "./telegram-text.js";

/** A poll offers the best ranked deals near the pin, at most this many. */
export const VOTE_OPTIONS_MAX = 5;
/** With fewer than two deals nearby there is nothing to choose between. */
export const VOTE_OPTIONS_MIN = 2;
/** How long a vote runs (Telegram closes the poll then; the starter or an admin may close it sooner). */
export const VOTE_OPEN_MINUTES = 60;
/**
 * The job stops a poll still open this long after its closing time: Telegram
 * closes it at that time and says so in a `poll` update, which normally ends
 * the vote first; the job ends one whose update never came or was lost.
 */
export const VOTE_CLOSE_GRACE_MS = 2 * 60_000;
/** A pin shared in the group is voted around for this long; older, /vote asks for a new one. */
export const GROUP_PIN_FRESH_MS = 30 * 60_000;

/** A vote as kept: the poll, its starter, the deal behind each option and the last counts. */
export interface GroupVote {
  /** Telegram's poll id. */
  pollId: string;
  chatId: bigint;
  /** The poll's message in the group. */
  messageId: number;
  starterId: bigint;
  /** The deal behind each option, in the options' order (best ranked first). */
  dealIds: number[];
  /** Voters per option, as Telegram last reported them. */
  votes: number[];
  /** The pin the deals were found around. */
  lat: number;
  lng: number;
  createdAt: Date;
  closesAt: Date;
  closedAt: Date | null;
  winnerDealId: number | null;
}

export type NewGroupVote = Omit<GroupVote, "votes" | "closedAt" | "winnerDealId">;

/** The group's last pin, if recent enough to vote around without asking again. */
export function freshPin(pin: { point: Point; at: Date } | null, now: Date): Point | null {
  return pin && now.getTime() - pin.at.getTime() < GROUP_PIN_FRESH_MS ? pin.point : null;
}

/** The deals a vote offers: the best ranked ones, at most five; null when fewer than two are on sale nearby. */
export function voteOptions<T>(ranked: readonly T[]): T[] | null {
  const options = ranked.slice(0, VOTE_OPTIONS_MAX);
  return options.length >= VOTE_OPTIONS_MIN ? options : null;
}

/** When a vote opened at `now` closes. */
export function voteClosesAt(now: Date, minutes = VOTE_OPEN_MINUTES): Date {
  return new Date(now.getTime() + minutes * 60_000);
}

/**
 * The poll's open_period for a vote of `minutes`, so that members see the
 * countdown and Telegram closes it; none where Telegram would refuse the
 * period (the job then stops the poll when it is due).
 */
export function telegramOpenPeriod(minutes = VOTE_OPEN_MINUTES): number | undefined {
  const seconds = minutes * 60;
  return seconds >= POLL_OPEN_PERIOD_MIN_SECONDS && seconds <= POLL_OPEN_PERIOD_MAX_SECONDS ? seconds : undefined;
}

/** Only the member who started the vote, or an admin of the group, closes it early. */
export function mayCloseVote(vote: Pick<GroupVote, "starterId">, userId: bigint, isAdmin: boolean): boolean {
  return vote.starterId === userId || isAdmin;
}

/** Votes that closed at or before this time are due at `now`. */
export function dueBefore(now: Date): Date {
  return new Date(now.getTime() - VOTE_CLOSE_GRACE_MS);
}

/** A vote still open a grace period past its closing time: the job stops it. */
export function isVoteDue(vote: Pick<GroupVote, "closesAt" | "closedAt">, now: Date): boolean {
  return vote.closedAt === null && vote.closesAt.getTime() <= dueBefore(now).getTime();
}

/**
 * The counts a poll reports, when they fit the vote (one whole number per
 * option); null for anything else, which is not this vote's poll.
 */
export function readVotes(vote: Pick<GroupVote, "dealIds">, counts: readonly unknown[]): number[] | null {
  if (counts.length !== vote.dealIds.length) return null;
  return counts.every((c) => Number.isInteger(c) && (c as number) >= 0) ? counts.map((c) => c as number) : null;
}

/**
 * The deal that won: the most votes, a tie going to the option listed first
 * (the better ranked deal: nearer, cheaper, better rated); null when nobody voted.
 */
export function voteWinner(vote: Pick<GroupVote, "dealIds">, votes: readonly number[]): { dealId: number; votes: number } | null {
  let best = -1;
  vote.dealIds.forEach((_, i) => {
    if ((votes[i] ?? 0) > (votes[best] ?? 0)) best = i;
  });
  return best < 0 ? null : { dealId: vote.dealIds[best]!, votes: votes[best]! };
}
