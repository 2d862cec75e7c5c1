// Group deals: vouchers wait until enough different people have bought, a
// share link brings friends in, and a deal that ends short refunds everyone.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Deal } from "../../src/domain/deal.js";
import { startPayloadOf } from "../../src/sandbox/qr-scan.js";
import { BOT_INFO, button, buttons, buttonTexts, callbackAnswer, createHarness, lastShown, only, type ApiCall, type UserChat } from "../support/bot-harness.js";
import { openSharedCard, purchase, sentTo, shownCode } from "../support/purchase.js";

const SHANGHAI = { lat: 31.2304, lng: 121.4737 };
const DAY = 86_400_000;

describe("a group deal", () => {
  const h = createHarness();
  let deal: Deal;
  let owner: UserChat;

  beforeAll(async () => {
    await h.shop(1401, { ...SHANGHAI, name: "Peking Duck House" });
    owner = h.user({ id: 1401, firstName: "Olga", languageCode: "en" });
    deal = await h.publish(1401, { title: "Duck banquet", priceMinor: 6000, originalPriceMinor: 12000, minBuyers: 3 });
  });
  afterAll(() => h.close());

  async function cardFromList(chat: UserChat): Promise<ApiCall> {
    const list = only(await chat.location(SHANGHAI.lat, SHANGHAI.lng));
    const n = buttonTexts(list).find((t) => /^\d+$/.test(t) && button(list, t) === `d:${deal.id}:n:0`);
    if (!n) throw new Error(`the deal is not in the list: ${list.text}`);
    return only(await chat.press(button(list, n)));
  }

  const statuses = async () =>
    (await h.db.db.voucher.findMany({ where: { dealId: deal.id }, orderBy: { id: "asc" } })).map((v) => v.status);

  it("shows the group line and an Invite friends button sharing the deal's link", async () => {
    const ann = h.user({ id: 1411, firstName: "Ann", languageCode: "en" });
    const card = await cardFromList(ann);
    expect(card.text).toContain("👥 Group deal: vouchers activate when 3 people have bought (0 so far)");
    expect(buttonTexts(card)).toEqual(["🛒 Buy", "📍 Show on map", "➕ Follow shop", "♡ Save", "👥 Invite friends", "📤 Send to a friend", "✖ Close"]);
    const invite = buttons(card).find((b) => b.text === "👥 Invite friends")!;
    const share = new URL(invite.url!);
    expect(`${share.origin}${share.pathname}`).toBe("https://t.me/share/url");
    expect(share.searchParams.get("text")).toBe("Duck banquet");
    expect(startPayloadOf(share.searchParams.get("url")!, BOT_INFO.username)).toBe(`d-${deal.id}`);

    const mei = h.user({ id: 1412, firstName: "美美", languageCode: "zh" });
    const zh = await cardFromList(mei);
    expect(zh.text).toContain("👥 团购：3 人购买后券码生效（已有 0 人）");
    expect(buttonTexts(zh)).toContain("👥 邀请好友");
  });

  it("opens the card from the shared link, credited to the link", async () => {
    const friend = h.user({ id: 1413, firstName: "Fred", languageCode: "en" });
    const calls = await friend.send(`/start d-${deal.id}`);
    const card = lastShown(calls);
    expect(card.text).toContain("Duck banquet");
    expect(card.text).toContain("👥 Group deal: vouchers activate when 3 people have bought (0 so far)");
    expect(buttonTexts(card)).toContain("🛒 Buy");
    const views = await h.db.db.event.findMany({ where: { userId: 1413n, dealId: deal.id, type: "VIEW" } });
    expect(views.map((v) => v.source)).toEqual(["link"]);
    // The list's views are credited to the list.
    const listed = await h.db.db.event.findMany({ where: { userId: 1411n, dealId: deal.id, type: "VIEW" } });
    expect(listed.map((v) => v.source)).toEqual(["nearby"]);
  });

  it("keeps vouchers pending until the third different buyer pays, then activates them all", async () => {
    const ann = h.user({ id: 1411, firstName: "Ann", languageCode: "en" });
    const first = await purchase(h, ann, deal.id, 1);
    const pending = sentTo(first.delivery, 1411).find((c) => c.text.startsWith("⏳"))!;
    expect(pending.text).toBe(
      "⏳ Duck banquet is a group deal: your vouchers activate when 3 people have bought (1 so far). Invite friends to get there sooner!",
    );
    expect(buttonTexts(pending)).toEqual(["👥 Invite friends"]);
    expect(only(first.delivery, "sendPhoto").text).toContain("⏳ waiting for 3 buyers");
    expect(only(await owner.send(`/redeem ${first.codes[0]}`)).text).toBe(
      `⏳ ${shownCode(first.codes[0]!)} (Duck banquet) is not valid yet: the group deal needs 3 buyers.`,
    );

    // The same buyer again still counts as one.
    const again = await purchase(h, ann, deal.id, 1);
    expect(sentTo(again.delivery, 1411).find((c) => c.text.startsWith("⏳"))!.text).toContain("(1 so far)");

    const mei = h.user({ id: 1412, firstName: "美美", languageCode: "zh" });
    const second = await purchase(h, mei, deal.id, 1);
    expect(sentTo(second.delivery, 1412).find((c) => c.text.startsWith("⏳"))!.text).toBe(
      "⏳ Duck banquet 是团购：3 人购买后券码生效（已有 2 人）。邀请好友更快成团！",
    );
    expect(await statuses()).toEqual(["PENDING", "PENDING", "PENDING"]);
    expect((await cardFromList(h.user({ id: 1414, firstName: "Gil", languageCode: "en" }))).text).toContain("(2 so far)");

    const fred = h.user({ id: 1413, firstName: "Fred", languageCode: "en" });
    const third = await purchase(h, fred, deal.id, 1);
    // The third buyer gets active vouchers at once; the others are told, once each, in their language.
    expect(sentTo(third.delivery, 1413).some((c) => c.text.startsWith("⏳"))).toBe(false);
    expect(only(third.delivery, "sendPhoto").text).toContain("✅ valid until");
    expect(only(sentTo(third.delivery, 1411)).text).toBe(
      "🎉 The group deal Duck banquet reached 3 buyers: your vouchers are active now. See /mycodes.",
    );
    expect(only(sentTo(third.delivery, 1412)).text).toBe("🎉 团购 Duck banquet 已达到 3 人：你的券码已生效。查看 /mycodes。");
    expect(await statuses()).toEqual(["ACTIVE", "ACTIVE", "ACTIVE", "ACTIVE"]);

    expect(only(sentTo(await owner.send(`/redeem ${first.codes[0]}`), 1401)).text).toMatch(/^✅ Redeemed .*: Duck banquet/);
    expect(only(sentTo(await owner.send(`/redeem ${second.codes[0]}`), 1401)).text).toMatch(/^✅ Redeemed .*bought by 美美\.$/);

    // Later buyers get active vouchers straight away, and nobody is told again.
    const gil = h.user({ id: 1414, firstName: "Gil", languageCode: "en" });
    const late = await purchase(h, gil, deal.id, 1);
    expect(only(late.delivery, "sendPhoto").text).toContain("✅ valid until");
    expect(late.delivery.filter((c) => Number(c.payload.chat_id) !== 1414)).toEqual([]);
  });
});

describe("a group deal that fills slowly", () => {
  const h = createHarness();
  afterAll(() => h.close());

  it("gives early buyers' vouchers their full validity from the moment they activate", async () => {
    await h.shop(1451, { ...SHANGHAI, name: "Climbing Gym" });
    const owner = h.user({ id: 1451, firstName: "Olga", languageCode: "en" });
    const deal = await h.publish(1451, { title: "Climbing class", minBuyers: 2, days: 20, voucherValidDays: 3 });
    const ann = h.user({ id: 1461, firstName: "Ann", languageCode: "en" });
    const early = await purchase(h, ann, deal.id, 1);
    // Ten days later the second buyer completes the group.
    h.advance(10 * DAY);
    const bob = h.user({ id: 1462, firstName: "Bob", languageCode: "en" });
    const late = await purchase(h, bob, deal.id, 1);
    expect(only(sentTo(late.delivery, 1461)).text).toContain("your vouchers are active now");
    // Activated 14 May 2026, 17:00 in Shanghai: valid three days from then.
    expect(only(await ann.send("/mycodes")).text).toContain(`✅ Climbing class · ${shownCode(early.codes[0]!)} · valid until 17 May 2026, 17:00`);
    expect(only(sentTo(await owner.send(`/redeem ${early.codes[0]}`), 1451)).text).toMatch(/^✅ Redeemed /);
  });
});

describe("a group deal that ends short", () => {
  const h = createHarness();
  afterAll(() => h.close());

  it("refunds every order and tells each buyer and the merchant", async () => {
    await h.shop(1501, { ...SHANGHAI, name: "Karaoke Box" });
    const owner = h.user({ id: 1501, firstName: "Olga", languageCode: "en" });
    const deal = await h.publish(1501, { title: "Party room", priceMinor: 15000, originalPriceMinor: 30000, minBuyers: 3, days: 2 });
    const ann = h.user({ id: 1511, firstName: "Ann", languageCode: "en" });
    const mei = h.user({ id: 1512, firstName: "美美", languageCode: "zh" });
    const a = await purchase(h, ann, deal.id, 2);
    const m = await purchase(h, mei, deal.id, 1);

    // Still selling: nothing happens.
    h.advance(DAY);
    expect(await h.runJobs()).toEqual([]);

    h.advance(DAY + 60_000);
    const calls = await h.runJobs();
    expect(only(sentTo(calls, 1511)).text).toBe(
      "😕 The group deal Party room ended without reaching 3 buyers. Your order is cancelled and CN¥300 will be refunded.",
    );
    expect(only(sentTo(calls, 1512)).text).toBe("😕 团购 Party room 结束时未达到 3 人。订单已取消，¥150 将退还给你。");
    const notices = sentTo(calls, 1501);
    expect(notices.map((n) => n.text.split(". Pay")[0])).toEqual([
      `↩️ Refund due: order #${a.orderId}, Party room, CN¥300`,
      `↩️ Refund due: order #${m.orderId}, Party room, CN¥150`,
    ]);

    const orders = await h.db.db.order.findMany({ where: { dealId: deal.id }, include: { vouchers: true }, orderBy: { id: "asc" } });
    expect(orders.map((o) => [o.status, o.refundMinor])).toEqual([
      ["REFUND_DUE", 30000],
      ["REFUND_DUE", 15000],
    ]);
    expect(orders.flatMap((o) => o.vouchers.map((v) => v.status))).toEqual(["REFUNDED", "REFUNDED", "REFUNDED"]);
    expect(only(await owner.send(`/redeem ${a.codes[0]}`)).text).toBe(`⛔ ${shownCode(a.codes[0]!)} (Party room) was refunded and is not valid.`);
    expect(only(await owner.send("/refunds")).text).toContain("Refunds due (2)");

    // Each buyer is told once.
    expect(await h.runJobs()).toEqual([]);
  });
});

describe("a group deal and a forged quantity", () => {
  const h = createHarness();
  afterAll(() => h.close());

  it("counts people holding a voucher: a claim of 0 units is refused and tips nothing", async () => {
    await h.shop(1601, { ...SHANGHAI, name: "Tea House" });
    const deal = await h.publish(1601, { title: "Free tasting", priceMinor: 0, originalPriceMinor: 3000, minBuyers: 2, perPersonLimit: 1 });
    const ann = h.user({ id: 1611, firstName: "Ann", languageCode: "en" });
    await purchase(h, ann, deal.id, 1);
    const bob = h.user({ id: 1612, firstName: "Bob", languageCode: "en" });
    await openSharedCard(bob, deal.id);
    const forged = await bob.press(`q:${deal.id}:0:l:0`);
    expect(callbackAnswer(forged)).toEqual({ text: "Pick how many, from 1 to 1.", alert: true });
    expect(sentTo(forged, 1611)).toEqual([]);
    expect((await h.db.db.voucher.findMany({ where: { dealId: deal.id } })).map((v) => v.status)).toEqual(["PENDING"]);
    expect((await openSharedCard(h.user({ id: 1613, firstName: "Cy", languageCode: "en" }), deal.id)).text).toContain("(1 so far)");
  });
});
