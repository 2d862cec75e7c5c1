// Groups and their votes (/vote): the group's last pin, the bot's question
// asking for one, the votes kept so that any instance can count and close
// them, and the messages a vote's end posts in the group.
import type { DealWithShop } from "../../domain/deal.js";
import type { Point } from "../../domain/geo.js";
import type { GroupVote, NewGroupVote } from "../../domain/group-vote.js";

export interface GroupRepository {
  /** Keeps the last pin a member shared in the group. */
  keepPin(chatId: bigint, point: Point, at: Date): Promise<void>;
  pin(chatId: bigint): Promise<{ point: Point; at: Date } | null>;
  /** Remembers the bot's message asking for a pin to vote around (the newest ask wins). */
  askedForVotePin(chatId: bigint, messageId: number): Promise<void>;
  /** Takes the ask if `messageId` is it: true once, for the location that answers it. */
  takeVotePinAsk(chatId: bigint, messageId: number): Promise<boolean>;
}

export interface GroupVoteRepository {
  create(vote: NewGroupVote): Promise<void>;
  find(pollId: string): Promise<GroupVote | null>;
  /** The vote whose poll is this message of the group. */
  findByMessage(chatId: bigint, messageId: number): Promise<GroupVote | null>;
  /**
   * Keeps the counts Telegram reported, while the vote is open; with `dueBy`,
   * also brings its closing time forward to then (a vote that ended before the
   * group could take its result: the job posts it).
   */
  saveVotes(pollId: string, votes: number[], dueBy?: Date): Promise<void>;
  /**
   * Closes the vote with its final counts and winner if it is still open:
   * true for the one caller whose write closed it.
   */
  close(pollId: string, votes: number[], winnerDealId: number | null, at: Date): Promise<boolean>;
  /** Open votes that were to close at or before `closedBy`, oldest first. */
  due(closedBy: Date, limit: number): Promise<GroupVote[]>;
}

/** What stopping a poll found: its final counts, or that Telegram had closed (or lost) it already. */
export type StoppedPoll = { counts: number[] } | { gone: true };

/** The messages of a vote's end, in the starter's language. */
export interface GroupVoteMessaging {
  /** Stops the poll in the group (stopPoll). */
  stopPoll(vote: GroupVote): Promise<StoppedPoll>;
  /** The winner's card in the group: Buy (a link into the private chat) and, for a group deal, its invite. */
  announceWinner(vote: GroupVote, deal: DealWithShop, votes: number): Promise<void>;
  /** The vote closed without a single vote. */
  announceNoVotes(vote: GroupVote): Promise<void>;
}
