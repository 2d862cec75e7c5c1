// The bot's polls as Telegram keeps them: each voter's choice, the counts
// shown to everyone, and the closing, which no vote passes. The methods
// (sendPoll, stopPoll) and the driver (a user voting, time running out) change
// polls only through these.
import type { Message, Poll, User } from "grammy/types";
import type { ChatState, ChatWorld } from "./chat-world.js";

type PollMessage = Message & { poll: Poll };

/** The message holding the poll, in its chat. */
export function pollMessage(world: ChatWorld, pollId: string): { state: ChatState; message: PollMessage } {
  const where = world.polls.get(pollId);
  if (!where) throw new Error(`the bot sent no poll ${pollId}`);
  const state = world.chatFor(where.chatId, { sending: false });
  const message = state.messages.get(where.messageId);
  if (!message?.poll) throw new Error(`poll ${pollId} is gone (its message was deleted)`);
  return { state, message: message as PollMessage };
}

function replacePoll(world: ChatWorld, pollId: string, change: (poll: Poll) => Poll): Poll {
  const { state, message } = pollMessage(world, pollId);
  const poll = change(message.poll);
  state.messages.set(message.message_id, { ...message, poll });
  return poll;
}

/**
 * A user's vote (no options: the vote taken back), refused as a Telegram app
 * refuses it: a closed poll, an option that is not there, several options
 * where one is allowed.
 */
export function castVote(world: ChatWorld, pollId: string, voter: User, optionIds: number[]): Poll {
  const { poll } = pollMessage(world, pollId).message;
  if (poll.is_closed) throw new Error("the poll is closed");
  if (optionIds.some((i) => !Number.isInteger(i) || i < 0 || i >= poll.options.length)) {
    throw new Error(`the poll has options 1 to ${poll.options.length}`);
  }
  if (optionIds.length > 1 && !poll.allows_multiple_answers) throw new Error("the poll takes one answer");
  const { choices } = world.polls.get(pollId)!;
  if (optionIds.length === 0) choices.delete(voter.id);
  else choices.set(voter.id, [...new Set(optionIds)]);
  return replacePoll(world, pollId, (p) => ({
    ...p,
    options: p.options.map((o, i) => ({ ...o, voter_count: [...choices.values()].filter((c) => c.includes(i)).length })),
    total_voter_count: choices.size,
  }));
}

/** Closes the poll (stopPoll, or its time ran out): its counts are final. */
export function closePoll(world: ChatWorld, pollId: string): Poll {
  const poll = replacePoll(world, pollId, (p) => ({ ...p, is_closed: true }));
  const { chatId, messageId } = world.polls.get(pollId)!;
  world.record({ type: "poll-closed", chatId, messageId, poll });
  return poll;
}

/** The open polls whose open_period or close_date has passed at `now` (Unix seconds); a deleted one is gone for good. */
export function pollsDue(world: ChatWorld, now: number): string[] {
  const due: string[] = [];
  for (const [id, { chatId, messageId, closesAt }] of world.polls) {
    const poll = world.chatFor(chatId, { sending: false }).messages.get(messageId)?.poll;
    if (!poll) world.polls.delete(id);
    else if (closesAt !== undefined && closesAt <= now && !poll.is_closed) due.push(id);
  }
  return due;
}
