// Following shops and saving deals from a deal's card, /following and /saved:
// what the user sees, and buttons that claim someone else's follows or saves.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Deal } from "../../src/domain/deal.js";
import { button, buttonTexts, callbackAnswer, createHarness, lastShown, only, type ApiCall } from "../support/bot-harness.js";
import { openSharedCard } from "../support/purchase.js";

const SHANGHAI = { lat: 31.2304, lng: 121.4737 };

describe("following a shop and saving a deal", () => {
  const h = createHarness();
  let dumplings: Deal;
  let noodles: Deal;
  let cafeShopId: number;

  beforeAll(async () => {
    const shop = await h.shop(701, { ...SHANGHAI, name: "Din & Tai", category: "food", address: "1 Nanjing Road" });
    cafeShopId = (await h.shop(702, { lat: SHANGHAI.lat + 0.01, lng: SHANGHAI.lng, name: "Corner Café", category: "cafe" })).id;
    dumplings = await h.publish(701, { title: "Dumplings half price", priceMinor: 1000, originalPriceMinor: 2000 });
    noodles = await h.publish(701, { title: "Noodles", priceMinor: 1800, originalPriceMinor: 2000 });
    expect(shop.id).toBe(dumplings.shopId);
  });
  afterAll(() => h.close());

  const flipped = (calls: ApiCall[]) => calls.find((c) => c.method === "editMessageReplyMarkup")!;

  it("follows and unfollows the shop from the card, the button flipping in place", async () => {
    const ann = h.user({ id: 711, firstName: "Ann", languageCode: "en" });
    const card = await openSharedCard(ann, dumplings.id);
    expect(buttonTexts(card)).toEqual(expect.arrayContaining(["🛒 Buy", "➕ Follow shop", "♡ Save"]));

    const follow = await ann.press(button(card, "➕ Follow shop"));
    expect(callbackAnswer(follow).text).toBe("You follow Din & Tai: its new offers will reach you wherever you are.");
    const after = flipped(follow);
    expect(buttonTexts(after)).toEqual(buttonTexts(card).map((t) => (t === "➕ Follow shop" ? "✓ Following" : t)));
    // Opened again, the card knows.
    const again = await openSharedCard(ann, noodles.id);
    expect(buttonTexts(again)).toContain("✓ Following");

    const unfollow = await ann.press(button(again, "✓ Following"));
    expect(callbackAnswer(unfollow).text).toBe("You no longer follow this shop.");
    expect(buttonTexts(flipped(unfollow))).toContain("➕ Follow shop");
    expect(only(await ann.send("/following")).text).toContain("You don't follow any shop yet.");
  });

  it("lists followed shops in /following: open a shop's offers, come back, unfollow", async () => {
    const ben = h.user({ id: 712, firstName: "Ben", languageCode: "en" });
    await ben.press(button(await openSharedCard(ben, dumplings.id), "➕ Follow shop"));
    await ben.press(`fo:${cafeShopId}:1`);

    const list = only(await ben.send("/following"));
    expect(list.text).toBe(
      [
        "🏪 Shops you follow (2). Their new offers come in your pushes.",
        "",
        "1. Corner Café · ☕ Cafés & drinks · no offer on sale",
        "2. Din & Tai · 🍜 Food · 2 offers on sale",
      ].join("\n"),
    );
    expect(buttonTexts(list)).toEqual(["1. Offers", "✖ Unfollow 1", "2. Offers", "✖ Unfollow 2", "✖ Close"]);

    const offers = lastShown(await ben.press(button(list, "2. Offers")));
    expect(offers.method).toBe("editMessageText");
    expect(offers.text).toBe(["🏪 Din & Tai", "📍 1 Nanjing Road", "2 offers on sale:", "", "1. Noodles: CN¥18 CN¥20 −10%", "2. Dumplings half price: CN¥10 CN¥20 −50%"].join("\n"));
    expect(buttonTexts(offers)).toEqual(["1", "2", "◀ Back", "✖ Unfollow"]);
    const card = lastShown(await ben.press(button(offers, "2")));
    expect(card.text).toContain("Dumplings half price");

    const back = lastShown(await ben.press(button(offers, "◀ Back")));
    expect(back.text).toBe(list.text);

    const removed = await ben.press(button(back, "✖ Unfollow 1"));
    expect(callbackAnswer(removed).text).toBe("You no longer follow Corner Café.");
    expect(lastShown(removed).text).toBe(["🏪 Shops you follow (1). Their new offers come in your pushes.", "", "1. Din & Tai · 🍜 Food · 2 offers on sale"].join("\n"));
  });

  it("saves and unsaves a deal from the card, and lists saved deals in /saved", async () => {
    const cy = h.user({ id: 713, firstName: "Cy", languageCode: "en" });
    const card = await openSharedCard(cy, noodles.id);
    const saved = await cy.press(button(card, "♡ Save"));
    expect(callbackAnswer(saved).text).toBe("♥ Saved: see /saved. I'll remind you once if it's about to end or sell out.");
    expect(buttonTexts(flipped(saved))).toContain("♥ Saved");

    const list = only(await cy.send("/saved"));
    expect(list.text).toMatch(/^♥ Your saved deals \(1\)\n\n1\. Noodles at Din & Tai: CN¥18 CN¥20 −10% · 50 left, until /);
    expect(buttonTexts(list)).toEqual(["1", "✖ 1", "✖ Close"]);
    const removed = await cy.press(button(list, "✖ 1"));
    expect(callbackAnswer(removed).text).toBe("Removed from your saved deals.");
    expect(lastShown(removed).text).toBe("♡ You have no saved deals. Tap ♡ Save on a deal's card to keep it here.");
  });

  it("speaks Chinese to a Chinese user", async () => {
    const mei = h.user({ id: 714, firstName: "美美", languageCode: "zh" });
    const card = await openSharedCard(mei, dumplings.id);
    expect(buttonTexts(card)).toEqual(expect.arrayContaining(["➕ 关注店铺", "♡ 收藏"]));
    await mei.press(button(card, "➕ 关注店铺"));
    expect(only(await mei.send("/following")).text).toContain("2 个在售优惠");
  });

  it("refuses buttons that claim another user's follows or saves, or a shop that cannot be followed", async () => {
    const owner = h.user({ id: 715, firstName: "Dee", languageCode: "en" });
    await owner.press(button(await openSharedCard(owner, dumplings.id), "➕ Follow shop"));
    await owner.press(button(await openSharedCard(owner, dumplings.id), "♡ Save"));
    const other = h.user({ id: 716, firstName: "Eve", languageCode: "en" });
    await other.send("/start");

    // Eve follows nothing: unfollowing, opening or unsaving Dee's ones changes nothing of Dee's.
    expect(callbackAnswer(await other.press(`flu:${dumplings.shopId}`))).toEqual({ text: "You don't follow this shop (any more). See /following.", alert: true });
    expect(callbackAnswer(await other.press(`fls:${dumplings.shopId}`))).toEqual({ text: "You don't follow this shop (any more). See /following.", alert: true });
    expect(callbackAnswer(await other.press(`svu:${dumplings.id}`))).toEqual({ text: "This deal is not among your saved deals any more.", alert: true });
    expect(only(await owner.send("/following")).text).toContain("Din & Tai");
    expect(only(await owner.send("/saved")).text).toContain("Dumplings half price");

    // A shop that does not exist, or a malformed button.
    expect(callbackAnswer(await other.press("fo:999999:1"))).toEqual({ text: "There is no such shop.", alert: true });
    expect(callbackAnswer(await other.press("sv:999999:1"))).toEqual({ text: "This offer doesn't exist any more.", alert: true });
    expect(callbackAnswer(await other.press("fo:abc:1")).alert).toBe(true);
    expect(only(await other.send("/following")).text).toContain("You don't follow any shop yet.");
  });

  it("shows the merchant the shop's followers in /stats: all of them, and the new ones of the period", async () => {
    const owner = h.user({ id: 701, firstName: "Owner", languageCode: "en" });
    const now = only(await owner.send("/stats"));
    const total = await h.db.db.shopFollow.count({ where: { shopId: dumplings.shopId } });
    expect(total).toBeGreaterThan(1);
    expect(now.text).toContain(`➕ Followers: ${total} (${total} new in the period)`);

    h.advance(10 * 86_400_000);
    const late = h.user({ id: 717, firstName: "Flo", languageCode: "en" });
    await late.press(button(await openSharedCard(late, dumplings.id), "➕ Follow shop"));
    const week = only(await owner.send("/stats"));
    expect(week.text).toContain(`➕ Followers: ${total + 1} (1 new in the period)`);
    expect(only(await owner.press(button(week, "All time"))).text).toContain(`➕ Followers: ${total + 1} (${total + 1} new in the period)`);
  });
});
