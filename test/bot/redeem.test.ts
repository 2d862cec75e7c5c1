// Redeeming a voucher in the shop: /redeem CODE or the voucher's QR scanned
// with the phone's camera, and every way a code can fail to redeem.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Deal } from "../../src/domain/deal.js";
import { newVoucherCode } from "../../src/domain/voucher-code.js";
import { BotHarness, button, buttonTexts, callbackAnswer, createHarness, only, type UserChat } from "../support/bot-harness.js";
import { dataStartingWith, purchase, scannedPayload, sentTo, shownCode } from "../support/purchase.js";

const SHANGHAI = { lat: 31.2304, lng: 121.4737 };
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** A code with a right check symbol that was never issued. */
const unissued = (seed: number) => newVoucherCode(() => (seed++ * 7) % 32);

describe("redeeming a voucher", () => {
  const h = createHarness();
  let noodles: Deal;
  let tea: Deal;
  let owner: UserChat;
  let otherOwner: UserChat;
  let ann: UserChat;

  beforeAll(async () => {
    await h.shop(901, { ...SHANGHAI, name: "Noodle Bar" });
    await h.shop(902, { ...SHANGHAI, name: "Tea House" });
    noodles = await h.publish(901, { title: "Beef noodles", priceMinor: 3200, originalPriceMinor: 4800, perPersonLimit: 50 });
    tea = await h.publish(902, { title: "Oolong pot", priceMinor: 1800, originalPriceMinor: 3000 });
    owner = h.user({ id: 901, firstName: "Olga", languageCode: "en" });
    otherOwner = h.user({ id: 902, firstName: "Wang", languageCode: "zh" });
    ann = h.user({ id: 911, firstName: "Ann", languageCode: "en" });
  });
  afterAll(() => h.close());

  const statusOf = async (code: string) => (await h.db.db.voucher.findUniqueOrThrow({ where: { code } })).status;

  it("redeems with /redeem, naming the deal, quantity, price, order and buyer, and tells the buyer", async () => {
    const { codes, orderId } = await purchase(h, ann, noodles.id, 2);
    const calls = await owner.send(`/redeem ${shownCode(codes[0]!)}`);
    expect(only(sentTo(calls, 901)).text).toBe(
      `✅ Redeemed ${shownCode(codes[0]!)}: Beef noodles, 1 voucher (CN¥32) from order #${orderId} of 2, bought by Ann.`,
    );
    expect(only(sentTo(calls, 911)).text).toBe(`✅ Your voucher ${shownCode(codes[0]!)} for Beef noodles was redeemed at Noodle Bar. Enjoy!`);
    expect(await statusOf(codes[0]!)).toBe("REDEEMED");
    // The other voucher of the order is untouched.
    expect(await statusOf(codes[1]!)).toBe("ACTIVE");
  });

  it("tells the owner and staff of a suspended shop why a code can't be redeemed, and leaves the voucher valid", async () => {
    const { codes } = await purchase(h, ann, noodles.id, 1);
    await h.db.db.shop.updateMany({ where: { ownerId: 901n }, data: { status: "SUSPENDED" } });
    try {
      expect(only(await owner.send(`/redeem ${codes[0]}`)).text).toBe(
        "The shop is suspended: vouchers can't be redeemed until an operator reinstates it. The customer's voucher stays valid.",
      );
      // Its staff read the same.
      await h.db.repos.users.ensure({ id: 919, firstName: "Sid" });
      await h.db.db.shopStaff.create({ data: { shopId: noodles.shopId, userId: 919n } });
      const sid = h.user({ id: 919, firstName: "Sid", languageCode: "en" });
      expect(only(await sid.send(`/redeem ${codes[0]}`)).text).toMatch(/^The shop is suspended/);
      await h.db.db.shopStaff.deleteMany({ where: { userId: 919n } });
    } finally {
      await h.db.db.shop.updateMany({ where: { ownerId: 901n }, data: { status: "APPROVED" } });
    }
    expect(await statusOf(codes[0]!)).toBe("ACTIVE");
  });

  it("says when a code was already redeemed, in the shop's time zone", async () => {
    const { codes } = await purchase(h, ann, noodles.id, 1);
    // 20:00 in UTC is 04:00 the next day in Shanghai.
    h.advance(11 * HOUR);
    await owner.send(`/redeem ${codes[0]}`);
    const again = await owner.send(`/redeem ${codes[0]}`);
    expect(only(again).text).toBe(`⚠️ ${shownCode(codes[0]!)} (Beef noodles) was already redeemed on 5 May 2026, 04:00.`);
    // The buyer is told once, at the first redemption only.
    expect(sentTo(again, 911)).toEqual([]);
  });

  it("answers in Chinese for a Chinese-speaking owner", async () => {
    const { codes, orderId } = await purchase(h, ann, tea.id, 1);
    const done = await otherOwner.send(`/redeem ${codes[0]}`);
    expect(only(sentTo(done, 902)).text).toBe(
      `✅ 已核销 ${shownCode(codes[0]!)}：Oolong pot，1 张（¥18），来自订单 #${orderId}（共 1 张），买家 Ann。`,
    );
    const again = await otherOwner.send(`/redeem ${codes[0]}`);
    expect(only(again).text).toBe(`⚠️ ${shownCode(codes[0]!)}（Oolong pot）已于 2026年5月5日 04:00 核销过。`);
    expect(only(await otherOwner.send("/redeem 12345")).text).toBe("券码由 12 个字母和数字组成，例如 7KQ2-M9XD-4HT3，请检查。");
  });

  it("reads codes typed in lower case, without hyphens, with O for 0 and I or L for 1", async () => {
    const { voucherIds } = await purchase(h, ann, noodles.id, 1);
    // A code with 0s and 1s in it, so the look-alike letters can be typed.
    const body = [0, 1, 10, 0, 11, 1, 12, 0, 13, 1, 14];
    const code = newVoucherCode(() => body.shift()!);
    await h.db.db.voucher.update({ where: { id: voucherIds[0] }, data: { code } });
    let ones = 0;
    const typed = code
      .toLowerCase()
      .replace(/0/g, "o")
      .replace(/1/g, () => (ones++ % 2 === 0 ? "i" : "l"));
    expect(typed).toMatch(/^oiaob[il]co/);
    expect(only(sentTo(await owner.send(`/redeem ${typed}`), 901)).text).toMatch(new RegExp(`^✅ Redeemed ${shownCode(code)}: Beef noodles`));
  });

  it("answers a typo before any lookup, and says what a code looks like when it cannot be one", async () => {
    const { codes } = await purchase(h, ann, noodles.id, 1);
    const code = codes[0]!;
    const failures = () => wrongGuesses(h, 901n);
    const before = await failures();
    const wrongSymbol = code.slice(0, 5) + (code[5] === "7" ? "8" : "7") + code.slice(6);
    const wrongCheck = code.slice(0, 11) + (code[11] === "A" ? "B" : "A");
    for (const typo of [wrongSymbol, wrongCheck]) {
      expect(only(await owner.send(`/redeem ${shownCode(typo)}`)).text).toBe(
        "That code has a typo: one symbol is wrong or two are swapped. Please check it.",
      );
    }
    // Typos are not looked up, so they count as no wrong guess.
    expect(await failures()).toBe(before);
    for (const malformed of ["12345", "7KQ2-M9XD-4HT3-XXXX", "ÄÖÜ!ÄÖÜ!ÄÖÜ!"]) {
      expect(only(await owner.send(`/redeem ${malformed}`)).text).toBe(
        "A voucher code has 12 letters and digits, like 7KQ2-M9XD-4HT3. Please check it.",
      );
    }
    expect(only(await owner.send("/redeem")).text).toBe(
      "Send /redeem followed by the customer's code, e.g. /redeem 7KQ2-M9XD-4HT3. Or scan the customer's QR code with your phone's camera.",
    );
    expect(await statusOf(code)).toBe("ACTIVE");
  });

  it("answers another shop's code exactly like a code that does not exist", async () => {
    const { codes } = await purchase(h, ann, noodles.id, 1);
    const othersCode = only(await otherOwner.send(`/redeem ${codes[0]}`)).text;
    const unknown = only(await otherOwner.send(`/redeem ${unissued(3)}`)).text;
    expect(othersCode).toBe(unknown);
    expect(unknown).toBe("你的店铺没有这个券码。");
    expect(await statusOf(codes[0]!)).toBe("ACTIVE");
    otherOwner.setLanguageCode("en");
    expect(only(await otherOwner.send(`/redeem ${codes[0]}`)).text).toBe("No voucher of your shop has this code.");
    otherOwner.setLanguageCode("zh");
  });

  it("shows the holder's voucher, a confirmation to the shop, and nothing to anyone else, from the QR code", async () => {
    const { delivery, codes } = await purchase(h, ann, noodles.id, 1);
    const photo = only(delivery, "sendPhoto");
    const payload = scannedPayload(photo);
    expect(payload).toBe(`v-${codes[0]}`);

    // The holder scanning their own code sees their voucher.
    const own = only(await ann.send(`/start ${payload}`));
    expect(own.method).toBe("sendPhoto");
    expect(own.text).toContain(`Code: ${shownCode(codes[0]!)}`);
    expect(own.text).toContain("valid until");
    expect(scannedPayload(own)).toBe(payload);

    // Someone else gets the same answer whether the code exists or not.
    const bob = h.user({ id: 912, firstName: "Bob", languageCode: "en" });
    const real = only(await bob.send(`/start ${payload}`)).text;
    const made = only(await bob.send(`/start v-${unissued(5)}`)).text;
    expect(real).toBe(made);
    expect(real).toBe("🎟 This is a Nearbuy voucher. Only the shop that sold it can redeem it: show it there.");
    // So does the owner of another shop.
    expect(only(await otherOwner.send(`/start ${payload}`)).text).toBe(only(await otherOwner.send(`/start v-${unissued(9)}`)).text);
    expect(await statusOf(codes[0]!)).toBe("ACTIVE");

    // The shop's owner gets a confirmation, and the Redeem button redeems.
    const confirm = only(await owner.send(`/start ${payload}`));
    expect(confirm.text).toBe(`🎟 Redeem ${shownCode(codes[0]!)}: Beef noodles (CN¥32), bought by Ann?`);
    expect(buttonTexts(confirm)).toEqual(["✅ Redeem", "✖ Cancel"]);
    expect(await statusOf(codes[0]!)).toBe("ACTIVE");
    const pressed = await owner.press(button(confirm, "✅ Redeem"));
    expect(callbackAnswer(pressed).alert).toBe(false);
    const edited = only(sentTo(pressed, 901));
    expect(edited.method).toBe("editMessageText");
    expect(edited.text).toMatch(new RegExp(`^✅ Redeemed ${shownCode(codes[0]!)}: Beef noodles, 1 voucher \\(CN¥32\\)`));
    expect(only(sentTo(pressed, 911)).text).toContain("was redeemed at Noodle Bar");
    expect(await statusOf(codes[0]!)).toBe("REDEEMED");
  });

  it("refuses a Redeem button pressed by anyone but the one who scanned the code", async () => {
    const { codes } = await purchase(h, ann, noodles.id, 1);
    const confirm = only(await owner.send(`/start v-${codes[0]}`));
    const redeemData = button(confirm, "✅ Redeem");
    await h.shop(903, { ...SHANGHAI, name: "Sushi Spot" });
    const sushi = h.user({ id: 903, firstName: "Kenji", languageCode: "zh" });
    expect(only(await sushi.send("/redeem")).text).toContain("/redeem");
    expect(callbackAnswer(await sushi.press(redeemData))).toEqual({
      text: "这个确认已失效。请重新扫描顾客的二维码，或用 /redeem 输入券码。",
      alert: true,
    });
    expect(callbackAnswer(await ann.press(redeemData))).toEqual({ text: "Only a shop's owner (or staff) can redeem vouchers.", alert: true });
    expect(await statusOf(codes[0]!)).toBe("ACTIVE");
  });

  it("redeems nothing through a forged Redeem button: it carries no voucher id, and forging counts as a wrong code", async () => {
    const { codes, voucherIds } = await purchase(h, ann, noodles.id, 1);
    const failures = () => wrongGuesses(h, 901n);
    const before = await failures();
    // The confirmation's button reveals nothing about the voucher.
    const confirm = only(await owner.send(`/start v-${codes[0]}`));
    expect(button(confirm, "✅ Redeem")).not.toContain(String(voucherIds[0]));
    expect(button(confirm, "✅ Redeem")).not.toContain(codes[0]!);
    for (const forged of [`rdm:${voucherIds[0]}`, "rdm:AAAAAAAAAAAAAAAAAAAAAA"]) {
      const pressed = await owner.press(forged, (confirm.result as { message_id: number }).message_id);
      expect(callbackAnswer(pressed)).toEqual({
        text: "This confirmation is no longer valid. Scan the customer's QR code again, or type the code with /redeem.",
        alert: true,
      });
      expect(sentTo(pressed, 911)).toEqual([]);
    }
    expect(await statusOf(codes[0]!)).toBe("ACTIVE");
    expect(await failures()).toBe(before + 2);
  });

  it("lets the Redeem button work for a few minutes only, and across a restart", async () => {
    const { codes } = await purchase(h, ann, noodles.id, 2);
    const stale = only(await owner.send(`/start v-${codes[0]}`));
    h.advance(11 * MINUTE);
    expect(callbackAnswer(await owner.press(button(stale, "✅ Redeem"))).text).toBe(
      "This confirmation is no longer valid. Scan the customer's QR code again, or type the code with /redeem.",
    );
    expect(await statusOf(codes[0]!)).toBe("ACTIVE");
    // Scanned again, it works; and the confirmation lives in the database, so another
    // process on the same database (or this one after a restart) honours it.
    const fresh = only(await owner.send(`/start v-${codes[1]}`));
    const token = button(fresh, "✅ Redeem").slice("rdm:".length);
    const restarted = new BotHarness(h.db, { now: h.clock() });
    const { outcome } = await restarted.services.vouchers.redeemConfirmed(901n, token, async () => undefined);
    expect(outcome).toBe("redeemed");
    expect(await statusOf(codes[1]!)).toBe("REDEEMED");
    h.advance(15 * MINUTE);
  });

  it("redeems once when two redemptions of the same code arrive at once", async () => {
    const { codes } = await purchase(h, ann, noodles.id, 2);
    const both = await Promise.all([owner.send(`/redeem ${codes[0]}`), owner.send(`/redeem ${codes[0]}`)]);
    const texts = both.map((calls) => sentTo(calls, 901)[0]!.text).sort();
    expect(texts[0]).toMatch(/^⚠️ .* was already redeemed on /);
    expect(texts[1]).toMatch(/^✅ Redeemed /);
    expect(both.flatMap((calls) => sentTo(calls, 911))).toHaveLength(1);

    // A scan confirmed while someone types the same code.
    const confirm = only(await owner.send(`/start v-${codes[1]}`));
    const [press, typed] = await Promise.all([owner.press(button(confirm, "✅ Redeem")), owner.send(`/redeem ${codes[1]}`)]);
    const outcomes = [sentTo(press, 901)[0]!.text, sentTo(typed, 901)[0]!.text];
    expect(outcomes.filter((t) => t.startsWith("✅ Redeemed "))).toHaveLength(1);
    expect(outcomes.filter((t) => t.includes("was already redeemed"))).toHaveLength(1);
    expect([...press, ...typed].filter((c) => Number(c.payload.chat_id) === 911)).toHaveLength(1);
    expect(await h.db.db.voucher.count({ where: { code: { in: codes }, status: "REDEEMED" } })).toBe(2);
  });

  it("tells a customer that only the shop's owner or staff can redeem, in their language", async () => {
    const { codes } = await purchase(h, ann, noodles.id, 1);
    const cat = h.user({ id: 913, firstName: "Cat", languageCode: "en" });
    expect(only(await cat.send(`/redeem ${codes[0]}`)).text).toBe("Only a shop's owner (or staff) can redeem vouchers.");
    const mei = h.user({ id: 914, firstName: "美美", languageCode: "zh-hans" });
    expect(only(await mei.send(`/redeem ${codes[0]}`)).text).toBe("只有店主（或店员）可以核销券码。");
    // Even the holder cannot redeem their own voucher.
    expect(only(await ann.send(`/redeem ${codes[0]}`)).text).toBe("Only a shop's owner (or staff) can redeem vouchers.");
    expect(await statusOf(codes[0]!)).toBe("ACTIVE");
  });

  it("says a refunded voucher was refunded", async () => {
    const { codes, voucherIds } = await purchase(h, ann, noodles.id, 1);
    const shownVoucher = only(await ann.press(`vc:${voucherIds[0]}`));
    const question = only(await ann.press(dataStartingWith(shownVoucher, "vr:")));
    await ann.press(dataStartingWith(question, "vry:"));
    expect(only(await owner.send(`/redeem ${codes[0]}`)).text).toBe(
      `⛔ ${shownCode(codes[0]!)} (Beef noodles) was refunded and is not valid.`,
    );
  });
});

describe("redeeming an expired voucher", () => {
  const h = createHarness();
  afterAll(() => h.close());

  it("says when it expired, in the shop's time zone", async () => {
    await h.shop(921, { ...SHANGHAI, name: "Bakery" });
    const bread = await h.publish(921, { title: "Sourdough", voucherValidDays: 3 });
    const dan = h.user({ id: 922, firstName: "Dan", languageCode: "en" });
    const { codes } = await purchase(h, dan, bread.id, 1);
    h.advance(3 * DAY + MINUTE);
    const owner = h.user({ id: 921, firstName: "Baker", languageCode: "en" });
    // Paid 4 May 09:00 UTC: valid three days, until 7 May 17:00 in Shanghai.
    expect(only(await owner.send(`/redeem ${codes[0]}`)).text).toBe(`⌛ ${shownCode(codes[0]!)} (Sourdough) expired on 7 May 2026, 17:00.`);
    // The same after the scheduled job marked it expired.
    await h.runJobs();
    expect(only(await owner.send(`/redeem ${codes[0]}`)).text).toBe(`⌛ ${shownCode(codes[0]!)} (Sourdough) expired on 7 May 2026, 17:00.`);
    owner.setLanguageCode("zh");
    expect(only(await owner.send(`/redeem ${codes[0]}`)).text).toBe(`⌛ ${shownCode(codes[0]!)}（Sourdough）已于 2026年5月7日 17:00 过期。`);
    expect((await h.db.db.voucher.findUniqueOrThrow({ where: { code: codes[0]! } })).status).toBe("EXPIRED");
  });
});

describe("guessing codes", () => {
  const h = createHarness();
  afterAll(() => h.close());

  it("pauses /redeem for a user after 5 wrong codes in 15 minutes, and only for them", async () => {
    await h.shop(931, { ...SHANGHAI, name: "Guesser's Grill" });
    await h.shop(932, { ...SHANGHAI, name: "Honest Deli" });
    const grill = await h.publish(931, { title: "Skewers" });
    const deli = await h.publish(932, { title: "Sandwich" });
    const eve = h.user({ id: 933, firstName: "Eve", languageCode: "en" });
    const mine = await purchase(h, eve, grill.id, 1);
    const theirs = await purchase(h, eve, deli.id, 1);
    const guesser = h.user({ id: 931, firstName: "Gus", languageCode: "en" });
    const honest = h.user({ id: 932, firstName: "Hon", languageCode: "en" });

    for (let i = 0; i < 5; i++) {
      expect(only(await guesser.send(`/redeem ${unissued(100 + i)}`)).text).toBe("No voucher of your shop has this code.");
      h.advance(MINUTE);
    }
    // Even a genuine code of their own shop is refused now.
    expect(only(await guesser.send(`/redeem ${mine.codes[0]}`)).text).toBe("Too many wrong codes. Please wait 15 minutes.");
    expect(only(await guesser.send(`/start v-${mine.codes[0]}`)).text).toBe("Too many wrong codes. Please wait 15 minutes.");
    expect((await h.db.db.voucher.findUniqueOrThrow({ where: { code: mine.codes[0]! } })).status).toBe("ACTIVE");
    // Another merchant is not held up.
    expect(only(sentTo(await honest.send(`/redeem ${theirs.codes[0]}`), 932)).text).toMatch(/^✅ Redeemed /);

    // The first wrong code was 5 minutes ago: 10 more minutes and it leaves the window.
    h.advance(10 * MINUTE + 1000);
    expect(only(sentTo(await guesser.send(`/redeem ${mine.codes[0]}`), 931)).text).toMatch(/^✅ Redeemed .*: Skewers/);
    // The window slides: four wrong codes are still in it, so one more pauses /redeem again.
    guesser.setLanguageCode("zh");
    expect(only(await guesser.send(`/redeem ${unissued(200)}`)).text).toBe("你的店铺没有这个券码。");
    expect(only(await guesser.send(`/redeem ${unissued(300)}`)).text).toBe("输错次数太多，请 15 分钟后再试。");
  });
});

/** The wrong codes a user typed lately, as the rate limit keeps them. */
async function wrongGuesses(h: BotHarness, userId: bigint): Promise<number> {
  const kept = await h.db.db.rateLimitUses.findUnique({ where: { key: `guesses:${userId}` } });
  return kept ? (JSON.parse(kept.uses) as number[]).length : 0;
}
