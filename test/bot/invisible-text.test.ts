// Text one user types and others read (shop names, addresses, offer titles,
// first names) loses the invisible characters that change how it reads: a
// right-to-left override turns "Pizza $5" around, a zero-width space makes two
// names look alike.
import { afterAll, describe, expect, it } from "vitest";
import { createHarness, lastShown, only } from "../support/bot-harness.js";
import { purchase, shownCode } from "../support/purchase.js";

const RLO = "\u202E";
const PDF = "\u202C";
const ZWSP = "\u200B";
const HERE = { lat: 31.23, lng: 121.47 };

describe("invisible characters in what others read", () => {
  const h = createHarness();
  afterAll(() => h.close());

  it("drops them from a shop's name and address and an offer's title, as buyers see them", async () => {
    const joe = h.user({ id: 2301, firstName: "Joe", languageCode: "en" });
    await joe.send(`/register Joe's${ZWSP} ${RLO}Pizza${PDF} | food | ${HERE.lat},${HERE.lng} | 1 Main${ZWSP} St\u2066`);
    expect(only(await joe.send("11–23")).text).toMatch(/^💱 Prices at this shop/);
    expect(only(await joe.press("form:pick:CNY")).text).toBe("✅ Joe's Pizza is registered. Post your first offer with /newdeal.");
    const preview = lastShown(await joe.send(`/newdeal ${RLO}Garlic knots${PDF} for two | 2.50 | 9 | 20 | 7`));
    expect(preview.text).toContain("\nGarlic knots for two\n");

    const shop = await h.db.repos.shops.findByOwner(2301n);
    expect({ name: shop!.name, address: shop!.address }).toEqual({ name: "Joe's Pizza", address: "1 Main St" });
  });

  it("keeps the joiners that build an emoji, and refuses a name with nothing visible in it", async () => {
    const kim = h.user({ id: 2302, firstName: "Kim", languageCode: "en" });
    await kim.send("/register");
    expect(only(await kim.send("\u3164\u200B\u3164")).text).toBe("This can't be empty.");
    expect(only(await kim.send("\u2800\u2800")).text).toBe("This can't be empty.");
    expect(only(await kim.send("Family 👨‍👩‍👧 Diner")).text).toBe("Which category fits best?");
    await kim.send("/cancel");
  });

  it("drops them from a buyer's first name, as the merchant who redeems reads it", async () => {
    const owner = h.user({ id: 2303, firstName: "Olga", languageCode: "en" });
    await h.shop(2303, { ...HERE, name: "Noodle Bar" });
    const deal = await h.publish(2303, { title: "Beef noodles", priceMinor: 3200, originalPriceMinor: 4800 });
    const ann = h.user({ id: 2304, firstName: `${RLO}A${ZWSP}nn${PDF}`, languageCode: "en" });
    const { codes } = await purchase(h, ann, deal.id, 1);
    expect(only(await owner.send(`/start v-${codes[0]}`)).text).toBe(`🎟 Redeem ${shownCode(codes[0]!)}: Beef noodles (CN¥32), bought by Ann?`);
    // A name with nothing visible left is the user's number.
    const blank = h.user({ id: 2305, firstName: "\u3164", languageCode: "en" });
    const bought = await purchase(h, blank, deal.id, 1);
    expect(only(await owner.send(`/start v-${bought.codes[0]}`)).text).toContain("bought by #2305?");
  });
});
