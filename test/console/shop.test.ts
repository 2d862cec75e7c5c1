// /shop: the owner sees and edits the shop's details; a new pin or category
// moves the offers with it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { offsetMeters } from "../../src/seed/random.js";
import { button, buttonTexts, callbackAnswer, createHarness, only, shown } from "../support/bot-harness.js";

const HERE = { lat: 31.2304, lng: 121.4737 };
const OWNER = 771;

describe("editing the shop with /shop", () => {
  let h: ReturnType<typeof createHarness>;
  let dealId: number;
  const shop = async () => (await h.db.repos.shops.findByOwner(BigInt(OWNER)))!;
  const owner = () => h.user({ id: OWNER, firstName: "Olga", languageCode: "en" });

  beforeAll(async () => {
    h = createHarness();
    await h.shop(OWNER, { ...HERE, name: "Old Name", address: "1 Old Road", openingHours: "9–17" });
    dealId = (await h.publish(OWNER, { title: "Soup" })).id;
  });
  afterAll(() => h.close());

  it("shows the details with a button per field", async () => {
    const screen = only(await owner().send("/shop"));
    expect(screen.text).toBe(
      ["🏪 Old Name · 🍜 Food · approved", "📍 1 Old Road (31.23040, 121.47370)", "🕘 9–17", "📷 no photo", "🔔 Daily summary: on"].join("\n"),
    );
    expect(buttonTexts(screen)).toEqual(["✏️ Name", "🏷 Category", "📍 Pin", "✉️ Address", "🕘 Hours", "📷 Photo", "🔕 Stop daily summaries", "✖ Close"]);
  });

  it("renames the shop, checking the answer", async () => {
    const ask = only(await owner().press(button(only(await owner().send("/shop")), "✏️ Name")));
    expect(buttonTexts(ask)).toEqual(["◀ Back", "✖ Cancel"]);
    expect(only(await owner().send("x".repeat(65))).text).toBe("That's too long: at most 64 characters, please.");
    const [saved, screen] = shown(await owner().send("New Name"));
    expect(saved!.text).toBe("✅ Saved.");
    expect(screen!.text.split("\n")[0]).toBe("🏪 New Name · 🍜 Food · approved");
  });

  it("returns to the details, unchanged, with Back on any question; Cancel leaves the edit", async () => {
    const screen = only(await owner().send("/shop"));
    for (const field of ["✏️ Name", "🏷 Category", "📍 Pin", "✉️ Address", "🕘 Hours", "📷 Photo"]) {
      const ask = only(await owner().press(button(screen, field)));
      expect(buttonTexts(ask).slice(-2)).toEqual(["◀ Back", "✖ Cancel"]);
      const back = only(await owner().press(button(ask, "◀ Back")));
      expect([back.text, buttonTexts(back)]).toEqual([screen.text, buttonTexts(screen)]);
    }
    const ask = only(await owner().press(button(screen, "✉️ Address")));
    expect(only(await owner().press(button(ask, "✖ Cancel"))).text).toBe("Cancelled. Nothing was saved.");
    expect(only(await owner().send("9 Somewhere Road")).text).not.toBe("✅ Saved.");
    expect((await shop()).address).toBe("1 Old Road");
  });

  it("moves the pin and the category, and the offers with them", async () => {
    const moved = offsetMeters(HERE.lat, HERE.lng, 20_000, 0);
    await owner().press(button(only(await owner().send("/shop")), "📍 Pin"));
    await owner().location(moved.lat, moved.lng);
    const category = only(await owner().press(button(only(await owner().send("/shop")), "🏷 Category")));
    await owner().press(button(category, "☕ Cafés & drinks"));
    expect(await shop()).toMatchObject({ lat: moved.lat, lng: moved.lng, category: "cafe" });
    expect(await h.db.db.deal.findUniqueOrThrow({ where: { id: dealId } })).toMatchObject({ lat: moved.lat, lng: moved.lng, category: "cafe" });
    const near = (point: { lat: number; lng: number }) => h.services.nearby.search({ point, radiusM: 1000 });
    expect((await near(HERE)).map((d) => d.id)).not.toContain(dealId);
    expect((await near(moved)).map((d) => d.id)).toContain(dealId);
    expect((await h.services.nearby.search({ point: moved, radiusM: 1000, category: "cafe" })).map((d) => d.id)).toContain(dealId);
  });

  it("sets the address, the hours and a photo", async () => {
    await owner().press(button(only(await owner().send("/shop")), "✉️ Address"));
    await owner().send("2 New Road");
    await owner().press(button(only(await owner().send("/shop")), "🕘 Hours"));
    await owner().send("10–22");
    await owner().press(button(only(await owner().send("/shop")), "📷 Photo"));
    expect(only(await owner().send("a photo?")).text).toBe("Please send a photo.");
    await owner().photo("AgACAgShopFront");
    expect(await shop()).toMatchObject({ address: "2 New Road", openingHours: "10–22", photoFileId: "AgACAgShopFront" });
  });

  it("turns the daily summary off from the screen, keeping the other buttons", async () => {
    const screen = only(await owner().send("/shop"));
    const calls = await owner().press(button(screen, "🔕 Stop daily summaries"));
    expect(callbackAnswer(calls).text).toBe("🔕 No more daily summaries. /summary on brings them back.");
    expect(buttonTexts(only(calls))).toContain("🔔 Daily summaries again");
    expect(buttonTexts(only(calls))).toContain("✏️ Name");
    expect(only(await owner().send("/shop")).text).toContain("🔕 Daily summary: off");
  });

  it("is only for the owner", async () => {
    const eve = h.user({ id: 779, firstName: "Eve", languageCode: "en" });
    expect(only(await eve.send("/shop")).text).toBe("Only merchants can do this. Register your shop first with /register.");
    expect(callbackAnswer(await eve.press("sh:name")).text).toBe("Only merchants can do this. Register your shop first with /register.");
    expect(await h.db.repos.forms.get(779n)).toBeNull();
  });
});
