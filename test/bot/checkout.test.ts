// Buying in the chat: Buy → how many → invoice → pre-checkout → payment →
// vouchers, with Telegram's real update objects, and everything that can go
// wrong on the way: a lapsed reservation, a changed amount, a forged payload,
// a replayed payment, racing buyers.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Deal } from "../../src/domain/deal.js";
import { decodeQr } from "../../src/sandbox/qr-scan.js";
import { button, buttonTexts, callbackAnswer, createHarness, keyboardRows, only, shown, type ApiCall, type UserChat } from "../support/bot-harness.js";
import { openSharedCard, sentTo } from "../support/purchase.js";

const HERE = { lat: 31.2304, lng: 121.4737 };
const MINUTE = 60_000;

describe("buying a deal", () => {
  const h = createHarness();
  let dumplings: Deal;
  let lastOne: Deal;
  let freebie: Deal;
  let single: Deal;

  beforeAll(async () => {
    await h.shop(801, { ...HERE, name: "Dumpling House" });
    dumplings = await h.publish(801, {
      title: "Soup dumplings for two, steamed fresh in bamboo baskets",
      description: "Twelve xiaolongbao and two drinks.",
      priceMinor: 3900,
      originalPriceMinor: 6800,
      quantity: 50,
      perPersonLimit: 4,
    });
    lastOne = await h.publish(801, { title: "Chef's table", priceMinor: 50000, originalPriceMinor: 80000, quantity: 5, perPersonLimit: 5 });
    freebie = await h.publish(801, { title: "Free tea", priceMinor: 0, originalPriceMinor: 800, quantity: 100, perPersonLimit: 1 });
    single = await h.publish(801, { title: "Duck", priceMinor: 12800, originalPriceMinor: 19800, quantity: 10, perPersonLimit: 1 });
  });
  afterAll(() => h.close());

  /** Buy from the deal's card; pick the quantity when asked. */
  async function buy(buyer: UserChat, deal: Deal, quantity = 1): Promise<ApiCall[]> {
    const card = await buyer.openDeal(deal.id, HERE);
    const asked = await buyer.press(button(card, /🛒/));
    // Only when more than one can be bought does the bot ask how many.
    if (!shown(asked).some((c) => c.payload.reply_markup && /q:/.test(JSON.stringify(c.payload.reply_markup)))) return asked;
    return buyer.press(`q:${deal.id}:${quantity}:n:0`);
  }

  async function invoiceFor(buyer: UserChat, deal: Deal, quantity: number): Promise<ApiCall> {
    const calls = await buy(buyer, deal, quantity);
    return calls.find((c) => c.method === "sendInvoice") ?? only(calls);
  }

  const stockOf = async (deal: Deal) => (await h.db.db.deal.findUniqueOrThrow({ where: { id: deal.id } })).stockLeft;
  const ordersOf = (buyerId: number) => h.db.db.order.findMany({ where: { buyerId: BigInt(buyerId) }, include: { vouchers: true } });

  it("asks how many, within stock and the per-person limit", async () => {
    const ann = h.user({ id: 811, firstName: "Ann", languageCode: "en" });
    const card = await ann.openDeal(dumplings.id, HERE);
    const question = only(await ann.press(button(card, "🛒 Buy")));
    expect(question.text).toBe("🛒 Soup dumplings for two, steamed fresh in bamboo baskets: how many? (up to 4)");
    expect(buttonTexts(question)).toEqual(["1", "2", "3", "4", "✖ Close"]);
  });

  it("offers every count up to ten, then round figures up to what one may buy", async () => {
    const ivy = h.user({ id: 819, firstName: "Ivy", languageCode: "en" });
    const menu = await h.publish(801, { title: "Set menu", priceMinor: 5000, originalPriceMinor: 9000, quantity: 40, perPersonLimit: 30 });
    const question = only(await ivy.press(button(await ivy.openDeal(menu.id, HERE), "🛒 Buy")));
    expect(buttonTexts(question)).toEqual(["1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "20", "30", "✖ Close"]);
    expect(keyboardRows(question).map((row) => row.length)).toEqual([5, 5, 2, 1]);
  });

  it("sends an invoice with the deal's title, description and price, and holds the units", async () => {
    const ann = h.user({ id: 811, firstName: "Ann", languageCode: "en" });
    const before = await stockOf(dumplings);
    const calls = await ann.press(`q:${dumplings.id}:2:n:0`);
    const invoice = calls.find((c) => c.method === "sendInvoice")!;
    expect(invoice.payload).toMatchObject({
      title: "Soup dumplings for two, steamed…",
      description: "Twelve xiaolongbao and two drinks.",
      currency: "CNY",
      provider_token: "284685063:TEST:provider",
      prices: [{ label: "Soup dumplings for two, ste… × 2", amount: 7800 }],
    });
    expect(String(invoice.payload.payload)).toMatch(/^order:\d+$/);
    expect(buttonTexts(invoice)).toEqual(["💳 Pay CN¥78", "✖️ Cancel"]);
    expect(shown(calls).at(-1)!.text).toBe("⏳ Your units are held for 15 minutes while you pay.");
    expect(await stockOf(dumplings)).toBe(before - 2);
    // The quantity question is gone, so it cannot be answered twice.
    expect(calls.map((c) => c.method)).toContain("deleteMessage");
  });

  it("delivers one voucher per unit after the payment: a code and a QR code linking to the bot", async () => {
    const ben = h.user({ id: 812, firstName: "Ben", languageCode: "en" });
    const invoice = await invoiceFor(ben, dumplings, 2);
    const { checkout, payment, refusal } = await ben.pay(invoice);
    expect(refusal).toBeNull();
    expect(checkout.find((c) => c.method === "answerPreCheckoutQuery")!.payload.ok).toBe(true);
    const seen = shown(payment!);
    expect(seen[0]!.text).toMatch(/^✅ Payment received: 2 × Soup dumplings for two, steamed fresh in bamboo baskets, CN¥78 \(order #\d+\)\.$/);
    const photos = seen.filter((c) => c.method === "sendPhoto");
    expect(photos).toHaveLength(2);
    const [order] = await ordersOf(812);
    expect(order).toMatchObject({ status: "PAID", quantity: 2, totalMinor: 7800, source: "nearby" });
    expect(order!.deliveredAt).not.toBeNull();
    for (const [i, photo] of photos.entries()) {
      const code = order!.vouchers[i]!.code;
      const shownCode = `${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8)}`;
      expect(photo.text).toContain(`Code: ${shownCode}`);
      expect(photo.text).toContain("🏪 Dumpling House");
      expect(decodeQr(photo.upload!)).toBe(`https://t.me/nearbuy_test_bot?start=v-${code}`);
    }
    expect(buttonTexts(photos[0]!)).toEqual(["🎟 My vouchers", "📤 Send to a friend"]);
  });

  it("fulfils a replayed payment only once", async () => {
    const cat = h.user({ id: 813, firstName: "Cat", languageCode: "en" });
    const invoice = h.invoiceOf(await invoiceFor(cat, dumplings, 1));
    await cat.preCheckout(invoice);
    const first = await cat.paid(invoice, "charge-813");
    expect(shown(first).length).toBeGreaterThan(0);
    const replay = await cat.paid(invoice, "charge-813");
    expect(shown(replay)).toEqual([]);
    const orders = await ordersOf(813);
    expect(orders).toHaveLength(1);
    expect(orders[0]!.vouchers).toHaveLength(1);
  });

  it("refuses at pre-checkout, saying why, when the reservation lapsed; Buy works again", async () => {
    const dan = h.user({ id: 814, firstName: "Dan", languageCode: "en" });
    const invoice = await invoiceFor(dan, dumplings, 1);
    const stock = await stockOf(dumplings);
    h.advance(16 * MINUTE);
    const { refusal, payment } = await dan.pay(invoice);
    expect(refusal).toBe("This invoice expired and its units went back on sale. Tap Buy again.");
    expect(payment).toBeNull();
    await h.runJobs();
    // Every lapsed reservation gave its units back: the shelf holds all but what is paid or on hold.
    expect((await ordersOf(814))[0]!.status).toBe("EXPIRED");
    const held = await h.db.db.order.aggregate({
      where: { dealId: dumplings.id, status: { in: ["PAID", "RESERVED"] } },
      _sum: { quantity: true },
    });
    expect(await stockOf(dumplings)).toBe(dumplings.quantity - held._sum.quantity!);
    expect(await stockOf(dumplings)).toBeGreaterThan(stock);
    const again = await invoiceFor(dan, dumplings, 1);
    expect((await dan.pay(again)).refusal).toBeNull();
  });

  it("refuses a changed amount, a forged payload and another buyer's order", async () => {
    const eve = h.user({ id: 815, firstName: "Eve", languageCode: "en" });
    const mallory = h.user({ id: 816, firstName: "Mallory", languageCode: "zh" });
    const invoice = h.invoiceOf(await invoiceFor(eve, dumplings, 1));
    const answer = (calls: ApiCall[]) => calls.find((c) => c.method === "answerPreCheckoutQuery")!;
    const cheaper = answer(await eve.preCheckout({ ...invoice, total_amount: 100 }));
    expect(cheaper.payload.ok).toBe(false);
    expect(cheaper.text).toBe("The amount doesn't match the order. Tap Buy again.");
    expect(answer(await eve.preCheckout({ ...invoice, payload: "order:999999" })).text).toBe(
      "This invoice doesn't belong to an order of yours.",
    );
    expect(answer(await eve.preCheckout({ ...invoice, payload: "'; DROP TABLE" })).text).toBe(
      "This invoice doesn't belong to an order of yours.",
    );
    expect(answer(await mallory.preCheckout(invoice)).text).toBe("这个账单不属于你的订单。");
    // The real invoice still goes through.
    expect(answer(await eve.preCheckout(invoice)).payload.ok).toBe(true);
  });

  it("never turns a payment that matches no open order into vouchers, and keeps its reference", async () => {
    const fay = h.user({ id: 817, firstName: "Fay", languageCode: "en" });
    const calls = await fay.paid({ currency: "CNY", total_amount: 3900, payload: "order:424242" }, "charge-stray");
    expect(sentTo(calls, 817).map((c) => c.text)).toEqual([
      "⚠️ We received your payment but couldn't match it to an open order. Nothing is lost: it will be refunded. Reference: charge-stray",
    ]);
    expect(h.logs.some((l) => l.msg === "payment matches no open order")).toBe(true);
    expect(await ordersOf(817)).toEqual([]);
    expect(await h.db.db.voucher.count({ where: { holderId: 817n } })).toBe(0);
  });

  it("claims a free coupon at once, without an invoice", async () => {
    const gus = h.user({ id: 818, firstName: "Gus", languageCode: "en" });
    const calls = await buy(gus, freebie);
    expect(calls.map((c) => c.method)).not.toContain("sendInvoice");
    const seen = shown(calls);
    expect(seen[0]!.text).toMatch(/^✅ Claimed: 1 × Free tea, free \(order #\d+\)\.$/);
    expect(seen.filter((c) => c.method === "sendPhoto")).toHaveLength(1);
    expect(callbackAnswer(await gus.press(`buy:${freebie.id}:n:0`))).toEqual({
      text: "You already have the most one person can buy of this offer (1).",
      alert: true,
    });
  });

  it("tells a buyer whose offer was paused meanwhile that it is not on sale any more", async () => {
    const lou = h.user({ id: 839, firstName: "Lou", languageCode: "en" });
    const card = await lou.openDeal(single.id, HERE);
    await h.db.db.deal.update({ where: { id: single.id }, data: { status: "PAUSED" } });
    try {
      expect(callbackAnswer(await lou.press(button(card, "🛒 Buy")))).toEqual({
        text: "This offer is not on sale any more.",
        alert: true,
      });
    } finally {
      await h.db.db.deal.update({ where: { id: single.id }, data: { status: "ACTIVE" } });
    }
  });

  it("goes straight to the invoice when only one can be bought", async () => {
    const hal = h.user({ id: 819, firstName: "Hal", languageCode: "en" });
    const calls = await buy(hal, single);
    expect(calls.find((c) => c.method === "sendInvoice")!.payload.prices).toEqual([{ label: "Duck × 1", amount: 12800 }]);
  });

  it("holds the per-person limit across orders, even when asked for more by a forged button", async () => {
    const ivy = h.user({ id: 820, firstName: "Ivy", languageCode: "en" });
    await ivy.pay(await invoiceFor(ivy, dumplings, 3));
    expect(callbackAnswer(await ivy.press(`q:${dumplings.id}:2:n:0`))).toEqual({
      text: "Only 1 can be bought now. Please pick again.",
      alert: true,
    });
    // One left for her: Buy goes straight to an invoice for it.
    const invoice = (await ivy.press(`buy:${dumplings.id}:n:0`)).find((c) => c.method === "sendInvoice")!;
    expect(invoice.payload.prices).toEqual([{ label: "Soup dumplings for two, ste… × 1", amount: 3900 }]);
    // Buy again while it is open: the same invoice once more, nothing more held.
    const again = (await ivy.press(`buy:${dumplings.id}:n:0`)).find((c) => c.method === "sendInvoice")!;
    expect(again.payload.payload).toBe(invoice.payload.payload);
    await ivy.pay(again);
    expect(callbackAnswer(await ivy.press(`buy:${dumplings.id}:n:0`)).text).toBe(
      "You already have the most one person can buy of this offer (4).",
    );
    expect((await ordersOf(820)).reduce((n, o) => n + o.quantity, 0)).toBe(4);
  });

  it("refuses a forged quantity of 0: no invoice, no order, no coupon", async () => {
    const ola = h.user({ id: 823, firstName: "Ola", languageCode: "en" });
    await ola.openDeal(dumplings.id, HERE);
    const paid = await ola.press(`q:${dumplings.id}:0:n:0`);
    expect(callbackAnswer(paid)).toEqual({ text: "Pick how many, from 1 to 4.", alert: true });
    expect(paid.map((c) => c.method)).not.toContain("sendInvoice");
    const free = await ola.press(`q:${freebie.id}:0:n:0`);
    expect(callbackAnswer(free)).toEqual({ text: "Pick how many, from 1 to 1.", alert: true });
    expect(shown(free)).toEqual([]);
    expect(await ordersOf(823)).toEqual([]);
  });

  it("lets the buyer cancel an unpaid invoice, giving the units back", async () => {
    const jo = h.user({ id: 821, firstName: "Jo", languageCode: "en" });
    const stock = await stockOf(dumplings);
    const invoice = await invoiceFor(jo, dumplings, 2);
    expect(await stockOf(dumplings)).toBe(stock - 2);
    const cancel = await jo.press(button(invoice, "✖️ Cancel"));
    expect(callbackAnswer(cancel).text).toBe("Cancelled: the units are back on sale.");
    expect(await stockOf(dumplings)).toBe(stock);
    expect((await jo.pay(invoice)).refusal).toBe("This invoice expired and its units went back on sale. Tap Buy again.");
  });

  it("sells exactly the stock to buyers racing for the last units", async () => {
    const racers = Array.from({ length: 12 }, (_, i) => h.user({ id: 900 + i, firstName: `Racer${i}`, languageCode: "en" }));
    for (const racer of racers) await racer.openDeal(lastOne.id, HERE);
    const results = await Promise.all(racers.map((r) => r.press(`q:${lastOne.id}:1:n:0`)));
    const invoices = results.map((calls) => calls.find((c) => c.method === "sendInvoice")).filter(Boolean) as ApiCall[];
    expect(invoices).toHaveLength(5);
    const refused = results.filter((calls) => !calls.some((c) => c.method === "sendInvoice"));
    for (const calls of refused) expect(callbackAnswer(calls).text).toBe("😕 Sold out.");
    expect(await stockOf(lastOne)).toBe(0);
    // Everyone with an invoice pays, at once.
    const winners = racers.filter((_, i) => results[i]!.some((c) => c.method === "sendInvoice"));
    await Promise.all(winners.map((w, i) => w.pay(invoices[i]!)));
    expect(await h.db.db.voucher.count({ where: { dealId: lastOne.id } })).toBe(5);
    expect((await h.db.db.deal.findUniqueOrThrow({ where: { id: lastOne.id } })).soldCount).toBe(5);
  });

  it("delivers, after a restart, vouchers that were paid but never sent", async () => {
    const kim = h.user({ id: 822, firstName: "Kim", languageCode: "zh" });
    const invoice = h.invoiceOf(await invoiceFor(kim, dumplings, 1));
    await kim.preCheckout(invoice);
    // The payment lands but Telegram refuses every message: the bot cannot reply.
    h.block(822);
    const error = h.logs.length;
    await kim.paid(invoice).catch(() => undefined);
    h.logs.splice(error);
    const [order] = await ordersOf(822);
    expect(order).toMatchObject({ status: "PAID", deliveredAt: null });
    h.unblock(822);
    h.advance(2 * MINUTE);
    const calls = await h.runJobs();
    const photo = shown(calls).find((c) => c.method === "sendPhoto" && Number(c.payload.chat_id) === 822)!;
    expect(photo.text).toContain("券码：");
    expect((await ordersOf(822))[0]!.deliveredAt).not.toBeNull();
    // And only once.
    expect(shown(await h.runJobs()).filter((c) => Number(c.payload.chat_id) === 822)).toEqual([]);
  });

  it("stops re-sending the vouchers of a buyer who blocked the bot, and delivers them when they come back", async () => {
    const lu = h.user({ id: 823, firstName: "Lu", languageCode: "en" });
    const invoice = h.invoiceOf(await invoiceFor(lu, dumplings, 1));
    await lu.preCheckout(invoice);
    h.block(823);
    const error = h.logs.length;
    await lu.paid(invoice).catch(() => undefined);
    h.logs.splice(error);
    h.advance(2 * MINUTE);
    const warnings = () => h.logs.filter((l) => l.msg === "could not deliver vouchers; will retry").length;
    const tries = () => h.calls.filter((c) => Number(c.payload.chat_id) === 823).length;
    await h.runJobs();
    const triedOnce = tries();
    // Telegram's 403 marks the buyer blocked: later runs neither try again nor warn again.
    await h.runJobs();
    await h.runJobs();
    expect(tries()).toBe(triedOnce);
    expect(warnings()).toBe(0);
    expect((await ordersOf(823))[0]).toMatchObject({ status: "PAID", deliveredAt: null });

    // Back: the next run delivers.
    h.unblock(823);
    await lu.send("/start");
    const calls = await h.runJobs();
    const photo = shown(calls).find((c) => c.method === "sendPhoto" && Number(c.payload.chat_id) === 823)!;
    expect(photo.text).toContain("Code: ");
    expect((await ordersOf(823))[0]!.deliveredAt).not.toBeNull();
  });

  it("says plainly when payments are not set up, and still gives free coupons", async () => {
    const bare = createHarness({ paymentProviderToken: null });
    try {
      await bare.shop(851, { ...HERE });
      const paid = await bare.publish(851, { priceMinor: 1000, perPersonLimit: 1 });
      const free = await bare.publish(851, { priceMinor: 0, perPersonLimit: 1 });
      const lee = bare.user({ id: 852, firstName: "Lee", languageCode: "en" });
      await lee.openDeal(paid.id, HERE);
      expect(callbackAnswer(await lee.press(`buy:${paid.id}:n:0`)).text).toBe(
        "💳 Payments are not set up on this bot yet: only free coupons can be claimed.",
      );
      expect(shown(await lee.press(`buy:${free.id}:n:0`))[0]!.text).toMatch(/^✅ Claimed/);
    } finally {
      await bare.close();
    }
  });
});

describe("buying, when things go wrong between the steps", () => {
  const h = createHarness();
  afterAll(() => h.close());
  const ordersOf = (buyerId: number, dealId: number) =>
    h.db.db.order.findMany({ where: { buyerId: BigInt(buyerId), dealId }, include: { vouchers: true }, orderBy: { id: "asc" } });

  beforeAll(() => h.shop(1801, { ...HERE, name: "Noodle Bar" }));

  it("refunds a payment for a cancelled invoice when the buyer has bought the limit since, and says so", async () => {
    const deal = await h.publish(1801, { title: "Noodle trio", priceMinor: 2500, originalPriceMinor: 4000, quantity: 20, perPersonLimit: 3 });
    const max = h.user({ id: 1811, firstName: "Max", languageCode: "en" });
    const ask = async () => {
      await openSharedCard(max, deal.id);
      await max.press(`buy:${deal.id}:l:0`);
      return (await max.press(`q:${deal.id}:3:l:0`)).find((c) => c.method === "sendInvoice")!;
    };
    // Telegram approves the first invoice, then the buyer cancels it and buys the limit again.
    const first = await ask();
    const approved = await max.preCheckout(h.invoiceOf(first));
    expect(approved.find((c) => c.method === "answerPreCheckoutQuery")!.payload.ok).toBe(true);
    expect(callbackAnswer(await max.press(button(first, "✖️ Cancel"))).text).toBe("Cancelled: the units are back on sale.");
    expect((await max.pay(await ask())).refusal).toBeNull();
    // The first payment lands after all.
    const late = await max.paid(h.invoiceOf(first), "charge-late-1811");
    expect(only(sentTo(late, 1811)).text).toBe(
      "😕 This payment for Noodle trio arrived after its invoice was cancelled or expired, and you already have the most one person can buy (3). The shop will refund your CN¥75; you'll get a message when it's done.",
    );
    expect(only(sentTo(late, 1801)).text).toMatch(/^↩️ Refund due: order #\d+, Noodle trio, CN¥75/);
    const orders = await ordersOf(1811, deal.id);
    expect(orders.map((o) => [o.status, o.vouchers.length])).toEqual([
      ["REFUND_DUE", 0],
      ["PAID", 3],
    ]);
    expect(orders[0]!.telegramChargeId).toBe("charge-late-1811");
  });

  /** Telegram approves an invoice for `quantity`, then the buyer cancels it: its payment may still land. */
  async function approvedThenCancelled(buyer: UserChat, dealId: number, quantity: number, cancel = "✖️ Cancel"): Promise<ApiCall> {
    await openSharedCard(buyer, dealId);
    const asked = await buyer.press(`buy:${dealId}:l:0`);
    const invoice = asked.find((c) => c.method === "sendInvoice") ?? (await buyer.press(`q:${dealId}:${quantity}:l:0`)).find((c) => c.method === "sendInvoice")!;
    expect((await buyer.preCheckout(h.invoiceOf(invoice))).find((c) => c.method === "answerPreCheckoutQuery")!.payload.ok).toBe(true);
    await buyer.press(button(invoice, cancel));
    return invoice;
  }
  async function buyNow(buyer: UserChat, dealId: number, quantity: number): Promise<void> {
    await openSharedCard(buyer, dealId);
    const asked = await buyer.press(`buy:${dealId}:l:0`);
    const invoice = asked.find((c) => c.method === "sendInvoice") ?? (await buyer.press(`q:${dealId}:${quantity}:l:0`)).find((c) => c.method === "sendInvoice")!;
    expect((await buyer.pay(invoice)).refusal).toBeNull();
  }

  it("says nothing more when a refunded late payment arrives again", async () => {
    const deal = await h.publish(1801, { title: "Trio", priceMinor: 2500, originalPriceMinor: 4000, quantity: 3, perPersonLimit: 3 });
    const ned = h.user({ id: 1821, firstName: "Ned", languageCode: "en" });
    const zoe = h.user({ id: 1822, firstName: "Zoe", languageCode: "en" });
    const first = await approvedThenCancelled(ned, deal.id, 3);
    await buyNow(zoe, deal.id, 3);
    const late = await ned.paid(h.invoiceOf(first), "charge-late-1821");
    expect(only(sentTo(late, 1821)).text).toBe(
      "😕 Trio sold out while you were paying. The shop will refund your CN¥75; you'll get a message when it's done.",
    );
    // Telegram delivers the same update again: a replay, and nobody hears of it twice.
    const again = await ned.paid(h.invoiceOf(first), "charge-late-1821");
    expect(shown(again)).toEqual([]);
    const orders = await ordersOf(1821, deal.id);
    expect(orders.map((o) => [o.status, o.refundMinor, o.vouchers.length])).toEqual([["REFUND_DUE", 7500, 0]]);
  });

  it("still tells the owner of a refund due when the late payer has blocked the bot", async () => {
    const deal = await h.publish(1801, { title: "Duo", priceMinor: 2500, originalPriceMinor: 4000, quantity: 2, perPersonLimit: 2 });
    const ida = h.user({ id: 1823, firstName: "Ida", languageCode: "en" });
    const kai = h.user({ id: 1824, firstName: "Kai", languageCode: "en" });
    const first = await approvedThenCancelled(ida, deal.id, 2);
    await buyNow(kai, deal.id, 2);
    h.block(1823);
    try {
      const late = await ida.paid(h.invoiceOf(first), "charge-late-1823");
      expect(only(sentTo(late, 1801)).text).toMatch(/^↩️ Refund due: order #\d+, Duo, CN¥50/);
    } finally {
      h.unblock(1823);
    }
    expect((await ordersOf(1823, deal.id)).map((o) => [o.status, o.refundMinor])).toEqual([["REFUND_DUE", 5000]]);
  });

  it("honours what the limit still allows of a late payment and refunds the rest", async () => {
    const deal = await h.publish(1801, { title: "Bao trio", priceMinor: 2500, originalPriceMinor: 4000, quantity: 20, perPersonLimit: 3 });
    const ola = h.user({ id: 1831, firstName: "Ola", languageCode: "en" });
    const first = await approvedThenCancelled(ola, deal.id, 3);
    await buyNow(ola, deal.id, 1);
    const late = await ola.paid(h.invoiceOf(first), "charge-late-1831");
    const told = sentTo(late, 1831);
    expect(told[0]!.text).toMatch(
      /^✅ Payment received: 3 × Bao trio, CN¥75 \(order #\d+\)\. It arrived after its invoice was cancelled or expired, and only 2 could still be sold to you: your vouchers are below\. The shop will refund the other 1, CN¥25; you'll get a message when it's done\.$/,
    );
    expect(told.filter((c) => c.method === "sendPhoto")).toHaveLength(2);
    expect(only(sentTo(late, 1801)).text).toMatch(/^↩️ Refund due: order #\d+, Bao trio, CN¥25/);
    const [owed] = await ordersOf(1831, deal.id);
    expect([owed!.status, owed!.quantity, owed!.refundMinor, owed!.telegramChargeId]).toEqual(["REFUND_DUE", 3, 2500, "charge-late-1831"]);
    expect(owed!.vouchers.map((v) => [v.status, v.refundSettledAt])).toEqual([
      ["ACTIVE", null],
      ["ACTIVE", null],
      ["REFUNDED", null],
    ]);
    expect((await h.db.db.deal.findUniqueOrThrow({ where: { id: deal.id } })).stockLeft).toBe(17);
    // The limit holds: three vouchers in all, and nothing more to buy.
    expect(await h.db.db.voucher.count({ where: { dealId: deal.id, status: { not: "REFUNDED" } } })).toBe(3);
    // Replayed: silent, nothing doubled.
    expect(shown(await ola.paid(h.invoiceOf(first), "charge-late-1831"))).toEqual([]);
    expect(await h.db.db.voucher.count({ where: { dealId: deal.id } })).toBe(4);
    // The merchant settles it as any partial refund: the buyer keeps the two vouchers.
    const owner = h.user({ id: 1801, firstName: "Noodle", languageCode: "en" });
    expect(only(await owner.send("/refunds")).text).toContain(`#${owed!.id} · Bao trio · CN¥25`);
    const settled = await owner.send(`/refunded ${owed!.id}`);
    expect(only(sentTo(settled, 1831)).text).toBe(`✅ The shop refunded CN¥25 for order #${owed!.id} (Bao trio).`);
    const [after] = await ordersOf(1831, deal.id);
    expect(after!.status).toBe("REFUNDED");
    expect(after!.vouchers.map((v) => [v.status, v.refundSettledAt !== null])).toEqual([
      ["ACTIVE", false],
      ["ACTIVE", false],
      ["REFUNDED", true],
    ]);
  });

  it("keeps the honoured part of a late payment for a group deal pending until the group forms", async () => {
    const deal = await h.publish(1801, { title: "Banquet", priceMinor: 2500, originalPriceMinor: 4000, quantity: 20, perPersonLimit: 3, minBuyers: 3 });
    const uma = h.user({ id: 1861, firstName: "Uma", languageCode: "en" });
    const first = await approvedThenCancelled(uma, deal.id, 3);
    await buyNow(uma, deal.id, 2);
    const late = sentTo(await uma.paid(h.invoiceOf(first), "charge-late-1861"), 1861);
    expect(late[0]!.text).toContain("only 1 could still be sold to you: your voucher is below. The shop will refund the other 2, CN¥50;");
    expect(late[1]!.text).toMatch(/^⏳ Banquet is a group deal/);
    const [owed] = await ordersOf(1861, deal.id);
    expect(owed!.vouchers.map((v) => v.status)).toEqual(["PENDING", "REFUNDED", "REFUNDED"]);
    expect(owed!.refundMinor).toBe(5000);
  });

  it("honours what stock is left of a late payment, in Chinese too", async () => {
    const deal = await h.publish(1801, { title: "Hotpot", priceMinor: 2500, originalPriceMinor: 4000, quantity: 3, perPersonLimit: 3 });
    const qiu = h.user({ id: 1841, firstName: "Qiu", languageCode: "zh" });
    const pia = h.user({ id: 1842, firstName: "Pia", languageCode: "en" });
    const first = await approvedThenCancelled(qiu, deal.id, 3, "✖️ 取消");
    await buyNow(pia, deal.id, 1);
    const late = await qiu.paid(h.invoiceOf(first), "charge-late-1841");
    const told = sentTo(late, 1841);
    expect(told[0]!.text).toMatch(
      /^✅ 已付款：3 × Hotpot，¥75（订单 #\d+）。这笔付款到达时账单已取消或过期，只能为你兑现 2 份，券码见下方。其余 1 份的 ¥25 将由商家退还，完成后会通知你。$/,
    );
    expect(told.filter((c) => c.method === "sendPhoto")).toHaveLength(2);
    expect((await h.db.db.deal.findUniqueOrThrow({ where: { id: deal.id } })).stockLeft).toBe(0);
  });

  it("says an offer taken off sale while the buyer was paying was taken off sale, not sold out", async () => {
    const deal = await h.publish(1801, { title: "Tea set", priceMinor: 1000, originalPriceMinor: 2000, quantity: 20, perPersonLimit: 3 });
    const rex = h.user({ id: 1851, firstName: "Rex", languageCode: "en" });
    const first = await approvedThenCancelled(rex, deal.id, 1);
    await h.db.db.deal.update({ where: { id: deal.id }, data: { status: "PAUSED" } });
    const late = await rex.paid(h.invoiceOf(first), "charge-late-1851");
    expect(only(sentTo(late, 1851)).text).toBe(
      "😕 Tea set was taken off sale while you were paying. The shop will refund your CN¥10; you'll get a message when it's done.",
    );
    expect(only(sentTo(late, 1801)).text).toMatch(/^↩️ Refund due: order #\d+, Tea set, CN¥10/);
    const sue = h.user({ id: 1852, firstName: "Sue", languageCode: "zh" });
    const hers = await approvedThenCancelled(sue, (await h.publish(1801, { title: "Tea cake", quantity: 5 })).id, 1, "✖️ 取消");
    await h.db.db.deal.updateMany({ where: { title: "Tea cake" }, data: { status: "ENDED" } });
    expect(only(sentTo(await sue.paid(h.invoiceOf(hers), "charge-late-1852"), 1852)).text).toBe(
      "😕 你付款时 Tea cake 已下架。商家将退还 ¥10，完成后会通知你。",
    );
  });

  it("takes the buttons off a quantity question older than 48 hours once it is answered, since Telegram no longer deletes it", async () => {
    const tea = await h.publish(1801, { title: "Oolong tasting", priceMinor: 2000, originalPriceMinor: 3000, quantity: 10, perPersonLimit: 3 });
    const una = h.user({ id: 1861, firstName: "Una", languageCode: "en" });
    const question = only(await una.press(button(await una.openDeal(tea.id, HERE), "🛒 Buy")));
    const questionId = (question.result as { message_id: number }).message_id;
    h.advance(49 * 60 * MINUTE);
    try {
      const calls = await una.press(button(question, "2"), questionId);
      expect(calls.some((c) => c.method === "sendInvoice")).toBe(true);
      const kept = h.screen(1861).find((m) => m.message_id === questionId);
      expect(kept?.text).toBe(question.text);
      expect(kept?.reply_markup).toBeUndefined();
    } finally {
      h.advance(-49 * 60 * MINUTE);
    }
  });

  it("sends the invoice again when Buy is pressed while the units are held (the bot died before sending it)", async () => {
    const deal = await h.publish(1801, { title: "Dan dan noodles", priceMinor: 1800, originalPriceMinor: 2600, quantity: 10, perPersonLimit: 2 });
    const nia = h.user({ id: 1812, firstName: "Nia", languageCode: "en" });
    await openSharedCard(nia, deal.id);
    // The units were held, and the process stopped before the invoice went out.
    const held = await h.services.checkout.reserve(1812n, deal.id, 2, "link");
    h.advance(5 * MINUTE);
    const calls = await nia.press(`buy:${deal.id}:l:0`);
    const invoice = calls.find((c) => c.method === "sendInvoice")!;
    expect(invoice.payload.payload).toBe(`order:${held.id}`);
    expect(invoice.payload.prices).toEqual([{ label: "Dan dan noodles × 2", amount: 3600 }]);
    expect(shown(calls).at(-1)!.text).toBe("⏳ Your units are held for 10 minutes while you pay.");
    expect((await h.db.db.deal.findUniqueOrThrow({ where: { id: deal.id } })).stockLeft).toBe(8);
    expect((await nia.pay(invoice)).refusal).toBeNull();
    expect((await ordersOf(1812, deal.id)).map((o) => [o.status, o.vouchers.length])).toEqual([["PAID", 2]]);
  });

  it("sends an invoice whose title and description hold emoji, cut as Telegram counts", async () => {
    const deal = await h.publish(1801, {
      title: "🍜 Beef noodles 🐂 with 🌶️ chili oil and 🥚 egg",
      description: "🍜".repeat(200),
      priceMinor: 3200,
      originalPriceMinor: 4800,
      quantity: 10,
      perPersonLimit: 1,
    });
    const oz = h.user({ id: 1813, firstName: "Oz", languageCode: "en" });
    await openSharedCard(oz, deal.id);
    const calls = await oz.press(`buy:${deal.id}:l:0`);
    const invoice = calls.find((c) => c.method === "sendInvoice");
    expect(invoice, JSON.stringify(shown(calls).map((c) => c.text))).toBeDefined();
    expect(invoice!.payload.title).toBe("🍜 Beef noodles 🐂 with 🌶️ chi…");
    expect(String(invoice!.payload.title).length).toBeLessThanOrEqual(32);
    expect(invoice!.payload.description).toBe(`${"🍜".repeat(127)}…`);
    expect((await oz.pay(invoice!)).refusal).toBeNull();
  });
});

describe("a hold that lapses", () => {
  const h = createHarness();
  afterAll(() => h.close());

  it("puts its units back on sale the moment it lapses, without waiting for the scheduled job", async () => {
    await h.shop(1901, { ...HERE, name: "Last Slice" });
    const deal = await h.publish(1901, { title: "Last cheesecake", priceMinor: 3000, originalPriceMinor: 4500, quantity: 1, perPersonLimit: 1 });
    const oli = h.user({ id: 1911, firstName: "Oli", languageCode: "en" });
    const pat = h.user({ id: 1912, firstName: "Pat", languageCode: "en" });
    const card = await oli.openDeal(deal.id, HERE);
    const invoice = (await oli.press(button(card, "🛒 Buy"))).find((c) => c.method === "sendInvoice")!;
    // Held: nobody else finds it.
    expect(only(await pat.location(HERE.lat, HERE.lng)).text).not.toContain("Last cheesecake");
    h.advance(16 * MINUTE);
    // No job has run since: the next buyer finds it in the list, with its unit.
    const again = await pat.openDeal(deal.id, HERE);
    expect(again.text).toContain("📦 1 left");
    const theirs = (await pat.press(button(again, "🛒 Buy"))).find((c) => c.method === "sendInvoice")!;
    expect((await oli.pay(invoice)).refusal).toBe("This invoice expired and its units went back on sale. Tap Buy again.");
    expect((await pat.pay(theirs)).refusal).toBeNull();
    expect(await h.db.db.voucher.count({ where: { dealId: deal.id } })).toBe(1);
  });
});

describe("a payment that bought nothing", () => {
  const OPERATOR = 990;
  const h = createHarness({ adminIds: [BigInt(OPERATOR)] });
  let noodles: Deal;

  beforeAll(async () => {
    await h.shop(821, { ...HERE, name: "Noodle Bar" });
    await h.db.db.shop.updateMany({ data: { status: "APPROVED" } });
    noodles = await h.publish(821, { title: "Beef noodles", priceMinor: 3200, originalPriceMinor: 4800 });
    h.user({ id: OPERATOR, firstName: "Ops", languageCode: "en" });
  });
  afterAll(() => h.close());

  it("has the shop's owner pay back a second payment of an order already paid, its two invoices paid at once", async () => {
    const gus = h.user({ id: 822, firstName: "Gus", languageCode: "en" });
    h.user({ id: 821, firstName: "Olga", languageCode: "en" });
    const card = await gus.openDeal(noodles.id, HERE);
    const asked = await gus.press(button(card, /🛒/));
    const invoice = h.invoiceOf((await gus.press(`q:${noodles.id}:1:n:0`)).find((c) => c.method === "sendInvoice") ?? only(asked));
    // The chat's invoice and the Mini App's link for the same order, both approved before either payment lands.
    for (let i = 0; i < 2; i++) expect((await gus.preCheckout(invoice)).find((c) => c.method === "answerPreCheckoutQuery")!.payload.ok).toBe(true);
    await gus.paid(invoice, "charge-A");
    const second = await gus.paid(invoice, "charge-B");

    const [order] = await h.db.db.order.findMany({ where: { buyerId: 822n }, include: { vouchers: true } });
    expect([order!.status, order!.telegramChargeId, order!.vouchers.length]).toEqual(["PAID", "charge-A", 1]);
    expect(sentTo(second, 822).map((c) => c.text)).toEqual([
      "⚠️ We received your payment but couldn't match it to an open order. Nothing is lost: it will be refunded. Reference: charge-B",
    ]);
    expect(sentTo(second, 821).map((c) => c.text)).toEqual([
      `⚠️ Order #${order!.id} (Beef noodles) was paid a second time, CN¥32, and nothing was issued for that payment. Pay it back to the buyer through your payment provider (charge provider-charge-B).`,
    ]);
    expect(sentTo(second, OPERATOR)).toEqual([]);
  });

  it("has the operators pay back a payment that names no order of its buyer's", async () => {
    const hal = h.user({ id: 823, firstName: "Hal", languageCode: "en" });
    const calls = await hal.paid({ currency: "CNY", total_amount: 3200, payload: "order:424242" }, "charge-C");
    expect(sentTo(calls, OPERATOR).map((c) => c.text)).toEqual([
      "⚠️ A payment of CN¥32 from user 823 matched no open order of theirs (invoice payload order:424242), and nothing was issued for it. Pay it back through the payment provider (Telegram charge charge-C, provider charge provider-charge-C).",
    ]);
    expect(await h.db.db.voucher.count({ where: { holderId: 823n } })).toBe(0);
  });
});
