// A deal's photo reaches the app through the API, from Telegram's copy: the
// app gets a path, never a file id or the bot token.
import { afterAll, beforeAll, expect, it } from "vitest";
import { describeEachDatabase } from "../support/databases.js";
import { MiniAppClient } from "../support/mini-app-client.js";
import { serveApp, TOKEN, type ServingApp } from "../support/serving-app.js";

const PNG = Buffer.from("89504e470d0a1a0a0000000d4948445200000001000000010806000000", "hex");

describeEachDatabase("deal photos in the Mini App", (open) => {
  let serving: ServingApp;
  let mei: MiniAppClient;
  let withPhoto: number;
  let without: number;

  beforeAll(async () => {
    serving = await serveApp({ database: open, env: { PORT: "0" } });
    const { services, repos } = serving.app;
    await repos.users.ensure({ id: 9301, firstName: "Owner" });
    await services.shops.register(9301n, { name: "Cake Shop", category: "food", address: "3 Road", openingHours: "", lat: 48.85, lng: 2.35 });
    const stored = serving.emulator.files.saveUpload("photos", PNG, "cake.png");
    const base = { description: "", quantity: 5, perPersonLimit: 1, days: 3, voucherValidDays: 10, priceMinor: 500, originalPriceMinor: 900 };
    withPhoto = (await services.deals.publish(9301n, { ...base, title: "Cake", photoFileId: stored.fileId })).id;
    without = (await services.deals.publish(9301n, { ...base, title: "Tart" })).id;
    mei = MiniAppClient.as(serving.app.httpUrl!, { id: 5301, firstName: "Mei" }, TOKEN);
  });
  afterAll(() => serving.close());

  it("lists a photo as an API path and streams its bytes from Telegram", async () => {
    const page = (await mei.get(`/api/deals/${withPhoto}`)).body;
    expect(page.photos).toEqual([`/api/photos/${withPhoto}/0`]);
    expect(JSON.stringify(page)).not.toContain(TOKEN);
    const photo = await mei.raw(page.photos[0]);
    expect([photo.status, photo.headers.get("content-type")]).toEqual([200, "image/png"]);
    expect(Buffer.from(await photo.arrayBuffer())).toEqual(PNG);
    expect((await mei.raw(page.photos[0])).status).toBe(200);
  });

  it("answers a photo that does not exist with 404, bad numbers with 400, and strangers with 401", async () => {
    expect(await mei.get(`/api/photos/${without}/0`)).toEqual({ status: 404, body: { error: { code: "not-found" } } });
    expect(await mei.get(`/api/photos/${withPhoto}/1`)).toEqual({ status: 404, body: { error: { code: "not-found" } } });
    expect(await mei.get(`/api/photos/999999/0`)).toEqual({ status: 404, body: { error: { code: "deal-not-found" } } });
    expect(await mei.get(`/api/photos/${withPhoto}/x`)).toEqual({ status: 400, body: { error: { code: "bad-request", field: "n" } } });
    expect((await MiniAppClient.withHeader(serving.app.httpUrl!, undefined).raw(`/api/photos/${withPhoto}/0`)).status).toBe(401);
  });
});
