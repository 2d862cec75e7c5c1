// The user behind each update, their open form, the deal a buyer buys and
// the order they pay are read on the reader
// (plain SQL, rows as arrays): what they return must be exactly what the
// client reads, every field and type, and follow each write at once.
import { afterEach, expect, it } from "vitest";
import { describeEachDatabase } from "../support/databases.js";
import type { TestDb } from "../support/test-db.js";

describeEachDatabase("reads on the reader", (open) => {
  let t: TestDb;
  afterEach(() => t.close());

  it("give the user exactly as the client reads them, after each kind of write", async () => {
    t = await open();
    const { users } = t.repos;
    const id = 9_007_199_254n;
    const same = async () => expect(await users.find(id)).toEqual(await t.db.user.findUnique({ where: { id } }));

    expect(await users.find(id)).toBeNull();
    expect(await users.ensure({ id: Number(id), firstName: "Ann" })).toEqual(await t.db.user.findUnique({ where: { id } }));
    await same();
    await users.setLocation(id, 31.2304, 121.4737, new Date("2026-11-29T01:02:03.456Z"));
    await same();
    expect(await users.find(id)).toMatchObject({ lastLat: 31.2304, lastLng: 121.4737, lastLocationAt: new Date("2026-11-29T01:02:03.456Z") });
    await users.touchLocation(id, new Date("2026-11-29T02:00:00.000Z"));
    await same();
    expect((await users.find(id))?.lastLocationAt).toEqual(new Date("2026-11-29T02:00:00.000Z"));
    // Written as the client writes dates, so comparisons in SQL agree.
    await t.db.user.create({ data: { id: 1n, firstName: "Client", lastLocationAt: new Date("2026-11-29T02:00:00.000Z") } });
    const stored = await t.db.$queryRawUnsafe<{ id: bigint; at: string }[]>(`SELECT "id", CAST("lastLocationAt" AS TEXT) AS "at" FROM "User" ORDER BY "id"`);
    expect(stored[0]!.at).toBe(stored[1]!.at);
    await users.setLanguage(id, "zh");
    await users.setSourceIfUnset(id, "link:abc");
    await users.setBlocked(id, new Date("2026-11-30T00:00:00.000Z"));
    await same();
    const renamed = await users.ensure({ id: Number(id), firstName: "Anne", username: "anne", languageCode: "en" });
    expect(renamed).toEqual(await t.db.user.findUnique({ where: { id } }));
    expect(renamed).toMatchObject({ firstName: "Anne", username: "anne", telegramLanguage: "en", language: "zh", lastLat: 31.2304 });
    expect(await users.ensure({ id: Number(id), firstName: "Anne", username: "anne", languageCode: "en" })).toEqual(renamed);
  });

  it("create a new user once when two first contacts come at the same moment (the chat and the Mini App)", async () => {
    t = await open();
    const [a, b] = await Promise.all([t.repos.users.ensure({ id: 77, firstName: "Bo" }), t.repos.users.ensure({ id: 77, firstName: "Bo" })]);
    expect(a).toEqual(b);
    expect(a).toEqual(await t.db.user.findUnique({ where: { id: 77n } }));
  });

  it("give a form as it was saved, and nothing once it is cleared", async () => {
    t = await open();
    await t.repos.users.ensure({ id: 5, firstName: "Bo" });
    expect(await t.repos.forms.get(5n)).toBeNull();
    await t.repos.forms.save(5n, { form: "register", step: "name", data: { name: "Café", n: 2, list: ["a"] } });
    expect(await t.repos.forms.get(5n)).toEqual({ form: "register", step: "name", data: { name: "Café", n: 2, list: ["a"] } });
    await t.repos.forms.save(5n, { form: "register", step: "address", data: {} });
    expect(await t.repos.forms.get(5n)).toEqual({ form: "register", step: "address", data: {} });
    await t.repos.forms.clear(5n);
    expect(await t.repos.forms.get(5n)).toBeNull();
  });
});

describeEachDatabase("the pending search request, read on the reader", (open) => {
  let t: TestDb;
  afterEach(() => t.close());

  it("is the newest still waiting since the given moment, exactly as the client reads it", async () => {
    t = await open();
    const { searches, users } = t.repos;
    await users.ensure({ id: 6, firstName: "Cy" });
    await users.ensure({ id: 7, firstName: "Di" });
    const at = (s: number) => new Date(Date.UTC(2026, 10, 29, 1, 0, s, 250));
    const request = (userId: bigint, text: string, pending: boolean, createdAt: Date) =>
      searches.create({ userId, text, query: "{}", readBy: "parser", pending, createdAt });
    const older = await request(6n, "noodles", true, at(0));
    const newer = await request(6n, "coffee", true, at(10));
    await request(6n, "tea", false, at(20));
    await request(7n, "cake", true, at(30));
    const client = (since: Date) =>
      t.db.searchRequest.findFirst({ where: { userId: 6n, pending: true, createdAt: { gte: since } }, orderBy: { id: "desc" } });

    expect(await searches.findPending(6n, older.createdAt)).toEqual(await client(older.createdAt));
    expect((await searches.findPending(6n, older.createdAt))?.text).toBe("coffee");
    expect(await searches.findPending(6n, newer.createdAt)).toEqual(await client(newer.createdAt));
    expect(await searches.findPending(6n, new Date(newer.createdAt.getTime() + 1))).toBeNull();
    await searches.clearPending(6n);
    expect(await searches.findPending(6n, new Date(0))).toBeNull();
  });
});

describeEachDatabase("deals with their shops, read on the reader", (open, kind) => {
  let t: TestDb;
  afterEach(() => t.close());

  it("are exactly what the client reads, every field and type, and only the deals asked for that exist", async () => {
    t = await open();
    const at = new Date("2026-11-29T01:02:03.456Z");
    const place = { lat: 31.2304, lng: 121.4737 };
    await t.repos.users.ensure({ id: 9_007_199_254, firstName: "Owner" });
    const shop = await t.repos.shops.create({
      ownerId: 9_007_199_254n, name: "Café “Ünï” 🍜", category: "food", ...place, address: "1 Test Street", openingHours: "9–21", status: "APPROVED", currency: "CNY",
    });
    const deal = (title: string, photoFileId: string | null) =>
      t.repos.deals.create({
        shopId: shop.id, title, description: "Two bowls\nand tea", finePrint: "", photoFileId, currency: "CNY", priceMinor: 1800, originalPriceMinor: 3000,
        quantity: 10, stockLeft: 7, perPersonLimit: 2, voucherValidDays: 30, status: "ACTIVE", category: "food", ...place,
        cell4: "wtw3", cell5: "wtw3s", cell6: "wtw3sj", startsAt: at, endsAt: new Date(at.getTime() + 86_400_000),
      });
    const plain = await deal("Noodles", null);
    const group = await deal("Hotpot", "photo-1");
    await t.db.deal.update({ where: { id: group.id }, data: { minBuyers: 3, groupReachedAt: new Date("2026-11-29T05:00:00.001Z"), refundPolicy: "NONE" } });

    const ids = [group.id, plain.id, 999];
    const ours = (await t.repos.deals.findManyWithShop(ids)).sort((a, b) => a.id - b.id);
    const clients = await t.db.deal.findMany({ where: { id: { in: ids } }, include: { shop: true }, orderBy: { id: "asc" } });
    expect(ours).toEqual(clients);
    expect(ours.map((d) => d.id)).toEqual([plain.id, group.id]);
    expect(ours[1]!.shop.ownerId).toBe(9_007_199_254n);
    expect(await t.repos.deals.findManyWithShop([])).toEqual([]);
  });

  it("give a deal with its shop, and an order with its vouchers, exactly as the client reads them", async () => {
    t = await open();
    const ownerId = 9_007_199_254_740_000n;
    await t.repos.users.ensure({ id: Number(ownerId), firstName: "Owner" });
    const shop = await t.repos.shops.create({
      ownerId, name: "Café ☕", category: "food", lat: 31.2304, lng: 121.4737,
      address: "1 Test Street", openingHours: "09:00–18:00", status: "APPROVED", currency: "CNY",
    });
    const deal = await t.db.deal.create({
      data: {
        shopId: shop.id, title: "Lunch \"special\"", currency: "CNY", priceMinor: 450, originalPriceMinor: 800, quantity: 5, stockLeft: 5,
        perPersonLimit: 2, voucherValidDays: 30, status: "ACTIVE", category: "food", lat: 31.2304, lng: 121.4737,
        cell4: "wtw3", cell5: "wtw3s", cell6: "wtw3sj", startsAt: new Date("2026-11-29T01:02:03.456Z"), endsAt: new Date("2026-12-29T00:00:00.000Z"),
      },
    });
    const same = async () => expect(await t.repos.deals.findWithShop(deal.id)).toEqual(await t.db.deal.findUnique({ where: { id: deal.id }, include: { shop: true } }));
    await same();
    await t.db.deal.update({ where: { id: deal.id }, data: { stockLeft: 4, soldCount: 1, groupReachedAt: new Date("2026-11-30T00:00:00.000Z") } });
    await same();
    expect(await t.repos.deals.findWithShop(deal.id + 1)).toBeNull();

    // The order, as bought: its vouchers in order, and the deal under the title it had then.
    const buyer = 9_007_199_254_740_001n;
    await t.repos.users.ensure({ id: Number(buyer), firstName: "Buyer" });
    const at = new Date("2026-11-29T03:04:05.678Z");
    const order = await t.db.order.create({
      data: {
        dealId: deal.id, buyerId: buyer, quantity: 2, currency: "CNY", unitPriceMinor: 450, unitOriginalMinor: 800, title: "Old title",
        totalMinor: 900, status: "PAID", source: "nearby", reservedUntil: at, telegramChargeId: "tg-1", providerChargeId: "p-1", paidAt: at,
      },
    });
    const asClient = async () => {
      const row = await t.db.order.findUnique({ where: { id: order.id }, include: { vouchers: { orderBy: { id: "asc" } }, deal: { include: { shop: true } } } });
      return row && { ...row, deal: { ...row.deal, title: row.title ?? row.deal.title } };
    };
    expect(await t.repos.orders.find(order.id)).toEqual(await asClient());
    for (const code of ["ABCDEFGHJKL2", "ABCDEFGHJKL3"]) {
      await t.db.voucher.create({ data: { code, orderId: order.id, dealId: deal.id, holderId: buyer, status: "ACTIVE", expiresAt: at } });
    }
    await t.db.voucher.updateMany({ where: { code: "ABCDEFGHJKL3" }, data: { status: "REDEEMED", redeemedAt: at, redeemedById: ownerId } });
    await t.db.order.update({ where: { id: order.id }, data: { deliveredAt: at, title: null } });
    expect(await t.repos.orders.find(order.id)).toEqual(await asClient());
    expect((await t.repos.orders.find(order.id))?.vouchers.map((v) => v.redeemedById)).toEqual([null, ownerId]);
    expect(await t.repos.orders.find(order.id + 1)).toBeNull();
  });

  it("go on after the server ends the reader's idle connections (a restart, a failover)", async () => {
    t = await open();
    await t.repos.users.ensure({ id: 31, firstName: "Ann" });
    expect(await t.repos.users.find(31n)).toMatchObject({ firstName: "Ann" });
    if (kind === "PostgreSQL") {
      await t.db.$executeRawUnsafe(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`);
      // The pool hears of it a moment later, as an error event on the idle connection.
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(await t.repos.users.find(31n)).toMatchObject({ firstName: "Ann" });
  });
});

