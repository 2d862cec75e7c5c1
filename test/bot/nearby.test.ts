// The nearby list, as a user sees it: what a shared location, a venue, a live
// location and /nearby answer, and what the list's buttons do.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Category } from "../../src/domain/categories.js";
import { offsetMeters } from "../../src/seed/random.js";
import {
  button,
  buttonTexts,
  callbackAnswer,
  createHarness,
  keyboardRows,
  only,
  replyKeyboard,
  type ApiCall,
} from "../support/bot-harness.js";

const HERE = { lat: 31.2304, lng: 121.4737 };
const NOWHERE = { lat: 10.5, lng: 10.5 };
const MINUTE = 60_000;

// East of HERE, at growing distances; the same 50% off everywhere but the
// last one within 5 km, so the ranking is by distance.
const DEALS: { title: string; m: number; category: Category; price: number; original: number }[] = [
  { title: "Dumplings for two", m: 150, category: "food", price: 1000, original: 2000 },
  { title: "Oat latte", m: 400, category: "cafe", price: 1500, original: 3000 },
  { title: "Hand-pulled noodles", m: 900, category: "food", price: 2200, original: 4400 },
  { title: "Haircut & wash", m: 1600, category: "beauty", price: 5000, original: 10000 },
  { title: "Bowling hour", m: 2400, category: "fun", price: 4000, original: 8000 },
  { title: "Pour-over coffee", m: 3300, category: "cafe", price: 1990, original: 3980 },
  { title: "Tote bag", m: 4600, category: "retail", price: 3000, original: 3000 },
  { title: "Hotpot set", m: 8000, category: "food", price: 9900, original: 19800 },
  { title: "Riverside hotel night", m: 20000, category: "hotel", price: 30000, original: 60000 },
];
const WITHIN_5KM = DEALS.slice(0, 7).map((d) => d.title);

/** The deal titles listed in a nearby message, in order. */
function titles(call: ApiCall): string[] {
  return [...call.text.matchAll(/^\d+\. (.+?)[:：] /gm)].map((m) => m[1]!);
}

describe("the nearby list", () => {
  let h: ReturnType<typeof createHarness>;
  const ids = new Map<string, number>();

  beforeAll(async () => {
    h = createHarness();
    for (const [i, d] of DEALS.entries()) {
      const owner = 9001 + i;
      await h.shop(owner, { ...offsetMeters(HERE.lat, HERE.lng, d.m, 0), category: d.category, name: `${d.title} shop` });
      const deal = await h.publish(owner, { title: d.title, priceMinor: d.price, originalPriceMinor: Math.max(d.original, d.price + 1) });
      // An offer at its usual price can no longer be published: one published before that rule.
      if (d.original === d.price) await h.db.db.deal.update({ where: { id: deal.id }, data: { originalPriceMinor: d.original } });
      ids.set(d.title, deal.id);
    }
  });
  afterAll(() => h.close());

  it("lists the deals within 5 km, nearest first, five on the first page", async () => {
    const ann = h.user({ id: 201, firstName: "Ann", languageCode: "en" });
    const list = only(await ann.location(HERE.lat, HERE.lng), "sendMessage");
    expect(list.text).toMatch(/^📍 7 deals within 5 km · All categories\nPage 1 of 2\n/);
    expect(titles(list)).toEqual(WITHIN_5KM.slice(0, 5));
    expect(buttonTexts(list)).toEqual([
      "1", "2", "3", "4", "5",
      "·", "1/2", "Next ▶",
      "1 km", "3 km", "✓ 5 km", "10 km", "25 km",
      "🏷 All categories",
    ]);
  });

  it("shows each deal's title, price, usual price with the discount, and distance", async () => {
    const ben = h.user({ id: 202, firstName: "Ben", languageCode: "en" });
    const list = only(await ben.location(HERE.lat, HERE.lng));
    const lines = list.text.split("\n").filter((l) => /^\d+\. /.test(l));
    expect(lines[0]).toBe("1. Dumplings for two: CN¥10 CN¥20 −50% · 150 m");
    expect(lines[1]).toBe("2. Oat latte: CN¥15 CN¥30 −50% · 400 m");
    expect(lines[3]).toBe("4. Haircut & wash: CN¥50 CN¥100 −50% · 1.6 km");
    // The usual price is struck through.
    const entities = (list.result as { entities: { type: string; offset: number; length: number }[] }).entities;
    const struck = entities.filter((e) => e.type === "strikethrough").map((e) => list.text.slice(e.offset, e.offset + e.length));
    expect(struck[0]).toBe("CN¥20");
  });

  it("leaves out the discount when a deal is at its usual price", async () => {
    const cat = h.user({ id: 203, firstName: "Cat", languageCode: "en" });
    await cat.location(HERE.lat, HERE.lng);
    const page2 = only(await cat.press("nb:5:all:1"), "editMessageText");
    expect(page2.text).toContain("2. Tote bag: CN¥30 · 4.6 km");
  });

  it("reads in Chinese for a Chinese user", async () => {
    const mei = h.user({ id: 204, firstName: "美美", languageCode: "zh-hans" });
    const list = only(await mei.location(HERE.lat, HERE.lng));
    expect(list.text).toMatch(/^📍 5 公里内共 7 个优惠 · 全部分类\n第 1 \/ 2 页\n/);
    expect(list.text).toContain("1. Dumplings for two：¥10 ¥20 省 50% · 150 米");
    expect(list.text).toContain("4. Haircut & wash：¥50 ¥100 省 50% · 1.6 公里");
    expect(buttonTexts(list)).toContain("下一页 ▶");
    expect(buttonTexts(list)).toContain("🏷 全部分类");
  });

  it("pages forward and back by editing the same message", async () => {
    const dan = h.user({ id: 205, firstName: "Dan", languageCode: "en" });
    const first = only(await dan.location(HERE.lat, HERE.lng));
    const messageId = (first.result as { message_id: number }).message_id;

    const nextCalls = await dan.press(button(first, "Next ▶"));
    const second = only(nextCalls, "editMessageText");
    expect(second.payload.message_id).toBe(messageId);
    expect(second.text).toContain("Page 2 of 2");
    expect(titles(second)).toEqual(WITHIN_5KM.slice(5));
    expect(buttonTexts(second).slice(0, 5)).toEqual(["1", "2", "◀ Previous", "2/2", "·"]);
    expect(button(second, "1")).toBe(`d:${ids.get("Pour-over coffee")}:n:0`);

    const back = only(await dan.press(button(second, "◀ Previous")), "editMessageText");
    expect(back.payload.message_id).toBe(messageId);
    expect(titles(back)).toEqual(WITHIN_5KM.slice(0, 5));
  });

  it("answers the page counter and the blank page buttons without changing anything", async () => {
    const eve = h.user({ id: 206, firstName: "Eve", languageCode: "en" });
    const first = only(await eve.location(HERE.lat, HERE.lng));
    const calls = await eve.press(button(first, "1/2"));
    expect(calls.map((c) => c.method)).toEqual(["answerCallbackQuery"]);
  });

  it("changes the radius with the radius buttons", async () => {
    const fay = h.user({ id: 207, firstName: "Fay", languageCode: "en" });
    const first = only(await fay.location(HERE.lat, HERE.lng));

    const one = only(await fay.press(button(first, "1 km")), "editMessageText");
    expect(one.text).toMatch(/^📍 3 deals within 1 km · All categories\n\n/);
    expect(titles(one)).toEqual(WITHIN_5KM.slice(0, 3));
    expect(buttonTexts(one)).toContain("✓ 1 km");
    expect(buttonTexts(one)).not.toContain("1/1");

    const ten = only(await fay.press(button(one, "10 km")), "editMessageText");
    expect(ten.text).toMatch(/^📍 8 deals within 10 km/);
    expect(titles(ten)).toEqual(WITHIN_5KM.slice(0, 5));

    const wide = only(await fay.press(button(ten, "25 km")), "editMessageText");
    expect(wide.text).toMatch(/^📍 9 deals within 25 km/);
    const last = only(await fay.press(button(wide, "Next ▶")), "editMessageText");
    // Within 25 km the half-price hotpot 8 km away outranks the full-price tote bag at 4.6 km.
    expect(titles(last)).toEqual(["Pour-over coffee", "Hotpot set", "Tote bag", "Riverside hotel night"]);
    expect(last.text).toContain("Riverside hotel night: CN¥300 CN¥600 −50% · 20 km");
  });

  it("does not fail when the radius already shown is tapped again", async () => {
    const gus = h.user({ id: 208, firstName: "Gus", languageCode: "en" });
    const first = only(await gus.location(HERE.lat, HERE.lng));
    const calls = await gus.press(button(first, "✓ 5 km"));
    expect(callbackAnswer(calls).alert).toBe(false);
  });

  it("filters by the category picked", async () => {
    const hal = h.user({ id: 209, firstName: "Hal", languageCode: "en" });
    const first = only(await hal.location(HERE.lat, HERE.lng));
    const picker = only(await hal.press(button(first, "🏷 All categories")), "editMessageText");
    expect(picker.text).toBe("Pick a category:");
    expect(keyboardRows(picker).map((row) => row.map((b) => b.text))).toEqual([
      ["All categories", "🍜 Food", "☕ Cafés & drinks"],
      ["💇 Beauty", "🏋️ Fitness", "🎳 Fun"],
      ["🛍 Shopping", "🧺 Services", "🏨 Hotels"],
      ["◀ Back"],
    ]);

    // Back returns to the list the picker was opened from.
    const back = only(await hal.press(button(picker, "◀ Back")), "editMessageText");
    expect(back.text).toBe(first.text);

    const cafes = only(await hal.press(button(picker, "☕ Cafés & drinks")), "editMessageText");
    expect(cafes.text).toMatch(/^📍 2 deals within 5 km · ☕ Cafés & drinks\n\n/);
    expect(titles(cafes)).toEqual(["Oat latte", "Pour-over coffee"]);
    expect(buttonTexts(cafes)).toContain("🏷 ☕ Cafés & drinks");

    // The category stays when the radius changes.
    const nearCafes = only(await hal.press(button(cafes, "1 km")), "editMessageText");
    expect(titles(nearCafes)).toEqual(["Oat latte"]);

    const none = only(await hal.press(button(only(await hal.press(button(nearCafes, /^🏷/))), "🏋️ Fitness")));
    expect(none.text).toBe("😶 No deals within 1 km · 🏋️ Fitness.\nTry a wider radius:");
  });

  it("says when nothing is near and offers only wider radii", async () => {
    const ida = h.user({ id: 210, firstName: "Ida", languageCode: "en" });
    const empty = only(await ida.location(NOWHERE.lat, NOWHERE.lng));
    expect(empty.text).toBe("😶 No deals within 5 km · All categories.\nTry a wider radius:");
    expect(buttonTexts(empty)).toEqual(["10 km", "25 km", "🏷 All categories"]);

    const widest = only(await ida.press(button(empty, "25 km")), "editMessageText");
    expect(widest.text).toBe("😶 No deals within 25 km · All categories.");
    expect(buttonTexts(widest)).toEqual(["🏷 All categories"]);
  });

  it("says so in Chinese too", async () => {
    const jun = h.user({ id: 211, firstName: "俊", languageCode: "zh" });
    const empty = only(await jun.location(NOWHERE.lat, NOWHERE.lng));
    expect(empty.text).toBe("😶 5 公里内没有优惠 · 全部分类。\n试试扩大范围：");
  });

  it("lists the deals around a venue", async () => {
    const kim = h.user({ id: 212, firstName: "Kim", languageCode: "en" });
    const spot = offsetMeters(HERE.lat, HERE.lng, 150, 0);
    const list = only(await kim.venue(spot.lat, spot.lng, "People's Square", "People's Square, Huangpu"));
    expect(titles(list)[0]).toBe("Dumplings for two");
    expect(list.text).toContain("1. Dumplings for two: CN¥10 CN¥20 −50% · 0 m");
  });

  it("answers a live location once, then again only after a move of more than 300 m", async () => {
    const leo = h.user({ id: 213, firstName: "Leo", languageCode: "en" });
    const first = only(await leo.location(HERE.lat, HERE.lng, { live_period: 900 }));
    expect(titles(first)[0]).toBe("Dumplings for two");
    const liveId = leo.lastSentId;

    for (const m of [50, 120, 250]) {
      const step = offsetMeters(HERE.lat, HERE.lng, 0, m);
      expect(await leo.editLiveLocation(liveId, step.lat, step.lng)).toEqual([]);
    }

    const far = offsetMeters(HERE.lat, HERE.lng, 0, -3000);
    const moved = only(await leo.editLiveLocation(liveId, far.lat, far.lng), "sendMessage");
    expect(moved.text).toMatch(/^📍 \d+ deals within 5 km/);
    expect(moved.text).not.toContain("· 150 m");

    // Small moves are measured from where the list was last answered.
    const near = offsetMeters(far.lat, far.lng, 200, 0);
    expect(await leo.editLiveLocation(liveId, near.lat, near.lng)).toEqual([]);
    expect((await h.db.repos.users.find(213n))?.lastLat).toBeCloseTo(far.lat, 6);
  });

  it("/nearby reuses a recent location and asks again after half an hour", async () => {
    const mia = h.user({ id: 214, firstName: "Mia", languageCode: "en" });
    const never = only(await mia.send("/nearby"));
    expect(never.text).toBe("Share your location with the button below (or send a venue) and I'll show deals nearby.");
    expect(replyKeyboard(never)?.keyboard.flat()).toEqual([{ text: "📍 Share location", request_location: true }]);

    await mia.location(HERE.lat, HERE.lng);
    h.advance(29 * MINUTE);
    const recent = only(await mia.send("/nearby"));
    expect(titles(recent)).toEqual(WITHIN_5KM.slice(0, 5));

    h.advance(2 * MINUTE);
    const stale = only(await mia.send("/nearby"));
    expect(stale.text).toBe("Share your location with the button below (or send a venue) and I'll show deals nearby.");
    h.advance(-31 * MINUTE);
  });

  it("records an impression for each deal shown, and a view for each card opened", async () => {
    const ned = h.user({ id: 215, firstName: "Ned", languageCode: "en" });
    const user = 215n;
    const first = only(await ned.location(HERE.lat, HERE.lng));
    expect(await h.db.repos.events.count({ userId: user, type: "IMPRESSION" })).toBe(5);
    const dumplings = ids.get("Dumplings for two")!;
    expect(await h.db.repos.events.count({ userId: user, type: "IMPRESSION", dealId: dumplings })).toBe(1);
    expect(await h.db.repos.events.count({ userId: user, type: "IMPRESSION", dealId: ids.get("Tote bag")! })).toBe(0);

    await ned.press(button(first, "Next ▶"));
    expect(await h.db.repos.events.count({ userId: user, type: "IMPRESSION" })).toBe(7);
    expect(await h.db.repos.events.count({ userId: user, type: "IMPRESSION", dealId: ids.get("Tote bag")! })).toBe(1);

    expect(await h.db.repos.events.count({ userId: user, type: "VIEW" })).toBe(0);
    await ned.press(button(first, "1"));
    expect(await h.db.repos.events.count({ userId: user, type: "VIEW", dealId: dumplings })).toBe(1);
    expect(await h.db.repos.events.count({ userId: user, type: "VIEW" })).toBe(1);
  });
});
