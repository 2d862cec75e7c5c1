// The push run, end to end over the real bot and a real SQLite file: who gets a
// digest, when, how often, and what survives a crash.
import { afterEach, describe, expect, it } from "vitest";
import { createSendPacer, type SendPacer } from "../../src/jobs/send-pacer.js";
import { button, buttons, callbackAnswer, createHarness, type BotHarness } from "../support/bot-harness.js";
import { digestsTo, HOUR, NEW_YORK, pushJob, SHANGHAI, shopNear, subscriber } from "./push-support.js";

let h: BotHarness & { close(): Promise<void> };
afterEach(() => h.close());

describe("a push run", () => {
  it("sends each subscriber one digest of the best new offers near their place, with buttons credited to the push", async () => {
    h = createHarness({ now: new Date("2026-05-04T03:00:00Z") }); // 11:00 in Shanghai
    await subscriber(h, 501, SHANGHAI);
    await shopNear(h, 601, SHANGHAI, 400);
    await shopNear(h, 602, SHANGHAI, 900);
    await shopNear(h, 603, SHANGHAI, 20_000); // outside the default 3 km
    const near = await h.publish(601, { title: "Dumplings half price", priceMinor: 1000, originalPriceMinor: 2000 });
    await h.publish(602, { title: "Noodles", priceMinor: 1900, originalPriceMinor: 2000 });
    await h.publish(603, { title: "Far away hotpot" });
    const result = await pushJob(h).run(h.clock());
    expect(result).toMatchObject({ planned: 1, sent: 1 });

    const [digest] = digestsTo(h.calls, 501);
    expect(digestsTo(h.calls, 501)).toHaveLength(1);
    expect(digest!.text).toContain("🔔 New near Place: 2 deals");
    expect(digest!.text).toMatch(/1\. Dumplings half price at Shop 601: CN¥10 CN¥20 −50% · 400 m\n2\. Noodles at Shop 602/);
    expect(digest!.text).not.toContain("hotpot");
    const pushId = (await h.db.db.push.findFirstOrThrow()).id;
    expect(buttons(digest!).map((b) => b.data)).toEqual([`d:${near.id}:p:${pushId}`, expect.stringMatching(/^d:\d+:p:/), `ps:${pushId}`, "subs"]);
    expect(await h.db.repos.events.count({ type: "PUSH", dealId: near.id })).toBe(1);

    // Opening the card from the push credits the view to it.
    const chat = h.user({ id: 501, firstName: "User 501" });
    await chat.press(button(digest!, "1"));
    expect(await h.db.db.event.findFirst({ where: { type: "VIEW", dealId: near.id } })).toMatchObject({ source: `push:${pushId}` });
  });

  it("holds a digest during quiet hours in the place's time zone, across midnight, and sends it when they end", async () => {
    h = createHarness({ now: new Date("2026-05-04T15:00:00Z") }); // 23:00 Shanghai, 11:00 New York
    await subscriber(h, 501, SHANGHAI);
    await subscriber(h, 502, NEW_YORK);
    await shopNear(h, 601, SHANGHAI);
    await shopNear(h, 602, NEW_YORK);
    await h.publish(601, { title: "Late dumplings" });
    await h.publish(602, { title: "Bagels" });
    const job = pushJob(h);
    await job.run(h.clock());
    expect(digestsTo(h.calls, 502)).toHaveLength(1);
    expect(digestsTo(h.calls, 501)).toHaveLength(0);

    h.advance(2 * HOUR); // 01:00 Shanghai, after midnight: still quiet
    await job.run(h.clock());
    expect(digestsTo(h.calls, 501)).toHaveLength(0);

    h.advance(7 * HOUR - 60_000); // 07:59: still quiet
    await job.run(h.clock());
    expect(digestsTo(h.calls, 501)).toHaveLength(0);

    h.advance(60_000); // 08:00 Shanghai: quiet hours are over
    await job.run(h.clock());
    expect(digestsTo(h.calls, 501).map((c) => c.text)).toEqual([expect.stringContaining("Late dumplings")]);
    // 20:00 in New York is not quiet there, but there is nothing new.
    expect(digestsTo(h.calls, 502)).toHaveLength(1);
  });

  it("never sends the same offer twice, and stops at the daily maximum until the next local day", async () => {
    h = createHarness({ now: new Date("2026-05-04T01:00:00Z") }); // 09:00 Shanghai
    const sub = await subscriber(h, 501, SHANGHAI);
    await h.services.subscriptions.change(501n, sub.id, { kind: "daily-max", dailyMax: 2 });
    await shopNear(h, 601, SHANGHAI);
    const job = pushJob(h);

    await h.publish(601, { title: "Offer A" });
    await job.run(h.clock());
    h.advance(HOUR);
    await job.run(h.clock()); // nothing new: no digest
    expect(digestsTo(h.calls, 501)).toHaveLength(1);

    await h.publish(601, { title: "Offer B" });
    await job.run(h.clock());
    const texts = digestsTo(h.calls, 501).map((c) => c.text);
    expect(texts[1]).toContain("Offer B");
    expect(texts[1]).not.toContain("Offer A");

    h.advance(HOUR);
    await h.publish(601, { title: "Offer C" });
    await job.run(h.clock()); // the third digest of the day: held by the maximum
    expect(digestsTo(h.calls, 501)).toHaveLength(2);

    h.advance(13 * HOUR); // 00:00 next day in Shanghai, but quiet until 08:00
    await job.run(h.clock());
    expect(digestsTo(h.calls, 501)).toHaveLength(2);
    h.advance(8 * HOUR);
    await job.run(h.clock());
    expect(digestsTo(h.calls, 501).map((c) => c.text)).toEqual([
      expect.stringContaining("Offer A"),
      expect.stringContaining("Offer B"),
      expect.stringContaining("Offer C"),
    ]);
  });

  it("keeps to each place's categories and radius, and sends one digest for a user's several places", async () => {
    h = createHarness({ now: new Date("2026-05-04T03:00:00Z") });
    const home = await subscriber(h, 501, SHANGHAI);
    const workPlace = { lat: 31.30, lng: 121.55 };
    await subscriber(h, 501, workPlace);
    await h.services.subscriptions.change(501n, home.id, { kind: "category", category: "cafe" });
    await shopNear(h, 601, SHANGHAI, 300, "food");
    await shopNear(h, 602, SHANGHAI, 300, "cafe");
    await shopNear(h, 603, workPlace, 300, "food");
    await h.publish(601, { title: "Food near home" });
    await h.publish(602, { title: "Coffee near home" });
    await h.publish(603, { title: "Food near work" });
    await pushJob(h).run(h.clock());
    const digests = digestsTo(h.calls, 501);
    expect(digests).toHaveLength(1);
    expect(digests[0]!.text).toContain("Coffee near home");
    expect(digests[0]!.text).toContain("Food near work");
    expect(digests[0]!.text).not.toContain("Food near home");
  });

  it("marks a user who blocked the bot inactive on the 403, skips them, and resumes when they unblock", async () => {
    h = createHarness({ now: new Date("2026-05-04T03:00:00Z") });
    await subscriber(h, 501, SHANGHAI);
    await subscriber(h, 502, SHANGHAI);
    await shopNear(h, 601, SHANGHAI);
    await h.publish(601, { title: "Offer A" });
    h.block(501);
    const job = pushJob(h);
    expect(await job.run(h.clock())).toMatchObject({ planned: 2, sent: 1, blocked: 1 });
    expect((await h.db.repos.users.find(501n))!.blockedAt).not.toBeNull();

    await h.publish(601, { title: "Offer B" });
    const before = h.calls.length;
    expect(await job.run(h.clock())).toMatchObject({ planned: 1, sent: 1 });
    expect(h.calls.slice(before).filter((c) => Number(c.payload.chat_id) === 501)).toEqual([]);

    // Unblocking arrives as my_chat_member: the next run reaches them again.
    const chat = h.user({ id: 501, firstName: "User 501" });
    await h.deliver({
      my_chat_member: {
        chat: { id: 501, type: "private", first_name: "User 501" },
        from: chat.from,
        date: h.unixNow(),
        old_chat_member: { user: { id: 7_000_000_001, is_bot: true, first_name: "Nearbuy" }, status: "kicked", until_date: 0 },
        new_chat_member: { user: { id: 7_000_000_001, is_bot: true, first_name: "Nearbuy" }, status: "member" },
      },
    } as never);
    expect((await h.db.repos.users.find(501n))!.blockedAt).toBeNull();
    h.advance(HOUR);
    await h.publish(601, { title: "Offer C" });
    (h as unknown as { blocked: Set<number> }).blocked.delete(501); // Telegram takes messages again
    await job.run(h.clock());
    // Offer A went out while they had blocked the bot: it is not sent again.
    const [digest] = digestsTo(h.calls, 501);
    expect(digest!.text).toMatch(/Offer (B|C)[\s\S]*Offer (B|C)/);
    expect(digest!.text).not.toContain("Offer A");
  });

  it("after a crash in the middle of sending, a restarted run sends the rest: nothing lost, nothing twice", async () => {
    h = createHarness({ now: new Date("2026-05-04T03:00:00Z") });
    const ids = Array.from({ length: 10 }, (_, i) => 501 + i);
    for (const id of ids) await subscriber(h, id, SHANGHAI);
    await shopNear(h, 601, SHANGHAI);
    await h.publish(601, { title: "Offer A" });

    // The process dies while waiting for its 5th send slot.
    let waits = 0;
    const fast = createSendPacer(1000);
    const dying: SendPacer = {
      ...fast,
      transformer: fast.transformer,
      tooManyRequests: 0,
      async wait() {
        if (++waits === 5) throw new Error("power cut");
        return fast.wait();
      },
    };
    await expect(pushJob(h, dying).run(h.clock())).rejects.toThrow("power cut");
    const sentBefore = ids.filter((id) => digestsTo(h.calls, id).length === 1).length;
    expect(sentBefore).toBe(4);

    // A new process (a new job over the same database) finishes the run.
    const result = await pushJob(h).run(h.clock());
    expect(result).toMatchObject({ planned: 0, sent: 6 });
    for (const id of ids) expect(digestsTo(h.calls, id)).toHaveLength(1);
  });

  it("after a crash with several requests under way, a restarted run sends the rest and none of them again", async () => {
    h = createHarness({ now: new Date("2026-05-04T03:00:00Z") });
    const ids = Array.from({ length: 12 }, (_, i) => 501 + i);
    for (const id of ids) await subscriber(h, id, SHANGHAI);
    await shopNear(h, 601, SHANGHAI);
    await h.publish(601, { title: "Offer A" });

    // Telegram answers the first three digests; the next four reach it, but
    // the process dies before their answers come back, while waiting for its
    // eighth send slot.
    let dead = false;
    let answered = 0;
    let held = 0;
    const never = new Promise<never>(() => {});
    h.bot.api.config.use(async (prev, method, payload, signal) => {
      const result = await prev(method, payload, signal);
      if (dead || method !== "sendMessage" || ++answered <= 3) return result;
      held++;
      return never;
    });
    let waits = 0;
    let frozen = false;
    const fast = createSendPacer(1000);
    const dying: SendPacer = {
      ...fast,
      transformer: fast.transformer,
      tooManyRequests: 0,
      wait() {
        if (++waits < 8) return fast.wait();
        frozen = true;
        return never;
      },
    };
    void pushJob(h, dying).run(h.clock());
    for (let i = 0; i < 1000 && !(frozen && held === 4); i++) await new Promise((resolve) => setImmediate(resolve));
    expect({ frozen, held }).toEqual({ frozen: true, held: 4 });
    dead = true;

    // A new process over the same database: the four under way are not sent again.
    const result = await pushJob(h).run(h.clock());
    expect(result).toMatchObject({ planned: 0, sent: 5, interrupted: 4 });
    for (const id of ids) expect(digestsTo(h.calls, id)).toHaveLength(1);
  });

  it("after a crash while planning, nothing was written and the next run plans everything once", async () => {
    h = createHarness({ now: new Date("2026-05-04T03:00:00Z") });
    for (const id of [501, 502]) await subscriber(h, id, SHANGHAI);
    await shopNear(h, 601, SHANGHAI);
    await h.publish(601, { title: "Offer A" });
    const repos = h.db.repos;
    const original = repos.pushes.savePlans;
    // The transaction fails after its first insert: everything is rolled back.
    repos.pushes.savePlans = async (plans, at) => original([...plans, { userId: 999_999n, items: [] }], at);
    await expect(pushJob(h).run(h.clock())).rejects.toThrow();
    repos.pushes.savePlans = original;
    expect(await h.db.db.push.count()).toBe(0);
    expect(await pushJob(h).run(h.clock())).toMatchObject({ planned: 2, sent: 2 });
  });

  it("does not send again a digest whose request was under way when the process died", async () => {
    h = createHarness({ now: new Date("2026-05-04T03:00:00Z") });
    await subscriber(h, 501, SHANGHAI);
    await shopNear(h, 601, SHANGHAI);
    await h.publish(601, { title: "Offer A" });
    const job = pushJob(h);
    await job.plan(h.clock());
    const push = await h.db.db.push.findFirstOrThrow();
    expect(await h.db.repos.pushes.claim(push.id)).toBe(true); // then the process died
    const result = await job.run(h.clock());
    expect(result).toMatchObject({ sent: 0, interrupted: 1 });
    expect((await h.db.db.push.findFirstOrThrow()).status).toBe("UNCONFIRMED");
    // It still counts as pushed: the offer is not planned again.
    expect(await job.run(h.clock())).toMatchObject({ planned: 0, sent: 0 });
  });

  it("lets the user stop the places behind a digest with its button; someone else's button changes nothing", async () => {
    h = createHarness({ now: new Date("2026-05-04T03:00:00Z") });
    await subscriber(h, 501, SHANGHAI);
    await subscriber(h, 502, SHANGHAI);
    await shopNear(h, 601, SHANGHAI);
    await h.publish(601, { title: "Offer A" });
    await pushJob(h).run(h.clock());
    const [digest] = digestsTo(h.calls, 501);
    const stop = button(digest!, "🔕 Stop these");

    const mallory = h.user({ id: 502, firstName: "User 502" });
    const forged = await mallory.press(stop);
    expect(callbackAnswer(forged)).toEqual({ text: expect.stringContaining("doesn't exist any more"), alert: true });
    expect(await h.services.subscriptions.list(502n)).toHaveLength(1);

    const chat = h.user({ id: 501, firstName: "User 501" });
    const calls = await chat.press(stop);
    expect(calls.find((c) => c.method === "sendMessage")!.text).toMatch(/^🔕 Stopped: no more pushes for this place/);
    expect(await h.services.subscriptions.list(501n)).toEqual([]);
    await h.publish(601, { title: "Offer B" });
    await pushJob(h).run(h.clock());
    expect(digestsTo(h.calls, 501)).toHaveLength(1);
  });

  it("pushes in the subscriber's language", async () => {
    h = createHarness({ now: new Date("2026-05-04T03:00:00Z") });
    await subscriber(h, 501, SHANGHAI, "zh");
    await shopNear(h, 601, SHANGHAI, 400);
    await h.publish(601, { title: "饺子半价", priceMinor: 1000, originalPriceMinor: 2000 });
    await pushJob(h).run(h.clock());
    const [digest] = digestsTo(h.calls, 501);
    expect(digest!.text).toBe("🔔 地点附近的新优惠：1 个\n\n1. 饺子半价（Shop 601）：¥10 ¥20 省 50% · 400 米");
    expect(buttons(digest!).map((b) => b.text)).toEqual(["1", "🔕 停止这些推送", "⚙️ 设置"]);
  });
});
