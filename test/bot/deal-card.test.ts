// A deal's card, opened from the nearby list: what it says, the photo, and its buttons.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { offsetMeters } from "../../src/seed/random.js";
import { button, buttonTexts, callbackAnswer, createHarness, only, shown, type ApiCall } from "../support/bot-harness.js";

const HERE = { lat: 31.2304, lng: 121.4737 };
const CAFE = offsetMeters(HERE.lat, HERE.lng, 0, 420);
const SALON = offsetMeters(HERE.lat, HERE.lng, 0, 2500);
const DAY = 86_400_000;

describe("a deal's card", () => {
  let h: ReturnType<typeof createHarness>;
  let latteId: number;
  let longId: number;
  let emojiId: number;

  beforeAll(async () => {
    h = createHarness();
    await h.shop(301, {
      ...CAFE,
      name: "Blue Bottle & Co",
      category: "cafe",
      address: "88 Nanjing West Road, Jing'an",
      openingHours: "Mon–Sun 8:00–20:00",
    });
    latteId = (
      await h.publish(301, {
        title: "Two lattes for the price of one",
        description: "Any size, hot or iced. <Not> valid with other offers.",
        photoFileId: "AgACAgQAAxkBAAIBlatte",
        priceMinor: 2800,
        originalPriceMinor: 5600,
        quantity: 40,
        perPersonLimit: 2,
        days: 7,
        voucherValidDays: 14,
      })
    ).id;
    // Every field at its limit, with characters that HTML has to escape.
    await h.shop(302, {
      ...SALON,
      name: "S&".repeat(32),
      category: "beauty",
      address: "<A>".repeat(66) + "xy",
      openingHours: "9&9 ".repeat(25),
    });
    longId = (
      await h.publish(302, {
        title: "T&<".repeat(26) + "TT",
        description: "Long & <detailed> description. ".repeat(16).slice(0, 500),
        photoFileId: "AgACAgQAAxkBAAIBlong",
        priceMinor: 99999,
        originalPriceMinor: 100000,
        quantity: 100000,
        perPersonLimit: 100,
        days: 365,
        voucherValidDays: 365,
      })
    ).id;
    // Emoji count double against Telegram's limit: these fields alone overflow a caption.
    await h.shop(303, {
      ...offsetMeters(HERE.lat, HERE.lng, 900, 0),
      name: "🍩".repeat(64),
      address: "🏠".repeat(200),
      openingHours: "🕘".repeat(100),
    });
    emojiId = (await h.publish(303, { title: "🎉".repeat(80), photoFileId: "AgACAgQAAxkBAAIBemoji" })).id;
  });
  afterAll(() => h.close());

  async function openCard(chat: ReturnType<typeof h.user>, dealId: number): Promise<ApiCall> {
    const list = only(await chat.location(HERE.lat, HERE.lng));
    const n = buttonTexts(list).find((t) => /^\d+$/.test(t) && button(list, t) === `d:${dealId}:n:0`);
    if (!n) throw new Error(`deal ${dealId} is not in the list: ${list.text}`);
    const calls = await chat.press(button(list, n));
    expect(callbackAnswer(calls)).toEqual({ text: "", alert: false });
    return only(calls);
  }

  it("shows the description, shop, address, hours, prices, stock, end date and distance", async () => {
    const ann = h.user({ id: 311, firstName: "Ann", languageCode: "en" });
    const card = await openCard(ann, latteId);
    expect(card.method).toBe("sendPhoto");
    expect(card.payload.photo).toBe("AgACAgQAAxkBAAIBlatte");
    expect(card.text).toBe(
      [
        "Two lattes for the price of one",
        "Any size, hot or iced. <Not> valid with other offers.",
        "",
        "🏪 Blue Bottle & Co · ☕ Cafés & drinks",
        "📍 88 Nanjing West Road, Jing'an · 420 m",
        "🕘 Mon–Sun 8:00–20:00",
        "💰 CN¥28 instead of CN¥56 (−50%)",
        "📦 40 left · sale ends 11 May 2026, 17:00",
        "Up to 2 per person · vouchers valid 14 days after purchase",
        "↩️ Refund any time while unused",
      ].join("\n"),
    );
    expect(buttonTexts(card)).toEqual(["🛒 Buy", "📍 Show on map", "➕ Follow shop", "♡ Save", "📤 Send to a friend", "✖ Close"]);
  });

  it("reads in Chinese for a Chinese user", async () => {
    const mei = h.user({ id: 312, firstName: "美美", languageCode: "zh-hans" });
    const card = await openCard(mei, latteId);
    expect(card.text).toContain("🏪 Blue Bottle & Co · ☕ 咖啡饮品");
    expect(card.text).toContain("💰 ¥28 原价 ¥56（省 50%）");
    expect(card.text).toContain("📦 剩余 40 份 · 2026年5月11日 17:00 截止");
    expect(card.text).toContain("每人限购 2 份 · 券码购买后 14 天内有效");
    expect(card.text).toContain("↩️ 未使用随时退");
    expect(card.text).toContain("📍 88 Nanjing West Road, Jing'an · 420 米");
    expect(buttonTexts(card)).toEqual(["🛒 购买", "📍 查看地图", "➕ 关注店铺", "♡ 收藏", "📤 发给好友", "✖ 关闭"]);
  });

  it("keeps the photo and fits the caption in 1024 characters when every field is at its limit", async () => {
    const ben = h.user({ id: 313, firstName: "Ben", languageCode: "en" });
    const card = await openCard(ben, longId);
    expect(card.method).toBe("sendPhoto");
    expect(card.payload.photo).toBe("AgACAgQAAxkBAAIBlong");
    expect(card.text.length).toBeLessThanOrEqual(1024);
    // Only the description is shortened; every other line is whole.
    expect(card.text.startsWith("T&<".repeat(26) + "TT\nLong & <detailed> description.")).toBe(true);
    expect(card.text).toMatch(/…\n\n🏪 /);
    expect(card.text).toContain(`🏪 ${"S&".repeat(32)} · 💇 Beauty`);
    expect(card.text).toContain(`📍 ${"<A>".repeat(66)}xy · 2.5 km`);
    expect(card.text).toContain(`🕘 ${"9&9 ".repeat(25).trim()}`);
    expect(card.text).toContain("📦 100,000 left · sale ends 4 May 2027, 17:00");
    expect(card.text).toContain("Up to 100 per person · vouchers valid 365 days after purchase");
  });

  it("fits the caption in Chinese too", async () => {
    const jun = h.user({ id: 314, firstName: "俊", languageCode: "zh" });
    const card = await openCard(jun, longId);
    expect(card.method).toBe("sendPhoto");
    expect(card.text.length).toBeLessThanOrEqual(1024);
    expect(card.text).toContain("每人限购 100 份");
  });

  it("sends the photo, then the card, when the card cannot fit a caption", async () => {
    const gil = h.user({ id: 319, firstName: "Gil", languageCode: "en" });
    const list = only(await gil.location(HERE.lat, HERE.lng));
    const n = buttonTexts(list).find((t) => /^\d+$/.test(t) && button(list, t) === `d:${emojiId}:n:0`)!;
    const [photo, card] = shown(await gil.press(button(list, n)));
    expect(photo?.method).toBe("sendPhoto");
    expect(photo?.payload.photo).toBe("AgACAgQAAxkBAAIBemoji");
    expect(card?.method).toBe("sendMessage");
    expect(card?.text).toContain("🍩".repeat(64));
    expect(buttonTexts(card!)).toEqual(["🛒 Buy", "📍 Show on map", "➕ Follow shop", "♡ Save", "📤 Send to a friend", "✖ Close"]);
  });

  it("sends the shop as a venue pin from Show on map", async () => {
    const cat = h.user({ id: 315, firstName: "Cat", languageCode: "en" });
    const card = await openCard(cat, latteId);
    const calls = await cat.press(button(card, "📍 Show on map"));
    expect(callbackAnswer(calls).alert).toBe(false);
    const venue = only(calls, "sendVenue");
    expect(venue.payload).toMatchObject({
      chat_id: 315,
      latitude: CAFE.lat,
      longitude: CAFE.lng,
      title: "Blue Bottle & Co",
      address: "88 Nanjing West Road, Jing'an",
    });
  });

  it("removes the card with Close", async () => {
    const eve = h.user({ id: 317, firstName: "Eve", languageCode: "en" });
    const card = await openCard(eve, latteId);
    const cardId = (card.result as { message_id: number }).message_id;
    const calls = await eve.press(button(card, "✖ Close"), cardId);
    expect(calls.map((c) => c.method)).toEqual(["answerCallbackQuery", "deleteMessage"]);
    expect(calls[1]!.payload.message_id).toBe(cardId);
    expect(h.screen(317).some((m) => m.message_id === cardId)).toBe(false);
  });

  it("takes the buttons off a card older than 48 hours with Close, since Telegram no longer deletes it", async () => {
    const gil = h.user({ id: 319, firstName: "Gil", languageCode: "en" });
    const card = await openCard(gil, latteId);
    const cardId = (card.result as { message_id: number }).message_id;
    h.advance(49 * 60 * 60_000);
    try {
      const calls = await gil.press(button(card, "✖ Close"), cardId);
      expect(callbackAnswer(calls).alert).toBe(false);
      const kept = h.screen(319).find((m) => m.message_id === cardId);
      expect(kept?.caption ?? kept?.text).toBe(card.text);
      expect(kept?.reply_markup).toBeUndefined();
    } finally {
      h.advance(-49 * 60 * 60_000);
    }
  });

  it("says when an offer opened from an old list is no longer on sale", async () => {
    const fay = h.user({ id: 318, firstName: "Fay", languageCode: "en" });
    const list = only(await fay.location(HERE.lat, HERE.lng));
    h.advance(8 * DAY);
    try {
      const card = only(await fay.press(button(list, "1")));
      expect(card.text).toContain("⛔ This offer is not on sale right now.");
    } finally {
      h.advance(-8 * DAY);
    }
  });
});
