// Reviewing a visit from the Mini App, over real HTTP: the chat's own use case
// (only the holder of a redeemed voucher, once, the text cleaned and limited,
// at most 3 photos, the owner told), the photos stored as Telegram files like
// the chat's. A refusal writes nothing and stores no photo.
import { PNG } from "pngjs";
import { afterAll, beforeAll, expect, it } from "vitest";
import { describeEachDatabase } from "../support/databases.js";
import { MiniAppClient } from "../support/mini-app-client.js";
import { serveApp, TOKEN, type ServingApp } from "../support/serving-app.js";

const OWNER = 9101;

interface WalletVoucher {
  code: string;
  state: string;
  reviewable: boolean;
  review: { stars: number } | null;
}

/** A small real PNG, as base64. */
function png(colour: number, size = 8): string {
  const image = new PNG({ width: size, height: size });
  image.data.fill(colour);
  return PNG.sync.write(image).toString("base64");
}

describeEachDatabase("writing a review in the Mini App", (open) => {
  let serving: ServingApp;
  let ana: MiniAppClient;
  let anaId: number;
  let eve: MiniAppClient;
  let owner: MiniAppClient;
  let shopId: number;
  let codes: string[];

  const wallet = async (): Promise<WalletVoucher[]> => (await ana.get("/api/vouchers")).body.vouchers;
  const inWallet = async (code: string) => (await wallet()).find((v) => v.code === code)!;
  const shopReviews = async () => (await ana.get(`/api/shops/${shopId}/reviews`)).body;
  /** Photos the bot has sent to Ana's chat and left there, beside her vouchers' QR codes. */
  let qrCodes = 0;
  const photosInChat = () => serving.emulator.messages(anaId).filter((m) => m.photo).length - qrCodes;

  async function redeem(code: string): Promise<void> {
    const scanned = await owner.post("/api/redeem/scan", { text: code });
    expect(scanned.status).toBe(200);
    expect((await owner.post("/api/redeem/confirm", { token: scanned.body.token })).body.redeemed.outcome).toBe("redeemed");
    await serving.settle();
  }

  beforeAll(async () => {
    serving = await serveApp({ database: open, env: { PORT: "0" } });
    const { services } = serving.app;
    serving.emulator.addUser({ id: OWNER, firstName: "Olga", languageCode: "en", started: true });
    await serving.app.repos.users.ensure({ id: OWNER, firstName: "Olga" });
    shopId = (await services.shops.register(BigInt(OWNER), { name: "Noodle Bar", category: "food", address: "2 Elm St", openingHours: "", lat: 40.7, lng: -74 })).shop.id;
    const dealId = (
      await services.deals.publish(BigInt(OWNER), { title: "Free tea", description: "", priceMinor: 0, originalPriceMinor: 300, quantity: 10, perPersonLimit: 3, days: 7, voucherValidDays: 30 })
    ).id;
    const user = serving.emulator.addUser({ firstName: "Ana", languageCode: "en", started: true });
    anaId = user.id;
    ana = MiniAppClient.as(serving.app.httpUrl!, { id: anaId, firstName: "Ana", languageCode: "en" }, TOKEN);
    eve = MiniAppClient.as(serving.app.httpUrl!, { id: 8888, firstName: "Eve", languageCode: "en" }, TOKEN);
    owner = MiniAppClient.as(serving.app.httpUrl!, { id: OWNER, firstName: "Olga", languageCode: "en" }, TOKEN);
    expect((await ana.post(`/api/deals/${dealId}/invoice`, { quantity: 3 })).body).toEqual({ claimed: true });
    await serving.settle();
    codes = (await wallet()).map((v) => v.code);
    expect(codes).toHaveLength(3);
    qrCodes = serving.emulator.messages(anaId).filter((m) => m.photo).length;
  });
  afterAll(() => serving.close());

  it("offers no review before the voucher is redeemed, and refuses one", async () => {
    expect(await inWallet(codes[0]!)).toMatchObject({ state: "ACTIVE", reviewable: false, review: null });
    expect(await ana.post(`/api/vouchers/${codes[0]}/review`, { stars: 5 })).toEqual({ status: 409, body: { error: { code: "review-not-redeemed" } } });
    expect((await shopReviews()).total).toBe(0);
  });

  it("posts the holder's review of a redeemed visit, with its photo, and tells the owner", async () => {
    await redeem(codes[0]!);
    expect(await inWallet(codes[0]!)).toMatchObject({ state: "REDEEMED", reviewable: true, review: null });
    const photo = png(0x80);
    const posted = await ana.post(`/api/vouchers/${codes[0]}/review`, {
      stars: 4,
      quality: 5,
      service: null,
      text: "  Great   tea,\u200b friendly  staff ",
      photos: [`data:image/png;base64,${photo}`],
    });
    expect(posted.status).toBe(200);
    expect(posted.body).toMatchObject({
      shop: { id: shopId },
      review: { stars: 4, quality: 5, service: null, value: null, text: "Great tea, friendly staff", author: "Ana", dealTitle: "Free tea", reply: null },
    });
    const reviewId = posted.body.review.id;
    expect(posted.body.review.photos).toEqual([`/api/photos/review/${reviewId}/0`]);

    // The wallet says it is done, and the shop's page lists it.
    expect(await inWallet(codes[0]!)).toMatchObject({ reviewable: false, review: { stars: 4 } });
    const page = await shopReviews();
    expect(page.shop).toMatchObject({ rating: 4, reviews: 1 });
    expect(page.reviews.map((r: { id: number; text: string }) => [r.id, r.text])).toEqual([[reviewId, "Great tea, friendly staff"]]);
    // The photo is kept as a Telegram file and served back as it was sent; the upload left nothing in Ana's chat.
    const served = await ana.raw(`/api/photos/review/${reviewId}/0`);
    expect(served.status).toBe(200);
    expect(Buffer.from(await served.arrayBuffer())).toEqual(Buffer.from(photo, "base64"));
    expect(photosInChat()).toBe(0);
    // The owner hears of it as of a review written in the chat.
    expect(serving.emulator.messages(OWNER).map((m) => m.text ?? "").join("\n")).toContain("New review of Noodle Bar");
  });

  it("refuses a second review of the same visit", async () => {
    expect(await ana.post(`/api/vouchers/${codes[0]}/review`, { stars: 1, text: "Changed my mind" })).toEqual({
      status: 409,
      body: { error: { code: "review-already-written" } },
    });
    expect((await shopReviews()).reviews.map((r: { stars: number }) => r.stars)).toEqual([4]);
  });

  it("answers someone else's voucher and a forged code like unknown ones, writing nothing", async () => {
    await redeem(codes[1]!);
    expect(await eve.post(`/api/vouchers/${codes[1]}/review`, { stars: 1, text: "Fake" })).toEqual({ status: 404, body: { error: { code: "voucher-not-found" } } });
    expect(await ana.post("/api/vouchers/ZZZZ-ZZZZ-ZZZZ/review", { stars: 5 })).toEqual({ status: 404, body: { error: { code: "voucher-not-found" } } });
    expect(await ana.post("/api/vouchers/not-a-code!/review", { stars: 5 })).toEqual({ status: 400, body: { error: { code: "bad-request", field: "code" } } });
    expect((await shopReviews()).total).toBe(1);
    expect(await inWallet(codes[1]!)).toMatchObject({ reviewable: true, review: null });
  });

  it("refuses a text over 500 characters, more than 3 photos, a file that is no photo and stars out of range, storing nothing", async () => {
    const code = codes[1]!;
    expect(await ana.post(`/api/vouchers/${code}/review`, { stars: 5, text: "a".repeat(501) })).toEqual({
      status: 400,
      body: { error: { code: "too-long", params: { field: "review", max: 500 } } },
    });
    // 500 characters after cleaning is fine: the limit is the chat's, on what is kept.
    const photos = [png(0x10), png(0x20), png(0x30), png(0x40)];
    expect(await ana.post(`/api/vouchers/${code}/review`, { stars: 5, photos })).toEqual({
      status: 400,
      body: { error: { code: "review-too-many-photos", params: { max: 3 } } },
    });
    expect(await ana.post(`/api/vouchers/${code}/review`, { stars: 5, photos: [Buffer.from("not a photo at all").toString("base64")] })).toEqual({
      status: 400,
      body: { error: { code: "review-photo-refused", params: { mb: 2 } } },
    });
    expect(await ana.post(`/api/vouchers/${code}/review`, { stars: 6 })).toEqual({ status: 400, body: { error: { code: "bad-request", field: "stars" } } });
    expect(await ana.post(`/api/vouchers/${code}/review`, { text: "No stars" })).toEqual({ status: 400, body: { error: { code: "bad-request", field: "stars" } } });
    expect((await shopReviews()).total).toBe(1);
    expect(await inWallet(code)).toMatchObject({ reviewable: true, review: null });
    expect(photosInChat()).toBe(0);

    // Within the limits it goes through: three photos and 500 characters.
    const ok = await ana.post(`/api/vouchers/${code}/review`, { stars: 5, text: `${"b".repeat(500)}   `, photos: photos.slice(0, 3) });
    expect(ok.status).toBe(200);
    expect(ok.body.review.photos).toHaveLength(3);
    expect([...ok.body.review.text]).toHaveLength(500);
  });

  it("refuses without launch data", async () => {
    expect((await MiniAppClient.withHeader(serving.app.httpUrl!, undefined).post(`/api/vouchers/${codes[2]}/review`, { stars: 5 })).status).toBe(401);
  });
});
