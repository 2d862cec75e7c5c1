// What a user can send that the bot did not ask for: forged or stale buttons,
// text at Telegram's limit, impossible coordinates. Each gets a clear answer;
// the harness fails any test in which the bot crashes or leaves a press unanswered.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Message } from "grammy/types";
import { callbackAnswer, createHarness, only, shown } from "../support/bot-harness.js";

const HERE = { lat: 31.2304, lng: 121.4737 };
const EXPIRED = "This button is no longer valid. Please start again.";

describe("input the bot did not ask for", () => {
  let h: ReturnType<typeof createHarness>;
  beforeAll(async () => {
    h = createHarness();
    await h.shop(701, { ...HERE, name: "Only Shop" });
    for (let i = 0; i < 6; i++) await h.publish(701, { title: `Offer ${i + 1}` });
  });
  afterAll(() => h.close());

  it.each([
    ["d:999999:n:0", "This offer doesn't exist any more."],
    ["map:999999", "This offer doesn't exist any more."],
    ["nb:7:all:0", EXPIRED],
    ["nb:5:pizza:0", EXPIRED],
    ["nb:5:all:-1", EXPIRED],
    ["nc:2", EXPIRED],
    ["d:abc", EXPIRED],
    ["d:1:z", EXPIRED],
    ["d:1:n:0:extra", EXPIRED],
    ["d:1:n", EXPIRED],
    ["map:", EXPIRED],
    ["form:pick:x", EXPIRED],
    ["form:back", EXPIRED],
    ["a7$#%^&*()_+ \u0000junk", EXPIRED],
    ["x".repeat(64), EXPIRED],
  ])("answers the forged button %j with an alert saying so", async (data, alert) => {
    const eve = h.user({ id: 711, firstName: "Eve", languageCode: "en" });
    await eve.location(HERE.lat, HERE.lng);
    const calls = await eve.press(data);
    expect(callbackAnswer(calls)).toEqual({ text: alert, alert: true });
    expect(shown(calls)).toEqual([]);
  });

  it("answers a forged button in Chinese for a Chinese user", async () => {
    const mei = h.user({ id: 712, firstName: "美", languageCode: "zh" });
    await mei.send("/start");
    expect(callbackAnswer(await mei.press("d:999999:n:0"))).toEqual({ text: "这个优惠已不存在。", alert: true });
    expect(callbackAnswer(await mei.press("junk"))).toEqual({ text: "这个按钮已失效，请重新开始。", alert: true });
  });

  it("answers an unknown language button without changing the language", async () => {
    const fay = h.user({ id: 713, firstName: "Fay", languageCode: "en" });
    await fay.send("/language");
    const calls = await fay.press("lang:fr");
    expect(callbackAnswer(calls).text).toBe(EXPIRED);
    expect((await h.db.repos.users.find(713n))?.language).toBeNull();
  });

  it("asks for a location when a list button comes from someone who never shared one", async () => {
    const gus = h.user({ id: 714, firstName: "Gus", languageCode: "en" });
    await gus.send("/start");
    expect(callbackAnswer(await gus.press("nb:5:all:0"))).toEqual({
      text: "I don't know where you are yet: share your location first.",
      alert: true,
    });
  });

  it("shows the last page for a page number past the end", async () => {
    const hal = h.user({ id: 715, firstName: "Hal", languageCode: "en" });
    await hal.location(HERE.lat, HERE.lng);
    const last = only(await hal.press("nb:5:all:9999"), "editMessageText");
    expect(last.text).toContain("Page 2 of 2");
  });

  it("answers text at Telegram's 4096-character limit", async () => {
    const ida = h.user({ id: 716, firstName: "Ida", languageCode: "en" });
    // Plain text is read as a request for deals; this much is not one.
    expect(only(await ida.send("a".repeat(4096))).text).toMatch(/^That's a long message/);
    expect(only(await ida.send("😀".repeat(2048))).text).toMatch(/^That's a long message/);
    const start = only(await ida.send(`/start ${"p".repeat(4089)}`));
    expect(start.text).toContain("Hi Ida!");
    expect((await h.db.repos.users.find(716n))?.source).toBeNull();
  });

  it("answers an unknown command", async () => {
    const jon = h.user({ id: 717, firstName: "Jon", languageCode: "en" });
    expect(only(await jon.send("/teleport now")).text).toMatch(/^I didn't get that/);
  });

  it("refuses a location with latitude 95 politely and does not keep it", async () => {
    const kim = h.user({ id: 718, firstName: "Kim", languageCode: "en" });
    const reply = only(await kim.location(95, 10));
    expect(reply.text).toBe(
      '📍 Those coordinates are not valid: latitude must be between -90 and 90, longitude between -180 and 180, e.g. "31.2304, 121.4737".',
    );
    expect((await h.db.repos.users.find(718n))?.lastLat).toBeNull();
    // /nearby still asks, rather than failing on a stored bad point.
    expect(only(await kim.send("/nearby")).text).toMatch(/^Share your location/);
  });

  it("refuses an impossible venue and an impossible live-location update the same way", async () => {
    const lee = h.user({ id: 719, firstName: "Lee", languageCode: "zh" });
    expect(only(await lee.venue(0, 200, "Nowhere", "Nowhere")).text).toMatch(/^📍 坐标无效/);
    await lee.location(HERE.lat, HERE.lng, { live_period: 600 });
    expect(only(await lee.editLiveLocation(lee.lastSentId, -91, 0)).text).toMatch(/^📍 坐标无效/);
    expect((await h.db.repos.users.find(719n))?.lastLat).toBeCloseTo(HERE.lat, 6);
  });

  it("stays quiet in a group chat", async () => {
    const group = { id: -100123, type: "supergroup", title: "Neighbours" } as const;
    const calls = await h.deliver({
      message: {
        message_id: 5,
        date: h.unixNow(),
        chat: group,
        from: { id: 720, is_bot: false, first_name: "Mo" },
        text: "/start",
        entities: [{ type: "bot_command", offset: 0, length: 6 }],
      } as Message,
    });
    expect(calls).toEqual([]);
    expect(await h.db.repos.users.find(720n)).toBeNull();
  });
});
