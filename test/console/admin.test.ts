// Operators approve or reject new shops from the notice's buttons or /admin,
// and suspend a shop (its offers leave search at once) or reinstate it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { button, buttons, buttonTexts, callbackAnswer, createHarness, only, shown } from "../support/bot-harness.js";

const HERE = { lat: 31.2304, lng: 121.4737 };
const ADMIN = 950;

describe("operators and shops", () => {
  let h: ReturnType<typeof createHarness>;
  const statusOf = async (ownerId: number) => (await h.db.repos.shops.findByOwner(BigInt(ownerId)))?.status;
  const onSaleNearby = async () => (await h.services.nearby.search({ point: HERE, radiusM: 5000 })).map((d) => d.id);

  beforeAll(() => {
    h = createHarness({ adminIds: [BigInt(ADMIN)] });
  });
  afterAll(() => h.close());

  async function registerShop(id: number, name: string, languageCode = "en") {
    const owner = h.user({ id, firstName: `Owner ${id}`, languageCode });
    await owner.send(`/register ${name} | food | ${HERE.lat},${HERE.lng} | 1 Road`);
    await owner.send("9–21");
    const calls = shown(await owner.press("form:pick:CNY"));
    return calls.find((c) => c.payload.chat_id === ADMIN)!;
  }

  it("approves from the notice's button, each person told in their own language", async () => {
    const admin = h.user({ id: ADMIN, firstName: "Ops", languageCode: "en" });
    await admin.send("/start");
    await h.db.repos.users.ensure({ id: 761, firstName: "Owner 761" });
    await h.db.repos.users.setLanguage(761n, "zh");
    const notice = await registerShop(761, "Noodle King", "zh");
    expect(notice.text).toBe("🆕 New shop waiting for approval: Noodle King (🍜 Food), 1 Road, owner Owner 761 (761).");
    expect(buttonTexts(notice)).toEqual(["✅ Approve", "❌ Reject"]);
    const calls = await admin.press(button(notice, "✅ Approve"));
    expect(callbackAnswer(calls).text).toBe("✅ Noodle King is approved.");
    expect(calls.map((c) => c.method)).toEqual(["answerCallbackQuery", "editMessageText", "sendMessage", "sendMessage"]);
    // The notice now shows the shop as it is.
    expect(calls[1]!.payload.message_id).toBe((notice.result as { message_id: number }).message_id);
    expect(calls[1]!.text).toMatch(/^#\d+ Noodle King \(🍜 Food\), 1 Road · approved$/);
    expect(buttonTexts(calls[1]!)).toEqual(["⛔ Suspend", "✖ Close"]);
    expect(calls.slice(2).map((c) => [c.payload.chat_id, c.text])).toEqual([
      [ADMIN, "✅ Noodle King is approved."],
      [761, "🎉 Noodle King 已通过审核。用 /newdeal 发布第一个优惠吧。"],
    ]);
    expect(await statusOf(761)).toBe("APPROVED");
    // Pressed twice (or by a second operator): the first decision stands.
    expect(callbackAnswer(await admin.press("ad:a:" + (await h.db.repos.shops.findByOwner(761n))!.id)).text).toBe(
      "This shop's status has changed meanwhile (now: APPROVED).",
    );
  });

  it("refuses the buttons to anyone but an operator", async () => {
    const notice = await registerShop(762, "Sneaky Snacks");
    const owner = h.user({ id: 762, firstName: "Owner 762", languageCode: "en" });
    const shopId = (await h.db.repos.shops.findByOwner(762n))!.id;
    for (const data of [button(notice, "✅ Approve"), `ad:s:${shopId}`]) {
      const calls = await owner.press(data);
      expect(callbackAnswer(calls)).toEqual({ text: "This button is no longer valid. Please start again.", alert: true });
      expect(shown(calls)).toEqual([]);
    }
    expect(await statusOf(762)).toBe("PENDING");
    expect(only(await owner.send("/admin")).text).toBe("This command is for operators.");
  });

  it("lists pending shops with /admin and rejects one", async () => {
    const admin = h.user({ id: ADMIN, firstName: "Ops", languageCode: "en" });
    const list = only(await admin.send("/admin"));
    const [header, , line] = list.text.split("\n");
    expect(header).toBe(
      "One shop is waiting, oldest first: tap its number to approve or reject it. Send /admin shop-id to suspend or reinstate a shop.",
    );
    expect(line).toMatch(/^1\. #\d+ Sneaky Snacks \(🍜 Food\), 1 Road · waiting for approval$/);
    expect(buttonTexts(list)).toEqual(["1", "✖ Close"]);
    const shop = only(await admin.press(button(list, "1")));
    expect(shop.text).toMatch(/^#\d+ Sneaky Snacks \(🍜 Food\), 1 Road · waiting for approval$/);
    const calls = await admin.press(button(shop, "❌ Reject"));
    expect(shown(calls).find((c) => c.payload.chat_id === 762)?.text).toBe("Sneaky Snacks was not approved. Contact the operators to know why.");
    expect(await statusOf(762)).toBe("REJECTED");
    expect(only(await admin.send("/admin")).text).toBe("No shop is waiting. Send /admin shop-id to suspend or reinstate a shop.");
  });

  it("suspends a shop: its offers leave search at once; reinstating brings back those that were on sale", async () => {
    const dish = (await h.publish(761, { title: "Dish" })).id;
    const paused = (await h.publish(761, { title: "Paused dish" })).id;
    await h.db.db.deal.update({ where: { id: paused }, data: { status: "PAUSED" } });
    expect(await onSaleNearby()).toContain(dish);

    const admin = h.user({ id: ADMIN, firstName: "Ops", languageCode: "en" });
    const shopId = (await h.db.repos.shops.findByOwner(761n))!.id;
    const card = only(await admin.send(`/admin ${shopId}`));
    expect(card.text).toBe(`#${shopId} Noodle King (🍜 Food), 1 Road · approved`);
    const stale = only(await admin.send(`/admin ${shopId}`));
    const suspended = await admin.press(button(card, "⛔ Suspend"), (card.result as { message_id: number }).message_id);
    expect(callbackAnswer(suspended).text).toBe("⛔ Noodle King is suspended: its offers are hidden.");
    const edited = only(suspended, "editMessageText");
    expect([edited.text, buttonTexts(edited)]).toEqual([`#${shopId} Noodle King (🍜 Food), 1 Road · suspended`, ["♻️ Reinstate", "✖ Close"]]);
    // A second screen of the same shop, pressed after: it is told why nothing happened, and shows the truth.
    const late = await admin.press(button(stale, "⛔ Suspend"), (stale.result as { message_id: number }).message_id);
    expect(callbackAnswer(late)).toEqual({ text: "This shop's status has changed meanwhile (now: SUSPENDED).", alert: true });
    const refreshed = only(late, "editMessageText");
    expect(refreshed.payload.message_id).toBe((stale.result as { message_id: number }).message_id);
    expect([refreshed.text, buttonTexts(refreshed)]).toEqual([edited.text, ["♻️ Reinstate", "✖ Close"]]);
    expect(await statusOf(761)).toBe("SUSPENDED");
    expect(await onSaleNearby()).not.toContain(dish);
    const owner = h.user({ id: 761, firstName: "Owner 761", languageCode: "zh" });
    expect(only(await owner.send("/newdeal")).text).toBe("你的店铺未获准发布优惠，请联系运营。");
    expect(callbackAnswer(await owner.press(`md:r:${paused}`)).text).toBe("你的店铺已被暂停：在运营恢复之前，优惠不会展示。");
    // Nor may the owner rewrite the name or the place its buyers' vouchers show: /shop offers no edits,
    // an edit button from before is refused, and so is registering again.
    const details = only(await owner.send("/shop"));
    expect(details.text).toContain("Noodle King");
    expect(buttons(details).filter((b) => b.data?.startsWith("sh:"))).toEqual([]);
    const edit = await owner.press("sh:name");
    expect(callbackAnswer(edit).text).toBe("你的店铺已被暂停：在运营恢复之前，优惠不会展示。");
    expect(shown(edit)).toEqual([]);
    expect(only(await owner.send(`/register Rebrand | food | ${HERE.lat},${HERE.lng} | 99 Elsewhere`)).text).toBe(
      "你的店铺已被暂停：在运营恢复之前，优惠不会展示。",
    );
    expect(only(await owner.send("/register")).text).toBe("你的店铺已被暂停：在运营恢复之前，优惠不会展示。");
    expect(await h.db.repos.shops.findByOwner(761n)).toMatchObject({ name: "Noodle King", address: "1 Road" });

    const reinstated = await admin.press(button(only(await admin.send(`/admin ${shopId}`)), "♻️ Reinstate"));
    expect(only(reinstated, "editMessageText").text).toBe(`#${shopId} Noodle King (🍜 Food), 1 Road · approved`);
    expect(await statusOf(761)).toBe("APPROVED");
    expect(await onSaleNearby()).toContain(dish);
    expect((await h.db.db.deal.findUniqueOrThrow({ where: { id: paused } })).status).toBe("PAUSED");
  });

  it("answers an unknown shop id plainly", async () => {
    const admin = h.user({ id: ADMIN, firstName: "Ops", languageCode: "en" });
    expect(only(await admin.send("/admin 99999")).text).toBe("There is no shop with that id.");
    expect(only(await admin.send("/admin bob")).text).toBe("There is no shop with that id.");
  });
});
