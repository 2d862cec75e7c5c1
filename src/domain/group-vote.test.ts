import { describe, expect, it } from "vitest";
import { freshPin, isVoteDue, mayCloseVote, readVotes, telegramOpenPeriod, voteOptions, voteWinner } from "./group-vote.js";

const vote = { dealIds: [11, 22, 33] };

describe("a group's vote", () => {
  it("offers the five best ranked deals, and nothing when fewer than two are nearby", () => {
    expect(voteOptions([1, 2, 3, 4, 5, 6, 7])).toEqual([1, 2, 3, 4, 5]);
    expect(voteOptions([1, 2])).toEqual([1, 2]);
    expect(voteOptions([1])).toBeNull();
  });

  it("gives the win to the most votes, a tie to the better ranked deal, and none without votes", () => {
    expect(voteWinner(vote, [1, 3, 2])).toEqual({ dealId: 22, votes: 3 });
    expect(voteWinner(vote, [0, 2, 2])).toEqual({ dealId: 22, votes: 2 });
    expect(voteWinner(vote, [2, 2, 2])).toEqual({ dealId: 11, votes: 2 });
    expect(voteWinner(vote, [0, 0, 0])).toBeNull();
  });

  it("lets only the starter or an admin close it", () => {
    expect(mayCloseVote({ starterId: 5n }, 5n, false)).toBe(true);
    expect(mayCloseVote({ starterId: 5n }, 6n, false)).toBe(false);
    expect(mayCloseVote({ starterId: 5n }, 6n, true)).toBe(true);
  });

  it("is due for the job a grace period after its closing time (Telegram's own closing first), until it is closed", () => {
    const closesAt = new Date("2026-05-04T10:00:00Z");
    expect(isVoteDue({ closesAt, closedAt: null }, closesAt)).toBe(false);
    expect(isVoteDue({ closesAt, closedAt: null }, new Date("2026-05-04T10:01:59Z"))).toBe(false);
    expect(isVoteDue({ closesAt, closedAt: null }, new Date("2026-05-04T10:02:00Z"))).toBe(true);
    expect(isVoteDue({ closesAt, closedAt: closesAt }, new Date("2026-05-04T11:00:00Z"))).toBe(false);
  });

  it("reads counts only when they fit the options", () => {
    expect(readVotes(vote, [0, 1, 2])).toEqual([0, 1, 2]);
    expect(readVotes(vote, [0, 1])).toBeNull();
    expect(readVotes(vote, [0, -1, 2])).toBeNull();
    expect(readVotes(vote, [0, 1.5, 2])).toBeNull();
  });

  it("asks Telegram to close the poll itself, within the 5 seconds to 30 days it allows", () => {
    expect(telegramOpenPeriod(60)).toBe(3600);
    expect(telegramOpenPeriod(0)).toBeUndefined();
    expect(telegramOpenPeriod(60 * 24 * 31)).toBeUndefined();
  });

  it("votes around the group's pin while it is recent", () => {
    const at = new Date("2026-05-04T09:00:00Z");
    const point = { lat: 1, lng: 2 };
    expect(freshPin({ point, at }, new Date("2026-05-04T09:29:00Z"))).toEqual(point);
    expect(freshPin({ point, at }, new Date("2026-05-04T09:31:00Z"))).toBeNull();
    expect(freshPin(null, at)).toBeNull();
  });
});
