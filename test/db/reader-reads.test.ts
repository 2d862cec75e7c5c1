// The user behind each update and their open form are read on the reader
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
    await users.setLanguage(id, "zh");
    await users.setSourceIfUnset(id, "link:abc");
    await users.setBlocked(id, new Date("2026-11-30T00:00:00.000Z"));
    await same();
    const renamed = await users.ensure({ id: Number(id), firstName: "Anne", username: "anne", languageCode: "en" });
    expect(renamed).toEqual(await t.db.user.findUnique({ where: { id } }));
    expect(renamed).toMatchObject({ firstName: "Anne", username: "anne", telegramLanguage: "en", language: "zh", lastLat: 31.2304 });
    expect(await users.ensure({ id: Number(id), firstName: "Anne", username: "anne", languageCode: "en" })).toEqual(renamed);
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
