// Shop staff often type the customer's code on its own, without /redeem.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, only, shown, type UserChat } from "../support/bot-harness.js";
import { purchase, sentTo, shownCode } from "../support/purchase.js";

const HERE = { lat: 40.7081, lng: -73.9571 };

describe("a voucher code typed on its own", () => {
  const h = createHarness();
  let owner: UserChat;
  let buyer: UserChat;
  let dealId: number;

  beforeAll(async () => {
    await h.shop(951, { ...HERE, name: "Bagel Spot" });
    dealId = (await h.publish(951, { title: "Bagel box", priceMinor: 1200, originalPriceMinor: 2000 })).id;
    owner = h.user({ id: 951, firstName: "Bo", languageCode: "en" });
    buyer = h.user({ id: 952, firstName: "Cy", languageCode: "en" });
  });
  afterAll(() => h.close());

  it("redeems it when the sender may redeem for the shop", async () => {
    const { codes } = await purchase(h, buyer, dealId, 1);
    const calls = await owner.send(shownCode(codes[0]!).toLowerCase());
    expect(only(sentTo(calls, 951)).text).toMatch(/^✅ Redeemed .*: Bagel box, 1 voucher \(\$12\)/);
    expect(await h.db.db.voucher.findUniqueOrThrow({ where: { code: codes[0]! } })).toMatchObject({ status: "REDEEMED" });
  });

  it("is read as a search for anyone else, so a customer learns nothing about codes", async () => {
    const { codes } = await purchase(h, buyer, dealId, 1);
    const calls = await buyer.send(shownCode(codes[0]!));
    expect(shown(calls).some((c) => /Redeemed|voucher/i.test(c.text))).toBe(false);
    expect(await h.db.db.voucher.findUniqueOrThrow({ where: { code: codes[0]! } })).toMatchObject({ status: "ACTIVE" });
  });

  it("leaves text that is not a valid code to the search, even for the owner", async () => {
    const calls = await owner.send("pizza near me");
    expect(shown(calls).some((c) => /Redeemed/.test(c.text))).toBe(false);
  });
});
