// Send to a friend from the Mini App: the chat's own share (the same credit
// as "@bot deal:<id>"), its card prepared with Telegram for the app's share
// sheet. Sending it counts as a share; a friend's visit through its link
// counts for the sharer. Deals that cannot be shared, and requests that name
// nobody, are refused with nothing prepared.
import type { InlineKeyboardButton } from "grammy/types";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { BotEvent } from "../../src/sandbox/bot-api-emulator.js";
import { describeEachDatabase } from "../support/databases.js";
import { MiniAppClient } from "../support/mini-app-client.js";
import { serveApp, TOKEN, type ServingApp } from "../support/serving-app.js";

const OWNER = 9201;

/** The link under a shared card that opens the deal in the bot. */
const dealLinkOf = (buttons: InlineKeyboardButton[][] | undefined) => {
  const first = buttons?.[0]?.[0];
  return first && "url" in first ? first.url : "";
};

describeEachDatabase("Send to a friend from the Mini App", (open) => {
  let serving: ServingApp;
  let sharer: MiniAppClient;
  let sharerId: number;
  let friendId: number;
  let ramenId: number;
  let endedId: number;

  beforeAll(async () => {
    serving = await serveApp({ database: open, env: { PORT: "0", MINI_APP_URL: "https://nearbuy.example/app/", DEFAULT_CURRENCY: "USD" } });
    const { services, repos, db } = serving.app;
    await repos.users.ensure({ id: OWNER, firstName: "Owner" });
    await services.shops.register(BigInt(OWNER), { name: "Noodle Bar", category: "food", address: "2 Elm St", openingHours: "", lat: 40.7, lng: -74 });
    const base = { description: "", quantity: 10, perPersonLimit: 3, days: 7, voucherValidDays: 30, refundPolicy: "ANYTIME" as const };
    ramenId = (await services.deals.publish(BigInt(OWNER), { ...base, title: "Ramen", priceMinor: 900, originalPriceMinor: 1500 })).id;
    endedId = (await services.deals.publish(BigInt(OWNER), { ...base, title: "Old soup", priceMinor: 500, originalPriceMinor: 800 })).id;
    await db.deal.update({ where: { id: endedId }, data: { status: "ENDED" } });
    sharerId = serving.emulator.addUser({ firstName: "Ana", languageCode: "en", started: true }).id;
    friendId = serving.emulator.addUser({ firstName: "Fay", languageCode: "en", started: true }).id;
    sharer = MiniAppClient.as(serving.app.httpUrl!, { id: sharerId, firstName: "Ana", languageCode: "en" }, TOKEN);
  });
  afterAll(() => serving.close());

  let preparedId: string;
  let shareId: number;

  it("prepares the deal's card for the share sheet, with a link that carries the sharer's share", async () => {
    const { status, body } = await sharer.post(`/api/deals/${ramenId}/share`);
    expect(status).toBe(200);
    preparedId = body.preparedMessageId;
    expect(new Date(body.expiresAt).getTime()).toBeGreaterThan(Date.now());

    const [prepared] = serving.emulator.preparedMessages(sharerId);
    expect(prepared).toMatchObject({ id: preparedId, userId: sharerId, chatTypes: ["users", "groups"] });
    expect(prepared!.result.text).toContain("Ramen");
    expect(prepared!.result.text).toContain("$9");
    const link = dealLinkOf(prepared!.result.replyMarkup?.inline_keyboard);
    const match = /^https:\/\/t\.me\/nearbuy_sandbox_bot\?start=d-(\d+)-s(\d+)$/.exec(link);
    expect(Number(match?.[1])).toBe(ramenId);
    shareId = Number(match![2]);
    expect(await serving.app.repos.shares.find(shareId)).toMatchObject({ sharerId: BigInt(sharerId), dealId: ramenId });
    // The app is served: the card opens it too, at the same deal and share.
    expect(prepared!.result.replyMarkup?.inline_keyboard[1]?.[0]).toMatchObject({ url: `https://t.me/nearbuy_sandbox_bot?startapp=d-${ramenId}-s${shareId}` });
  });

  it("carries the same share as the chat's inline Send to a friend, so the credit is one", async () => {
    serving.emulator.inlineQuery(sharerId, `deal:${ramenId}`);
    await serving.settle();
    const answer = serving.emulator.events.filter((e): e is Extract<BotEvent, { type: "inline-answer" }> => e.type === "inline-answer").at(-1)!;
    expect(answer.results.map((r) => r.id)).toEqual([serving.emulator.preparedMessages(sharerId)[0]!.result.id]);
    expect(answer.results[0]!.text).toBe(serving.emulator.preparedMessages(sharerId)[0]!.result.text);
  });

  it("counts the message sent as a share, and the friend's visit through its link for the sharer", async () => {
    const sent = serving.emulator.sharePreparedMessage(sharerId, preparedId);
    expect(sent.ok).toBe(true);
    if (!sent.ok) return;
    expect(sent.message.via_bot?.username).toBe("nearbuy_sandbox_bot");
    expect(sent.message.text).toContain("Ramen");
    await serving.settle();
    expect(await serving.app.services.shares.brought(BigInt(sharerId))).toMatchObject({ sent: 1, visitors: 0 });

    const payload = new URL(dealLinkOf(sent.message.reply_markup?.inline_keyboard)).searchParams.get("start");
    serving.emulator.sendText(friendId, `/start ${payload}`);
    await serving.settle();
    expect(serving.emulator.messages(friendId).some((m) => (m.text ?? m.caption ?? "").includes("Ramen"))).toBe(true);
    expect(await serving.app.services.shares.brought(BigInt(sharerId))).toMatchObject({ sent: 1, visitors: 1 });
  });

  it("refuses a deal that does not exist or is no longer on sale, and a malformed id, preparing nothing", async () => {
    const before = serving.emulator.preparedMessages(sharerId).length;
    expect(await sharer.post("/api/deals/999999/share")).toEqual({ status: 404, body: { error: { code: "deal-not-found" } } });
    expect(await sharer.post(`/api/deals/${endedId}/share`)).toEqual({ status: 409, body: { error: { code: "deal-not-on-sale" } } });
    expect(await sharer.post("/api/deals/abc/share")).toEqual({ status: 400, body: { error: { code: "bad-request", field: "id" } } });
    expect(serving.emulator.preparedMessages(sharerId)).toHaveLength(before);
  });

  it("refuses a request without valid launch data (401), preparing nothing", async () => {
    const before = serving.emulator.events.filter((e) => e.type === "prepared-message").length;
    const base = serving.app.httpUrl!;
    expect((await MiniAppClient.withHeader(base, undefined).post(`/api/deals/${ramenId}/share`)).status).toBe(401);
    expect((await MiniAppClient.withHeader(base, "tma user=%7B%22id%22%3A1%7D&hash=00").post(`/api/deals/${ramenId}/share`)).status).toBe(401);
    const forged = MiniAppClient.as(base, { id: sharerId, firstName: "Ana" }, "1234567890:another-bot-token-aaaaaaaaaaaaaaaaaaaa");
    expect((await forged.post(`/api/deals/${ramenId}/share`)).status).toBe(401);
    expect(serving.emulator.events.filter((e) => e.type === "prepared-message")).toHaveLength(before);
  });

  it("answers share-refused when Telegram will not prepare it (a user who never started the bot), so the app shares inline instead", async () => {
    const stranger = MiniAppClient.as(serving.app.httpUrl!, { id: 8765, firstName: "Eve", languageCode: "en" }, TOKEN);
    expect(await stranger.post(`/api/deals/${ramenId}/share`)).toEqual({ status: 502, body: { error: { code: "share-refused" } } });
    expect(serving.emulator.preparedMessages(8765)).toEqual([]);
  });

  it("prepares at most 30 cards an hour for one user (each a call on the bot's account), then answers share-rate-limited", async () => {
    const busy = serving.emulator.addUser({ firstName: "Bo", languageCode: "en", started: true });
    const client = MiniAppClient.as(serving.app.httpUrl!, { id: busy.id, firstName: "Bo", languageCode: "en" }, TOKEN);
    const statuses = [];
    for (let i = 0; i < 32; i++) statuses.push((await client.post(`/api/deals/${ramenId}/share`)).status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(30);
    expect(await client.post(`/api/deals/${ramenId}/share`)).toEqual({ status: 429, body: { error: { code: "share-rate-limited" } } });
    expect(serving.emulator.preparedMessages(busy.id)).toHaveLength(30);
    // Another user is not held back.
    expect((await sharer.post(`/api/deals/${ramenId}/share`)).status).toBe(200);
  });
});
