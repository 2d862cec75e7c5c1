// Following shops and saving deals through the Mini App's API, over real
// HTTP: the same follows and saves as the chat's, the caller's own only.
import { afterAll, beforeAll, expect, it } from "vitest";
import { describeEachDatabase } from "../support/databases.js";
import { MiniAppClient } from "../support/mini-app-client.js";
import { serveApp, TOKEN, type ServingApp } from "../support/serving-app.js";

const HERE = { lat: 31.2304, lng: 121.4737 };
const OWNER = 9101;

describeEachDatabase("the Mini App's follows and saves", (open) => {
  let serving: ServingApp;
  let mei: MiniAppClient;
  let sam: MiniAppClient;
  let shopId: number;
  let dealId: number;

  beforeAll(async () => {
    serving = await serveApp({ database: open, env: { PORT: "0" } });
    const { services, repos } = serving.app;
    await repos.users.ensure({ id: OWNER, firstName: "Owner" });
    shopId = (await services.shops.register(BigInt(OWNER), { name: "Bean Bar", category: "cafe", address: "1 Nanjing Rd", openingHours: "8-20", ...HERE })).shop.id;
    const base = { description: "Good", quantity: 20, perPersonLimit: 2, days: 7, voucherValidDays: 30 };
    dealId = (await services.deals.publish(BigInt(OWNER), { ...base, title: "Latte for two", priceMinor: 1500, originalPriceMinor: 3000 })).id;
    mei = MiniAppClient.as(serving.app.httpUrl!, { id: 5101, firstName: "Mei", languageCode: "en" }, TOKEN);
    sam = MiniAppClient.as(serving.app.httpUrl!, { id: 5102, firstName: "Sam", languageCode: "en" }, TOKEN);
  });
  afterAll(() => serving.close());

  it("follows the shop and saves the deal, which the deal's page, /following and /saved then show", async () => {
    expect((await mei.get(`/api/deals/${dealId}`)).body).toMatchObject({ saved: false, shop: { id: shopId, following: false } });
    expect(await mei.put(`/api/shops/${shopId}/follow`)).toEqual({ status: 200, body: { following: true } });
    expect(await mei.put(`/api/deals/${dealId}/save`)).toEqual({ status: 200, body: { saved: true } });
    expect((await mei.get(`/api/deals/${dealId}`)).body).toMatchObject({ saved: true, shop: { following: true } });

    const following = await mei.get("/api/following");
    expect(following.body).toEqual({ shops: [{ id: shopId, name: "Bean Bar", category: "cafe", address: "1 Nanjing Rd", onSale: 1, followedAt: expect.any(String) }] });
    const saved = await mei.get("/api/saved");
    expect(saved.body.deals).toMatchObject([{ id: dealId, title: "Latte for two", onSale: true, price: { minor: 1500 } }]);
    // The chat sees the same follow.
    expect((await serving.app.services.follows.following(5101n)).map((f) => f.shop.id)).toEqual([shopId]);
  });

  it("changes only the caller's own: another user's unfollow and unsave leave Mei's as they were", async () => {
    expect(await sam.delete(`/api/shops/${shopId}/follow`)).toEqual({ status: 200, body: { following: false } });
    expect(await sam.delete(`/api/deals/${dealId}/save`)).toEqual({ status: 200, body: { saved: false } });
    expect((await sam.get("/api/following")).body).toEqual({ shops: [] });
    expect((await mei.get(`/api/deals/${dealId}`)).body).toMatchObject({ saved: true, shop: { following: true } });

    expect(await mei.delete(`/api/shops/${shopId}/follow`)).toEqual({ status: 200, body: { following: false } });
    expect(await mei.delete(`/api/deals/${dealId}/save`)).toEqual({ status: 200, body: { saved: false } });
    expect((await mei.get("/api/saved")).body).toEqual({ deals: [] });
  });

  it("refuses a shop or deal that does not exist, a malformed id, and a request without launch data", async () => {
    expect(await mei.put("/api/shops/999999/follow")).toEqual({ status: 404, body: { error: { code: "shop-not-found" } } });
    expect(await mei.put("/api/deals/999999/save")).toEqual({ status: 404, body: { error: { code: "deal-not-found" } } });
    expect(await mei.put("/api/shops/abc/follow")).toEqual({ status: 400, body: { error: { code: "bad-request", field: "id" } } });
    expect((await MiniAppClient.withHeader(serving.app.httpUrl!, undefined).put(`/api/shops/${shopId}/follow`)).status).toBe(401);
  });
});
