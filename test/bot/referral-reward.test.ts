// A referral reward the merchant funds: set per offer in /mydeals, given to
// the sharer (a free voucher, with its QR code, in their language) when a
// friend redeems a voucher bought through their share; once per friend, never
// for a self-referral or a friend who was already a customer, never past the
// cap, nothing when off. The friend hears nothing of it; /stats counts it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { InlineQueryResult } from "grammy/types";
import { button, buttonTexts, callbackAnswer, createHarness, lastShown, only, shown, type ApiCall, type UserChat } from "../support/bot-harness.js";
import { purchase, scannedPayload, sentTo, shownCode } from "../support/purchase.js";

const HERE = { lat: 31.2304, lng: 121.4737 };
const OWNER = 901;
const RIVAL = 902;
const DAY_MS = 86_400_000;

describe("referral rewards", () => {
  const h = createHarness();
  let dumplings: number;
  let tea: number;
  let bao: number;
  let rivalSoup: number;
  let owner: UserChat;
  let sam: UserChat;
  let friend = 920;

  beforeAll(async () => {
    await h.shop(OWNER, { ...HERE, name: "Dumpling House" });
    await h.shop(RIVAL, { ...HERE, name: "Rival" });
    dumplings = (await h.publish(OWNER, { title: "Soup dumplings", priceMinor: 1800, originalPriceMinor: 3000, days: 90 })).id;
    tea = (await h.publish(OWNER, { title: "Oolong pot", priceMinor: 500, originalPriceMinor: 900, days: 90 })).id;
    bao = (await h.publish(OWNER, { title: "Pork bao", priceMinor: 600, originalPriceMinor: 1000, days: 90 })).id;
    rivalSoup = (await h.publish(RIVAL, { title: "Rival soup" })).id;
    owner = h.user({ id: OWNER, firstName: "Olga", languageCode: "en" });
    sam = h.user({ id: 911, firstName: "Sam", languageCode: "en" });
  });
  afterAll(() => h.close());

  /** A new friend of the sharer's, who never bought at the shop. */
  const newFriend = (name: string) => h.user({ id: ++friend, firstName: name, languageCode: "en" });

  /** The sharer sends one deal into a chat (Send to a friend); returns the /start payload the friend opens. */
  async function shares(sharer: UserChat, dealId: number): Promise<string> {
    const query = `deal:${dealId}`;
    const calls = await h.deliver({ inline_query: { id: `q-${sharer.id}-${dealId}-${h.unixNow()}`, from: sharer.from, query, offset: "" } });
    const [result] = calls.find((c) => c.method === "answerInlineQuery")!.payload.results as InlineQueryResult[];
    await h.deliver({ chosen_inline_result: { result_id: result!.id, from: sharer.from, query } });
    const link = (result!.reply_markup!.inline_keyboard[0]![0] as { url: string }).url;
    return new URL(link).searchParams.get("start")!;
  }

  const redeem = (code: string) => owner.send(`/redeem ${shownCode(code)}`);
  const textsTo = (calls: ApiCall[], user: UserChat) => sentTo(calls, user.id).map((c) => c.text);

  /** The owner's reward screen of an offer, from /mydeals. */
  async function rewardScreen(dealId: number): Promise<ApiCall> {
    await owner.send("/mydeals");
    const panel = only(await owner.press(`md:o:${dealId}`));
    return only(await owner.press(button(panel, "🎁 Referral reward")));
  }

  async function choose(dealId: number, ...labels: string[]): Promise<ApiCall> {
    let screen = await rewardScreen(dealId);
    for (const label of labels) screen = only(await owner.press(button(screen, label)));
    return screen;
  }

  it("lets the owner choose in /mydeals what the sharer gets and the cap", async () => {
    const screen = await rewardScreen(dumplings);
    expect(screen.text).toBe(
      [
        "🎁 Referral reward: Soup dumplings",
        "When a friend redeems a voucher they got through someone's share of this offer, the one who shared it gets a free voucher that you fund (it counts as discount given in /stats). Once per friend; never for sharing with oneself, nor for a friend who was already your customer.",
        "",
        "Now: off.",
        "Cap: 10 a month · 0 given this month",
      ].join("\n"),
    );
    expect(buttonTexts(screen)).toEqual(["✓ Off", "This offer", "Another offer", "1", "5", "✓ 10", "25", "50", "100", "✓ A month", "In total", "◀ Back"]);

    const choices = only(await owner.press(button(screen, "Another offer")));
    expect(choices.text).toBe("🎁 Which offer's voucher does the sharer get for a friend's redemption of Soup dumplings?");
    // The shop's other offers, newest first: never another shop's.
    expect(buttonTexts(choices)).toEqual(["Pork bao", "Oolong pot", "◀ Back"]);
    const picked = await owner.press(button(choices, "Oolong pot"));
    expect(callbackAnswer(picked).text).toBe("✅ Saved.");
    expect(only(picked).text).toContain("Now: a free voucher for Oolong pot (usual price CN¥9).");
    expect(buttonTexts(only(picked)).slice(0, 3)).toEqual(["Off", "This offer", "✓ Another offer"]);

    const same = only(await owner.press(button(only(picked), "This offer")));
    expect(same.text).toContain("Now: a free voucher for Soup dumplings (usual price CN¥30).");
  });

  it("refuses a reward from another shop's offer, and another owner's buttons", async () => {
    await rewardScreen(dumplings);
    const forged = await owner.press(`ref:p:${dumplings}:${rivalSoup}`);
    expect(callbackAnswer(forged)).toEqual({
      text: "That offer can't be a reward: it must be one of your offers on sale or paused, and not a group deal.",
      alert: true,
    });
    const rival = h.user({ id: RIVAL, firstName: "Rex", languageCode: "en" });
    await rival.send("/mydeals");
    expect(callbackAnswer(await rival.press(`ref:f:${dumplings}:0`)).alert).toBe(true);
    expect((await h.db.db.referralSetting.findUniqueOrThrow({ where: { dealId: dumplings } })).rewardDealId).toBe(dumplings);
  });

  it("gives the sharer a free voucher once when a friend's voucher from their share is redeemed; the friend hears nothing of it", async () => {
    const fay = newFriend("Fay");
    const { codes } = await purchase(h, fay, dumplings, 2, await shares(sam, dumplings));

    const first = await redeem(codes[0]!);
    const reward = await h.db.db.order.findFirstOrThrow({ where: { buyerId: BigInt(sam.id), source: "reward" }, include: { vouchers: true } });
    expect(reward).toMatchObject({ dealId: dumplings, quantity: 1, totalMinor: 0, unitOriginalMinor: 3000 });
    const rewardCode = reward.vouchers[0]!.code;
    const toSam = sentTo(first, sam.id);
    expect(toSam.map((c) => c.text.split("\n")[0])).toEqual([
      "🎁 A friend you sent Soup dumplings used their voucher at Dumpling House. Thank you! Dumpling House gives you a free voucher for Soup dumplings: here it is.",
      `✅ Claimed: 1 × Soup dumplings, free (order #${reward.id}).`,
      "🎟 Soup dumplings",
    ]);
    // A real voucher: its code, and a QR code the shop scans.
    expect(toSam[2]!.text).toContain(`Code: ${shownCode(rewardCode)}`);
    expect(scannedPayload(toSam[2]!)).toBe(`v-${rewardCode}`);
    expect(textsTo(first, fay)).toEqual([expect.stringMatching(/^✅ Your voucher .* was redeemed at Dumpling House/)]);
    expect(textsTo(first, fay).join()).not.toContain("Sam");

    // The same friend's second voucher earns nothing more.
    expect(textsTo(await redeem(codes[1]!), sam)).toEqual([]);
    expect(lastShown(await sam.send("/friends")).text).toContain("🎁 Rewards shops gave you for them: 1");

    // The reward itself is used like any voucher, and earns nobody anything.
    const used = await redeem(rewardCode);
    expect(textsTo(used, sam)).toEqual([expect.stringMatching(/^✅ Your voucher .* was redeemed at Dumpling House/)]);
  });

  it("shows the rewards given in /stats' friends channel, at their usual price, and keeps them out of sales", async () => {
    h.advance(60_000);
    const stats = only(await owner.send("/stats")).text;
    expect(stats).toContain("🎁 Rewards given to sharers: 1 · worth CN¥30");
    // One order bought through the share (two vouchers); the reward is no purchase, and no customer.
    expect(stats).toContain("👥 Friends: 1 shared · 1 opened · 1 bought · 2 redeemed · CN¥36");
    expect(stats).toContain("👥 Customers: 1 new, 0 returning");
  });

  it("never rewards a self-referral", async () => {
    const { codes } = await purchase(h, sam, dumplings, 1, await shares(sam, dumplings));
    expect(textsTo(await redeem(codes[0]!), sam)).toEqual([expect.stringMatching(/^✅ Your voucher/)]);
    expect(await h.db.db.referralReward.count()).toBe(1);
  });

  it("never rewards for a friend who was already a customer of the shop", async () => {
    const gus = newFriend("Gus");
    await purchase(h, gus, tea);
    h.advance(60_000);
    const { codes } = await purchase(h, gus, dumplings, 1, await shares(sam, dumplings));
    expect(textsTo(await redeem(codes[0]!), sam)).toEqual([]);
    expect(await h.db.db.referralReward.count()).toBe(1);
  });

  it("stops at the cap, and a monthly cap starts again next month", async () => {
    const screen = await choose(bao, "This offer", "1");
    expect(screen.text).toContain("Cap: 1 a month · 0 given this month");
    const link = await shares(sam, bao);

    const hal = await purchase(h, newFriend("Hal"), bao, 1, link);
    expect(textsTo(await redeem(hal.codes[0]!), sam)[0]).toContain("free voucher for Pork bao");
    const ivy = await purchase(h, newFriend("Ivy"), bao, 1, link);
    expect(textsTo(await redeem(ivy.codes[0]!), sam)).toEqual([]);
    expect((await rewardScreen(bao)).text).toContain("Cap: 1 a month · 1 given this month");

    h.advance(30 * DAY_MS);
    const kim = await purchase(h, newFriend("Kim"), bao, 1, await shares(sam, bao));
    expect(textsTo(await redeem(kim.codes[0]!), sam)[0]).toContain("free voucher for Pork bao");

    // In total: two given, over the cap of one.
    expect((await choose(bao, "In total")).text).toContain("Cap: 1 in total · 2 given so far");
    const lou = await purchase(h, newFriend("Lou"), bao, 1, link);
    expect(textsTo(await redeem(lou.codes[0]!), sam)).toEqual([]);
  });

  it("gives nothing once the reward is off", async () => {
    expect((await choose(dumplings, "Off")).text).toContain("Now: off.");
    const { codes } = await purchase(h, newFriend("Mo"), dumplings, 1, await shares(sam, dumplings));
    expect(textsTo(await redeem(codes[0]!), sam)).toEqual([]);
  });

  it("does not count a reward voucher toward its holder's per-person limit: they can still buy the offer's full limit", async () => {
    const buns = (await h.publish(OWNER, { title: "Steamed buns", priceMinor: 700, originalPriceMinor: 1200, perPersonLimit: 2, days: 90 })).id;
    await choose(buns, "This offer");
    const pat = h.user({ id: 960, firstName: "Pat", languageCode: "en" });
    const { codes } = await purchase(h, newFriend("Oli"), buns, 1, await shares(pat, buns));
    expect(textsTo(await redeem(codes[0]!), pat)[0]).toContain("free voucher for Steamed buns");

    const card = lastShown(await pat.send(`/start d-${buns}`));
    const question = lastShown(await pat.press(button(card, "🛒 Buy")));
    expect(question.text).toBe("🛒 Steamed buns: how many? (up to 2)");
    const bought = await purchase(h, pat, buns, 2);
    expect(bought.codes).toHaveLength(2);
  });

  it("tells a Chinese-speaking sharer in Chinese, also when the shop scans the friend's QR code", async () => {
    await choose(tea, "This offer");
    const lin = h.user({ id: 950, firstName: "Lin", languageCode: "zh" });
    const nia = newFriend("Nia");
    const { delivery } = await purchase(h, nia, tea, 1, await shares(lin, tea));
    const qr = shown(delivery).find((c) => c.method === "sendPhoto")!;
    const confirm = lastShown(await owner.send(`/start ${scannedPayload(qr)}`));
    const calls = await owner.press(button(confirm, "✅ Redeem"));
    expect(textsTo(calls, lin)[0]).toBe("🎁 你分享的 Oolong pot 已被好友在 Dumpling House 核销。谢谢你！Dumpling House 送你一张 Oolong pot 的免费券，请查收。");
    expect(sentTo(calls, lin.id).some((c) => c.method === "sendPhoto")).toBe(true);
  });
});
