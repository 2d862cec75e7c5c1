// Sharing deals into any chat: "@bot pizza" lists the deals near the sharer
// that match, each a card with a link into the bot that credits the sharer;
// "@bot deal:<id>" (Send to a friend) is that one deal.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { InlineQueryResult } from "grammy/types";
import { buttonTexts, createHarness, type ApiCall } from "../support/bot-harness.js";

const SHANGHAI = { lat: 31.2304, lng: 121.4737 };
/** About 1.1 km north of the pizzeria. */
const NEAR = { lat: 31.2404, lng: 121.4737 };
const NEW_YORK = { lat: 40.7081, lng: -73.9571 };

type Article = Extract<InlineQueryResult, { type: "article" }>;
type Photo = Extract<InlineQueryResult, { type: "photo"; photo_file_id: string }>;

describe("inline search with location", () => {
  const h = createHarness({ miniAppUrl: "https://app.example.com/app/" });
  let pizzaId: number;
  let photoPizzaId: number;
  let noodlesId: number;
  let pausedId: number;
  let nyPizzaId: number;
  let queryId = 0;
  const sam = { id: 9001, is_bot: false, first_name: "Sam", language_code: "en" };

  beforeAll(async () => {
    await h.shop(501, { ...SHANGHAI, name: "Luigi's", category: "food" });
    pizzaId = (await h.publish(501, { title: "Margherita pizza for two", priceMinor: 6000, originalPriceMinor: 10000 })).id;
    photoPizzaId = (await h.publish(501, { title: "Pepperoni pizza", photoFileId: "photo-pepperoni" })).id;
    noodlesId = (await h.publish(501, { title: "Beef noodles" })).id;
    pausedId = (await h.publish(501, { title: "Paused pizza" })).id;
    await h.db.db.deal.update({ where: { id: pausedId }, data: { status: "PAUSED" } });
    await h.shop(502, { ...NEW_YORK, name: "Joe's", category: "food" });
    nyPizzaId = (await h.publish(502, { title: "NY pizza slice" })).id;
  });
  afterAll(() => h.close());

  async function inline(
    query: string,
    options: { at?: { lat: number; lng: number }; from?: object } = {},
  ): Promise<{ results: InlineQueryResult[]; payload: Record<string, unknown>; calls: ApiCall[] }> {
    const calls: ApiCall[] = await h.deliver({
      inline_query: {
        id: String(++queryId),
        from: options.from ?? sam,
        query,
        offset: "",
        ...(options.at ? { location: { latitude: options.at.lat, longitude: options.at.lng } } : {}),
      },
    });
    const answers = calls.filter((c) => c.method === "answerInlineQuery");
    expect(answers).toHaveLength(1);
    expect(answers[0]!.result).toBe(true); // not refused
    return { results: answers[0]!.payload.results as InlineQueryResult[], payload: answers[0]!.payload, calls };
  }

  const ids = (results: InlineQueryResult[]) => results.map((r) => (r.reply_markup?.inline_keyboard[0]![0] as { url: string }).url);
  const dealOf = (url: string) => Number(/start=d-(\d+)-s\d+$/.exec(url)?.[1]);

  it("lists the deals near the location sent with the query that match the words, each with price, discount and distance for the sharer", async () => {
    const { results, payload } = await inline("pizza", { at: NEAR });
    expect(ids(results).map(dealOf).sort()).toEqual([pizzaId, photoPizzaId].sort());
    const margherita = results.find((r) => dealOf(ids([r])[0]!) === pizzaId) as Article;
    expect(margherita.type).toBe("article");
    expect(margherita.title).toBe("Margherita pizza for two · CN¥60");
    expect(margherita.description).toBe("−40% · 1.1 km · Luigi's");
    const card = (margherita.input_message_content as { message_text: string }).message_text;
    expect(card).toContain("<b>Margherita pizza for two</b>");
    // The friend gets the card without the sharer's distance: they are elsewhere, and it would say where the sharer is.
    expect(card).toContain("🏪 <b>Luigi's</b> · 🍜 Food\n📍 501 Test Road\n");
    expect(card).not.toContain("km");
    expect(payload.is_personal).toBe(true);
    expect(Number(payload.cache_time)).toBeGreaterThan(0);
  });

  it("counts no impressions for the list a sharer picks from: it is not a customer seeing the deals", async () => {
    await h.db.repos.events.flush();
    const before = await h.db.db.event.count({ where: { type: "IMPRESSION" } });
    await inline("margherita", { at: NEAR });
    await h.db.repos.events.flush();
    expect(await h.db.db.event.count({ where: { type: "IMPRESSION" } })).toBe(before);
  });

  it("sends a deal with a photo as a photo with the card as its caption", async () => {
    const { results } = await inline("pepperoni", { at: NEAR });
    expect(results).toHaveLength(1);
    const photo = results[0] as Photo;
    expect(photo.type).toBe("photo");
    expect(photo.photo_file_id).toBe("photo-pepperoni");
    expect(photo.caption).toContain("<b>Pepperoni pizza</b>");
  });

  it("opens the deal in the bot and in the Mini App through links that carry the sharer's share", async () => {
    const { results } = await inline("margherita", { at: NEAR });
    const [open, app] = results[0]!.reply_markup!.inline_keyboard.flat() as { text: string; url: string }[];
    expect(open!.text).toBe("🛒 See the deal");
    expect(open!.url).toMatch(new RegExp(`^https://t\\.me/nearbuy_test_bot\\?start=d-${pizzaId}-s\\d+$`));
    expect(app!.text).toBe("🗺 Open in app");
    expect(app!.url).toBe(open!.url.replace("?start=", "?startapp="));
    expect(results[0]!.id).toBe(`s${/-s(\d+)$/.exec(open!.url)![1]}`);
  });

  it("gives each sharer their own share of a deal, and the same one every time", async () => {
    const first = ids((await inline("margherita", { at: NEAR })).results)[0];
    const again = ids((await inline("margherita", { at: NEAR })).results)[0];
    const other = ids((await inline("margherita", { at: NEAR, from: { id: 9002, is_bot: false, first_name: "Kim" } })).results)[0];
    expect(again).toBe(first);
    expect(other).not.toBe(first);
  });

  it("without a location in the query, searches around the sharer's last shared location", async () => {
    const ana = h.user({ id: 9003, firstName: "Ana", languageCode: "en" });
    await ana.location(NEW_YORK.lat, NEW_YORK.lng);
    const { results } = await inline("pizza", { from: ana.from });
    expect(ids(results).map(dealOf)).toEqual([nyPizzaId]);
  });

  it("without any location, offers a button into the bot to share one", async () => {
    const { results, payload } = await inline("pizza", { from: { id: 9004, is_bot: false, first_name: "Lee", language_code: "zh" } });
    expect(results).toEqual([]);
    expect(payload.button).toEqual({ text: "📍 分享位置，查看附近的优惠", start_parameter: "inline" });
  });

  it("lists everything nearby for an empty or odd query, within Telegram's limits", async () => {
    for (const query of ["", "   ", "!!!", "🍕", "x".repeat(300), "deal:abc", "deal:99999999999"]) {
      const { results } = await inline(query, { at: NEAR });
      expect(results.length).toBeLessThanOrEqual(50);
      for (const r of results) expect(Buffer.byteLength(r.id)).toBeLessThanOrEqual(64);
    }
    const all = (await inline("", { at: NEAR })).results;
    expect(ids(all).map(dealOf).sort()).toEqual([pizzaId, photoPizzaId, noodlesId].sort());
  });

  it("answers at most 50 deals where more are near", async () => {
    const crowd = createHarness();
    try {
      await crowd.shop(601, { ...NEW_YORK, name: "Food court", category: "food" });
      for (let i = 0; i < 60; i++) await crowd.publish(601, { title: `Lunch set ${i}` });
      const calls = await crowd.deliver({
        inline_query: { id: "crowd", from: sam, query: "lunch", offset: "", location: { latitude: NEW_YORK.lat, longitude: NEW_YORK.lng } },
      });
      const answer = calls.find((c) => c.method === "answerInlineQuery")!;
      expect(answer.result).toBe(true);
      expect((answer.payload.results as InlineQueryResult[]).length).toBe(50);
    } finally {
      await crowd.close();
    }
  });

  it("answers deal:<id> with that deal while on sale, and a way into the bot otherwise", async () => {
    const one = await inline(`deal:${noodlesId}`, { at: NEAR });
    expect(ids(one.results).map(dealOf)).toEqual([noodlesId]);
    for (const query of [`deal:${pausedId}`, "deal:999999"]) {
      const { results, payload } = await inline(query, { at: NEAR });
      expect(results).toEqual([]);
      expect(payload.button).toEqual({ text: "📍 Find deals near you", start_parameter: "inline" });
    }
  });

  it("keeps a search briefly per words and place: a deal published meanwhile shows after half a minute", async () => {
    const before = await inline("calzone", { at: NEAR });
    expect(before.results).toEqual([]);
    const calzoneId = (await h.publish(501, { title: "Calzone" })).id;
    expect((await inline("calzone", { at: NEAR })).results).toEqual([]);
    h.advance(31_000);
    expect(ids((await inline("calzone", { at: NEAR })).results).map(dealOf)).toEqual([calzoneId]);
  });

  it("puts Send to a friend on the deal card, opening inline mode on that deal", async () => {
    const kim = h.user({ id: 9005, firstName: "Kim", languageCode: "en" });
    const card = await kim.openDeal(pizzaId, SHANGHAI);
    expect(buttonTexts(card)).toContain("📤 Send to a friend");
    const markup = card.payload.reply_markup as { inline_keyboard: Record<string, unknown>[][] };
    const send = markup.inline_keyboard.flat().find((b) => b.text === "📤 Send to a friend")!;
    expect(send.switch_inline_query_chosen_chat).toEqual({ query: `deal:${pizzaId}`, allow_user_chats: true, allow_group_chats: true });
  });
});
