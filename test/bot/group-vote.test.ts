// /vote in a group, through real updates: the best deals near a member's pin
// go to a native non-anonymous poll; the counts arrive as `poll` updates (the
// bot asks for no `poll_answer`); the vote ends when Telegram closes the poll,
// when its starter (or an admin) presses Close, or when the job finds it
// overdue, and its winner is posted once, with Buy opening the private chat
// (never an invoice here).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Message, User } from "grammy/types";
import { HANDLED_UPDATES } from "../../src/bot/update-intake.js";
import { BotHarness, buttons, createHarness, only, shown, type ApiCall } from "../support/bot-harness.js";

const HERE = { lat: 31.2304, lng: 121.4737 };
/** Far from every deal but one. */
const LONELY = { lat: 31.3304, lng: 121.5737 };
const GROUP = { id: -1001234567890, type: "supergroup" as const, title: "Lunch crew" };
const BOT_LINK = "https://t.me/nearbuy_test_bot?start=";

const mei: User = { id: 7101, is_bot: false, first_name: "Mei", language_code: "en" };
const joe: User = { id: 7102, is_bot: false, first_name: "Joe", language_code: "en" };
const li: User = { id: 7103, is_bot: false, first_name: "Li", language_code: "zh" };
const boss: User = { id: 7104, is_bot: false, first_name: "Boss", language_code: "en" };

describe("a vote in a group", () => {
  const h = createHarness();
  /** Deal ids by title: A has the best discount, so it ranks first, then B… */
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    await h.shop(7001, { ...HERE, name: "Noodle Bar", address: "1 Food Street" });
    for (const [i, title] of ["Deal A", "Deal B", "Deal C", "Deal D", "Deal E", "Deal F"].entries()) {
      ids[title] = (await h.publish(7001, { title, priceMinor: 1000 * (i + 1), originalPriceMinor: 10_000 })).id;
    }
    await h.shop(7002, { ...LONELY, name: "Lonely Cafe" });
    await h.publish(7002, { title: "Only coffee", priceMinor: 500, originalPriceMinor: 800 });
    h.makeAdmin(GROUP.id, boss.id);
  });
  afterAll(() => h.close());
  // Each case starts with the group's minute unspent and its pin stale.
  beforeEach(() => h.advance(61 * 60_000));

  function inGroup(from: User, fields: Partial<Message>) {
    return h.deliver({ message: { message_id: h.nextMessageId(), date: h.unixNow(), chat: GROUP, from, ...fields } as Message });
  }
  const command = (from: User, text: string) => inGroup(from, { text, entities: [{ type: "bot_command", offset: 0, length: text.length }] });
  const pin = (from: User, at: { lat: number; lng: number }, replyTo?: ApiCall) =>
    inGroup(from, {
      location: { latitude: at.lat, longitude: at.lng },
      ...(replyTo ? { reply_to_message: replyTo.result as Message } : {}),
    } as Partial<Message>);
  /** Presses Close under the poll, as `from`. */
  function pressClose(from: User, poll: ApiCall) {
    const message = poll.result as Message;
    return h.deliver({ callback_query: { id: String(h.nextCallbackId()), from, chat_instance: "ci-group", data: "vclose", message } });
  }
  /** Ends the votes earlier cases left open (the job would), and lets the group's minute pass. */
  async function endOldVotes() {
    await h.runScheduled((s) => s.groupVotes.closeDue());
    h.advance(61_000);
  }
  /** Mei asks for a vote and answers the bot's question with her pin: the poll. */
  async function startVote(at = HERE): Promise<ApiCall> {
    const ask = only(await command(mei, "/vote"));
    return only(await pin(mei, at, ask), "sendPoll");
  }

  it("asks for a pin as a reply, then puts the five best deals near it to a non-anonymous poll with a Close button", async () => {
    const ask = only(await command(mei, "/vote"));
    expect(ask.payload.chat_id).toBe(GROUP.id);
    expect(ask.text).toContain("Reply to this message with a location");
    expect(ask.payload.reply_markup).toEqual({ force_reply: true, selective: true });

    const poll = only(await pin(mei, HERE, ask), "sendPoll");
    expect(poll.payload.chat_id).toBe(GROUP.id);
    expect(poll.payload.question).toBe("🗳 Mei asks: which deal shall we go for? (near their pin, voting closes in 60 min)");
    expect(h.poll(poll).options.map((o) => o.text)).toEqual([
      "Deal A · CN¥10 −90%",
      "Deal B · CN¥20 −80%",
      "Deal C · CN¥30 −70%",
      "Deal D · CN¥40 −60%",
      "Deal E · CN¥50 −50%",
    ]);
    expect(poll.payload.is_anonymous).toBe(false);
    expect(poll.payload.open_period).toBe(3600);
    expect(buttons(poll)).toEqual([{ text: "🔒 Close vote", data: "vclose" }]);
  });

  it("votes around the group's pin without asking while it is recent, and a pin for /nearby only lists", async () => {
    const nearbyAsk = only(await command(joe, "/nearby"));
    const list = only(await pin(joe, HERE, nearbyAsk));
    expect(list.method).toBe("sendMessage");
    expect(list.text).toContain("Deals near Joe's pin");
    h.advance(10 * 60_000);
    const poll = only(await command(mei, "/vote"), "sendPoll");
    expect(h.poll(poll).options).toHaveLength(5);
    // Half an hour later the pin is too old to vote around.
    h.advance(31 * 60_000);
    expect(only(await command(mei, "/vote")).text).toContain("Reply to this message with a location");
  });

  it("says so when fewer than two deals are near the pin", async () => {
    const ask = only(await command(mei, "/vote"));
    expect(only(await pin(mei, LONELY, ask)).text).toBe("😶 There aren't two deals within 5 km of that pin to vote on. Try another pin.");
  });

  it("lets only the starter or an admin close it; the winner is posted once, with Buy into the private chat and no invoice", async () => {
    const poll = await startVote();
    await h.vote(poll, joe, [1]);
    await h.vote(poll, li, [1]);
    await h.vote(poll, mei, [0]);
    expect(h.poll(poll).options.map((o) => o.voter_count)).toEqual([1, 2, 0, 0, 0]);

    const refused = await pressClose(joe, poll);
    expect(refused.find((c) => c.method === "answerCallbackQuery")!.payload).toMatchObject({
      text: "Only the member who started this vote, or a group admin, can close it.",
      show_alert: true,
    });
    expect(shown(refused)).toEqual([]);
    expect(h.poll(poll).is_closed).toBe(false);

    const closing = await pressClose(mei, poll);
    expect(closing.find((c) => c.method === "answerCallbackQuery")!.payload.text).toBe("🔒 Vote closed: the result follows.");
    expect(closing.some((c) => c.method === "stopPoll")).toBe(true);
    expect(h.poll(poll).is_closed).toBe(true);
    const winner = only(closing, "sendMessage");
    expect(winner.payload.chat_id).toBe(GROUP.id);
    expect(winner.text).toContain("🏆 The vote is in: Deal B (2 of 3 votes)");
    expect(winner.text).toContain("🏪 Noodle Bar");
    expect(winner.text).toContain("💰 CN¥20 instead of CN¥100 (−80%)");
    expect(winner.text).toContain("continue in your private chat with me");
    expect(buttons(winner)).toEqual([{ text: "🛒 Buy", url: `${BOT_LINK}d-${ids["Deal B"]}` }]);
    expect(h.calls.some((c) => c.method === "sendInvoice" && c.payload.chat_id === GROUP.id)).toBe(false);

    // Telegram reports the stopped poll, maybe to another instance; Close again: nothing more is posted.
    expect(shown(await h.pollUpdate(poll))).toEqual([]);
    const again = await pressClose(mei, poll);
    expect(again.find((c) => c.method === "answerCallbackQuery")!.payload.text).toBe("This vote is closed already.");
    expect(shown(again)).toEqual([]);
  });

  it("lets a group admin close someone else's vote", async () => {
    const poll = await startVote();
    await h.vote(poll, joe, [2]);
    const closing = await pressClose(boss, poll);
    expect(only(closing, "sendMessage").text).toContain("The vote is in: Deal C (1 of 1 votes)");
  });

  it("shows the winner as its card does: the title, the shop, the address with the distance from the pin, the price", async () => {
    const nearHere = { lat: HERE.lat + 0.003, lng: HERE.lng };
    const poll = await startVote(nearHere);
    await h.vote(poll, joe, [1]);
    const winner = only(await pressClose(mei, poll), "sendMessage").text.split("\n");
    const card = (await h.user({ id: 7105, firstName: "Ann", languageCode: "en" }).openDeal(ids["Deal B"]!, nearHere)).text.split("\n");
    expect(card[0]).toBe("Deal B");
    expect(winner[0]).toBe("🏆 The vote is in: Deal B (1 of 1 votes)");
    const lineOf = (lines: string[], mark: string) => lines.find((line) => line.startsWith(mark));
    expect(lineOf(card, "📍")).toBe("📍 1 Food Street · 330 m");
    for (const mark of ["🏪", "📍", "💰"]) expect(lineOf(winner, mark)).toBe(lineOf(card, mark));
  });

  it("ends when Telegram closes the poll, a tie going to the better ranked deal, and the winner is posted once", async () => {
    const poll = await startVote();
    await h.vote(poll, joe, [3]);
    await h.vote(poll, li, [1]);
    // A changed vote counts as Telegram reports it.
    await h.vote(poll, mei, [4]);
    await h.vote(poll, mei, [3]);
    await h.vote(poll, boss, [1]);
    const closed = await h.pollClosedByTelegram(poll);
    expect(only(closed).text).toContain("The vote is in: Deal B (2 of 4 votes)");
    expect(shown(await h.pollUpdate(poll))).toEqual([]);
  });

  it("says so when nobody voted", async () => {
    const poll = await startVote();
    expect(only(await h.pollClosedByTelegram(poll)).text).toBe("🗳 The vote closed without a single vote. Start another with /vote.");
  });

  it("is ended by the job when Telegram's closing never reached the bot, and once only", async () => {
    await endOldVotes();
    const poll = await startVote();
    await h.vote(poll, li, [2]);
    h.advance(61 * 60_000);
    expect(await h.runScheduled((s) => s.groupVotes.closeDue())).toEqual([]); // within the grace Telegram's own closing gets
    h.advance(2 * 60_000);
    const ended = await h.runScheduled((s) => s.groupVotes.closeDue());
    expect(ended.map((c) => c.method)).toEqual(["stopPoll", "sendMessage"]);
    expect(only(ended).text).toContain("The vote is in: Deal C (1 of 1 votes)");
    expect(await h.runScheduled((s) => s.groupVotes.closeDue())).toEqual([]);
    expect(shown(await h.pollClosedByTelegram(poll))).toEqual([]);
  });

  it("keeps within the group's 20 messages a minute: a result that finds the minute spent waits for the job", async () => {
    await endOldVotes();
    const poll = await startVote();
    await h.vote(poll, joe, [0]);
    // The group's minute is spent (lists for everyone).
    let posted = 2; // the ask and the poll
    while (shown(await pin(joe, HERE)).length > 0) posted++;
    expect(posted).toBe(20);
    expect(shown(await h.pollClosedByTelegram(poll))).toEqual([]);
    expect(shown(await command(mei, "/vote"))).toEqual([]);
    h.advance(61_000);
    const ended = await h.runScheduled((s) => s.groupVotes.closeDue());
    expect(only(ended).text).toContain("The vote is in: Deal A (1 of 1 votes)");
  });

  it("is posted once when two instances both hear the poll close", async () => {
    const poll = await startVote();
    await h.vote(poll, joe, [4]);
    const other = new BotHarness(h.db, { now: h.clock() });
    const closedPoll = { ...h.poll(poll), is_closed: true };
    const [a, b] = await Promise.all([h.deliver({ poll: closedPoll }), other.deliver({ poll: closedPoll })]);
    expect([...shown(a), ...shown(b)].map((c) => c.text.split("\n")[0])).toEqual(["🏆 The vote is in: Deal E (1 of 1 votes)"]);
  });

  // Last: the group deal, the best discount of all, tops every poll from here on.
  it("posts a group deal's invite beside Buy", async () => {
    const group = await h.publish(7001, { title: "Hotpot for four", priceMinor: 100, originalPriceMinor: 10_000, minBuyers: 4 });
    const poll = await startVote();
    expect(h.poll(poll).options[0]!.text).toBe("Hotpot for four · CN¥1 −99%");
    await h.vote(poll, joe, [0]);
    const winner = only(await h.pollClosedByTelegram(poll));
    expect(winner.text).toContain("👥 A group deal: vouchers activate when 4 people have bought");
    expect(buttons(winner)).toEqual([
      { text: "🛒 Buy", url: `${BOT_LINK}d-${group.id}` },
      { text: "👥 Invite friends", url: expect.stringContaining(encodeURIComponent(`${BOT_LINK}d-${group.id}`)) },
    ]);
  });

  it("asks Telegram for the polls' counts, and not for each member's answer, which counts nothing", () => {
    expect(HANDLED_UPDATES).toContain("poll");
    expect(HANDLED_UPDATES).not.toContain("poll_answer");
  });
});
