// The bot in a group: /nearby asks for a pin as a reply, a member's location
// lists the deals near it for everyone, each opening in the private chat, and
// the bot keeps within Telegram's ~20 messages a minute per group.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Message } from "grammy/types";
import { buttons, createHarness, only, shown } from "../support/bot-harness.js";

const HERE = { lat: 31.2304, lng: 121.4737 };
const GROUP = { id: -1001234567890, type: "supergroup" as const, title: "Lunch crew" };

describe("the bot in a group", () => {
  const h = createHarness();
  let noodles: number;
  const member = { id: 7101, is_bot: false, first_name: "Mei", language_code: "en" };

  beforeAll(async () => {
    await h.shop(7001, { ...HERE, name: "Noodle Bar" });
    noodles = (await h.publish(7001, { title: "Beef noodles", priceMinor: 3200, originalPriceMinor: 4800 })).id;
  });
  afterAll(() => h.close());

  function inGroup(fields: Partial<Message>) {
    return h.deliver({
      message: { message_id: h.nextMessageId(), date: h.unixNow(), chat: GROUP, from: member, ...fields } as Message,
    });
  }

  it("asks for a location as a reply to /nearby", async () => {
    const asked = only(await inGroup({ text: "/nearby", entities: [{ type: "bot_command", offset: 0, length: 7 }] }));
    expect(asked.payload.chat_id).toBe(GROUP.id);
    expect(asked.text).toContain("Reply to this message with a location");
    expect(asked.payload.reply_markup).toEqual({ force_reply: true, selective: true });
  });

  it("lists the deals near a member's pin for the group, each opening in the private chat, with nothing personal", async () => {
    const list = only(await inGroup({ location: { latitude: HERE.lat, longitude: HERE.lng } }));
    expect(list.payload.chat_id).toBe(GROUP.id);
    expect(list.text).toContain("Deals near Mei's pin");
    expect(list.text).toContain("1. Beef noodles: CN¥32 CN¥48 −33% · 0 m");
    expect(buttons(list)).toEqual([{ text: "1", url: `https://t.me/nearbuy_test_bot?start=d-${noodles}` }]);
    expect(buttons(list).some((b) => b.data !== undefined)).toBe(false);
  });

  it("stays silent past 20 messages a minute in one group, and speaks again a minute later", async () => {
    h.advance(120_000);
    let answered = 0;
    for (let i = 0; i < 25; i++) answered += shown(await inGroup({ location: { latitude: HERE.lat, longitude: HERE.lng } })).length;
    expect(answered).toBe(20);
    h.advance(61_000);
    expect(shown(await inGroup({ location: { latitude: HERE.lat, longitude: HERE.lng } }))).toHaveLength(1);
  });

  it("says on /help what it does in a group, with the way to the private chat for the rest", async () => {
    h.advance(120_000);
    for (const text of ["/help", "/help@nearbuy_test_bot"]) {
      const help = only(await inGroup({ text, entities: [{ type: "bot_command", offset: 0, length: text.length }] }));
      expect(help.payload.chat_id).toBe(GROUP.id);
      expect(help.text).toMatch(/^👋 In a group I help you choose where to go together:\n\/nearby — /);
      expect(buttons(help)).toEqual([{ text: "💬 Open the private chat", url: "https://t.me/nearbuy_test_bot" }]);
    }
    // Another bot's /help is not for this one.
    expect(shown(await inGroup({ text: "/help@other_bot", entities: [{ type: "bot_command", offset: 0, length: 15 }] }))).toEqual([]);
  });

  it("answers other group messages and commands meant for the private chat with nothing", async () => {
    h.advance(120_000);
    for (const text of ["hello", "/mycodes", "/stats", "/friends"]) {
      const command = text.startsWith("/") ? { entities: [{ type: "bot_command" as const, offset: 0, length: text.length }] } : {};
      expect(shown(await inGroup({ text, ...command, from: { id: 7199, is_bot: false, first_name: "Lurker" } }))).toEqual([]);
    }
    // Chatter makes no account.
    expect(await h.db.repos.users.find(7199n)).toBeNull();
  });
});
