// Numbers and prices as a user reads them: one of something is singular, a
// free coupon is free, a discount is the nearest whole percent, in English and
// in Chinese.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Deal } from "../../src/domain/deal.js";
import { button, createHarness, lastShown, only } from "../support/bot-harness.js";
import { purchase, shownCode } from "../support/purchase.js";

const HERE = { lat: 31.2304, lng: 121.4737 };
/** Far from HERE, with a single deal around it. */
const ALONE = { lat: 64.1466, lng: -21.9426 };
const OWNER = 2201;

describe("numbers and prices in words", () => {
  const h = createHarness();
  let oolong: Deal;
  let free: Deal;

  beforeAll(async () => {
    await h.shop(OWNER, { ...HERE, name: "Tea House" });
    oolong = await h.publish(OWNER, {
      title: "Oolong pot",
      priceMinor: 1000,
      originalPriceMinor: 3000,
      quantity: 10,
      perPersonLimit: 1,
      voucherValidDays: 1,
    });
    free = await h.publish(OWNER, { title: "Free tea", priceMinor: 0, originalPriceMinor: 800, quantity: 10, perPersonLimit: 1 });
    await h.shop(2202, { ...ALONE, name: "Lava Bakery" });
    await h.publish(2202, { title: "Rye bread", priceMinor: 500, originalPriceMinor: 1000 });
  });
  afterAll(() => h.close());

  const lineOf = (text: string, title: string) => text.split("\n").find((l) => l.includes(title));

  it("shows a free coupon as free, not as 0 at −100%, in the list and on its card", async () => {
    const ann = h.user({ id: 2211, firstName: "Ann", languageCode: "en" });
    const list = only(await ann.location(HERE.lat, HERE.lng));
    expect(lineOf(list.text, "Free tea")).toMatch(/^\d\. Free tea: free CN¥8 · 0 m$/);
    const card = await ann.openDeal(free.id, HERE);
    expect(lineOf(card.text, "💰")).toBe("💰 free instead of CN¥8");

    const mei = h.user({ id: 2212, firstName: "美美", languageCode: "zh" });
    expect(lineOf((await mei.openDeal(free.id, HERE)).text, "💰")).toBe("💰 免费 原价 ¥8");
  });

  it("rounds a discount to the nearest percent: CN¥10 instead of CN¥30 is −67%", async () => {
    const ann = h.user({ id: 2211, firstName: "Ann", languageCode: "en" });
    expect(lineOf(only(await ann.location(HERE.lat, HERE.lng)).text, "Oolong pot")).toMatch(/^\d\. Oolong pot: CN¥10 CN¥30 −67% · 0 m$/);
    expect(lineOf((await ann.openDeal(oolong.id, HERE)).text, "💰")).toBe("💰 CN¥10 instead of CN¥30 (−67%)");
  });

  it("says a voucher valid for one day is valid 1 day", async () => {
    const ann = h.user({ id: 2211, firstName: "Ann", languageCode: "en" });
    expect((await ann.openDeal(oolong.id, HERE)).text).toContain("Up to 1 per person · vouchers valid 1 day after purchase");
    const mei = h.user({ id: 2212, firstName: "美美", languageCode: "zh" });
    expect((await mei.openDeal(oolong.id, HERE)).text).toContain("每人限购 1 份 · 券码购买后 1 天内有效");
  });

  it("asks to refund the unused voucher, and the owner reads 1 voucher sold, in the offer's panel", async () => {
    const bob = h.user({ id: 2213, firstName: "Bob", languageCode: "en" });
    const { orderId, voucherIds, codes } = await purchase(h, bob, oolong.id, 1);
    const shown = only(await bob.press(`vc:${voucherIds[0]}`));
    expect(only(await bob.press(button(shown, "↩️ Refund"))).text).toBe(
      `↩️ Refund 1 unused voucher of Oolong pot (order #${orderId}) for CN¥10? This code stops working at once:\n${shownCode(codes[0]!)}`,
    );

    const owner = h.user({ id: OWNER, firstName: "Olga", languageCode: "en" });
    const offers = only(await owner.send("/mydeals"));
    const panel = only(await owner.press(button(offers, lineNumber(offers.text, "Oolong pot"))));
    expect(panel.text).toContain("🧾 1 voucher sold · CN¥10");
  });

  it("the free coupon's owner panel shows its price as free", async () => {
    const owner = h.user({ id: OWNER, firstName: "Olga", languageCode: "en" });
    const offers = only(await owner.send("/mydeals"));
    const panel = only(await owner.press(button(offers, lineNumber(offers.text, "Free tea"))));
    expect(panel.text).toContain("💰 free (usual CN¥8)");
  });

  it("a filtered search among a single deal speaks of one deal", async () => {
    const cy = h.user({ id: 2214, firstName: "Cy", languageCode: "en" });
    await cy.location(ALONE.lat, ALONE.lng);
    expect(lastShown(await cy.send("rye bread")).text.split("\n")[1]).toBe("📍 Filtered search: 1 of the one deal within 5 km · All categories");
    expect(lastShown(await cy.send("sushi")).text).toContain("😶 The one deal within 5 km · 🍜 Food doesn't match. Try a wider radius, or drop a filter.");
  });

  it("says no quiet hours as none", async () => {
    const dee = h.user({ id: 2215, firstName: "Dee", languageCode: "en" });
    await dee.send("/subscribe");
    let screen = lastShown(await dee.location(HERE.lat, HERE.lng));
    screen = lastShown(await dee.press(button(screen, "No quiet hours")));
    expect(screen.text).toMatch(/^Quiet hours: none$/m);
    expect(screen.text).not.toContain("local time");
    const zh = h.user({ id: 2216, firstName: "小周", languageCode: "zh" });
    await zh.send("/subscribe");
    screen = lastShown(await zh.location(HERE.lat, HERE.lng));
    screen = lastShown(await zh.press(button(screen, "无免打扰")));
    expect(screen.text).toMatch(/免打扰：无$/m);
  });
});

/** The list number of the line with this title ("2. <b>Free tea</b> · …" → "2"). */
function lineNumber(text: string, title: string): string {
  const line = text.split("\n").find((l) => l.includes(title));
  const n = line && /^(\d+)\./.exec(line)?.[1];
  if (!n) throw new Error(`no numbered line with ${title} in:\n${text}`);
  return n;
}
