// With the Mini App served, the nearby list and every deal card offer to open
// it (the card at the deal's own page); without it, nothing changes.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buttons, createHarness, lastShown } from "../support/bot-harness.js";

const HERE = { lat: 31.2304, lng: 121.4737 };
const APP = "https://bot.example.com/app/";

describe("Open in app", () => {
  const withApp = createHarness({ miniAppUrl: APP });
  const without = createHarness();
  let dealId: number;

  beforeAll(async () => {
    for (const h of [withApp, without]) {
      await h.shop(401, { ...HERE, name: "Dumplings", category: "food" });
      dealId = (await h.publish(401, { title: "Soup dumplings" })).id;
    }
  });
  afterAll(async () => {
    await withApp.close();
    await without.close();
  });

  it("puts an Open in app button under the nearby list, in the user's language", async () => {
    const en = lastShown(await withApp.user({ id: 1, firstName: "Ann", languageCode: "en" }).location(HERE.lat, HERE.lng));
    expect(buttons(en).filter((b) => b.webApp)).toEqual([{ text: "🗺 Open in app", webApp: APP }]);
    const zh = lastShown(await withApp.user({ id: 2, firstName: "Li", languageCode: "zh" }).location(HERE.lat, HERE.lng));
    expect(buttons(zh).filter((b) => b.webApp)).toEqual([{ text: "🗺 在小程序中打开", webApp: APP }]);
  });

  it("opens a deal card's own page in the app", async () => {
    const card = await withApp.user({ id: 3, firstName: "Bo", languageCode: "en" }).openDeal(dealId, HERE);
    expect(buttons(card).filter((b) => b.webApp)).toEqual([{ text: "🗺 Open in app", webApp: `${APP}?deal=${dealId}` }]);
  });

  it("shows no such button when the app is not served", async () => {
    const list = lastShown(await without.user({ id: 4, firstName: "Cy", languageCode: "en" }).location(HERE.lat, HERE.lng));
    const card = await without.user({ id: 5, firstName: "Di", languageCode: "en" }).openDeal(dealId, HERE);
    expect([...buttons(list), ...buttons(card)].filter((b) => b.webApp)).toEqual([]);
  });
});
