// Sharing a deal into any chat: the Mini App's Share types "@bot deal:<id>"
// there, and the bot answers with the deal's card and a link into the bot.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { InlineQueryResult } from "grammy/types";
import { createHarness, type ApiCall } from "../support/bot-harness.js";

const HERE = { lat: 31.2304, lng: 121.4737 };

describe("a deal shared inline", () => {
  const h = createHarness();
  let dealId: number;
  let pausedId: number;
  let queryId = 0;

  beforeAll(async () => {
    await h.shop(501, { ...HERE, name: "Dumplings", category: "food" });
    dealId = (await h.publish(501, { title: "Soup dumplings", priceMinor: 1800, originalPriceMinor: 3000 })).id;
    pausedId = (await h.publish(501, { title: "Noodles" })).id;
    await h.db.db.deal.update({ where: { id: pausedId }, data: { status: "PAUSED" } });
  });
  afterAll(() => h.close());

  async function inline(query: string, languageCode = "en"): Promise<{ results: InlineQueryResult[]; payload: Record<string, unknown> }> {
    const calls: ApiCall[] = await h.deliver({
      inline_query: { id: String(++queryId), from: { id: 9001, is_bot: false, first_name: "Sam", language_code: languageCode }, query, offset: "" },
    });
    const answer = calls.find((c) => c.method === "answerInlineQuery");
    expect(answer).toBeDefined();
    return { results: answer!.payload.results as InlineQueryResult[], payload: answer!.payload };
  }

  it("answers deal:<id> with the card, its price in the title, and a link into the bot", async () => {
    const { results, payload } = await inline(`deal:${dealId}`);
    expect(results).toHaveLength(1);
    const [card] = results as Extract<InlineQueryResult, { type: "article" }>[];
    expect(card!.title).toBe("Soup dumplings · CN¥18");
    const text = (card!.input_message_content as { message_text: string }).message_text;
    expect(text).toContain("<b>Soup dumplings</b>");
    expect(text).toContain("Dumplings");
    expect(card!.reply_markup?.inline_keyboard.flat()).toEqual([
      { text: "🛒 See the deal", url: `https://t.me/nearbuy_test_bot?start=d-${dealId}` },
    ]);
    expect(payload.is_personal).toBe(true);
  });

  it("speaks the sharer's language", async () => {
    const { results } = await inline(`deal:${dealId}`, "zh");
    expect(results[0]!.reply_markup?.inline_keyboard.flat()[0]!.text).toBe("🛒 查看优惠");
  });

  it("shares nothing of a deal that is not on sale, or unknown, and offers a way into the bot instead", async () => {
    for (const query of [`deal:${pausedId}`, "deal:999999", "pizza", ""]) {
      const { results, payload } = await inline(query);
      expect(results).toEqual([]);
      expect(payload.button).toEqual({ text: "📍 Find deals near you", start_parameter: "inline" });
    }
  });
});
