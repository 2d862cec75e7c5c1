// The merchant's numbers count people and moments as the merchant would: a
// customer who keeps coming back is returning, and everything is dated by the
// service's clock (the sandbox moves it with :time), never by the database's.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { button, createHarness, only } from "../support/bot-harness.js";
import { purchase } from "../support/purchase.js";

const HERE = { lat: 31.2304, lng: 121.4737 };
const DAY = 86_400_000;

describe("a customer who buys six times in a week", () => {
  let h: ReturnType<typeof createHarness>;
  beforeAll(() => {
    // Monday 2026-05-04, 10:00 in Shanghai.
    h = createHarness({ now: new Date("2026-05-04T02:00:00Z") });
  });
  afterAll(() => h.close());

  it("is new once and returning after", async () => {
    await h.shop(951, HERE);
    const deal = await h.publish(951, { title: "Noodles", quantity: 100, perPersonLimit: 10, days: 30 });
    const ana = h.user({ id: 952, firstName: "Ana", languageCode: "en" });
    for (let i = 0; i < 6; i++) {
      await purchase(h, ana, deal.id);
      h.advance(DAY / 2);
    }
    const owner = h.user({ id: 951, firstName: "Olga", languageCode: "en" });
    const week = only(await owner.send("/stats"));
    expect(week.text).toContain("🧾 Invoices sent: 6 · purchases: 6 (6 vouchers)");
    expect(week.text).toContain("👥 Customers: 1 new, 1 returning");
    // Bo buys once: new, and not returning.
    await purchase(h, h.user({ id: 953, firstName: "Bo", languageCode: "en" }), deal.id);
    h.advance(60_000);
    expect(only(await owner.send("/stats")).text).toContain("👥 Customers: 2 new, 1 returning");
  });
});

describe("a service clock ahead of the machine's", () => {
  let h: ReturnType<typeof createHarness>;
  beforeAll(async () => {
    // Years ahead (10:00 in Shanghai), as the sandbox's clock after :time.
    h = createHarness({ now: new Date("2030-05-06T02:00:00Z") });
    await h.shop(961, { ...HERE, category: "cafe" });
    await h.publish(961, { title: "Oat latte", priceMinor: 1500, originalPriceMinor: 3000 });
  });
  afterAll(() => h.close());

  it("still answers a request that waits for the location", async () => {
    const eve = h.user({ id: 962, firstName: "Eve", languageCode: "en" });
    expect(only(await eve.send("latte")).text).toMatch(/Share your location/);
    h.advance(10 * 60_000);
    const results = only(await eve.location(HERE.lat, HERE.lng));
    expect(results.text.split("\n")[1]).toBe("📍 Filtered search: 1 of the one deal within 5 km · ☕ Cafés & drinks");
  });

  it("counts what customers saw and ordered today on that clock", async () => {
    const deal = (await h.db.db.deal.findFirstOrThrow({ where: { title: "Oat latte" } })).id;
    await purchase(h, h.user({ id: 963, firstName: "Fay", languageCode: "en" }), deal);
    h.advance(60_000);
    const owner = h.user({ id: 961, firstName: "Olga", languageCode: "en" });
    const today = only(await owner.press(button(only(await owner.send("/stats")), "Today")));
    expect(today.text).toContain("👀 Seen in lists: 1 · cards opened: 1");
    expect(today.text).toContain("🧾 Invoices sent: 1 · purchases: 1");
  });
});
