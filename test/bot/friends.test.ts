// Credit who brought whom: a deal sent from inline mode carries the sharer's
// share; the friend's visit, purchase and redemption through it count for the
// sharer (/friends) and in the merchant's friends channel (/stats). Nobody is
// their own friend, and a share claimed for another deal credits nobody.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { InlineQueryResult } from "grammy/types";
import { buttons, createHarness, lastShown, only, type UserChat } from "../support/bot-harness.js";
import { dataStartingWith, openSharedCard, purchase, shownCode } from "../support/purchase.js";

const HERE = { lat: 31.2304, lng: 121.4737 };
const OWNER = 601;

describe("friends brought by shares", () => {
  const h = createHarness();
  let dumplings: number;
  let tea: number;
  let sam: UserChat;
  let fay: UserChat;
  let owner: UserChat;
  let samShare: number;

  beforeAll(async () => {
    await h.shop(OWNER, { ...HERE, name: "Dumpling House" });
    dumplings = (await h.publish(OWNER, { title: "Soup dumplings", priceMinor: 1800, originalPriceMinor: 3000 })).id;
    tea = (await h.publish(OWNER, { title: "Oolong pot" })).id;
    sam = h.user({ id: 611, firstName: "Sam", languageCode: "en" });
    fay = h.user({ id: 612, firstName: "Fay", languageCode: "en" });
    owner = h.user({ id: OWNER, firstName: "Olga", languageCode: "en" });
  });
  afterAll(() => h.close());

  /** The owner's /stats a minute on (a period ends at the moment it is read, exclusive). */
  async function stats(): Promise<string> {
    h.advance(60_000);
    return only(await owner.send("/stats")).text;
  }

  /** Sam types "@bot dumplings" and sends the card into a chat with Fay. */
  async function samShares(): Promise<{ link: string; resultId: string }> {
    const calls = await h.deliver({
      inline_query: { id: `q-${Date.now()}`, from: sam.from, query: "dumplings", offset: "", location: { latitude: HERE.lat, longitude: HERE.lng } },
    });
    const [result] = calls.find((c) => c.method === "answerInlineQuery")!.payload.results as InlineQueryResult[];
    const link = (result!.reply_markup!.inline_keyboard[0]![0] as { url: string }).url;
    await h.deliver({ chosen_inline_result: { result_id: result!.id, from: sam.from, query: "dumplings" } });
    return { link, resultId: result!.id };
  }

  it("credits the friend's visit, purchase and redemption to the sharer, in /friends and the merchant's /stats", async () => {
    expect(only(await sam.send("/friends")).text).toContain("You haven't shared a deal yet");
    const { link } = await samShares();
    const payload = new URL(link).searchParams.get("start")!;
    samShare = Number(/-s(\d+)$/.exec(payload)![1]);

    const card = await openSharedCard(fay, dumplings, payload);
    expect(card.text).toContain("Soup dumplings");
    // The card's Buy carries the share on to the order.
    expect(dataStartingWith(card, `buy:${dumplings}:`)).toBe(`buy:${dumplings}:f:${samShare}`);
    const { codes } = await purchase(h, fay, dumplings, 1, payload);
    await owner.send(`/redeem ${shownCode(codes[0]!)}`);

    expect(only(await sam.send("/friends")).text).toBe(
      ["👥 Your shares", "📤 Deals sent: 1", "👀 Friends who opened one: 1", "🛒 Friends who bought: 1", "🎟 Friends who used their voucher: 1"].join("\n"),
    );
    const shown = await stats();
    expect(shown).toContain("👥 Friends: 1 shared · 2 opened · 1 bought · 1 redeemed · CN¥18");
  });

  it("counts a sharer opening their own link as a plain link, not a friend", async () => {
    await openSharedCard(sam, dumplings, `d-${dumplings}-s${samShare}`);
    const shown = await stats();
    expect(shown).toContain("🔗 Shared link: 0 seen · 1 opened");
    expect(shown).toContain("👥 Friends: 1 shared · 2 opened");
    expect(only(await sam.send("/friends")).text).toContain("👀 Friends who opened one: 1");
  });

  it("credits nobody for a share claimed for another deal, or a share that does not exist", async () => {
    const gus = h.user({ id: 613, firstName: "Gus", languageCode: "en" });
    await openSharedCard(gus, tea, `d-${tea}-s${samShare}`);
    await openSharedCard(gus, tea, `d-${tea}-s999999`);
    const shown = await stats();
    expect(shown).toContain("❔ Other: 0 seen · 2 opened");
    expect(only(await sam.send("/friends")).text).toContain("👀 Friends who opened one: 1");
  });

  it("counts a sent result only for the user whose share it is", async () => {
    const { resultId } = await samShares();
    await h.deliver({ chosen_inline_result: { result_id: resultId, from: fay.from, query: "dumplings" } });
    await h.deliver({ chosen_inline_result: { result_id: "not-ours", from: fay.from, query: "x" } });
    expect(only(await sam.send("/friends")).text).toContain("📤 Deals sent: 2");
    expect(only(await fay.send("/friends")).text).toContain("You haven't shared a deal yet");
  });

  it("shows /friends in Chinese", async () => {
    sam.setLanguageCode("zh");
    const answer = only(await sam.send("/friends"));
    expect(answer.text).toContain("📤 已发送优惠：2");
    expect(buttons(lastShown([answer])).map((b) => b.text)).toEqual(["📤 分享优惠"]);
  });
});
