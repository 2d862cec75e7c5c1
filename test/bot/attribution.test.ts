// The merchant's funnel by source: a card view or an order is credited to a
// push only when that push carried the offer to the user who pressed it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Deal } from "../../src/domain/deal.js";
import { createHarness, only } from "../support/bot-harness.js";

const HERE = { lat: 31.2304, lng: 121.4737 };

describe("credit for a push", () => {
  const h = createHarness();
  let deal: Deal;
  let pushId: number;
  afterAll(() => h.close());

  beforeAll(async () => {
    await h.shop(2001, { ...HERE, name: "Bao Shop" });
    deal = await h.publish(2001, { title: "Pork buns", priceMinor: 1200, originalPriceMinor: 2000, perPersonLimit: 1 });
    const sue = h.user({ id: 2011, firstName: "Sue", languageCode: "en" });
    await sue.send("/start");
    // Sue's digest went out with the offer in it.
    const push = await h.db.db.push.create({
      data: {
        userId: 2011n,
        status: "SENT",
        plannedAt: h.clock(),
        sentAt: h.clock(),
        items: { create: [{ dealId: deal.id, userId: 2011n, position: 0 }] },
      },
    });
    pushId = push.id;
  });

  const sources = async (userId: number) => ({
    views: (await h.db.db.event.findMany({ where: { userId: BigInt(userId), type: "VIEW" } })).map((e) => e.source),
    orders: (await h.db.db.order.findMany({ where: { buyerId: BigInt(userId) } })).map((o) => o.source),
  });

  it("credits the push its recipient opened and bought from", async () => {
    const sue = h.user({ id: 2011, firstName: "Sue", languageCode: "en" });
    only(await sue.press(`d:${deal.id}:p:${pushId}`));
    await sue.press(`buy:${deal.id}:p:${pushId}`);
    expect(await sources(2011)).toEqual({ views: [`push:${pushId}`], orders: [`push:${pushId}`] });
  });

  it("credits no push for a forged button claiming someone else's push, or a push of another offer", async () => {
    const eve = h.user({ id: 2012, firstName: "Eve", languageCode: "en" });
    await eve.send("/start");
    expect(only(await eve.press(`d:${deal.id}:p:${pushId}`)).text).toContain("Pork buns");
    await eve.press(`buy:${deal.id}:p:${pushId}`);
    const other = await h.publish(2001, { title: "Veggie buns", perPersonLimit: 1 });
    const sue = h.user({ id: 2011, firstName: "Sue", languageCode: "en" });
    await sue.press(`d:${other.id}:p:${pushId}`);
    await sue.press(`d:${other.id}:p:0`);
    expect(await sources(2012)).toEqual({ views: ["other"], orders: ["other"] });
    expect((await h.db.db.event.findMany({ where: { dealId: other.id, type: "VIEW" } })).map((e) => e.source)).toEqual(["other", "other"]);
  });
});
