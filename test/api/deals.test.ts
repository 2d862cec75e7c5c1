// The Mini App finds deals as the chat does, over real HTTP: the same
// ranking, filters and plain-words reading, with money in the user's language.
import { afterAll, beforeAll, expect, it } from "vitest";
import { describeEachDatabase } from "../support/databases.js";
import { MiniAppClient } from "../support/mini-app-client.js";
import { serveApp, TOKEN, type ServingApp } from "../support/serving-app.js";

const HERE = { lat: 31.2304, lng: 121.4737 };
const OWNER = 9001;
const BUYER = { id: 5001, firstName: "Mei", languageCode: "zh-hans" };

describeEachDatabase("the Mini App's deals", (open) => {
  let serving: ServingApp;
  let mei: MiniAppClient;
  let coffeeId: number;
  let hotpotId: number;

  beforeAll(async () => {
    serving = await serveApp({ database: open, env: { PORT: "0" } });
    const { services, repos } = serving.app;
    await repos.users.ensure({ id: OWNER, firstName: "Owner" });
    await services.shops.register(BigInt(OWNER), { name: "Bean Bar", category: "cafe", address: "1 Nanjing Rd", openingHours: "8-20", lat: HERE.lat + 0.002, lng: HERE.lng });
    const base = { description: "Good", quantity: 20, perPersonLimit: 2, days: 7, voucherValidDays: 30 };
    coffeeId = (await services.deals.publish(BigInt(OWNER), { ...base, title: "Latte for two", priceMinor: 1500, originalPriceMinor: 3000 })).id;
    hotpotId = (await services.deals.publish(BigInt(OWNER), { ...base, title: "Hotpot set", priceMinor: 9900, originalPriceMinor: 12000 })).id;
    mei = MiniAppClient.as(serving.app.httpUrl!, BUYER, TOKEN);
  });
  afterAll(() => serving.close());

  it("tells the app who the user is, creating them as the chat would, with no location yet and no shop", async () => {
    const { status, body } = await mei.get("/api/me");
    expect(status).toBe(200);
    expect(body).toEqual({ user: { id: "5001", firstName: "Mei", locale: "zh" }, location: null, shops: [] });
    const owner = await MiniAppClient.as(serving.app.httpUrl!, { id: OWNER, firstName: "Owner" }, TOKEN).get("/api/me");
    expect(owner.body.shops).toEqual([{ id: expect.any(Number), name: "Bean Bar", role: "owner" }]);
  });

  it("lists the deals around a point, nearest first, money written in the user's language", async () => {
    const { status, body } = await mei.get(`/api/deals?lat=${HERE.lat}&lng=${HERE.lng}`);
    expect(status).toBe(200);
    expect(body.deals.map((d: { title: string }) => d.title).sort()).toEqual(["Hotpot set", "Latte for two"]);
    const latte = body.deals.find((d: { id: number }) => d.id === coffeeId);
    expect(latte).toMatchObject({
      category: "cafe",
      price: { minor: 1500, currency: "CNY", text: "¥15" },
      usualPrice: { minor: 3000, currency: "CNY", text: "¥30" },
      discountPercent: 50,
      stockLeft: 20,
      shop: { name: "Bean Bar" },
      photoUrl: null,
    });
    expect(latte.distanceM).toBeGreaterThan(200);
    expect(latte.distanceM).toBeLessThan(250);
  });

  it("narrows by price and by plain words, as the chat reads them", async () => {
    const cheap = await mei.get(`/api/deals?lat=${HERE.lat}&lng=${HERE.lng}&maxPrice=20`);
    expect(cheap.body.deals.map((d: { id: number }) => d.id)).toEqual([coffeeId]);
    // "latte" reads as a cafe and the keyword, as in the chat: the hotpot goes.
    const words = await mei.get(`/api/deals?lat=${HERE.lat}&lng=${HERE.lng}&q=${encodeURIComponent("latte")}`);
    expect(words.body.deals.map((d: { id: number }) => d.id)).toEqual([coffeeId]);
    const both = await mei.get(`/api/deals?lat=${HERE.lat}&lng=${HERE.lng}&q=set`);
    expect(both.body.deals.map((d: { id: number }) => d.id)).toEqual([hotpotId]);
    const elsewhere = await mei.get(`/api/deals?lat=${HERE.lat}&lng=${HERE.lng}&category=beauty`);
    expect(elsewhere.body.deals).toEqual([]);
  });

  it("keeps to the radius asked, each deal at its own distance, the nearer first when all else is equal", async () => {
    // Three shops north of a point in Paris, far from the others, with the same offer.
    const PARIS = { lat: 48.8566, lng: 2.3522 };
    const { services, repos } = serving.app;
    const ids: number[] = [];
    for (const [i, north] of [0.003, 0.027, 0.072].entries()) {
      const owner = 9011 + i;
      await repos.users.ensure({ id: owner, firstName: `Baker ${i}` });
      await services.shops.register(BigInt(owner), { name: `Bakery ${i}`, category: "food", address: "Rue", openingHours: "", lat: PARIS.lat + north, lng: PARIS.lng });
      ids.push((await services.deals.publish(BigInt(owner), { description: "", quantity: 5, perPersonLimit: 1, days: 7, voucherValidDays: 30, title: "Croissant", priceMinor: 100, originalPriceMinor: 200 })).id);
    }
    const within = async (radiusKm?: number) => {
      const { status, body } = await mei.get(`/api/deals?lat=${PARIS.lat}&lng=${PARIS.lng}${radiusKm ? `&radiusKm=${radiusKm}` : ""}`);
      expect(status).toBe(200);
      return body.deals.map((d: { id: number; distanceM: number }) => [d.id, Math.round(d.distanceM / 100) * 100]);
    };
    expect(await within(0.5)).toEqual([[ids[0], 300]]);
    expect(await within()).toEqual([
      [ids[0], 300],
      [ids[1], 3000],
    ]);
    expect(await within(10)).toEqual([
      [ids[0], 300],
      [ids[1], 3000],
      [ids[2], 8000],
    ]);
  });

  it("opens a deal's page with the shop, the sale's end in the shop's time and a route", async () => {
    const { status, body } = await mei.get(`/api/deals/${coffeeId}`);
    expect(status).toBe(200);
    expect(body).toMatchObject({
      id: coffeeId,
      title: "Latte for two",
      description: "Good",
      perPersonLimit: 2,
      onSale: true,
      photos: [],
      shop: { name: "Bean Bar", address: "1 Nanjing Rd", hours: "8-20", distanceM: null },
    });
    expect(body.refundPolicyText).toMatch(/退/);
    expect(body.endsAtLocal).toMatch(/2026|20\d\d/);
    expect(body.routeUrl).toMatch(/^https:\/\/www\.openstreetmap\.org\/directions\?/);
  });

  it("answers an unknown deal with 404 and bad input with 400 naming the field", async () => {
    expect(await mei.get("/api/deals/999999")).toEqual({ status: 404, body: { error: { code: "deal-not-found" } } });
    expect(await mei.get("/api/deals/abc")).toEqual({ status: 400, body: { error: { code: "bad-request", field: "id" } } });
    expect(await mei.get(`/api/deals?lng=${HERE.lng}`)).toEqual({ status: 400, body: { error: { code: "bad-request", field: "lat" } } });
    expect(await mei.get(`/api/deals?lat=${HERE.lat}&lng=200`)).toEqual({ status: 400, body: { error: { code: "bad-request", field: "lng" } } });
    expect((await mei.get(`/api/deals?lat=1&lng=1&radiusKm=7`)).body).toEqual({ error: { code: "bad-request", field: "radiusKm" } });
    expect((await mei.get(`/api/deals?lat=1&lng=1&category=cars`)).body).toEqual({ error: { code: "bad-request", field: "category" } });
    expect((await mei.get(`/api/deals?lat=1&lng=1&maxPrice=-3`)).body).toEqual({ error: { code: "bad-request", field: "maxPrice" } });
    expect((await mei.get(`/api/deals?lat=1&lng=1&page=x`)).body).toEqual({ error: { code: "bad-request", field: "page" } });
    // An empty value is no value: not the middle of the Gulf of Guinea (0, 0).
    expect(await mei.get(`/api/deals?lat=&lng=`)).toEqual({ status: 400, body: { error: { code: "bad-request", field: "lat" } } });
    expect((await mei.get(`/api/deals?lat=%20&lng=1`)).body).toEqual({ error: { code: "bad-request", field: "lat" } });
    expect((await mei.get(`/api/deals?lat=${HERE.lat}&lng=${HERE.lng}&page=&maxPrice=`)).status).toBe(200);
  });

  it("keeps a user's answers out of every cache, while the public texts may be kept", async () => {
    for (const path of ["/api/me", "/api/vouchers", `/api/deals?lat=${HERE.lat}&lng=${HERE.lng}`, `/api/deals/${hotpotId}`, "/api/deals/999999"]) {
      expect((await mei.raw(path)).headers.get("cache-control"), path).toBe("private, no-store");
    }
    expect((await mei.raw("/api/i18n/en")).headers.get("cache-control")).toBe("public, max-age=300");
  });

  it("serves the texts of each language, without launch data", async () => {
    const response = await MiniAppClient.withHeader(serving.app.httpUrl!, undefined).raw("/api/i18n/zh");
    expect(response.status).toBe(200);
    expect(await response.text()).toMatch(/^error-deal-sold-out = /m);
    expect((await MiniAppClient.withHeader(serving.app.httpUrl!, undefined).get("/api/i18n/fr")).body).toEqual({ error: { code: "bad-request", field: "locale" } });
  });
});
