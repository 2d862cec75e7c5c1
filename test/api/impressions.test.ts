// A list shown counts one impression per deal toward the merchant's funnel.
// Writing them is not the viewer's business: the list is answered without
// waiting for the write (even one that fails), the merchant's numbers count
// them all the same, and a stop writes those still queued.
import { afterAll, beforeAll, expect, it } from "vitest";
import { describeEachDatabase, type DatabaseKind } from "../support/databases.js";
import { MiniAppClient } from "../support/mini-app-client.js";
import { serveApp, TOKEN, type ServingApp } from "../support/serving-app.js";
import type { TestDb } from "../support/test-db.js";

const HERE = { lat: 31.2304, lng: 121.4737 };
const OWNER = { id: 9101, firstName: "Owner" };
const VIEWER = { id: 5101, firstName: "Mei", languageCode: "en" };
const LIST = `/api/deals?lat=${HERE.lat}&lng=${HERE.lng}`;

/** A write refused by the database, as a full disk would refuse it: the statements that set it up, and the one that lifts it. */
const REFUSE_EVENTS: Record<DatabaseKind, { create: string[]; drop: string }> = {
  SQLite: {
    create: [`CREATE TRIGGER "refuse_events" BEFORE INSERT ON "Event" BEGIN SELECT RAISE(ABORT, 'disk full'); END`],
    drop: `DROP TRIGGER "refuse_events"`,
  },
  PostgreSQL: {
    create: [
      `CREATE FUNCTION "refuse_events"() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'disk full'; END $$`,
      `CREATE TRIGGER "refuse_events" BEFORE INSERT ON "Event" FOR EACH ROW EXECUTE FUNCTION "refuse_events"()`,
    ],
    drop: `DROP FUNCTION "refuse_events"() CASCADE`,
  },
};

const seen = async (owner: MiniAppClient): Promise<number> => (await owner.get("/api/merchant/stats?period=today")).body.figures.impressions;

describeEachDatabase("impressions of a list", (open, kind) => {
  // One database for the file, which each test's app opens anew; this client reads and alters it behind the app's back.
  let database: TestDb;

  async function start(): Promise<{ serving: ServingApp; viewer: MiniAppClient; owner: MiniAppClient }> {
    const serving = await serveApp({ env: { PORT: "0", DATABASE_URL: database.url } });
    const url = serving.app.httpUrl!;
    return { serving, viewer: MiniAppClient.as(url, VIEWER, TOKEN), owner: MiniAppClient.as(url, OWNER, TOKEN) };
  }

  beforeAll(async () => {
    database = await open();
    const { serving, owner } = await start();
    const { services } = serving.app;
    await owner.get("/api/me");
    await services.shops.register(BigInt(OWNER.id), { name: "Bean Bar", category: "cafe", address: "1 Nanjing Rd", openingHours: "8-20", lat: HERE.lat + 0.002, lng: HERE.lng });
    const base = { description: "Good", quantity: 20, perPersonLimit: 2, days: 7, voucherValidDays: 30 };
    await services.deals.publish(BigInt(OWNER.id), { ...base, title: "Latte for two", priceMinor: 1500, originalPriceMinor: 3000 });
    await services.deals.publish(BigInt(OWNER.id), { ...base, title: "Hotpot set", priceMinor: 9900, originalPriceMinor: 12000 });
    await serving.close();
  });
  afterAll(() => database.close());

  it("are counted in the merchant's numbers right after the list is shown", async () => {
    const { serving, viewer, owner } = await start();
    try {
      const before = await seen(owner);
      expect((await viewer.get(LIST)).body.deals).toHaveLength(2);
      expect(await seen(owner)).toBe(before + 2);
    } finally {
      await serving.close();
    }
  });

  it("are all written when the app stops right after showing lists", async () => {
    const { serving, viewer } = await start();
    const count = () => database.db.event.count({ where: { type: "IMPRESSION" } });
    const before = await count();
    for (let i = 0; i < 3; i++) expect((await viewer.get(LIST)).status).toBe(200);
    await serving.close();
    expect(await count()).toBe(before + 6);
  });

  it("that cannot be written do not cost the viewer the list: it is answered and the failure logged", async () => {
    const { serving, viewer, owner } = await start();
    const refusal = REFUSE_EVENTS[kind];
    try {
      for (const statement of refusal.create) await database.db.$executeRawUnsafe(statement);
      const before = await seen(owner);
      const refused = await viewer.get(LIST);
      expect(refused.status).toBe(200);
      expect(refused.body.deals).toHaveLength(2);
      expect(await seen(owner)).toBe(before);
      expect(serving.logs.some((l) => l.level >= 50 && /impressions/.test(l.msg) && /disk full/.test(JSON.stringify(l.err)))).toBe(true);

      await database.db.$executeRawUnsafe(refusal.drop);
      expect((await viewer.get(LIST)).body.deals).toHaveLength(2);
      expect(await seen(owner)).toBe(before + 2);
    } finally {
      await serving.close();
    }
  });
});
