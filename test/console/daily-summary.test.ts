// The owner's daily summary: sent once a day after the summary hour of the
// shop's own clock, in the owner's language, and never again after opting out.
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBotMessaging } from "../../src/bot/messaging.js";
import { createDailySummaryJob } from "../../src/jobs/daily-summary.job.js";
import { button, callbackAnswer, createHarness, only, shown } from "../support/bot-harness.js";

const SHANGHAI = { lat: 31.2304, lng: 121.4737 };
const NEW_YORK = { lat: 40.7081, lng: -73.9571 };
const HOUR = 3_600_000;

describe("the daily summary", () => {
  let h: ReturnType<typeof createHarness>;
  let send: ReturnType<typeof createDailySummaryJob>;
  const sentTo = () => h.calls.filter((c) => c.method === "sendMessage").map((c) => c.payload.chat_id);

  beforeAll(async () => {
    // 20:30 in Shanghai, 08:30 in New York.
    h = createHarness({ now: new Date("2026-05-04T12:30:00Z") });
    await h.shop(781, { ...SHANGHAI, name: "Shanghai Shop" });
    await h.shop(782, { ...NEW_YORK, name: "Brooklyn Shop" });
    await h.db.repos.users.setLanguage(781n, "zh");
    const deal = await h.publish(781, { title: "Bao" });
    await h.db.db.event.createMany({
      data: Array.from({ length: 3 }, () => ({ type: "IMPRESSION", dealId: deal.id, userId: 782n, source: "nearby", createdAt: new Date("2026-05-04T05:00:00Z") })),
    });
    send = createDailySummaryJob({
      summaries: h.db.repos.summaries,
      stats: h.services.stats,
      messaging: createBotMessaging(h.bot.notifier),
      logger: pino({ level: "silent" }),
      hour: 21,
    });
  });
  afterAll(() => h.close());

  it("waits for the summary hour of each shop's own clock", async () => {
    expect(await send(h.clock())).toBe(0);
    h.advance(HOUR); // 21:30 in Shanghai
    expect(await send(h.clock())).toBe(1);
    const summary = h.calls.filter((c) => c.method === "sendMessage").at(-1)!;
    expect(summary.payload.chat_id).toBe(781);
    expect(summary.text.split("\n").slice(0, 4)).toEqual([
      "🌙 今日数据。",
      "",
      "📊 Shanghai Shop · 今天",
      "",
    ]);
    expect(summary.text).toContain("👀 列表曝光：3 · 详情查看：0 · 推送送达：0");
  });

  it("sends it once a day, however often it runs", async () => {
    h.advance(10 * 60_000);
    expect(await send(h.clock())).toBe(0);
    h.advance(HOUR);
    expect(await send(h.clock())).toBe(0);
    expect(sentTo()).toEqual([781]);
  });

  it("reaches the other side of the world at its own evening, and the next day again", async () => {
    h.advance(11 * HOUR); // 21:40 in New York, 09:40 the next day in Shanghai
    expect(await send(h.clock())).toBe(1);
    expect(sentTo()).toEqual([781, 782]);
    const brooklyn = h.calls.filter((c) => c.method === "sendMessage").at(-1)!.text;
    expect(brooklyn).toMatch(/^🌙 Your day in numbers\.\n\n📊 Brooklyn Shop · Today/);
    // In the shop's own currency, whatever the bot's default.
    expect(brooklyn).toContain("💰 Revenue: $0 · refunds: 0 ($0)");
    h.advance(12 * HOUR); // 21:40 that day in Shanghai
    expect(await send(h.clock())).toBe(1);
    expect(sentTo()).toEqual([781, 782, 781]);
  });

  it("stops when the owner opts out from the summary, and starts again with /summary on", async () => {
    const owner = h.user({ id: 782, firstName: "Owner 782", languageCode: "en" });
    const last = h.calls.filter((c) => c.payload.chat_id === 782 && c.method === "sendMessage").at(-1)!;
    const calls = await owner.press(button(last, "🔕 Stop daily summaries"));
    expect(callbackAnswer(calls).text).toBe("🔕 No more daily summaries. /summary on brings them back.");
    h.advance(12 * HOUR); // 21:40 the next day in New York
    expect(await send(h.clock())).toBe(0);
    expect(only(await owner.send("/summary")).text).toBe("🔕 Daily summaries are off. /summary on brings them back.");
    expect(only(await owner.send("/summary on")).text).toBe("🔔 You'll get a summary every evening.");
    expect(await send(h.clock())).toBe(1);
    expect(shown(h.calls).at(-1)!.payload.chat_id).toBe(782);
  });
});
