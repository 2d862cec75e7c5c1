// The groups' votes as instances sharing a database see them: the pin and the
// bot's question for one (taken once), the votes found by poll and by message,
// the counts kept while open, and the close that exactly one writer wins.
import { afterAll, beforeAll, expect, it } from "vitest";
import { openDatabase, type Db } from "../../src/db/client.js";
import { createRepositories } from "../../src/db/repositories.js";
import { describeEachDatabase } from "../support/databases.js";
import type { TestDb } from "../support/test-db.js";

const GROUP = -1001234567890n;
const AT = new Date("2026-11-29T12:00:00Z");
const vote = (pollId: string, messageId: number, closesAt: Date) => ({
  pollId,
  chatId: GROUP,
  messageId,
  starterId: 7101n,
  dealIds: [11, 22, 33],
  lat: 31.2304,
  lng: 121.4737,
  createdAt: AT,
  closesAt,
});

describeEachDatabase("group votes", (open) => {
  let t: TestDb;
  // A second connection: what another instance has.
  let otherDb: Db;
  let other: ReturnType<typeof createRepositories>;

  beforeAll(async () => {
    t = await open();
    otherDb = openDatabase(t.url);
    other = createRepositories(otherDb);
  });
  afterAll(async () => {
    await otherDb.$disconnect();
    await t.close();
  });

  it("keeps the group's last pin, and gives the question for a pin to the one location that answers it", async () => {
    expect(await t.repos.groups.pin(GROUP)).toBeNull();
    await t.repos.groups.keepPin(GROUP, { lat: 1.5, lng: 2.5 }, AT);
    expect(await t.repos.groups.pin(GROUP)).toEqual({ point: { lat: 1.5, lng: 2.5 }, at: AT });
    await t.repos.groups.askedForVotePin(GROUP, 40);
    await t.repos.groups.askedForVotePin(GROUP, 41);
    expect(await t.repos.groups.takeVotePinAsk(GROUP, 40)).toBe(false);
    const taken = await Promise.all([t.repos.groups.takeVotePinAsk(GROUP, 41), other.groups.takeVotePinAsk(GROUP, 41)]);
    expect(taken.filter(Boolean)).toHaveLength(1);
    expect(await t.repos.groups.pin(GROUP)).toEqual({ point: { lat: 1.5, lng: 2.5 }, at: AT });
  });

  it("finds a vote by poll and by message, keeps its counts while open, and closes it for exactly one writer", async () => {
    await t.repos.groupVotes.create(vote("poll-1", 50, new Date(AT.getTime() + 3_600_000)));
    expect(await other.groupVotes.findByMessage(GROUP, 50)).toMatchObject({ pollId: "poll-1", dealIds: [11, 22, 33], votes: [0, 0, 0], closedAt: null });
    await other.groupVotes.saveVotes("poll-1", [1, 2, 0]);
    expect((await t.repos.groupVotes.find("poll-1"))?.votes).toEqual([1, 2, 0]);

    const closedAt = new Date(AT.getTime() + 60_000);
    const closes = await Promise.all([t.repos.groupVotes.close("poll-1", [1, 3, 0], 22, closedAt), other.groupVotes.close("poll-1", [1, 3, 0], 22, closedAt)]);
    expect(closes.filter(Boolean)).toHaveLength(1);
    // Counts that come after the close change nothing.
    await t.repos.groupVotes.saveVotes("poll-1", [9, 9, 9]);
    expect(await t.repos.groupVotes.find("poll-1")).toMatchObject({ votes: [1, 3, 0], winnerDealId: 22, closedAt });
  });

  it("lists the open votes due by a time, oldest first, and brings a vote's closing time forward", async () => {
    await t.repos.groupVotes.create(vote("poll-2", 60, new Date(AT.getTime() + 20 * 60_000)));
    await t.repos.groupVotes.create(vote("poll-3", 61, new Date(AT.getTime() + 10 * 60_000)));
    const due = async (minutes: number) => (await t.repos.groupVotes.due(new Date(AT.getTime() + minutes * 60_000), 10)).map((v) => v.pollId);
    expect(await due(5)).toEqual([]);
    expect(await due(15)).toEqual(["poll-3"]);
    expect(await due(90)).toEqual(["poll-3", "poll-2"]); // poll-1 is closed
    await t.repos.groupVotes.saveVotes("poll-2", [0, 1, 0], new Date(AT.getTime() + 5 * 60_000));
    expect(await due(6)).toEqual(["poll-2"]);
  });
});
