// /mycodes: a buyer's vouchers in every state, page by page, each one again
// with its QR code; and refunds under each policy, from the buyer's request to
// the merchant marking the money as paid back.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Deal } from "../../src/domain/deal.js";
import { decodeQr, startPayloadOf } from "../../src/sandbox/qr-scan.js";
import { BOT_INFO, button, buttonTexts, callbackAnswer, createHarness, only, type UserChat } from "../support/bot-harness.js";
import { dataStartingWith, openSharedCard, purchase, scannedPayload, sentTo, shownCode } from "../support/purchase.js";

const SHANGHAI = { lat: 31.2304, lng: 121.4737 };
const DAY = 86_400_000;

describe("/mycodes", () => {
  const h = createHarness();
  let owner: UserChat;
  let deals: Record<"short" | "active" | "used" | "returned" | "group" | "many", Deal>;

  beforeAll(async () => {
    await h.shop(1001, { ...SHANGHAI, name: "Corner Café", address: "1 Corner Road" });
    owner = h.user({ id: 1001, firstName: "Olga", languageCode: "en" });
    deals = {
      short: await h.publish(1001, { title: "Espresso", voucherValidDays: 1 }),
      active: await h.publish(1001, { title: "Latte", voucherValidDays: 30 }),
      used: await h.publish(1001, { title: "Mocha" }),
      returned: await h.publish(1001, { title: "Flat white" }),
      group: await h.publish(1001, { title: "Cake for four", minBuyers: 3 }),
      many: await h.publish(1001, { title: "Cookie", priceMinor: 500, originalPriceMinor: 900, perPersonLimit: 10 }),
    };
  });
  afterAll(() => h.close());

  it("says when there are no vouchers yet, in the user's language", async () => {
    const ann = h.user({ id: 1011, firstName: "Ann", languageCode: "en" });
    const empty = only(await ann.send("/mycodes"));
    expect(empty.text).toBe("🎟 You have no vouchers yet. Share your location to find a deal!");
    expect(buttonTexts(empty)).toEqual(["✖ Close"]);
    const mei = h.user({ id: 1012, firstName: "美美", languageCode: "zh" });
    expect(only(await mei.send("/mycodes")).text).toBe("🎟 你还没有券码。发送位置找找附近的优惠吧！");
  });

  it("lists active, redeemed, expired, refunded and pending vouchers, newest first", async () => {
    const ben = h.user({ id: 1013, firstName: "Ben", languageCode: "en" });
    const short = await purchase(h, ben, deals.short.id);
    const active = await purchase(h, ben, deals.active.id);
    const used = await purchase(h, ben, deals.used.id);
    const returned = await purchase(h, ben, deals.returned.id);
    const group = await purchase(h, ben, deals.group.id);
    await owner.send(`/redeem ${used.codes[0]}`);
    const shownVoucher = only(await ben.press(`vc:${returned.voucherIds[0]}`));
    await ben.press(dataStartingWith(only(await ben.press(dataStartingWith(shownVoucher, "vr:"))), "vry:"));
    h.advance(2 * DAY);

    const list = only(await ben.send("/mycodes"));
    // Bought 4 May 2026 at 17:00 in Shanghai.
    expect(list.text).toBe(
      [
        "🎟 Your vouchers (5) · page 1/1",
        "",
        `1. ⏳ Cake for four · ${shownCode(group.codes[0]!)} · waiting for 3 buyers`,
        // Its money is owed until the shop says it paid it back.
        `2. ↩️ Flat white · ${shownCode(returned.codes[0]!)} · refund requested`,
        `3. ✔️ Mocha · ${shownCode(used.codes[0]!)} · redeemed 4 May 2026, 17:00`,
        `4. ✅ Latte · ${shownCode(active.codes[0]!)} · valid until 3 Jun 2026, 17:00`,
        `5. ⌛ Espresso · ${shownCode(short.codes[0]!)} · expired 5 May 2026, 17:00`,
      ].join("\n"),
    );
    expect(buttonTexts(list)).toEqual(["1", "2", "3", "4", "5", "✖ Close"]);

    ben.setLanguageCode("zh");
    const zh = only(await ben.send("/mycodes"));
    expect(zh.text).toContain("🎟 我的券码（5）· 第 1/1 页");
    expect(zh.text).toContain("等待 3 人成团");
    expect(zh.text).toContain("退款处理中");
    expect(zh.text).toContain("已于 2026年5月4日 17:00 核销");
    expect(zh.text).toContain("有效期至 2026年6月3日 17:00");
    expect(zh.text).toContain("已于 2026年5月5日 17:00 过期");
    ben.setLanguageCode("en");
  });

  it("shows a voucher again with its QR code, whose link carries the code", async () => {
    const cat = h.user({ id: 1014, firstName: "Cat", languageCode: "en" });
    const { codes } = await purchase(h, cat, deals.active.id);
    const list = only(await cat.send("/mycodes"));
    const calls = await cat.press(button(list, "1"));
    expect(callbackAnswer(calls).alert).toBe(false);
    const photo = only(calls, "sendPhoto");
    expect(photo.text).toBe(
      [
        "🎟 Latte",
        `Code: ${shownCode(codes[0]!)}`,
        "🏪 Corner Café · 1 Corner Road",
        "✅ valid until 5 Jun 2026, 17:00",
        "Show this QR code (or tell the code) at the shop.",
      ].join("\n"),
    );
    expect(scannedPayload(photo)).toBe(`v-${codes[0]}`);
    expect(buttonTexts(photo)).toEqual(["↩️ Refund", "📤 Send to a friend", "🎟 My vouchers", "✖ Close"]);
    // From the photo, My vouchers opens the list again below it.
    const again = only(await cat.press(button(photo, "🎟 My vouchers")));
    expect(again.method).toBe("sendMessage");
    expect(again.text).toMatch(/^🎟 Your vouchers \(1\) · page 1\/1/);
  });

  it("pages through more than 8 vouchers", async () => {
    const dan = h.user({ id: 1015, firstName: "Dan", languageCode: "en" });
    const { delivery, codes } = await purchase(h, dan, deals.many.id, 10);
    // Ten QR codes arrive as one album, each photo with its code and a QR of it, then the list.
    const album = only(sentTo(delivery, 1015), "sendMediaGroup");
    const photos = album.result as { caption: string; photo: unknown[] }[];
    expect(photos).toHaveLength(10);
    expect(album.uploads!.map((png) => startPayloadOf(decodeQr(png)!, BOT_INFO.username))).toEqual(codes.map((c) => `v-${c}`));
    expect(photos.map((p) => p.caption.split("\n")[1])).toEqual(codes.map((c) => `Code: ${shownCode(c)}`));
    const codeList = sentTo(delivery, 1015).at(-1)!;
    expect(codeList.text).toMatch(/^🎟 Your 10 voucher codes/);
    expect(codeList.text).toContain(`10. ${shownCode(codes[9]!)}`);

    const first = only(await dan.send("/mycodes"));
    expect(first.text.split("\n")[0]).toBe("🎟 Your vouchers (10) · page 1/2");
    expect(first.text.split("\n").slice(2)).toHaveLength(8);
    expect(first.text).toContain(`1. ✅ Cookie · ${shownCode(codes[9]!)}`);
    expect(buttonTexts(first)).toEqual(["1", "2", "3", "4", "5", "6", "7", "8", "▶", "✖ Close"]);

    const next = only(await dan.press(button(first, "▶")));
    expect(next.method).toBe("editMessageText");
    expect(next.text.split("\n")[0]).toBe("🎟 Your vouchers (10) · page 2/2");
    expect(next.text.split("\n").slice(2)).toEqual([
      `1. ✅ Cookie · ${shownCode(codes[1]!)} · valid until 5 Jun 2026, 17:00`,
      `2. ✅ Cookie · ${shownCode(codes[0]!)} · valid until 5 Jun 2026, 17:00`,
    ]);
    expect(buttonTexts(next)).toEqual(["1", "2", "◀", "✖ Close"]);
    // The numbers on page 2 open page 2's vouchers.
    expect(scannedPayload(only(await dan.press(button(next, "2")), "sendPhoto"))).toBe(`v-${codes[0]}`);

    const back = only(await dan.press(button(next, "◀")));
    expect(back.text.split("\n")[0]).toBe("🎟 Your vouchers (10) · page 1/2");
    // A page past the end (an old button) shows the last page.
    expect(only(await dan.press("vl:7")).text.split("\n")[0]).toBe("🎟 Your vouchers (10) · page 2/2");
  });

  it("splits more than 10 QR codes into even albums, none of a single photo", async () => {
    const bulk = await h.publish(1001, { title: "Bagel", priceMinor: 300, originalPriceMinor: 500, perPersonLimit: 11 });
    const fay = h.user({ id: 1018, firstName: "Fay", languageCode: "en" });
    const { delivery, codes } = await purchase(h, fay, bulk.id, 11);
    const albums = sentTo(delivery, 1018).filter((c) => c.method === "sendMediaGroup");
    expect(albums.map((a) => a.uploads!.length)).toEqual([5, 6]);
    const scanned = albums.flatMap((a) => a.uploads!.map((png) => startPayloadOf(decodeQr(png)!, BOT_INFO.username)));
    expect(scanned).toEqual(codes.map((c) => `v-${c}`));
  });

  it("opens only the user's own vouchers", async () => {
    const eve = h.user({ id: 1016, firstName: "Eve", languageCode: "en" });
    const { voucherIds } = await purchase(h, eve, deals.active.id);
    const mallory = h.user({ id: 1017, firstName: "Mallory", languageCode: "en" });
    await mallory.send("/mycodes");
    const forged = await mallory.press(`vc:${voucherIds[0]}`);
    expect(callbackAnswer(forged)).toEqual({ text: "This voucher isn't yours or no longer exists.", alert: true });
    expect(forged.filter((c) => c.method === "sendPhoto")).toEqual([]);
  });
});

describe("refunds any time while unused", () => {
  const h = createHarness();
  let deal: Deal;
  let owner: UserChat;
  let rival: UserChat;

  beforeAll(async () => {
    await h.shop(1101, { ...SHANGHAI, name: "Hotpot King" });
    await h.shop(1102, { ...SHANGHAI, name: "Rival Grill" });
    deal = await h.publish(1101, { title: "Hotpot for two", priceMinor: 2500, originalPriceMinor: 4000, refundPolicy: "ANYTIME" });
    owner = h.user({ id: 1101, firstName: "Olga", languageCode: "en" });
    rival = h.user({ id: 1102, firstName: "Rick", languageCode: "en" });
  });
  afterAll(() => h.close());

  const orderOf = (id: number) => h.db.db.order.findUniqueOrThrow({ where: { id }, include: { vouchers: { orderBy: { id: "asc" } } } });

  it("refunds the unused vouchers after a confirmation; the merchant marks it paid back and the buyer is told", async () => {
    const ann = h.user({ id: 1111, firstName: "Ann", languageCode: "en" });
    const { orderId, codes, voucherIds } = await purchase(h, ann, deal.id, 3);
    // One was used in the shop: only the other two can be refunded.
    await owner.send(`/redeem ${codes[0]}`);

    const shownVoucher = only(await ann.press(`vc:${voucherIds[1]}`));
    expect(buttonTexts(shownVoucher)).toEqual(["↩️ Refund", "📤 Send to a friend", "🎟 My vouchers", "✖ Close"]);
    const howMany = only(await ann.press(button(shownVoucher, "↩️ Refund")));
    expect(howMany.text).toBe(`↩️ How many of your 2 unused vouchers of Hotpot for two (order #${orderId}) do you want to refund? CN¥25 each.`);
    expect(buttonTexts(howMany)).toEqual(["1", "2", "No, keep them"]);
    const question = only(await ann.press(button(howMany, "2")));
    expect(question.method).toBe("editMessageText");
    expect(question.text).toBe(
      [
        `↩️ Refund 2 unused vouchers of Hotpot for two (order #${orderId}) for CN¥50? These codes stop working at once:`,
        shownCode(codes[2]!),
        shownCode(codes[1]!),
      ].join("\n"),
    );
    expect(buttonTexts(question)).toEqual(["Yes, refund", "No, keep them"]);
    // Nothing happens until the buyer confirms.
    expect((await orderOf(orderId)).status).toBe("PAID");

    const confirmed = await ann.press(button(question, "Yes, refund"));
    expect(only(sentTo(confirmed, 1111)).text).toBe(
      `↩️ Refund requested for order #${orderId}: Hotpot King will pay CN¥50 back through the payment provider. You'll get a message when it's done.`,
    );
    const order = await orderOf(orderId);
    expect(order).toMatchObject({ status: "REFUND_DUE", refundMinor: 5000 });
    expect(order.vouchers.map((v) => v.status)).toEqual(["REDEEMED", "REFUNDED", "REFUNDED"]);
    const notice = only(sentTo(confirmed, 1101));
    expect(notice.text).toBe(
      `↩️ Refund due: order #${orderId}, Hotpot for two, CN¥50. Pay it back through your payment provider (charge ${order.providerChargeId}), then tap the button or send /refunded ${orderId}.`,
    );
    expect(buttonTexts(notice)).toEqual(["✅ Mark as refunded"]);

    // The codes stop working at once.
    expect(only(await owner.send(`/redeem ${codes[1]}`)).text).toBe(`⛔ ${shownCode(codes[1]!)} (Hotpot for two) was refunded and is not valid.`);
    // Nothing is left to refund.
    expect(callbackAnswer(await ann.press(button(question, "Yes, refund"), (question.result as { message_id: number }).message_id))).toEqual({
      text: "This voucher can't be refunded (used, expired, or the offer has no refunds).",
      alert: true,
    });

    // /refunds lists what is due.
    const due = only(await owner.send("/refunds"));
    expect(due.text).toBe(
      [
        "↩️ Refunds due (1): pay each back through your payment provider, then tap its button.",
        "",
        `#${orderId} · Hotpot for two · CN¥50 · charge ${order.providerChargeId}`,
      ].join("\n"),
    );
    expect(buttonTexts(due)).toEqual([`#${orderId}`, "✖ Close"]);

    // Another merchant cannot settle it, even with a forged button.
    await rival.send("/refunds");
    const forged = await rival.press(button(notice, "✅ Mark as refunded"));
    expect(callbackAnswer(forged)).toEqual({ text: `Order #${orderId} has no refund due from your shop.`, alert: true });
    expect(sentTo(forged, 1111)).toEqual([]);
    expect((await orderOf(orderId)).status).toBe("REFUND_DUE");

    const settled = await owner.press(button(notice, "✅ Mark as refunded"));
    expect(only(sentTo(settled, 1101)).text).toBe(`✅ Order #${orderId} marked as refunded (CN¥50). The buyer has been told.`);
    expect(only(sentTo(settled, 1111)).text).toBe(`✅ The shop refunded CN¥50 for order #${orderId} (Hotpot for two).`);
    expect(await orderOf(orderId)).toMatchObject({ status: "REFUNDED" });

    // A second settle is refused, by button or command, and the buyer is not told twice.
    const twice = await owner.press(button(notice, "✅ Mark as refunded"));
    expect(callbackAnswer(twice)).toEqual({ text: `Order #${orderId} has no refund due from your shop.`, alert: true });
    expect(sentTo(twice, 1111)).toEqual([]);
    expect(only(await owner.send(`/refunded ${orderId}`)).text).toBe(`Order #${orderId} has no refund due from your shop.`);
    expect(only(await owner.send("/refunds")).text).toBe("No refunds are due. 👍");
  });

  it("settles with /refunded ORDER, and tells a Chinese buyer in Chinese", async () => {
    const mei = h.user({ id: 1112, firstName: "美美", languageCode: "zh" });
    const { orderId, voucherIds, codes } = await purchase(h, mei, deal.id, 1);
    const shownVoucher = only(await mei.press(`vc:${voucherIds[0]}`));
    expect(buttonTexts(shownVoucher)).toEqual(["↩️ 退款", "📤 发给好友", "🎟 我的券码", "✖ 关闭"]);
    // A single unused voucher needs no "how many".
    const question = only(await mei.press(button(shownVoucher, "↩️ 退款")));
    expect(question.text).toBe(`↩️ 退还 Hotpot for two（订单 #${orderId}）中 1 张未使用的券，共 ¥25？以下券码将立即失效：\n${shownCode(codes[0]!)}`);
    const confirmed = await mei.press(button(question, "确认退款"));
    expect(only(sentTo(confirmed, 1112)).text).toBe(
      `↩️ 订单 #${orderId} 已申请退款：Hotpot King 将通过支付服务商退还 ¥25，完成后会通知你。`,
    );
    // The merchant reads their notice in their own language.
    expect(only(sentTo(confirmed, 1101)).text).toMatch(new RegExp(`^↩️ Refund due: order #${orderId}, Hotpot for two, CN¥25\\.`));

    expect(only(await owner.send("/refunded")).text).toBe("Send /refunded ORDER with the order number, e.g. /refunded 12.");
    expect(only(await rival.send(`/refunded ${orderId}`)).text).toBe(`Order #${orderId} has no refund due from your shop.`);
    const settled = await owner.send(`/refunded #${orderId}`);
    expect(only(sentTo(settled, 1101)).text).toBe(`✅ Order #${orderId} marked as refunded (CN¥25). The buyer has been told.`);
    expect(only(sentTo(settled, 1112)).text).toBe(`✅ 商家已退还订单 #${orderId}（Hotpot for two）的 ¥25。`);
  });

  it("refunds as many vouchers as the buyer chooses, each shown as requested until the shop pays it back", async () => {
    const dee = h.user({ id: 1115, firstName: "Dee", languageCode: "en" });
    const { orderId, codes, voucherIds } = await purchase(h, dee, deal.id, 3);
    const howMany = only(await dee.press(`vr:${voucherIds[0]}`));
    expect(buttonTexts(howMany)).toEqual(["1", "2", "3", "No, keep them"]);
    const question = only(await dee.press(button(howMany, "1")));
    expect(question.text).toBe(
      `↩️ Refund 1 unused voucher of Hotpot for two (order #${orderId}) for CN¥25? This code stops working at once:\n${shownCode(codes[2]!)}`,
    );
    const first = await dee.press(button(question, "Yes, refund"));
    expect(only(sentTo(first, 1115)).text).toBe(
      `↩️ Refund requested for order #${orderId}: Hotpot King will pay CN¥25 back through the payment provider. You'll get a message when it's done.`,
    );
    expect(only(sentTo(first, 1101)).text).toMatch(new RegExp(`^↩️ Refund due: order #${orderId}, Hotpot for two, CN¥25\\.`));
    const lines = async () => (only(await dee.send("/mycodes")).text.split("\n").slice(2));
    expect(await lines()).toEqual([
      `1. ↩️ Hotpot for two · ${shownCode(codes[2]!)} · refund requested`,
      `2. ✅ Hotpot for two · ${shownCode(codes[1]!)} · valid until 3 Jun 2026, 17:00`,
      `3. ✅ Hotpot for two · ${shownCode(codes[0]!)} · valid until 3 Jun 2026, 17:00`,
    ]);
    // The other two still work, and can still be refunded.
    expect(only(sentTo(await owner.send(`/redeem ${codes[0]}`), 1101)).text).toMatch(/^✅ Redeemed /);

    await owner.send(`/refunded ${orderId}`);
    expect((await lines())[0]).toBe(`1. ↩️ Hotpot for two · ${shownCode(codes[2]!)} · refunded`);

    // A second refund owes only its own share; the one paid back stays paid back.
    // One is left unused now: no "how many".
    const last = only(await dee.press(`vr:${voucherIds[0]}`));
    expect(buttonTexts(last)).toEqual(["Yes, refund", "No, keep them"]);
    const second = await dee.press(button(last, "Yes, refund"));
    expect(only(sentTo(second, 1101)).text).toMatch(new RegExp(`^↩️ Refund due: order #${orderId}, Hotpot for two, CN¥25\\.`));
    expect(await lines()).toEqual([
      `1. ↩️ Hotpot for two · ${shownCode(codes[2]!)} · refunded`,
      `2. ↩️ Hotpot for two · ${shownCode(codes[1]!)} · refund requested`,
      `3. ✔️ Hotpot for two · ${shownCode(codes[0]!)} · redeemed 4 May 2026, 17:00`,
    ]);
    expect(only(await owner.send("/refunds")).text).toContain(`#${orderId} · Hotpot for two · CN¥25 ·`);
    // Nothing is left to refund.
    expect(buttonTexts(only(await dee.press(`vc:${voucherIds[0]}`)))).toEqual(["📤 Send to a friend", "🎟 My vouchers", "✖ Close"]);
    expect(callbackAnswer(await dee.press(`vry:${voucherIds[0]}:1`)).text).toBe(
      "This voucher can't be refunded (used, expired, or the offer has no refunds).",
    );    await owner.send(`/refunded ${orderId}`);
  });

  it("keeps the vouchers not refunded within the per-person limit", async () => {
    const limited = await h.publish(1101, { title: "Lamb skewers", priceMinor: 800, originalPriceMinor: 1200, perPersonLimit: 4, refundPolicy: "ANYTIME" });
    const gus = h.user({ id: 1116, firstName: "Gus", languageCode: "en" });
    const { voucherIds, orderId } = await purchase(h, gus, limited.id, 3);
    const howMany = only(await gus.press(`vr:${voucherIds[0]}`));
    await gus.press(button(only(await gus.press(button(howMany, "1"))), "Yes, refund"));
    // Two vouchers kept of a limit of four: two more may be bought, not four.
    const card = await openSharedCard(gus, limited.id);
    const question = only(await gus.press(dataStartingWith(card, `buy:${limited.id}:`)));
    expect(buttonTexts(question)).toEqual(["1", "2", "✖ Close"]);
    await owner.send(`/refunded ${orderId}`);
  });

  it("lets only merchants settle refunds", async () => {
    const bob = h.user({ id: 1113, firstName: "Bob", languageCode: "en" });
    const answer = "Only merchants can do this. Register your shop first with /register.";
    expect(only(await bob.send("/refunds")).text).toBe(answer);
    expect(only(await bob.send("/refunded 1")).text).toBe(answer);
  });

  it("cancels a free coupon at once, with nothing to pay back", async () => {
    const freebie = await h.publish(1101, { title: "Free soup", priceMinor: 0, originalPriceMinor: 1200, refundPolicy: "ANYTIME" });
    const cat = h.user({ id: 1114, firstName: "Cat", languageCode: "en" });
    const { orderId, voucherIds, codes } = await purchase(h, cat, freebie.id, 1);
    const shownVoucher = only(await cat.press(`vc:${voucherIds[0]}`));
    const question = only(await cat.press(button(shownVoucher, "↩️ Refund")));
    const confirmed = await cat.press(button(question, "Yes, refund"));
    expect(only(confirmed, "editMessageText").text).toBe(`↩️ Done: 1 voucher of order #${orderId} cancelled.`);
    // Nothing is owed: the merchant has nothing to do.
    expect(sentTo(confirmed, 1101)).toEqual([]);
    expect(await orderOf(orderId)).toMatchObject({ status: "REFUNDED", refundMinor: 0 });
    expect(only(await owner.send("/refunds")).text).toBe("No refunds are due. 👍");
    expect(only(await owner.send(`/redeem ${codes[0]}`)).text).toMatch(/was refunded and is not valid/);
  });
});

describe("refunding an expired voucher", () => {
  const h = createHarness();
  afterAll(() => h.close());

  it("is refused, even from a confirmation asked before it expired and before the job marked it", async () => {
    await h.shop(1151, { ...SHANGHAI, name: "Bike Rental" });
    const deal = await h.publish(1151, { title: "Day pass", voucherValidDays: 1, refundPolicy: "ANYTIME" });
    const ann = h.user({ id: 1161, firstName: "Ann", languageCode: "en" });
    const { orderId, voucherIds } = await purchase(h, ann, deal.id, 1);
    const question = only(await ann.press(button(only(await ann.press(`vc:${voucherIds[0]}`)), "↩️ Refund")));
    h.advance(DAY + 60_000);
    const late = await ann.press(button(question, "Yes, refund"));
    expect(callbackAnswer(late)).toEqual({
      text: "This voucher can't be refunded (used, expired, or the offer has no refunds).",
      alert: true,
    });
    expect(sentTo(late, 1151)).toEqual([]);
    expect((await h.db.db.order.findUniqueOrThrow({ where: { id: orderId } })).status).toBe("PAID");
    // Shown again, it has no Refund button.
    expect(buttonTexts(only(await ann.press(`vc:${voucherIds[0]}`)))).toEqual(["📤 Send to a friend", "🎟 My vouchers", "✖ Close"]);
  });
});

describe("a deal without refunds", () => {
  const h = createHarness();
  afterAll(() => h.close());

  it("shows no Refund button and refuses a forged one", async () => {
    await h.shop(1201, { ...SHANGHAI, name: "Final Sale" });
    const deal = await h.publish(1201, { title: "Concert ticket", refundPolicy: "NONE" });
    const ann = h.user({ id: 1211, firstName: "Ann", languageCode: "en" });
    expect((await openSharedCard(ann, deal.id)).text).toContain("⚠️ No refunds");
    const { orderId, voucherIds, delivery } = await purchase(h, ann, deal.id, 1);
    expect(buttonTexts(only(delivery, "sendPhoto"))).toEqual(["🎟 My vouchers", "📤 Send to a friend"]);
    const shownVoucher = only(await ann.press(`vc:${voucherIds[0]}`));
    expect(buttonTexts(shownVoucher)).toEqual(["📤 Send to a friend", "🎟 My vouchers", "✖ Close"]);

    const asked = await ann.press(`vr:${voucherIds[0]}`);
    expect(only(asked).text).toBe("This voucher can't be refunded (used, expired, or the offer has no refunds).");
    const forced = await ann.press(`vry:${voucherIds[0]}:1`);
    expect(callbackAnswer(forced)).toEqual({
      text: "This voucher can't be refunded (used, expired, or the offer has no refunds).",
      alert: true,
    });
    expect(sentTo(forced, 1201)).toEqual([]);
    const order = await h.db.db.order.findUniqueOrThrow({ where: { id: orderId }, include: { vouchers: true } });
    expect(order.status).toBe("PAID");
    expect(order.vouchers[0]!.status).toBe("ACTIVE");

    ann.setLanguageCode("zh");
    expect(callbackAnswer(await ann.press(`vry:${voucherIds[0]}:1`)).text).toBe("这个券码不能退款（已使用、已过期，或该优惠不支持退款）。");
  });
});

describe("refunds when unused vouchers expire", () => {
  const h = createHarness();
  afterAll(() => h.close());

  it("refunds only the unused share of an order once its vouchers expire, telling buyer and merchant", async () => {
    await h.shop(1301, { ...SHANGHAI, name: "Spa Garden" });
    const owner = h.user({ id: 1301, firstName: "Olga", languageCode: "en" });
    const deal = await h.publish(1301, {
      title: "Foot massage",
      priceMinor: 8800,
      originalPriceMinor: 16800,
      refundPolicy: "ON_EXPIRY",
      voucherValidDays: 5,
    });
    const ann = h.user({ id: 1311, firstName: "Ann", languageCode: "en" });
    const mei = h.user({ id: 1312, firstName: "美美", languageCode: "zh" });
    const bob = h.user({ id: 1313, firstName: "Bob", languageCode: "en" });
    const partly = await purchase(h, ann, deal.id, 3);
    const unused = await purchase(h, mei, deal.id, 1);
    const allUsed = await purchase(h, bob, deal.id, 1);
    await owner.send(`/redeem ${partly.codes[0]}`);
    await owner.send(`/redeem ${allUsed.codes[0]}`);
    // No Refund button under this policy: the money comes back by itself.
    expect(buttonTexts(only(await ann.press(`vc:${partly.voucherIds[1]}`)))).toEqual(["📤 Send to a friend", "🎟 My vouchers", "✖ Close"]);

    // Nothing happens before the vouchers expire.
    h.advance(4 * DAY);
    expect(await h.runJobs()).toEqual([]);

    h.advance(DAY);
    const calls = await h.runJobs();
    expect(only(sentTo(calls, 1311)).text).toBe("↩️ Your 2 unused vouchers for Foot massage expired: CN¥176 will be refunded by the shop.");
    expect(only(sentTo(calls, 1312)).text).toBe("↩️ 你在 Foot massage 的 1 张未使用券码已过期：商家将退还 ¥88。");
    expect(sentTo(calls, 1313)).toEqual([]);
    const notices = sentTo(calls, 1301);
    expect(notices.map((n) => n.text.split(". Pay")[0])).toEqual([
      `↩️ Refund due: order #${partly.orderId}, Foot massage, CN¥176`,
      `↩️ Refund due: order #${unused.orderId}, Foot massage, CN¥88`,
    ]);
    expect(notices.map(buttonTexts)).toEqual([["✅ Mark as refunded"], ["✅ Mark as refunded"]]);

    const order = await h.db.db.order.findUniqueOrThrow({ where: { id: partly.orderId }, include: { vouchers: { orderBy: { id: "asc" } } } });
    expect(order).toMatchObject({ status: "REFUND_DUE", refundMinor: 17600 });
    expect(order.vouchers.map((v) => v.status)).toEqual(["REDEEMED", "REFUNDED", "REFUNDED"]);
    expect((await h.db.db.order.findUniqueOrThrow({ where: { id: allUsed.orderId } })).status).toBe("PAID");

    // The job refunds once.
    expect(await h.runJobs()).toEqual([]);
    // The merchant settles it the usual way.
    const settled = await owner.press(button(notices[0]!, "✅ Mark as refunded"));
    expect(only(sentTo(settled, 1311)).text).toBe(`✅ The shop refunded CN¥176 for order #${partly.orderId} (Foot massage).`);
  });
});
