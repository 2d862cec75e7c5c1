// /mydeals: the owner's offers with their sales, and every control on them;
// what changes for customers, and what never changes for vouchers sold.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { button, buttonTexts, callbackAnswer, createHarness, lastShown, only, shown } from "../support/bot-harness.js";
import { purchase } from "../support/purchase.js";
import { orderRow } from "./fixtures.js";

const HERE = { lat: 31.2304, lng: 121.4737 };
const OWNER = 701;
const RIVAL = 702;

describe("managing offers with /mydeals", () => {
  let h: ReturnType<typeof createHarness>;
  let noodles: number;
  let rivalDeal: number;
  const deal = (id: number) => h.db.db.deal.findUniqueOrThrow({ where: { id } });
  const onSaleNearby = async () => (await h.services.nearby.search({ point: HERE, radiusM: 5000 })).map((d) => d.id);

  beforeAll(async () => {
    h = createHarness();
    await h.shop(OWNER, { ...HERE, name: "Noodle Bar" });
    await h.shop(RIVAL, { ...HERE, name: "Rival" });
    noodles = (await h.publish(OWNER, { title: "Beef noodles", priceMinor: 2500, originalPriceMinor: 4000, quantity: 50 })).id;
    rivalDeal = (await h.publish(RIVAL, { title: "Rival soup" })).id;
    // Three vouchers sold at 25 (one order of 2, one of 1), and one invoice of 2 waiting: 5 taken.
    await h.db.repos.users.ensure({ id: 801, firstName: "Buyer" });
    const at = "2026-05-04T08:00:00Z";
    await h.db.db.order.create({ data: orderRow(801n, noodles, 2500, 4000, { quantity: 2, status: "PAID", source: "nearby", createdAt: at, paidAt: at }) });
    await h.db.db.order.create({ data: orderRow(801n, noodles, 2500, 4000, { status: "PAID", source: "nearby", createdAt: at, paidAt: at }) });
    // The invoice is still held when the tests run (a lapsed hold gives its units back at once).
    const held = orderRow(801n, noodles, 2500, 4000, { quantity: 2, status: "RESERVED", source: "nearby", createdAt: at });
    await h.db.db.order.create({ data: { ...held, reservedUntil: new Date("2026-05-04T09:15:00Z") } });
    await h.db.db.deal.update({ where: { id: noodles }, data: { stockLeft: 45 } });
  });
  afterAll(() => h.close());

  it("lists the offers with their state and sales", async () => {
    const owner = h.user({ id: OWNER, firstName: "Olga", languageCode: "en" });
    const list = only(await owner.send("/mydeals"));
    expect(list.text).toBe(["📋 Your offers (1)", "", "1. Beef noodles · ▶️ on sale · 3 sold · 45 left · CN¥75 in sales"].join("\n"));
    expect(buttonTexts(list)).toEqual(["1", "✖ Close"]);
  });

  it("opens an offer's controls", async () => {
    const owner = h.user({ id: OWNER, firstName: "Olga", languageCode: "en" });
    const panel = only(await owner.press(button(only(await owner.send("/mydeals")), "1")), "editMessageText");
    expect(panel.text).toBe(
      [
        "Beef noodles",
        "Status: ▶️ on sale",
        "💰 CN¥25 (usual CN¥40)",
        "📦 45 left of 50 · 5 sold or reserved",
        "🧾 3 vouchers sold · CN¥75",
        "📅 Sale ends 11 May 2026, 17:00",
      ].join("\n"),
    );
    expect(buttonTexts(panel)).toEqual([
      "⏸ Pause", "⏹ End now",
      "✏️ Title", "📝 Description", "📷 Photo",
      "💰 Price", "🏷 Usual price",
      "📦 Stock", "📅 End date",
      "🎁 Referral reward",
      "📄 Duplicate", "📊 Stats",
      "◀ Back",
    ]);
  });

  it("pauses (the offer leaves search at once) and resumes", async () => {
    const owner = h.user({ id: OWNER, firstName: "Olga", languageCode: "en" });
    expect(await onSaleNearby()).toContain(noodles);
    const panel = only(await owner.press(button(only(await owner.send("/mydeals")), "1")));
    const paused = await owner.press(button(panel, "⏸ Pause"));
    expect(callbackAnswer(paused).text).toBe("Paused: it no longer shows in search.");
    expect(only(paused).text).toContain("Status: ⏸ paused");
    expect((await deal(noodles)).status).toBe("PAUSED");
    expect(await onSaleNearby()).not.toContain(noodles);

    // A second tap on the stale panel's Pause: the merchant is told why nothing happened.
    expect(callbackAnswer(await owner.press(button(panel, "⏸ Pause"))).text).toBe("This offer is not on sale, so it can't be paused.");

    const resumed = await owner.press(button(only(paused), "▶️ Resume"));
    expect(only(resumed).text).toContain("Status: ▶️ on sale");
    expect(await onSaleNearby()).toContain(noodles);
  });

  it("changes the stock, never below what is sold or reserved", async () => {
    const owner = h.user({ id: OWNER, firstName: "Olga", languageCode: "en" });
    const panel = only(await owner.press(button(only(await owner.send("/mydeals")), "1")));
    const ask = only(await owner.press(button(panel, "📦 Stock")));
    expect(ask.text).toBe("📦 The new total quantity (now 50; 5 already sold or reserved, so at least that):");
    expect(buttonTexts(ask)).toEqual(["◀ Back", "✖ Cancel"]);
    expect(only(await owner.send("4")).text).toBe("5 are already sold or reserved: the total can't be lower than that.");
    expect(await deal(noodles)).toMatchObject({ quantity: 50, stockLeft: 45 });
    const [saved, again] = shown(await owner.send("20"));
    expect(saved!.text).toBe("✅ Saved.");
    expect(again!.text).toContain("📦 15 left of 20 · 5 sold or reserved");
    expect(await deal(noodles)).toMatchObject({ quantity: 20, stockLeft: 15 });
    expect(await h.db.repos.forms.get(BigInt(OWNER))).toBeNull();
  });

  it("changes the price for new orders only", async () => {
    const owner = h.user({ id: OWNER, firstName: "Olga", languageCode: "en" });
    const panel = only(await owner.press(button(only(await owner.send("/mydeals")), "1")));
    expect(only(await owner.press(button(panel, "💰 Price"))).text).toBe(
      "💰 The new price in CNY (now CN¥25, usual CN¥40). Vouchers already sold keep their price.",
    );
    expect(only(await owner.send("45")).text).toBe("The usual price must be above the price customers pay.");
    expect(only(await owner.send("40")).text).toBe("The usual price must be above the price customers pay.");
    expect(lastShown(await owner.send("19.90")).text).toContain("💰 CN¥19.90 (usual CN¥40)");
    expect((await deal(noodles)).priceMinor).toBe(1990);
    const orders = await h.db.db.order.findMany({ where: { dealId: noodles } });
    expect(orders.map((o) => o.unitPriceMinor)).toEqual([2500, 2500, 2500]);
  });

  it("moves the end date", async () => {
    const owner = h.user({ id: OWNER, firstName: "Olga", languageCode: "en" });
    const panel = only(await owner.press(button(only(await owner.send("/mydeals")), "1")));
    await owner.press(button(panel, "📅 End date"));
    expect(only(await owner.send("0")).text).toBe("Please send a number from 1 to 365.");
    expect(lastShown(await owner.send("30")).text).toContain("📅 Sale ends 3 Jun 2026, 17:00");
  });

  it("refuses another shop's offer through a forged button, changing nothing", async () => {
    const owner = h.user({ id: OWNER, firstName: "Olga", languageCode: "en" });
    for (const data of [`md:o:${rivalDeal}`, `md:p:${rivalDeal}`, `md:E:${rivalDeal}`, `md:q:${rivalDeal}`, `md:u:${rivalDeal}`, `st:all:${rivalDeal}`]) {
      const calls = await owner.press(data);
      expect(callbackAnswer(calls)).toEqual({ text: "This offer belongs to another shop.", alert: true });
      expect(shown(calls)).toEqual([]);
    }
    expect(await deal(rivalDeal)).toMatchObject({ status: "ACTIVE", quantity: 50 });
    expect(await h.db.repos.forms.get(BigInt(OWNER))).toBeNull();
    expect(await h.db.db.deal.count({ where: { shopId: (await deal(rivalDeal)).shopId } })).toBe(1);
  });

  it("duplicates an offer as a paused copy", async () => {
    const owner = h.user({ id: OWNER, firstName: "Olga", languageCode: "en" });
    const panel = only(await owner.press(button(only(await owner.send("/mydeals")), "1")));
    const calls = await owner.press(button(panel, "📄 Duplicate"));
    expect(callbackAnswer(calls).text).toBe("Copied. The copy is paused: adjust it, then Resume.");
    const copy = only(calls);
    expect(copy.text).toContain("Status: ⏸ paused");
    expect(copy.text).toContain("📦 20 left of 20 · 0 sold or reserved");
    const deals = await h.db.db.deal.findMany({ where: { title: "Beef noodles" }, orderBy: { id: "asc" } });
    expect(deals.map((d) => [d.status, d.priceMinor, d.stockLeft])).toEqual([["ACTIVE", 1990, 15], ["PAUSED", 1990, 20]]);
  });

  it("ends an offer early after asking, keeping its vouchers", async () => {
    const owner = h.user({ id: OWNER, firstName: "Olga", languageCode: "en" });
    const list = only(await owner.send("/mydeals"));
    const original = buttonTexts(list).length; // two offers now
    expect(original).toBe(3);
    const panel = only(await owner.press(button(list, "2")));
    expect(panel.text).toContain("Status: ▶️ on sale");
    const ask = only(await owner.press(button(panel, "⏹ End now")));
    expect(ask.text).toBe("End “Beef noodles” now? It leaves search at once; vouchers already sold stay valid.");
    const ended = await owner.press(button(ask, "⏹ Yes, end it"));
    expect(only(ended).text).toContain("Status: ⏹ ended");
    expect(buttonTexts(only(ended))).toEqual(["📄 Duplicate", "📊 Stats", "◀ Back"]);
    expect(await onSaleNearby()).not.toContain(noodles);
    expect(await h.db.db.order.count({ where: { dealId: noodles, status: "PAID" } })).toBe(2);
    // An old panel's Resume cannot bring it back.
    expect(callbackAnswer(await owner.press(`md:r:${noodles}`)).text).toBe("This offer has ended. Duplicate it to sell it again.");
  });

  it("speaks Chinese to a Chinese owner", async () => {
    const owner = h.user({ id: RIVAL, firstName: "王", languageCode: "zh" });
    const list = only(await owner.send("/mydeals"));
    expect(list.text).toBe(["📋 你的优惠（1）", "", "1. Rival soup · ▶️ 在售 · 已售 0 · 剩余 50 · 销售额 ¥0"].join("\n"));
  });

  it("is refused to someone without a shop", async () => {
    const ann = h.user({ id: 790, firstName: "Ann", languageCode: "en" });
    expect(only(await ann.send("/mydeals")).text).toBe("Only merchants can do this. Register your shop first with /register.");
  });
});

describe("changing an offer after publishing", () => {
  let h: ReturnType<typeof createHarness>;
  let dealId: number;
  const deal = () => h.db.db.deal.findUniqueOrThrow({ where: { id: dealId } });
  const openPanel = async (owner: ReturnType<typeof h.user>) => only(await owner.press(button(only(await owner.send("/mydeals")), "1")));

  beforeAll(async () => {
    h = createHarness();
    await h.shop(OWNER, { ...HERE, name: "Noodle Bar" });
    dealId = (await h.publish(OWNER, { title: "Beef noodles", priceMinor: 2500, originalPriceMinor: 4000 })).id;
  });
  afterAll(() => h.close());

  it("has Back and Cancel on every question: Back returns to the offer's panel, Cancel leaves the edit", async () => {
    const owner = h.user({ id: OWNER, firstName: "Olga", languageCode: "en" });
    const panel = await openPanel(owner);
    for (const control of ["📦 Stock", "💰 Price", "🏷 Usual price", "📅 End date", "✏️ Title", "📝 Description", "📷 Photo"]) {
      const ask = only(await owner.press(button(panel, control)));
      expect(buttonTexts(ask)).toEqual(["◀ Back", "✖ Cancel"]);
      const back = only(await owner.press(button(ask, "◀ Back")));
      expect([back.text, buttonTexts(back)]).toEqual([panel.text, buttonTexts(panel)]);
      expect(await h.db.repos.forms.get(BigInt(OWNER))).toBeNull();
    }
    const ask = only(await owner.press(button(panel, "📦 Stock")));
    expect(only(await owner.press(button(ask, "✖ Cancel"))).text).toBe("Cancelled. Nothing was saved.");
    expect(await deal()).toMatchObject({ quantity: 50, priceMinor: 2500, originalPriceMinor: 4000, title: "Beef noodles" });
  });

  it("asks before making an offer free; Back there returns to the price", async () => {
    const owner = h.user({ id: OWNER, firstName: "Olga", languageCode: "en" });
    const price = only(await owner.press(button(await openPanel(owner), "💰 Price")));
    const confirm = only(await owner.send("0"));
    expect(confirm.text).toBe("🆓 Make “Beef noodles” free? Customers will get its vouchers without paying. Vouchers already sold keep their price.");
    expect(buttonTexts(confirm)).toEqual(["🆓 Yes, make it free", "◀ Back", "✖ Cancel"]);
    expect((await deal()).priceMinor).toBe(2500);

    expect(only(await owner.press(button(confirm, "◀ Back"))).text).toBe(price.text);
    const again = only(await owner.send("0"));
    expect(only(await owner.send("yes")).text).toBe("Please use the buttons above.");
    expect((await deal()).priceMinor).toBe(2500);
    const [saved, panel] = shown(await owner.press(button(again, "🆓 Yes, make it free")));
    expect(saved!.text).toBe("✅ Saved.");
    expect(panel!.text).toContain("Status: ▶️ on sale");
    expect((await deal()).priceMinor).toBe(0);

    // Back to a price: no question asked.
    only(await owner.press(button(panel!, "💰 Price")));
    expect(shown(await owner.send("25")).map((c) => c.text)[0]).toBe("✅ Saved.");
    expect((await deal()).priceMinor).toBe(2500);
  });

  it("says so in Chinese too", async () => {
    const owner = h.user({ id: OWNER, firstName: "Olga", languageCode: "zh" });
    only(await owner.press(button(only(await owner.press(button(only(await owner.send("/mydeals")), "1"))), "💰 价格")));
    const confirm = only(await owner.send("0"));
    expect(confirm.text).toBe("🆓 把“Beef noodles”改为免费吗？顾客无需付款即可领取券码。已售券码保持原价。");
    expect(buttonTexts(confirm)).toEqual(["🆓 确定改为免费", "◀ 上一步", "✖ 取消"]);
    expect(only(await owner.press(button(confirm, "✖ 取消"))).text).toBe("已取消，没有保存任何内容。");
    expect((await deal()).priceMinor).toBe(2500);
  });

  it("edits the title, description, usual price and photo; a voucher already sold keeps what was bought", async () => {
    const buyer = h.user({ id: 811, firstName: "Bea", languageCode: "en" });
    await purchase(h, buyer, dealId);
    const owner = h.user({ id: OWNER, firstName: "Olga", languageCode: "en" });

    const title = only(await owner.press(button(await openPanel(owner), "✏️ Title")));
    expect(title.text).toBe("✏️ The new title (up to 80 characters; now “Beef noodles”). Vouchers already sold keep the title they were bought under.");
    expect(only(await owner.send("x".repeat(81))).text).toBe("That's too long: at most 80 characters, please.");
    expect(lastShown(await owner.send("Beef noodles XL")).text).toMatch(/^Beef noodles XL\nStatus/);

    only(await owner.press(button(await openPanel(owner), "📝 Description")));
    expect(shown(await owner.send("Hand-pulled, with extra beef.")).map((c) => c.text)[0]).toBe("✅ Saved.");

    const usual = only(await owner.press(button(await openPanel(owner), "🏷 Usual price")));
    expect(usual.text).toBe("🏷 The new usual price in CNY (now CN¥40; above the price, CN¥25). Vouchers already sold keep theirs.");
    expect(only(await owner.send("25")).text).toBe("The usual price must be above the price customers pay.");
    expect(lastShown(await owner.send("50")).text).toContain("💰 CN¥25 (usual CN¥50)");

    only(await owner.press(button(await openPanel(owner), "📷 Photo")));
    expect(only(await owner.send("a photo")).text).toBe("Please send a photo.");
    expect(shown(await owner.photo("AgACAgQAAxkBnoodlesXL")).map((c) => c.text)[0]).toBe("✅ Saved.");
    expect(await deal()).toMatchObject({
      title: "Beef noodles XL",
      description: "Hand-pulled, with extra beef.",
      originalPriceMinor: 5000,
      photoFileId: "AgACAgQAAxkBnoodlesXL",
    });

    // The buyer's voucher still names what they bought, and their order its prices.
    const codes = only(await buyer.send("/mycodes"));
    expect(codes.text).toContain("Beef noodles ·");
    expect(codes.text).not.toContain("XL");
    expect(await h.db.db.order.findFirstOrThrow({ where: { dealId, buyerId: 811n } })).toMatchObject({
      title: "Beef noodles",
      unitPriceMinor: 2500,
      unitOriginalMinor: 4000,
    });
    // A new customer sees the offer as it is now.
    const card = lastShown(await h.user({ id: 812, firstName: "Cy", languageCode: "en" }).send(`/start d-${dealId}`));
    expect(card.method).toBe("sendPhoto");
    expect(card.text).toMatch(/^Beef noodles XL\nHand-pulled, with extra beef\./);
  });
});

describe("an offer's stock while an invoice's hold lapses", () => {
  let h: ReturnType<typeof createHarness>;
  beforeAll(() => {
    h = createHarness();
  });
  afterAll(() => h.close());

  it("shows the owner the units back on sale the moment the hold lapses, as buyers see them", async () => {
    await h.shop(OWNER, { ...HERE, name: "Noodle Bar" });
    const dealId = (await h.publish(OWNER, { title: "Beef noodles", priceMinor: 2500, originalPriceMinor: 4000, quantity: 10 })).id;
    await h.db.repos.users.ensure({ id: 801, firstName: "Buyer" });
    // An invoice of 4 sent at 08:50 and held until 09:05; the clock reads 09:00.
    const held = orderRow(801n, dealId, 2500, 4000, { quantity: 4, status: "RESERVED", source: "nearby", createdAt: "2026-05-04T08:50:00Z" });
    await h.db.db.order.create({ data: { ...held, reservedUntil: new Date("2026-05-04T09:05:00Z") } });
    await h.db.db.deal.update({ where: { id: dealId }, data: { stockLeft: 6 } });
    const owner = h.user({ id: OWNER, firstName: "Olga", languageCode: "en" });
    expect(only(await owner.send("/mydeals")).text).toContain("Beef noodles · ▶️ on sale · 0 sold · 6 left");

    h.advance(6 * 60_000); // 09:06: the hold has lapsed, and no job has run since.
    const list = only(await owner.send("/mydeals"));
    expect(list.text).toContain("Beef noodles · ▶️ on sale · 0 sold · 10 left");
    expect(only(await owner.press(button(list, "1"))).text).toContain("📦 10 left of 10 · 0 sold or reserved");
  });
});
