// A followed shop's new offers in the push digest: wherever the follower is,
// through the same outbox, with the same daily maximum, quiet hours and
// never-twice rule as places.
import { afterEach, describe, expect, it } from "vitest";
import { button, buttons, createHarness, type BotHarness } from "../support/bot-harness.js";
import { digestsTo, HOUR, NEW_YORK, pushJob, SHANGHAI, shopNear, subscriber } from "./push-support.js";

let h: BotHarness & { close(): Promise<void> };
afterEach(() => h.close());

/** A user who follows the shop `ownerId` owns, by pressing Follow on its deal's card. */
async function follower(id: number, ownerId: number, at?: { lat: number; lng: number }, languageCode = "en") {
  const chat = h.user({ id, firstName: `User ${id}`, languageCode });
  if (at) await chat.location(at.lat, at.lng);
  const deal = await h.publish(ownerId, { title: `Old offer of ${ownerId}` });
  const card = (await chat.send(`/start d-${deal.id}`)).filter((c) => c.method.startsWith("send")).at(-1)!;
  await chat.press(button(card, /Follow shop|关注店铺/));
  // The offer used to follow is not news to anyone in these tests.
  await h.db.db.deal.update({ where: { id: deal.id }, data: { startsAt: new Date(h.clock().getTime() - 72 * HOUR) } });
  return chat;
}

describe("pushes from followed shops", () => {
  it("brings a followed shop's new offer to a follower far from any place they watch, marked as from a shop they follow", async () => {
    h = createHarness({ now: new Date("2026-05-04T15:00:00Z") }); // 11:00 in New York, 23:00 in Shanghai
    await shopNear(h, 601, SHANGHAI);
    await shopNear(h, 602, NEW_YORK, 300);
    await subscriber(h, 501, NEW_YORK);
    await follower(501, 601, NEW_YORK);
    const dumplings = await h.publish(601, { title: "Dumplings half price", priceMinor: 1000, originalPriceMinor: 2000 });
    await h.publish(602, { title: "Bagels", priceMinor: 300, originalPriceMinor: 400 });

    expect(await pushJob(h).run(h.clock())).toMatchObject({ planned: 1, sent: 1 });
    const [digest] = digestsTo(h.calls, 501);
    // Its place's offer and the followed shop's, 11 800 km away, in one digest.
    expect(digest!.text).toContain("🔔 New near Place: 2 deals");
    expect(digest!.text).toContain("Dumplings half price at Shop 601: CN¥10 CN¥20 −50% · from a shop you follow");
    expect(digest!.text).toMatch(/Bagels at Shop 602: .* · 300 m/);
    const pushId = (await h.db.db.push.findFirstOrThrow()).id;
    expect(buttons(digest!).map((b) => b.data)).toEqual(expect.arrayContaining([`d:${dumplings.id}:p:${pushId}`, `ps:${pushId}`, "subs", "fl"]));
    expect(await h.db.repos.events.count({ type: "PUSH", dealId: dumplings.id })).toBe(1);

    // Nothing new: no second digest, and the offer is never pushed again.
    await pushJob(h).run(h.clock());
    expect(digestsTo(h.calls, 501)).toHaveLength(1);
  });

  it("sends a follower with no place a digest of followed shops only, with a way to the list, in their language", async () => {
    h = createHarness({ now: new Date("2026-05-04T03:00:00Z") }); // 11:00 in Shanghai
    await shopNear(h, 601, SHANGHAI);
    await follower(501, 601);
    await follower(502, 601, undefined, "zh");
    await h.publish(601, { title: "Dumplings half price" });
    await pushJob(h).run(h.clock());

    const [digest] = digestsTo(h.calls, 501);
    expect(digest!.text).toMatch(/^🔔 New from shops you follow: 1 deal\n\n1\. Dumplings half price at Shop 601: .* · from a shop you follow$/);
    expect(buttons(digest!).map((b) => b.text)).toEqual(["1", "🏪 Shops I follow"]);
    expect(digestsTo(h.calls, 502)[0]!.text).toMatch(/^🔔 关注店铺的新优惠：1 个\n\n1\. Dumplings half price（Shop 601）：.* · 来自你关注的店铺$/);

    const chat = h.user({ id: 501, firstName: "User 501" });
    const list = (await chat.press("fl")).find((c) => c.method === "sendMessage")!;
    expect(list.text).toContain("1. Shop 601 · 🍜 Food · 3 offers on sale");
  });

  it("keeps the follower's quiet hours on their own clock, where they last were", async () => {
    h = createHarness({ now: new Date("2026-05-04T07:00:00Z") }); // 15:00 in Shanghai, 03:00 in New York
    await shopNear(h, 601, SHANGHAI);
    await follower(501, 601, NEW_YORK); // in New York: quiet until 08:00 there
    await follower(502, 601); // never shared a location: the shop's clock
    await h.publish(601, { title: "Dumplings" });
    const job = pushJob(h);
    await job.run(h.clock());
    expect(digestsTo(h.calls, 502)).toHaveLength(1);
    expect(digestsTo(h.calls, 501)).toHaveLength(0);

    h.advance(5 * HOUR - 60_000); // 07:59 in New York
    await job.run(h.clock());
    expect(digestsTo(h.calls, 501)).toHaveLength(0);
    h.advance(60_000); // 08:00
    await job.run(h.clock());
    expect(digestsTo(h.calls, 501).map((c) => c.text)).toEqual([expect.stringContaining("Dumplings")]);
  });

  it("stops at the daily maximum of three digests from followed shops until the follower's next day, and never repeats an offer", async () => {
    h = createHarness({ now: new Date("2026-05-04T01:00:00Z") }); // 09:00 in Shanghai
    await shopNear(h, 601, SHANGHAI);
    await follower(501, 601);
    const job = pushJob(h);
    for (const title of ["Offer A", "Offer B", "Offer C", "Offer D"]) {
      await h.publish(601, { title });
      await job.run(h.clock());
      h.advance(HOUR);
    }
    expect(digestsTo(h.calls, 501).map((c) => c.text)).toEqual([
      expect.stringContaining("Offer A"),
      expect.stringContaining("Offer B"),
      expect.stringContaining("Offer C"),
    ]);
    expect(digestsTo(h.calls, 501)[1]!.text).not.toContain("Offer A");

    h.advance(20 * HOUR); // 09:00 the next day in Shanghai
    await job.run(h.clock());
    const texts = digestsTo(h.calls, 501).map((c) => c.text);
    expect(texts).toHaveLength(4);
    expect(texts[3]).toContain("Offer D");
    expect(texts[3]).not.toMatch(/Offer [ABC]/);
  });

  it("stops once the user unfollows, and skips a follower who blocked the bot", async () => {
    h = createHarness({ now: new Date("2026-05-04T03:00:00Z") });
    await shopNear(h, 601, SHANGHAI);
    const ann = await follower(501, 601);
    await follower(502, 601);
    await ann.send("/following");
    await ann.press(`flu:${(await h.db.db.shop.findFirstOrThrow({ where: { ownerId: 601n } })).id}`);
    h.block(502);
    await h.publish(601, { title: "Dumplings" });
    expect(await pushJob(h).run(h.clock())).toMatchObject({ planned: 1, sent: 0, blocked: 1 });
    expect(digestsTo(h.calls, 501)).toHaveLength(0);
  });
});
