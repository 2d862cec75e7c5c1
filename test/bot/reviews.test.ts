// Verified reviews through the real bot: who may review, once per voucher, the
// prompt's timing and quiet hours, the owner's one reply, operators hiding a
// review, and the rating in the nearby ranking with its prior.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Message } from "grammy/types";
import type { Deal } from "../../src/domain/deal.js";
import { REPLY_TEXT_MAX, REVIEW_TEXT_MAX } from "../../src/domain/review.js";
import { button, buttonTexts, callbackAnswer, createHarness, lastShown, shown, type UserChat } from "../support/bot-harness.js";
import { purchase, sentTo } from "../support/purchase.js";

const SHANGHAI = { lat: 31.2304, lng: 121.4737 };
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const OPERATOR = 990;

describe("verified reviews", () => {
  // 2026-05-04 09:00 UTC is 17:00 in Shanghai.
  const h = createHarness({ adminIds: [BigInt(OPERATOR)] });
  let noodles: Deal;
  let owner: UserChat;
  let ann: UserChat;
  let bob: UserChat;
  let operator: UserChat;

  beforeAll(async () => {
    await h.shop(901, { ...SHANGHAI, name: "Noodle Bar" });
    await h.db.db.shop.updateMany({ data: { status: "APPROVED" } });
    noodles = await h.publish(901, { title: "Beef noodles", priceMinor: 3200, originalPriceMinor: 4800, perPersonLimit: 50 });
    owner = h.user({ id: 901, firstName: "Olga", languageCode: "en" });
    ann = h.user({ id: 911, firstName: "Ann", languageCode: "en" });
    bob = h.user({ id: 912, firstName: "Bob", languageCode: "en" });
    operator = h.user({ id: OPERATOR, firstName: "Ops", languageCode: "en" });
  });
  afterAll(() => h.close());

  /** Buys one voucher and has the shop redeem it; returns its id. */
  async function redeemedVoucher(buyer: UserChat): Promise<number> {
    const { codes, voucherIds } = await purchase(h, buyer, noodles.id, 1);
    await owner.send(`/redeem ${codes[0]}`);
    return voucherIds[0]!;
  }

  it("asks a few hours after the redemption, once, with star buttons", async () => {
    const voucherId = await redeemedVoucher(ann);
    h.advance(2 * HOUR);
    expect(shown(await h.runReviewPrompts())).toEqual([]);
    h.advance(HOUR + MINUTE);
    const prompt = sentTo(await h.runReviewPrompts(), 911);
    expect(prompt).toHaveLength(1);
    expect(prompt[0]!.text).toBe("⭐ How was Beef noodles at Noodle Bar? Tap the stars to review your visit.");
    expect(buttonTexts(prompt[0]!)).toEqual(["1★", "2★", "3★", "4★", "5★"]);
    expect(button(prompt[0]!, "5★")).toBe(`rs:${voucherId}:5`);
    // Never twice.
    h.advance(HOUR);
    expect(shown(await h.runReviewPrompts())).toEqual([]);
  });

  it("waits out the buyer's quiet hours, then asks", async () => {
    // Redeemed at 20:30 in Shanghai: three hours later is 23:30, inside 22:00–08:00.
    const now = h.clock();
    const localHour = (now.getUTCHours() + 8) % 24;
    h.advance((((20 - localHour + 24) % 24) * 60 + 30 - now.getUTCMinutes()) * MINUTE);
    await redeemedVoucher(bob);
    h.advance(3 * HOUR + MINUTE);
    expect(sentTo(await h.runReviewPrompts(), 912)).toEqual([]);
    // 08:10 the next morning.
    h.advance(8 * HOUR + 40 * MINUTE);
    const prompt = sentTo(await h.runReviewPrompts(), 912);
    expect(prompt.map((c) => c.text)).toEqual(["⭐ How was Beef noodles at Noodle Bar? Tap the stars to review your visit."]);
  });

  it("asks once about a visit whose vouchers were redeemed together", async () => {
    const cy = h.user({ id: 925, firstName: "Cy", languageCode: "en" });
    // Redeemed at 10:00 in Shanghai, so that the prompt three hours later is outside quiet hours.
    const now = h.clock();
    h.advance((((10 - ((now.getUTCHours() + 8) % 24) + 24) % 24) * 60 - now.getUTCMinutes()) * MINUTE);
    const { codes } = await purchase(h, cy, noodles.id, 2);
    for (const code of codes) await owner.send(`/redeem ${code}`);
    h.advance(3 * HOUR + MINUTE);
    const prompts = sentTo(await h.runReviewPrompts(), 925);
    expect(prompts.map((c) => c.text)).toEqual(["⭐ How was Beef noodles at Noodle Bar? Tap the stars to review your visit."]);
    h.advance(HOUR);
    expect(sentTo(await h.runReviewPrompts(), 925)).toEqual([]);
  });

  it("refuses a review before the voucher is redeemed, and someone else's voucher", async () => {
    const { voucherIds } = await purchase(h, ann, noodles.id, 1);
    await ann.press(`rs:${voucherIds[0]}:5`);
    expect(callbackAnswer(h.calls.slice(-1)).text).toBe("You can review a visit once its voucher is redeemed in the shop.");
    const annsRedeemed = await redeemedVoucher(ann);
    await bob.press(`rs:${annsRedeemed}:1`);
    expect(callbackAnswer(h.calls.slice(-1)).text).toBe("This voucher isn't yours or no longer exists.");
    expect(await h.db.db.review.count({ where: { voucherId: annsRedeemed } })).toBe(0);
  });

  it("takes stars, optional sub-scores, text and photos, tells the owner, and shows the rating on the card", async () => {
    const voucherId = await redeemedVoucher(ann);
    let calls = await ann.press(`rs:${voucherId}:4`);
    expect(lastShown(calls).text).toBe("★★★★☆ How was the quality? Optional: tap a score or Skip.");
    calls = await ann.press(button(lastShown(calls), "5★"));
    expect(lastShown(calls).text).toBe("How was the service? Optional.");
    calls = await ann.press("form:skip");
    calls = await ann.press(button(lastShown(calls), "4★"));
    expect(lastShown(calls).text).toMatch(/^Anything to tell others\?/);
    calls = await ann.send("Great   noodles\u200B, friendly staff");
    expect(lastShown(calls).text).toBe("📷 Add a photo? Send up to 3, or Skip.");
    calls = await ann.photo("photo-of-noodles");
    expect(lastShown(calls).text).toBe("📷 1 of 3 photos. Send another, or Skip to finish.");
    calls = await ann.press("form:skip");
    const posted = sentTo(calls, 911);
    expect(posted.at(-1)!.text).toMatch(/^⭐ Thank you! Your review is posted\.\n\n★★★★☆ · Ann · /);
    expect(posted.at(-1)!.text).toContain("Quality 5/5 · Value 4/5\n“Great noodles, friendly staff”\n📷 1 photo");
    const notice = sentTo(calls, 901);
    expect(notice).toHaveLength(1);
    expect(notice[0]!.text).toMatch(/^⭐ New review of Noodle Bar:\n★★★★☆ · Ann/);
    expect(buttonTexts(notice[0]!)).toEqual(["💬 Reply", "🏪 The shop's reviews"]);

    const card = await ann.openDeal(noodles.id, SHANGHAI);
    expect(card.text).toContain("🏪 Noodle Bar · 🍜 Food\n⭐ 4.0 (1)\n");
    expect(buttonTexts(card)).toContain("⭐ Reviews (1)");
    const page = lastShown(await ann.press(button(card, "⭐ Reviews (1)")));
    expect(page.text).toMatch(/^🏪 Noodle Bar\n📍 901 Test Road\n\n⭐ 4\.0 from 1 review · newest first\n\n1\. ★★★★☆ · Ann/);
    const photos = await ann.press(button(page, "📷 1"));
    expect(photos.find((c) => c.method === "sendPhoto")?.payload.photo).toBe("photo-of-noodles");
  });

  it("takes one review per voucher", async () => {
    const [review] = await h.db.db.review.findMany({ where: { authorId: 911n } });
    await ann.press(`rs:${review!.voucherId}:1`);
    expect(callbackAnswer(h.calls.slice(-1)).text).toBe("You have already reviewed this visit.");
    // /mycodes offers no second review on that voucher.
    const shownVoucher = await ann.press(`vc:${review!.voucherId}`);
    expect(buttonTexts(lastShown(shownVoucher))).not.toContain("⭐ Review this visit");
    expect(await h.db.db.review.count({ where: { voucherId: review!.voucherId } })).toBe(1);
  });

  it("counts a helpful vote once per user", async () => {
    const [review] = await h.db.db.review.findMany({ where: { authorId: 911n } });
    await bob.press(`rh:${review!.id}`);
    expect(callbackAnswer(h.calls.slice(-1)).text).toBe("👍 Thanks, counted.");
    await bob.press(`rh:${review!.id}`);
    expect(callbackAnswer(h.calls.slice(-1)).text).toBe("You already found this review helpful.");
    expect((await h.db.db.review.findUniqueOrThrow({ where: { id: review!.id } })).helpful).toBe(1);
  });

  it("counts no helpful vote from the review's author nor from the shop's owner", async () => {
    const [review] = await h.db.db.review.findMany({ where: { authorId: 911n } });
    await ann.press(`rh:${review!.id}`);
    expect(callbackAnswer(h.calls.slice(-1)).text).toBe("That is your own review: only other readers can mark it helpful.");
    await owner.press(`rh:${review!.id}`);
    expect(callbackAnswer(h.calls.slice(-1)).text).toBe("That is a review of your own shop: only its customers can mark it helpful.");
    expect((await h.db.db.review.findUniqueOrThrow({ where: { id: review!.id } })).helpful).toBe(1);
  });

  it("lets the owner reply once, publicly, and tells the author", async () => {
    const [review] = await h.db.db.review.findMany({ where: { authorId: 911n } });
    // Someone else's Reply button is a claim, checked against the sender.
    await bob.press(`rr:${review!.id}`);
    expect(callbackAnswer(h.calls.slice(-1)).text).toBe("That review is not there any more.");
    let calls = await owner.press(`rr:${review!.id}`);
    expect(lastShown(calls).text).toMatch(/^💬 Write your public reply.*\n\n★★★★☆ · Ann · /);
    calls = await owner.send("Thank you, Ann! See you soon.");
    expect(sentTo(calls, 901).at(-1)!.text).toBe("💬 Your reply is posted under the review.");
    expect(sentTo(calls, 911).map((c) => c.text)).toEqual(["💬 Noodle Bar replied to your review: Thank you, Ann! See you soon."]);
    await owner.press(`rr:${review!.id}`);
    expect(callbackAnswer(h.calls.slice(-1)).text).toBe("This review has a reply already: an owner replies once.");
    const page = lastShown(await owner.send("/reviews"));
    expect(page.text).toContain("💬 Owner's reply: Thank you, Ann! See you soon.");
    expect(buttonTexts(page)).not.toContain("💬 Reply 1");
  });

  it("lets an operator hide a review with a reason the author is told; a hidden review counts nowhere", async () => {
    const [review] = await h.db.db.review.findMany({ where: { authorId: 911n } });
    // Not an operator: the button does nothing.
    await ann.press(`rx:${review!.id}`);
    expect(callbackAnswer(h.calls.slice(-1)).alert).toBe(true);
    const card = await operator.openDeal(noodles.id, SHANGHAI);
    const page = lastShown(await operator.press(button(card, "⭐ Reviews (1)")));
    let calls = await operator.press(button(page, "🚫 Hide 1"));
    expect(lastShown(calls).text).toBe("🚫 Why is this review hidden? Its author will read the reason.");
    calls = await operator.send("Names a member of staff");
    expect(sentTo(calls, OPERATOR).at(-1)!.text).toBe(`🚫 Review #${review!.id} is hidden: it counts nowhere now, and its author is told why.`);
    expect(sentTo(calls, 911).map((c) => c.text)).toEqual([
      "🚫 Your review of Beef noodles at Noodle Bar was hidden by an operator: Names a member of staff",
    ]);
    const after = await bob.openDeal(noodles.id, SHANGHAI);
    expect(after.text).not.toContain("⭐");
    expect(buttonTexts(after)).not.toContain("⭐ Reviews (1)");
    expect(lastShown(await owner.send("/reviews")).text).toContain("No reviews yet.");
    const shop = await h.db.db.shop.findUniqueOrThrow({ where: { id: noodles.shopId } });
    expect([shop.ratingSum, shop.ratingCount]).toEqual([0, 0]);
  });

  it("never asks about a visit its holder reviewed before the prompt was due", async () => {
    const voucherId = await redeemedVoucher(bob);
    let calls = await bob.press(`rs:${voucherId}:3`);
    while (!lastShown(calls).text.startsWith("⭐ Thank you!")) calls = await bob.press("form:skip");
    h.advance(3 * HOUR + MINUTE);
    expect(sentTo(await h.runReviewPrompts(), 912)).toEqual([]);
    expect((await h.db.db.voucher.findUniqueOrThrow({ where: { id: voucherId } })).reviewAskedAt).not.toBeNull();
  });
});

describe("a shop's page of reviews", () => {
  const h = createHarness();
  afterAll(() => h.close());

  it("fits five reviews at their longest, each with the longest reply, in one message: the texts cut with an ellipsis", async () => {
    await h.shop(951, { ...SHANGHAI, name: "Wordy Bistro" });
    await h.db.db.shop.updateMany({ data: { status: "APPROVED" } });
    const deal = await h.publish(951, { title: "A set menu with a long name for two people and a dessert", priceMinor: 3200, originalPriceMinor: 4800 });
    const owner = h.user({ id: 951, firstName: "Wen", languageCode: "en" });
    for (let i = 0; i < 5; i++) {
      const buyer = h.user({ id: 961 + i, firstName: `Reader ${i}`, languageCode: "en" });
      const { codes, voucherIds } = await purchase(h, buyer, deal.id, 1);
      await owner.send(`/redeem ${codes[0]}`);
      const review = await h.db.repos.reviews.create(
        { voucherId: voucherIds[0]!, shopId: deal.shopId, dealId: deal.id, authorId: BigInt(961 + i), stars: 4, quality: 4, service: 5, value: 3, text: "w".repeat(REVIEW_TEXT_MAX), photos: [] },
        new Date(),
      );
      await h.db.repos.reviews.reply(review!.id, "r".repeat(REPLY_TEXT_MAX), new Date());
    }
    const page = lastShown(await owner.send("/reviews"));
    expect(page.text).toContain("Wordy Bistro");
    expect(page.text!.match(/“w+…”/g)).toHaveLength(5);
  });

  it("opens below the card it was asked from, even a card that starts like a page, and turns in place", async () => {
    await h.shop(952, { ...SHANGHAI, name: "Corner Store" });
    await h.db.db.shop.updateMany({ data: { status: "APPROVED" } });
    const deal = await h.publish(952, { title: "🏪 Corner basket", priceMinor: 3200, originalPriceMinor: 4800 });
    for (const [i, stars] of [5, 3].entries()) {
      await h.db.repos.reviews.create(
        { voucherId: 300_000 + i, shopId: deal.shopId, dealId: deal.id, authorId: 981n, stars, quality: null, service: null, value: null, text: `Visit ${i}`, photos: [] },
        h.clock(),
      );
    }
    const cy = h.user({ id: 981, firstName: "Cy", languageCode: "en" });
    const card = await cy.openDeal(deal.id, SHANGHAI);
    const cardId = (card.result as Message).message_id;
    expect(card.text).toMatch(/^🏪 Corner basket\n/);

    const opened = lastShown(await cy.press(button(card, "⭐ Reviews (2)")));
    expect(opened.method).toBe("sendMessage");
    expect(opened.text).toMatch(/^🏪 Corner Store\n📍 .*\n\n⭐ 4\.0 from 2 reviews · newest first/);
    // The card is still there, as it was.
    expect(h.screen(981).find((m) => m.message_id === cardId)?.text).toBe(card.text);

    const pageId = (opened.result as Message).message_id;
    const sorted = lastShown(await cy.press(button(opened, "👍 Most helpful first")));
    expect(sorted.method).toBe("editMessageText");
    expect(sorted.payload.message_id).toBe(pageId);
    expect(sorted.text).toContain("⭐ 4.0 from 2 reviews · most helpful first");
  });
});

describe("the rating in the nearby ranking", () => {
  const h = createHarness();
  afterAll(() => h.close());

  it("puts a shop with 300 reviews at 4.8 before a nearer one with two 5-star reviews", async () => {
    // Two equal offers; the shop with two reviews is nearer.
    await h.shop(801, { lat: SHANGHAI.lat + 0.001, lng: SHANGHAI.lng, name: "Two Fans" });
    await h.shop(802, { lat: SHANGHAI.lat + 0.004, lng: SHANGHAI.lng, name: "Long Record" });
    const few = await h.publish(801, { title: "Few reviews set" });
    const many = await h.publish(802, { title: "Many reviews set" });
    const cy = h.user({ id: 811, firstName: "Cy", languageCode: "en" });
    const listed = async () => {
      const text = lastShown(await cy.location(SHANGHAI.lat, SHANGHAI.lng)).text;
      return [text.indexOf("Few reviews set"), text.indexOf("Many reviews set")];
    };
    const [fewAt, manyAt] = await listed();
    expect(fewAt).toBeLessThan(manyAt!);

    const write = (shopId: number, dealId: number, stars: number, i: number) =>
      h.db.repos.reviews.create(
        { voucherId: 100_000 + shopId * 1000 + i, shopId, dealId, authorId: 811n, stars, quality: null, service: null, value: null, text: "", photos: [] },
        h.clock(),
      );
    for (let i = 0; i < 2; i++) await write(few.shopId, few.id, 5, i);
    // 300 reviews averaging 4.8: 240 of 5 stars and 60 of 4.
    for (let i = 0; i < 300; i++) await write(many.shopId, many.id, i < 240 ? 5 : 4, i);

    const [fewNow, manyNow] = await listed();
    expect(manyNow).toBeLessThan(fewNow!);
    const text = lastShown(await cy.location(SHANGHAI.lat, SHANGHAI.lng)).text;
    expect(text).toMatch(/Many reviews set.*⭐ 4\.8 \(300\)/);
    expect(text).toMatch(/Few reviews set.*⭐ 5\.0 \(2\)/);
  });
});

describe("the rating in /stats", () => {
  const h = createHarness({ now: new Date("2026-05-20T09:00:00Z") });
  afterAll(() => h.close());

  it("shows the period's rating and its change from the period before; hidden reviews count nowhere", async () => {
    await h.shop(701, { ...SHANGHAI, name: "Rated Place" });
    const deal = await h.publish(701, { title: "Set menu" });
    const DAY = 24 * HOUR;
    const write = (i: number, stars: number, daysAgo: number) =>
      h.db.repos.reviews.create(
        { voucherId: 200_000 + i, shopId: deal.shopId, dealId: deal.id, authorId: 701n, stars, quality: null, service: null, value: null, text: "", photos: [] },
        new Date(h.clock().getTime() - daysAgo * DAY),
      );
    // The 7 days before: 3 and 4 stars (3.5). These 7 days: 5, 4 and a 1 that gets hidden.
    await write(1, 3, 9);
    await write(2, 4, 10);
    await write(3, 5, 1);
    await write(4, 4, 2);
    const hidden = await write(5, 1, 3);
    await h.services.reviews.hide(990n, hidden!.id, "Spam");
    const owner = h.user({ id: 701, firstName: "Rita", languageCode: "en" });
    const stats = lastShown(await owner.send("/stats"));
    expect(stats.text).toContain("⭐ Rating 4.5 from 2 reviews (+1.0 on the period before)");
    const all = lastShown(await owner.press(button(stats, "All time")));
    expect(all.text).toMatch(/^⭐ Rating 4\.0 from 4 reviews$/m);
  });
});

describe("a review written while the prompt job runs", () => {
  const h = createHarness();
  afterAll(() => h.close());

  it("is not asked for: the job skips a voucher its holder reviewed meanwhile", async () => {
    await h.shop(801, { ...SHANGHAI, name: "Tea House" });
    await h.db.db.shop.updateMany({ data: { status: "APPROVED" } });
    const tea = await h.publish(801, { title: "Oolong tasting" });
    const owner = h.user({ id: 801, firstName: "Tao", languageCode: "en" });
    const cai = h.user({ id: 811, firstName: "Cai", languageCode: "en" });
    const dan = h.user({ id: 812, firstName: "Dan", languageCode: "en" });
    const redeem = async (buyer: UserChat) => {
      const { codes, voucherIds } = await purchase(h, buyer, tea.id, 1);
      await owner.send(`/redeem ${codes[0]}`);
      return voucherIds[0]!;
    };
    await redeem(cai);
    h.advance(MINUTE);
    const dansVoucher = await redeem(dan);
    h.advance(3 * HOUR + MINUTE);

    // While Cai's prompt is on its way, Dan reviews from /mycodes (or the Mini App).
    h.whileSending = async (call) => {
      if (call.payload.chat_id !== 811) return;
      h.whileSending = undefined;
      await h.services.reviews.submit(812n, dansVoucher, { stars: 5 });
    };
    const calls = await h.runReviewPrompts();
    expect(sentTo(calls, 811).map((c) => c.text)).toEqual(["⭐ How was Oolong tasting at Tea House? Tap the stars to review your visit."]);
    expect(sentTo(calls, 812)).toEqual([]);
    expect(await h.db.db.review.count({ where: { voucherId: dansVoucher } })).toBe(1);
  });
});
