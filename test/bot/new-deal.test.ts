// Posting an offer with /newdeal: who may, the guided form and its checks, the
// one-line form, the preview, and what publishing changes for customers.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { offsetMeters } from "../../src/seed/random.js";
import { button, buttonTexts, callbackAnswer, createHarness, lastShown, only, shown, type ApiCall } from "../support/bot-harness.js";

const HERE = { lat: 31.2304, lng: 121.4737 };
const EDITS = ["✏️ Title", "✏️ Description", "✏️ Photo", "✏️ Price", "✏️ Usual price", "✏️ Quantity", "✏️ Per person", "✏️ Days on sale", "✏️ Voucher days", "✏️ Refunds", "✏️ Group deal"];
const EDITS_ZH = ["✏️ 标题", "✏️ 描述", "✏️ 图片", "✏️ 价格", "✏️ 原价", "✏️ 数量", "✏️ 每人限购", "✏️ 在售天数", "✏️ 券有效期", "✏️ 退款规则", "✏️ 团购"];

describe("posting an offer", () => {
  let h: ReturnType<typeof createHarness>;
  beforeAll(async () => {
    h = createHarness();
    await h.shop(601, {
      ...offsetMeters(HERE.lat, HERE.lng, 300, 0),
      name: "Corner Café",
      category: "cafe",
      address: "3 Corner Street",
      openingHours: "7:00–19:00",
    });
    await h.shop(602, { ...offsetMeters(HERE.lat, HERE.lng, 0, 700), name: "Pho 99", category: "food" });
    await h.shop(603, { ...offsetMeters(HERE.lat, HERE.lng, 0, -900), name: "小杨生煎", category: "food", address: "吴江路 54 号" });
  });
  afterAll(() => h.close());

  const stepOf = async (id: number) => (await h.db.repos.forms.get(BigInt(id)))?.step;
  const dealsOf = async (ownerId: number) => {
    const shop = await h.db.repos.shops.findByOwner(BigInt(ownerId));
    return h.db.db.deal.findMany({ where: { shopId: shop!.id }, orderBy: { id: "asc" } });
  };

  it("is refused to someone without a shop, before they type anything", async () => {
    const ann = h.user({ id: 611, firstName: "Ann", languageCode: "en" });
    expect(only(await ann.send("/newdeal")).text).toBe(
      "Only merchants can do this. Register your shop first with /register.",
    );
    expect(only(await ann.send("/newdeal Free tea | 0 | 5 | 10 | 3")).text).toBe(
      "Only merchants can do this. Register your shop first with /register.",
    );
    expect(await h.db.repos.forms.get(611n)).toBeNull();
  });

  it("is refused in Chinese too", async () => {
    const bo = h.user({ id: 612, firstName: "波", languageCode: "zh-hans" });
    expect(only(await bo.send("/newdeal")).text).toBe("只有商家可以这样做。请先用 /register 登记店铺。");
  });

  it("guides through every step, checking each answer, to a preview and publishes it", async () => {
    const cafe = h.user({ id: 601, firstName: "Cleo", languageCode: "en" });
    const ask = async (answer: string | (() => Promise<ApiCall[]>)): Promise<ApiCall> =>
      only(typeof answer === "string" ? await cafe.send(answer) : await answer());

    const title = await ask("/newdeal");
    expect(title.text).toMatch(/^🏷 What's the offer\? Give it a short title/);
    expect(buttonTexts(title)).toEqual(["✖ Cancel"]);

    const description = await ask("Two lattes for one");
    expect(description.text).toBe("📝 Describe it (up to 500 characters), or tap Skip.");
    expect(buttonTexts(description)).toEqual(["◀ Back", "Skip ⏭", "✖ Cancel"]);
    expect((await ask("x".repeat(501))).text).toBe("That's too long: at most 500 characters, please.");

    const photo = await ask(() => cafe.press(button(description, "Skip ⏭")));
    expect(photo.text).toBe("📷 Send a photo of it, or tap Skip.");
    expect((await ask("here is a photo")).text).toBe("Please send a photo, or tap Skip.");

    const price = await ask(() => cafe.press(button(photo, "Skip ⏭")));
    expect(price.text).toBe("💰 The price customers pay, in CNY (e.g. 9.90; 0 for a free coupon):");
    expect(buttonTexts(price)).toEqual(["◀ Back", "✖ Cancel"]);
    for (const bad of ["9.999", "-1", "nine", "1e3"]) {
      expect((await ask(bad)).text).toBe("Please send a price like 12 or 12.50 (at most 2 decimals), not negative.");
      expect(await stepOf(601)).toBe("price");
    }

    const original = await ask("9.90");
    expect(original.text).toBe("🏷 The usual price, in CNY (above CN¥9.90):");
    expect((await ask("5")).text).toBe("The usual price must be above the price customers pay.");
    // The same as the price is no discount at all.
    expect((await ask("9.90")).text).toBe("The usual price must be above the price customers pay.");
    expect(await stepOf(601)).toBe("original");

    const quantity = await ask("19.90");
    expect(quantity.text).toBe("📦 How many can be sold in all? (1–100000)");
    expect((await ask("0")).text).toBe("Please send a number from 1 to 100,000.");
    expect((await ask("100001")).text).toBe("Please send a number from 1 to 100,000.");
    expect((await ask("a dozen")).text).toBe("Please send a whole number from 1 to 100,000.");
    expect(await stepOf(601)).toBe("quantity");

    const limit = await ask("3");
    expect(limit.text).toBe("👤 How many may one person buy? (1–3, or Skip for 3)");
    expect((await ask("4")).text).toBe("One person can't buy more than the 3 available.");
    expect(await stepOf(601)).toBe("limit");

    const days = await ask(() => cafe.press(button(limit, "Skip ⏭")));
    expect(days.text).toBe("📅 For how many days is it on sale? (1–365)");
    expect((await ask("366")).text).toBe("Please send a number from 1 to 365.");

    const voucherDays = await ask("7");
    expect(voucherDays.text).toBe("🎟 How many days is a voucher valid after purchase? (1–365, or Skip for 30)");

    const refund = await ask(() => cafe.press(button(voucherDays, "Skip ⏭")));
    expect(refund.text).toBe("↩️ Refund policy? (Skip: refund any time while unused)");
    expect(buttonTexts(refund)).toEqual([
      "Refund any time while unused",
      "Refund unused vouchers on expiry",
      "No refunds",
      "◀ Back",
      "Skip ⏭",
      "✖ Cancel",
    ]);
    expect((await ask("whatever")).text).toBe("Please use the buttons above.");

    const group = await ask(() => cafe.press(button(refund, "Refund unused vouchers on expiry")));
    expect(group.text).toBe(
      "👥 Group deal? Send the minimum number of buyers (2–1,000): vouchers activate once that many people have bought. Skip for a normal offer.",
    );
    expect((await ask("1")).text).toBe("Please send a number from 2 to 1,000.");
    expect(await stepOf(601)).toBe("group");

    const preview = await ask("4");
    expect(preview.method).toBe("sendMessage");
    expect(preview.text).toBe(
      [
        "👀 Preview: this is what customers will see.",
        "",
        "Two lattes for one",
        "",
        "🏪 Corner Café · ☕ Cafés & drinks",
        "📍 3 Corner Street",
        "🕘 7:00–19:00",
        "💰 CN¥9.90 instead of CN¥19.90 (−50%)",
        "📦 3 left · sale ends 11 May 2026, 17:00",
        "Up to 3 per person · vouchers valid 30 days after purchase",
        "↩️ Unused vouchers are refunded when they expire",
        "👥 Group deal: vouchers activate when 4 people have bought (0 so far); their validity starts then",
      ].join("\n"),
    );
    expect(buttonTexts(preview)).toEqual(["✅ Publish", ...EDITS, "◀ Back", "✖ Cancel"]);
    expect(await dealsOf(601)).toEqual([]);

    const published = await ask(() => cafe.press(button(preview, "✅ Publish")));
    expect(published.text).toBe("🎉 Published! Customers within 25 km can find “Two lattes for one” now.");
    expect(await dealsOf(601)).toMatchObject([
      {
        title: "Two lattes for one",
        description: "",
        photoFileId: null,
        priceMinor: 990,
        originalPriceMinor: 1990,
        quantity: 3,
        stockLeft: 3,
        perPersonLimit: 3,
        voucherValidDays: 30,
        refundPolicy: "ON_EXPIRY",
        minBuyers: 4,
        status: "ACTIVE",
        category: "cafe",
      },
    ]);
    expect(await stepOf(601)).toBeUndefined();

    // The old preview's button cannot publish it twice.
    expect(callbackAnswer(await cafe.press(button(preview, "✅ Publish")))).toEqual({
      text: "This button is no longer valid. Please start again.",
      alert: true,
    });
    expect(await dealsOf(601)).toHaveLength(1);
  });

  it("makes a published offer appear in a nearby search", async () => {
    const dan = h.user({ id: 613, firstName: "Dan", languageCode: "en" });
    const list = only(await dan.location(HERE.lat, HERE.lng));
    expect(list.text).toContain("1. Two lattes for one: CN¥9.90 CN¥19.90 −50% · 300 m");
  });

  it("goes straight to the preview from the one-line form", async () => {
    const pho = h.user({ id: 602, firstName: "Phong", languageCode: "en" });
    const preview = only(await pho.send("/newdeal Beef pho & spring rolls | 9.90 | 19.90 | 50 | 7"));
    expect(preview.text).toMatch(/^👀 Preview: this is what customers will see\.\n\nBeef pho & spring rolls\n\n🏪 Pho 99/);
    expect(preview.text).toContain("💰 CN¥9.90 instead of CN¥19.90 (−50%)");
    expect(preview.text).toContain("📦 50 left");
    expect(preview.text).toContain("Up to 5 per person · vouchers valid 30 days after purchase");
    expect(await stepOf(602)).toBe("preview");
    expect((await pho.send("publish it")).map((c) => c.text)).toEqual(["Please use the buttons above."]);

    only(await pho.press(button(preview, "✅ Publish")));
    const dan = h.user({ id: 613, firstName: "Dan", languageCode: "en" });
    expect(only(await dan.location(HERE.lat, HERE.lng)).text).toContain("Beef pho & spring rolls: CN¥9.90 CN¥19.90 −50% · 700 m");
  });

  it("explains the one-line form when it is wrong", async () => {
    const pho = h.user({ id: 602, firstName: "Phong", languageCode: "en" });
    expect(only(await pho.send("/newdeal Soup | 9.90 | 19.90")).text).toBe(
      "Use: /newdeal Title | price | original price | quantity | days. Or just send /newdeal to be guided.",
    );
    expect(await stepOf(602)).toBeUndefined();
  });

  it("names the field of a one-line offer that is wrong, keeps the rest, and asks for just that", async () => {
    const pho = h.user({ id: 602, firstName: "Phong", languageCode: "en" });
    const price = shown(await pho.send("/newdeal Soup | 9.999 | 19.90 | 5 | 7")).map((c) => c.text);
    expect(price[0]).toBe("✏️ In your line, the price is not right: Please send a price like 12 or 12.50 (at most 2 decimals), not negative. I kept the rest.");
    expect(price).toHaveLength(2);
    const preview = lastShown(await pho.send("9.90"));
    expect(preview.text).toMatch(/^👀 Preview: this is what customers will see\.\n\nSoup\n/);
    expect(preview.text).toContain("💰 CN¥9.90 instead of CN¥19.90 (−50%)\n📦 5 left");
    expect(buttonTexts(preview)).toContain("✅ Publish");

    await pho.send("/cancel");
    const quantity = shown(await pho.send("/newdeal Soup | 9.90 | 19.90 | 0 | 7")).map((c) => c.text);
    expect(quantity[0]).toBe("✏️ In your line, the quantity is not right: Please send a number from 1 to 100,000. I kept the rest.");
    // The limit per person came from the quantity: it is asked for too.
    expect(lastShown(await pho.send("40")).text).toBe("👤 How many may one person buy? (1–40, or Skip for 5)");
    expect(lastShown(await pho.press("form:skip")).text).toContain("📦 40 left");
    await pho.send("/cancel");
  });

  it("keeps the photo's largest size and previews the offer as a photo", async () => {
    const yang = h.user({ id: 603, firstName: "杨", languageCode: "zh" });
    const title = only(await yang.send("/newdeal"));
    expect(title.text).toMatch(/^🏷 是什么优惠？/);
    await yang.send("生煎买一送一");
    await yang.send("现煎现卖，每份四只。");
    expect(only(await yang.photo("AgACAgQAAxkBAAIBshengjian")).text).toBe(
      "💰 顾客支付的价格（CNY，例如 9.90；0 表示免费券）：",
    );
    expect((await h.db.repos.forms.get(603n))?.data).toMatchObject({ photoFileId: "AgACAgQAAxkBAAIBshengjian" });
    expect(only(await yang.send("12")).text).toBe("🏷 原价（CNY，须高于 ¥12）：");
    await yang.send("24");
    await yang.send("100");
    await yang.send("2");
    await yang.send("14");
    await yang.send("/skip");
    await yang.send("/skip");
    const preview = only(await yang.send("/skip"));
    expect(preview.method).toBe("sendPhoto");
    expect(preview.payload.photo).toBe("AgACAgQAAxkBAAIBshengjian");
    expect(preview.text).toMatch(/^👀 预览：顾客将看到以下内容。\n\n生煎买一送一\n现煎现卖，每份四只。\n\n🏪 小杨生煎 · 🍜 美食/);
    expect(preview.text).toContain("💰 ¥12 原价 ¥24（省 50%）");
    expect(buttonTexts(preview)).toEqual(["✅ 发布", ...EDITS_ZH, "◀ 上一步", "✖ 取消"]);

    const published = only(await yang.press(button(preview, "✅ 发布")));
    expect(published.text).toBe("🎉 已发布！25 公里内的顾客现在就能看到“生煎买一送一”。");
    expect(await dealsOf(603)).toMatchObject([{ photoFileId: "AgACAgQAAxkBAAIBshengjian", perPersonLimit: 2, voucherValidDays: 30 }]);
  });

  it("previews a photo offer whose card fills a whole caption as the photo, then the card", async () => {
    await h.shop(604, { ...HERE, name: "N".repeat(64), address: "A".repeat(200), openingHours: "H".repeat(100) });
    const pho = h.user({ id: 604, firstName: "Nat", languageCode: "en" });
    await pho.send("/newdeal");
    await pho.send("T".repeat(80));
    await pho.send("D".repeat(500));
    await pho.photo("AgACAgQAAxkBAAIBlong");
    for (const answer of ["9.90", "19.90", "50", "5", "7", "30", "/skip"]) await pho.send(answer);
    const preview = shown(await pho.send("/skip"));
    expect(preview.map((c) => c.method)).toEqual(["sendPhoto", "sendMessage"]);
    expect(preview[0]!.payload.photo).toBe("AgACAgQAAxkBAAIBlong");
    expect(preview[1]!.text).toMatch(/^👀 Preview: this is what customers will see\.\n\nT{80}\nD+…\n\n🏪 N{64}/);
    expect(buttonTexts(preview[1]!)).toEqual(["✅ Publish", ...EDITS, "◀ Back", "✖ Cancel"]);
    expect(only(await pho.send("/cancel")).text).toBe("Cancelled. Nothing was saved.");
  });

  it("edits from the preview with Back and Cancel on every prompt, losing nothing", async () => {
    const pho = h.user({ id: 602, firstName: "Phong", languageCode: "en" });
    const preview = only(await pho.send("/newdeal Iced tea | 3 | 6 | 20 | 2"));
    const priceLine = (call: ApiCall) => call.text.split("\n").find((l) => l.startsWith("💰"));
    expect(priceLine(preview)).toBe("💰 CN¥3 instead of CN¥6 (−50%)");

    // The first question, opened from the preview: Back and Cancel both return to it, unchanged.
    const title = only(await pho.press(button(preview, "✏️ Title")));
    expect(title.text).toMatch(/^🏷 What's the offer\?/);
    expect(buttonTexts(title)).toEqual(["◀ Back", "✖ Cancel"]);
    const back = only(await pho.press(button(title, "◀ Back")));
    expect(back.text).toBe(preview.text);
    expect(buttonTexts(back)).toEqual(buttonTexts(preview));
    const cancelled = only(await pho.press(button(only(await pho.press(button(back, "✏️ Title"))), "✖ Cancel")));
    expect(cancelled.text).toBe(preview.text);

    // A new price above the usual one asks for the usual price; Back there returns to the price, not to itself.
    const price = only(await pho.press(button(cancelled, "✏️ Price")));
    expect(price.text).toMatch(/^💰 The price customers pay/);
    const usual = only(await pho.send("7"));
    expect(usual.text).toBe("🏷 The usual price, in CNY (above CN¥7):");
    expect(buttonTexts(usual)).toEqual(["◀ Back", "✖ Cancel"]);
    const priceAgain = only(await pho.press(button(usual, "◀ Back")));
    expect(priceAgain.text).toBe(price.text);
    expect(buttonTexts(priceAgain)).toEqual(["◀ Back", "✖ Cancel"]);
    const cheaper = only(await pho.send("5"));
    expect(priceLine(cheaper)).toBe("💰 CN¥5 instead of CN¥6 (−17%)");

    // Cancel on that follow-up question leaves the whole edit: the price is what it was before it.
    only(await pho.press(button(cheaper, "✏️ Price")));
    const usual2 = only(await pho.send("8"));
    const kept = only(await pho.press(button(usual2, "✖ Cancel")));
    expect(priceLine(kept)).toBe("💰 CN¥5 instead of CN¥6 (−17%)");
    expect(await stepOf(602)).toBe("preview");

    // Finished edits keep the preview's own Back: to the last question of the form.
    only(await pho.press(button(kept, "✏️ Price")));
    only(await pho.send("8"));
    const edited = only(await pho.send("10"));
    expect(priceLine(edited)).toBe("💰 CN¥8 instead of CN¥10 (−20%)");
    expect(only(await pho.press(button(edited, "◀ Back"))).text).toMatch(/^👥 Group deal\?/);
    expect(only(await pho.send("/cancel")).text).toBe("Cancelled. Nothing was saved.");
  });

  it("goes back from the preview to the last question", async () => {
    const pho = h.user({ id: 602, firstName: "Phong", languageCode: "en" });
    const preview = only(await pho.send("/newdeal Iced tea | 3 | 6 | 20 | 2"));
    const group = only(await pho.press(button(preview, "◀ Back")));
    expect(group.text).toMatch(/^👥 Group deal\?/);
    const refund = only(await pho.press(button(group, "◀ Back")));
    expect(refund.text).toMatch(/^↩️ Refund policy\?/);
    const back = only(await pho.press(button(refund, "◀ Back")));
    expect(back.text).toMatch(/^🎟 How many days is a voucher valid/);
    await pho.send("10");
    await pho.send("/skip");
    expect(only(await pho.send("/skip")).text).toContain("vouchers valid 10 days after purchase");
    expect(only(await pho.send("/cancel")).text).toBe("Cancelled. Nothing was saved.");
    expect(await dealsOf(602)).toHaveLength(1);
  });
});
