// A shop sells in the currency of its country, whatever DEFAULT_CURRENCY says;
// prices are typed with that currency's decimals, and the numbers never add
// two currencies into one.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { button, createHarness, lastShown, only } from "../support/bot-harness.js";
import { dealRow, orderRow } from "./fixtures.js";

const SHANGHAI = { lat: 31.2304, lng: 121.4737 };
const TOKYO = { lat: 35.6812, lng: 139.7671 };
const HONG_KONG = { lat: 22.2819, lng: 114.1582 };
const AT_SEA = { lat: -30, lng: -30 };

describe("a shop's currency", () => {
  let h: ReturnType<typeof createHarness>;
  beforeAll(() => {
    // The operator left the default at US dollars.
    h = createHarness({ currency: "USD", now: new Date("2026-05-04T09:00:00Z") });
  });
  afterAll(() => h.close());

  it("follows the country of the pin, and the shop's offers take it", async () => {
    expect((await h.shop(1101, SHANGHAI)).currency).toBe("CNY");
    expect((await h.shop(1102, TOKYO)).currency).toBe("JPY");
    expect((await h.shop(1103, HONG_KONG)).currency).toBe("HKD");
    expect((await h.shop(1104, AT_SEA)).currency).toBe("USD");

    const owner = h.user({ id: 1101, firstName: "Wei", languageCode: "en" });
    const preview = lastShown(await owner.send("/newdeal Dumplings | 23.30 | 30 | 10 | 7"));
    expect(preview.text).toContain("CN¥23.30");
    await owner.press(button(preview, "✅ Publish"));
    expect(await h.db.db.deal.findFirstOrThrow({ where: { title: "Dumplings" } })).toMatchObject({ currency: "CNY", priceMinor: 2330 });
  });

  it("asks for prices with the currency's decimals: none for yen", async () => {
    const owner = h.user({ id: 1102, firstName: "Aki", languageCode: "en" });
    await owner.send("/newdeal");
    await owner.send("Ramen set");
    await owner.send("/skip");
    const price = only(await owner.send("/skip"));
    expect(price.text).toBe("💰 The price customers pay, in JPY (e.g. 990; 0 for a free coupon):");
    expect(only(await owner.send("9.50")).text).toBe("Please send a price like 1250 (no decimals), not negative.");
    expect(only(await owner.send("¥990")).text).toBe("🏷 The usual price, in JPY (above ¥990):");

    const zh = h.user({ id: 1102, firstName: "Aki", languageCode: "zh-hans" });
    expect(only(await zh.send("12.5")).text).toBe("请发送类似 1250 的价格（不带小数），不能为负数。");
  });

  it("sums each currency on its own in /stats", async () => {
    const shop = await h.db.repos.shops.findByOwner(1101n);
    // An offer posted in dollars before the shop had a currency of its own.
    const old = await h.db.db.deal.create({ data: { ...dealRow(shop!, { title: "Old offer" }), currency: "USD" } });
    const cny = await h.db.db.deal.findFirstOrThrow({ where: { title: "Dumplings" } });
    await h.db.repos.users.ensure({ id: 1111, firstName: "Buyer" });
    const paid = "2026-05-04T03:00:00Z";
    await h.db.db.order.create({ data: { ...orderRow(1111n, old.id, 1000, 2000, { status: "PAID", source: "nearby", createdAt: paid, paidAt: paid }), currency: "USD" } });
    await h.db.db.order.create({ data: orderRow(1111n, cny.id, 23300, 30000, { status: "PAID", source: "nearby", createdAt: paid, paidAt: paid }) });

    const owner = h.user({ id: 1101, firstName: "Wei", languageCode: "en" });
    const stats = only(await owner.send("/stats"));
    expect(stats.text).toContain("💰 Revenue: CN¥233 + $10 · refunds: 0 (CN¥0)");
    expect(stats.text).toContain("📍 Nearby: 0 seen · 0 opened · 0 pushed · 2 bought · CN¥233 + $10");
    expect(stats.text).not.toContain("243");
  });

  it("is filled in from the pin at start for shops registered before shops had one", async () => {
    await h.db.repos.users.ensure({ id: 1121, firstName: "Old" });
    await h.db.repos.users.ensure({ id: 1122, firstName: "Sailor" });
    const before = { category: "food", address: "1 Road", openingHours: "9–21", status: "APPROVED" };
    await h.db.db.shop.create({ data: { ownerId: 1121n, name: "Old shop", ...SHANGHAI, ...before } });
    await h.db.db.shop.create({ data: { ownerId: 1122n, name: "Boat", ...AT_SEA, ...before } });
    expect((await h.db.repos.shops.findByOwner(1121n))!.currency).toBe("XXX");

    expect(await h.services.shops.settleCurrencies()).toBe(2);
    expect((await h.db.repos.shops.findByOwner(1121n))!.currency).toBe("CNY");
    expect((await h.db.repos.shops.findByOwner(1122n))!.currency).toBe("USD");
    expect(await h.services.shops.settleCurrencies()).toBe(0);
  });
});
