// The Mini App shows a shop's rating on its deals and its page of reviews,
// and counts a "helpful" vote once per user, over real HTTP.
import { afterAll, beforeAll, expect, it } from "vitest";
import { describeEachDatabase } from "../support/databases.js";
import { MiniAppClient } from "../support/mini-app-client.js";
import { serveApp, TOKEN, type ServingApp } from "../support/serving-app.js";

const HERE = { lat: 31.2304, lng: 121.4737 };
const OWNER = 9101;

describeEachDatabase("reviews in the Mini App", (open) => {
  let serving: ServingApp;
  let mei: MiniAppClient;
  let dealId: number;
  let shopId: number;
  let reviewIds: number[];

  beforeAll(async () => {
    serving = await serveApp({ database: open, env: { PORT: "0" } });
    const { services, repos } = serving.app;
    await repos.users.ensure({ id: OWNER, firstName: "Owner" });
    await repos.users.ensure({ id: 5102, firstName: "Kai" });
    const { shop } = await services.shops.register(BigInt(OWNER), { name: "Bean Bar", category: "cafe", address: "1 Nanjing Rd", openingHours: "8-20", lat: HERE.lat, lng: HERE.lng });
    shopId = shop.id;
    const deal = await services.deals.publish(BigInt(OWNER), { title: "Latte for two", description: "", priceMinor: 1500, originalPriceMinor: 3000, quantity: 20, perPersonLimit: 2, days: 7, voucherValidDays: 30 });
    dealId = deal.id;
    const write = (i: number, stars: number, text: string, photos: string[]) =>
      repos.reviews.create({ voucherId: 300_000 + i, shopId, dealId, authorId: 5102n, stars, quality: i === 1 ? 5 : null, service: null, value: null, text, photos }, new Date(Date.now() - (3 - i) * 60_000));
    reviewIds = [(await write(1, 5, "Great coffee", ["file-a", "file-b"]))!.id, (await write(2, 4, "Good", []))!.id, (await write(3, 1, "Rude", []))!.id];
    await services.reviews.hide(1n, reviewIds[2]!, "Insults");
    mei = MiniAppClient.as(serving.app.httpUrl!, { id: 5101, firstName: "Mei", languageCode: "en" }, TOKEN);
  });
  afterAll(() => serving.close());

  it("shows the shop's rating and count on its deals, hidden reviews left out", async () => {
    const list = await mei.get(`/api/deals?lat=${HERE.lat}&lng=${HERE.lng}`);
    expect(list.body.deals[0].shop).toEqual({ id: shopId, name: "Bean Bar", rating: 4.5, reviews: 2 });
    const page = await mei.get(`/api/deals/${dealId}`);
    expect(page.body.shop).toMatchObject({ id: shopId, rating: 4.5, reviews: 2 });
  });

  it("lists the visible reviews newest first or most helpful first, with photo paths", async () => {
    const newest = await mei.get(`/api/shops/${shopId}/reviews`);
    expect(newest.status).toBe(200);
    expect(newest.body.shop).toEqual({ id: shopId, name: "Bean Bar", address: "1 Nanjing Rd", rating: 4.5, reviews: 2, following: false });
    expect(newest.body.reviews.map((r: { text: string }) => r.text)).toEqual(["Good", "Great coffee"]);
    expect(newest.body.reviews[1]).toMatchObject({
      stars: 5,
      quality: 5,
      service: null,
      author: "Kai",
      dealTitle: "Latte for two",
      photos: [`/api/photos/review/${reviewIds[0]}/0`, `/api/photos/review/${reviewIds[0]}/1`],
    });
    expect((await mei.post(`/api/reviews/${reviewIds[0]}/helpful`)).body).toEqual({ counted: true });
    expect((await mei.post(`/api/reviews/${reviewIds[0]}/helpful`)).body).toEqual({ counted: false });
    const helpful = await mei.get(`/api/shops/${shopId}/reviews?order=helpful`);
    expect(helpful.body.reviews.map((r: { text: string; helpful: number }) => [r.text, r.helpful])).toEqual([
      ["Great coffee", 1],
      ["Good", 0],
    ]);
  });

  it("answers a hidden review's vote with 404, and bad input with 400", async () => {
    expect((await mei.post(`/api/reviews/${reviewIds[2]}/helpful`)).status).toBe(404);
    expect((await mei.get(`/api/photos/review/${reviewIds[2]}/0`)).status).toBe(404);
    expect((await mei.get(`/api/shops/${shopId}/reviews?order=best`)).status).toBe(400);
    expect((await mei.get(`/api/shops/999999/reviews`)).status).toBe(404);
  });
});
