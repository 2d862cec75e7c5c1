// Buying in the Mini App is buying in the chat: the chat's order and hold, an
// invoice link Telegram pays through the bot's pre-checkout check, and the
// vouchers in the wallet once the bot has the payment. Nobody else sees them.
import { afterAll, beforeAll, expect, it } from "vitest";
import { describeEachDatabase } from "../support/databases.js";
import { MiniAppClient } from "../support/mini-app-client.js";
import { serveApp, TOKEN, type ServingApp } from "../support/serving-app.js";

const OWNER = 9101;

describeEachDatabase("buying in the Mini App", (open) => {
  let serving: ServingApp;
  let buyer: MiniAppClient;
  let buyerId: number;
  let stranger: MiniAppClient;
  let paidId: number;
  let freeId: number;

  beforeAll(async () => {
    serving = await serveApp({ database: open, env: { PORT: "0", PAYMENT_PROVIDER_TOKEN: "284685063:TEST:provider", DEFAULT_CURRENCY: "USD" } });
    const { services, repos } = serving.app;
    await repos.users.ensure({ id: OWNER, firstName: "Owner" });
    await services.shops.register(BigInt(OWNER), { name: "Noodle Bar", category: "food", address: "2 Elm St", openingHours: "", lat: 40.7, lng: -74 });
    const base = { description: "", quantity: 10, perPersonLimit: 3, days: 7, voucherValidDays: 30, refundPolicy: "ANYTIME" as const };
    paidId = (await services.deals.publish(BigInt(OWNER), { ...base, title: "Ramen", priceMinor: 900, originalPriceMinor: 1500 })).id;
    freeId = (await services.deals.publish(BigInt(OWNER), { ...base, title: "Free tea", priceMinor: 0, originalPriceMinor: 300 })).id;
    const ana = serving.emulator.addUser({ firstName: "Ana", languageCode: "en", started: true });
    buyerId = ana.id;
    buyer = MiniAppClient.as(serving.app.httpUrl!, { id: ana.id, firstName: "Ana", languageCode: "en" }, TOKEN);
    stranger = MiniAppClient.as(serving.app.httpUrl!, { id: 8888, firstName: "Eve", languageCode: "en" }, TOKEN);
  });
  afterAll(() => serving.close());

  it("holds the units with the chat's order, and the voucher appears in the wallet after the payment", async () => {
    const invoice = await buyer.post(`/api/deals/${paidId}/invoice`, { quantity: 2 });
    expect(invoice.status).toBe(200);
    expect(invoice.body.invoiceUrl).toMatch(/^https:\/\/t\.me\/\$/);
    expect((await buyer.get(`/api/deals/${paidId}`)).body.stockLeft).toBe(8);
    expect((await buyer.get("/api/vouchers")).body.vouchers).toEqual([]);

    // What the sandbox's ":pay app" pays.
    expect(serving.emulator.lastUnpaidLink()).toBe(invoice.body.invoiceUrl);
    const paid = await serving.emulator.payLink(buyerId, invoice.body.invoiceUrl);
    expect(paid.ok).toBe(true);
    expect(serving.emulator.lastUnpaidLink()).toBeUndefined();
    await serving.settle();

    const { body } = await buyer.get("/api/vouchers");
    expect(body.vouchers).toHaveLength(2);
    expect(body.vouchers[0]).toMatchObject({ state: "ACTIVE", deal: { id: paidId, title: "Ramen" }, shop: { name: "Noodle Bar" }, refundable: true });
    const qr = await buyer.raw(body.vouchers[0].qrUrl);
    expect([qr.status, qr.headers.get("content-type")]).toEqual([200, "image/png"]);
    expect(Buffer.from(await qr.arrayBuffer()).subarray(1, 4).toString()).toBe("PNG");
  });

  it("claims a free deal at once, with no invoice", async () => {
    expect(await buyer.post(`/api/deals/${freeId}/invoice`, { quantity: 1 })).toEqual({ status: 200, body: { claimed: true } });
    await serving.settle();
    const titles = (await buyer.get("/api/vouchers")).body.vouchers.map((v: { deal: { title: string } }) => v.deal.title);
    expect(titles).toContain("Free tea");
  });

  it("claims for someone the bot has never met, whose chat Telegram cannot find: the voucher waits in the wallet", async () => {
    // Opened from a link, without ever starting the bot: a message to them is refused ("chat not found").
    const newcomer = MiniAppClient.as(serving.app.httpUrl!, { id: 8899, firstName: "Neo", languageCode: "en" }, TOKEN);
    expect(await newcomer.post(`/api/deals/${freeId}/invoice`, { quantity: 1 })).toEqual({ status: 200, body: { claimed: true } });
    await serving.settle();
    const { vouchers } = (await newcomer.get("/api/vouchers")).body;
    expect(vouchers.map((v: { deal: { title: string }; state: string }) => [v.deal.title, v.state])).toEqual([["Free tea", "ACTIVE"]]);
  });

  it("never shows or refunds a voucher to anyone but its holder", async () => {
    const [voucher] = (await buyer.get("/api/vouchers")).body.vouchers;
    expect((await stranger.raw(voucher.qrUrl)).status).toBe(404);
    expect(await stranger.post(`/api/vouchers/${voucher.code}/refund`)).toEqual({ status: 404, body: { error: { code: "voucher-not-found" } } });
    expect((await stranger.get("/api/vouchers")).body.vouchers).toEqual([]);
    expect((await buyer.get("/api/vouchers")).body.vouchers.find((v: { code: string }) => v.code === voucher.code).state).toBe("ACTIVE");
  });

  it("refunds the holder's unused voucher where the policy allows", async () => {
    const [voucher] = (await buyer.get("/api/vouchers")).body.vouchers.filter((v: { deal: { id: number } }) => v.deal.id === paidId);
    const refund = await buyer.post(`/api/vouchers/${voucher.code}/refund`, {});
    expect(refund).toEqual({ status: 200, body: { refunded: 1, amountMinor: 900, currency: "USD" } });
    const states = (await buyer.get("/api/vouchers")).body.vouchers.filter((v: { deal: { id: number } }) => v.deal.id === paidId).map((v: { state: string }) => v.state);
    expect(states.sort()).toEqual(["ACTIVE", "REFUNDED"]);
  });

  it("refuses what the chat refuses, with the domain's code, and bad input naming the field", async () => {
    expect(await buyer.post(`/api/deals/${paidId}/invoice`, { quantity: 9 })).toEqual({ status: 409, body: { error: { code: "quantity-unavailable", params: { max: expect.any(Number) } } } });
    expect(await buyer.post(`/api/deals/999999/invoice`, { quantity: 1 })).toEqual({ status: 404, body: { error: { code: "deal-not-found" } } });
    expect(await buyer.post(`/api/deals/${paidId}/invoice`, {})).toEqual({ status: 400, body: { error: { code: "bad-request", field: "quantity" } } });
    expect(await buyer.post(`/api/deals/${paidId}/invoice`, { quantity: "2" })).toEqual({ status: 400, body: { error: { code: "bad-request", field: "quantity" } } });
    expect(await buyer.post(`/api/deals/x/invoice`, { quantity: 1 })).toEqual({ status: 400, body: { error: { code: "bad-request", field: "id" } } });
    expect(await buyer.get(`/api/vouchers?page=-1`)).toEqual({ status: 400, body: { error: { code: "bad-request", field: "page" } } });
    expect((await buyer.raw(`/api/vouchers/x/qr.png`)).status).toBe(400);
    expect(await buyer.post(`/api/vouchers/ABCDEFGHJKLM/refund`, { count: 0 })).toEqual({ status: 404, body: { error: { code: "voucher-not-found" } } });
  });
});
