// A shop's page in the Mini App lists the shop's offers on sale now, over
// real HTTP: the map's own list items, and nothing of an offer off sale or of
// a shop that is not open. The shop's id comes from the app: it is only a claim.
import { afterAll, beforeAll, expect, it } from "vitest";
import { DealStatus, ShopStatus } from "../../src/domain/lifecycles.js";
import { describeEachDatabase } from "../support/databases.js";
import { MiniAppClient } from "../support/mini-app-client.js";
import { serveApp, TOKEN, type ServingApp } from "../support/serving-app.js";

const HERE = { lat: 31.2304, lng: 121.4737 };
const OWNER = 9201;
const OTHER_OWNER = 9202;

describeEachDatabase("a shop's offers in the Mini App", (open) => {
  let serving: ServingApp;
  let mei: MiniAppClient;
  let kai: MiniAppClient;
  let shopId: number;
  let latteId: number;
  let cakeId: number;
  let closedShopId: number;

  beforeAll(async () => {
    serving = await serveApp({ database: open, env: { PORT: "0" } });
    const { services, repos } = serving.app;
    await repos.users.ensure({ id: OWNER, firstName: "Owner" });
    await repos.users.ensure({ id: OTHER_OWNER, firstName: "Other" });
    const place = { category: "cafe" as const, address: "1 Nanjing Rd", openingHours: "8-20", lat: HERE.lat + 0.002, lng: HERE.lng };
    shopId = (await services.shops.register(BigInt(OWNER), { name: "Bean Bar", ...place })).shop.id;
    const base = { description: "Good", quantity: 20, perPersonLimit: 2, days: 7, voucherValidDays: 30 };
    const publish = (owner: number, title: string, priceMinor: number) => services.deals.publish(BigInt(owner), { ...base, title, priceMinor, originalPriceMinor: priceMinor * 2 });
    latteId = (await publish(OWNER, "Latte for two", 1500)).id;
    cakeId = (await publish(OWNER, "Cheesecake", 2000)).id;
    // Off sale, each in its own way: paused, ended, and past its end before the nightly job ends it.
    const paused = await publish(OWNER, "Paused muffin", 1000);
    await repos.deals.setStatus(paused.id, [DealStatus.ACTIVE], DealStatus.PAUSED);
    const ended = await publish(OWNER, "Ended tea", 800);
    await repos.deals.setStatus(ended.id, [DealStatus.ACTIVE], DealStatus.ENDED);
    const lapsed = await publish(OWNER, "Lapsed scone", 900);
    await repos.deals.setEndsAt(lapsed.id, new Date(Date.now() - 60_000));

    // A shop suspended after publishing: its offers are still ACTIVE in the table.
    closedShopId = (await services.shops.register(BigInt(OTHER_OWNER), { name: "Shut Shop", ...place })).shop.id;
    await publish(OTHER_OWNER, "Hidden bagel", 1200);
    await repos.shops.setStatus(closedShopId, ShopStatus.APPROVED, ShopStatus.SUSPENDED);

    mei = MiniAppClient.as(serving.app.httpUrl!, { id: 5201, firstName: "Mei", languageCode: "zh-hans" }, TOKEN);
    kai = MiniAppClient.as(serving.app.httpUrl!, { id: 5202, firstName: "Kai", languageCode: "en" }, TOKEN);
  });
  afterAll(() => serving.close());

  it("lists the shop's offers on sale now as the map lists them, and none off sale", async () => {
    const { status, body } = await mei.get(`/api/shops/${shopId}/deals`);
    expect(status).toBe(200);
    expect(body.deals.map((d: { title: string }) => d.title).sort()).toEqual(["Cheesecake", "Latte for two"]);
    // The same item as the map's list, field for field (Mei shared no location: no distance).
    const map = await mei.get(`/api/deals?lat=${HERE.lat}&lng=${HERE.lng}`);
    const onMap = map.body.deals.find((d: { id: number }) => d.id === latteId);
    expect(body.deals.find((d: { id: number }) => d.id === latteId)).toEqual({ ...onMap, distanceM: null });
    expect(onMap.price).toEqual({ minor: 1500, currency: "CNY", text: "¥15" });
    expect(Object.keys(body)).toEqual(["deals"]);
  });

  it("measures the distance from where the user last was, as the deal's page does", async () => {
    await serving.app.repos.users.ensure({ id: 5202, firstName: "Kai" });
    await serving.app.repos.users.setLocation(5202n, HERE.lat, HERE.lng, new Date());
    const { body } = await kai.get(`/api/shops/${shopId}/deals`);
    const cake = body.deals.find((d: { id: number }) => d.id === cakeId);
    expect(cake.distanceM).toBeGreaterThan(200);
    expect(cake.distanceM).toBeLessThan(250);
    expect(cake.price.text).toBe("CN¥20");
  });

  it("answers a shop that is not open, or does not exist, as the same 404, and a malformed id with 400", async () => {
    const notFound = { status: 404, body: { error: { code: "shop-not-found" } } };
    expect(await mei.get(`/api/shops/${closedShopId}/deals`)).toEqual(notFound);
    expect(await mei.get("/api/shops/999999/deals")).toEqual(notFound);
    // Nor does its page of reviews open: the page and its offers answer alike.
    expect(await mei.get(`/api/shops/${closedShopId}/reviews`)).toEqual(notFound);
    const pending = await serving.app.repos.shops.setStatus(shopId, ShopStatus.APPROVED, ShopStatus.PENDING);
    expect(pending).toBe(true);
    expect(await mei.get(`/api/shops/${shopId}/deals`)).toEqual(notFound);
    await serving.app.repos.shops.setStatus(shopId, ShopStatus.PENDING, ShopStatus.APPROVED);
    expect(await mei.get("/api/shops/abc/deals")).toEqual({ status: 400, body: { error: { code: "bad-request", field: "id" } } });
    expect((await MiniAppClient.withHeader(serving.app.httpUrl!, undefined).get(`/api/shops/${shopId}/deals`)).status).toBe(401);
  });
});
