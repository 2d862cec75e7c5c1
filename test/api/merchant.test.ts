// A merchant in the Mini App: scan and redeem with /redeem's rules, their
// offers paused and resumed, their numbers. Another shop's vouchers and offers
// answer like unknown ones.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Category } from "../../src/domain/categories.js";
import { newVoucherCode } from "../../src/domain/voucher-code.js";
import { describeEachDatabase } from "../support/databases.js";
import { MiniAppClient } from "../support/mini-app-client.js";
import { serveApp, TOKEN, type ServingApp } from "../support/serving-app.js";

describeEachDatabase("a merchant in the Mini App", (open) => {
  let serving: ServingApp;
  const client = (id: number, firstName: string) => MiniAppClient.as(serving.app.httpUrl!, { id, firstName, languageCode: "en" }, TOKEN);
  let alice: MiniAppClient; // owns the tea shop
  let bob: MiniAppClient; // owns the barber's
  let carol: MiniAppClient; // owns a third shop, for the rate limit
  let buyer: MiniAppClient;
  let teaId: number;
  let cutId: number;

  beforeAll(async () => {
    serving = await serveApp({ database: open, env: { PORT: "0" } });
    const { services, repos } = serving.app;
    const base = { description: "", quantity: 10, perPersonLimit: 3, days: 7, voucherValidDays: 30 };
    const openShop = async (owner: number, name: string, category: Category) => {
      await repos.users.ensure({ id: owner, firstName: name });
      await services.shops.register(BigInt(owner), { name, category, address: "1 Road", openingHours: "", lat: 51.5, lng: -0.12 });
    };
    await openShop(9201, "Tea House", "cafe");
    await openShop(9202, "Barber", "beauty");
    await openShop(9203, "Bakery", "food");
    teaId = (await services.deals.publish(9201n, { ...base, title: "Free tea", priceMinor: 0, originalPriceMinor: 300 })).id;
    cutId = (await services.deals.publish(9202n, { ...base, title: "Haircut", priceMinor: 0, originalPriceMinor: 2000 })).id;
    alice = client(9201, "Alice");
    bob = client(9202, "Bob");
    carol = client(9203, "Carol");
    const b = serving.emulator.addUser({ firstName: "Dan", languageCode: "en", started: true });
    buyer = client(b.id, "Dan");
  });
  afterAll(() => serving.close());

  describe("redeeming in the Mini App", () => {
    it("redeems a scanned QR after the staff confirm, and the buyer's wallet shows it redeemed", async () => {
      await buyer.post(`/api/deals/${teaId}/invoice`, { quantity: 1 });
      await serving.settle();
      const [voucher] = (await buyer.get("/api/vouchers")).body.vouchers;
      const qrText = `https://t.me/${serving.app.bot.botInfo.username}?start=v-${voucher.code}`;

      expect(await bob.post("/api/redeem/scan", { text: qrText })).toEqual({ status: 404, body: { error: { code: "code-unknown" } } });
      expect(await buyer.post("/api/redeem/scan", { text: qrText })).toEqual({ status: 403, body: { error: { code: "not-a-redeemer" } } });

      const scan = await alice.post("/api/redeem/scan", { text: qrText });
      expect(scan.status).toBe(200);
      expect(scan.body.voucher).toMatchObject({ code: voucher.code, state: "ACTIVE", deal: { id: teaId, title: "Free tea" }, buyer: { firstName: "Dan" } });
      expect(await bob.post("/api/redeem/confirm", { token: scan.body.token })).toEqual({ status: 404, body: { error: { code: "redeem-confirmation-invalid" } } });
      const confirm = await alice.post("/api/redeem/confirm", { token: scan.body.token });
      expect(confirm.status).toBe(200);
      expect(confirm.body.redeemed).toMatchObject({ outcome: "redeemed", voucher: { code: voucher.code, state: "REDEEMED" } });
      await serving.settle();
      expect((await buyer.get("/api/vouchers")).body.vouchers[0].state).toBe("REDEEMED");
    });

    it("pauses scanning after repeated wrong codes, as /redeem does", async () => {
      // Well-formed codes that exist nowhere: what guessing looks like.
      for (let i = 0; i < 5; i++) expect((await carol.post("/api/redeem/scan", { text: newVoucherCode() })).body.error.code).toBe("code-unknown");
      expect(await carol.post("/api/redeem/scan", { text: newVoucherCode() })).toEqual({ status: 429, body: { error: { code: "redeem-rate-limited", params: { minutes: 15 } } } });
    });

    it("refuses bad input naming the field", async () => {
      expect(await alice.post("/api/redeem/scan", {})).toEqual({ status: 400, body: { error: { code: "bad-request", field: "text" } } });
      expect(await alice.post("/api/redeem/confirm", { token: 5 })).toEqual({ status: 400, body: { error: { code: "bad-request", field: "token" } } });
    });
  });

  describe("a merchant's offers and numbers in the Mini App", () => {
    it("lists the owner's own offers only, and pauses and resumes them", async () => {
      const { body } = await alice.get("/api/merchant/deals");
      expect(body.shop.name).toBe("Tea House");
      expect(body.deals.map((d: { id: number }) => d.id)).toEqual([teaId]);
      expect((await alice.post(`/api/merchant/deals/${teaId}/pause`)).body.deal.status).toBe("PAUSED");
      expect(await alice.post(`/api/merchant/deals/${teaId}/pause`)).toEqual({ status: 409, body: { error: { code: "deal-not-pausable" } } });
      expect((await alice.post(`/api/merchant/deals/${teaId}/resume`)).body.deal.status).toBe("ACTIVE");
    });

    it("answers another shop's offer like an unknown one, and changes nothing", async () => {
      expect(await alice.post(`/api/merchant/deals/${cutId}/pause`)).toEqual({ status: 404, body: { error: { code: "not-your-deal" } } });
      expect((await bob.get("/api/merchant/deals")).body.deals[0]).toMatchObject({ id: cutId, status: "ACTIVE" });
      expect(await buyer.get("/api/merchant/deals")).toEqual({ status: 403, body: { error: { code: "not-a-merchant" } } });
    });

    it("gives the numbers of /stats and the chart's points for the period", async () => {
      const week = await alice.get("/api/merchant/stats?period=7d");
      expect(week.status).toBe(200);
      expect(week.body.figures).toMatchObject({ redeemed: 1, purchases: 1 });
      expect(week.body.chart).toHaveLength(7);
      expect(week.body.chart.at(-1)).toMatchObject({ purchases: 1, redemptions: 1 });
      expect((await alice.get("/api/merchant/stats?period=30d")).body.chart).toHaveLength(30);
      expect(await alice.get("/api/merchant/stats?period=1y")).toEqual({ status: 400, body: { error: { code: "bad-request", field: "period" } } });
      expect(await alice.post(`/api/merchant/deals/x/resume`)).toEqual({ status: 400, body: { error: { code: "bad-request", field: "id" } } });
    });
  });
});
