// The reminders job over the real bot: unused vouchers three days before they
// expire, saved deals about to end or nearly sold out. Each reminder once, in
// the user's quiet hours never, and the voucher reminders' opt-out honoured.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { button, buttonTexts, callbackAnswer, createHarness, type ApiCall } from "../support/bot-harness.js";
import { openSharedCard, purchase, shownCode } from "../support/purchase.js";

const SHANGHAI = { lat: 31.2304, lng: 121.4737 };
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe("reminders", () => {
  // 4 May 2026, 17:00 in Shanghai.
  const h = createHarness({ now: new Date("2026-05-04T09:00:00Z") });
  const remindersTo = (chatId: number, calls: ApiCall[] = h.calls) =>
    calls.filter((c) => c.method === "sendMessage" && Number(c.payload.chat_id) === chatId && c.text.startsWith("⏰"));
  const run = () => h.services.reminders.run(h.clock());

  beforeAll(async () => {
    await h.shop(801, { ...SHANGHAI, name: "Tea House", address: "8 Tea Road" });
  });
  afterAll(() => h.close());

  it("reminds once of unused vouchers three days before they expire, one message for several, and not of a redeemed one", async () => {
    const deal = await h.publish(801, { title: "Oolong tasting", voucherValidDays: 10, perPersonLimit: 5 });
    const ann = h.user({ id: 811, firstName: "Ann", languageCode: "en" });
    const ben = h.user({ id: 812, firstName: "Ben", languageCode: "en" });
    const bought = await purchase(h, ann, deal.id, 2);
    const used = await purchase(h, ben, deal.id);
    await h.user({ id: 801, firstName: "Owner" }).send(`/redeem ${used.codes[0]}`);

    expect(await run()).toMatchObject({ vouchers: 0 });
    h.advance(7 * DAY + HOUR); // 18:00, the vouchers expire in 2 days 23 hours
    expect(await run()).toMatchObject({ vouchers: 1 });
    const [reminder] = remindersTo(811);
    expect(reminder!.text).toBe(
      [
        "⏰ 2 of your vouchers expire soon, still unused:",
        "",
        ...bought.codes.map((code) => `• ${shownCode(code)} Oolong tasting at Tea House: valid until 14 May 2026, 17:00`),
      ].join("\n"),
    );
    expect(buttonTexts(reminder!)).toEqual(["🎟 My vouchers", "🔕 No more of these reminders"]);
    expect(remindersTo(812)).toEqual([]);

    h.advance(HOUR);
    expect(await run()).toMatchObject({ vouchers: 0 });
    expect(remindersTo(811)).toHaveLength(1);
  });

  it("honours the opt-out from the reminder's button, for later vouchers too, until turned back on", async () => {
    const short = await h.publish(801, { title: "Green tea", voucherValidDays: 4, days: 30, perPersonLimit: 5 });
    const later = await h.publish(801, { title: "White tea", voucherValidDays: 9, days: 30 });
    const cy = h.user({ id: 813, firstName: "Cy", languageCode: "en" });
    await purchase(h, cy, short.id);
    await purchase(h, cy, later.id);
    h.advance(2 * DAY); // Green tea expires in 2 days; White tea in 7
    await run();
    const [reminder] = remindersTo(813);
    expect(reminder!.text).toContain("Green tea");

    const off = await cy.press(button(reminder!, "🔕 No more of these reminders"));
    expect(callbackAnswer(off).text).toBe("🔕 Done: no more reminders of vouchers about to expire.");
    const flipped = off.find((c) => c.method === "editMessageReplyMarkup")!;
    expect(buttonTexts(flipped)).toEqual(["🎟 My vouchers", "🔔 Remind me again"]);

    h.advance(5 * DAY); // White tea expires in 2 days
    await run();
    expect(remindersTo(813)).toHaveLength(1);

    // Another user's opt-out is theirs alone: the button acts on whoever presses it.
    const dee = h.user({ id: 814, firstName: "Dee", languageCode: "en" });
    await purchase(h, dee, short.id);
    h.advance(2 * DAY);
    await run();
    expect(remindersTo(814)).toHaveLength(1);

    expect(callbackAnswer(await cy.press(button(flipped, "🔔 Remind me again"))).text).toBe("🔔 Voucher reminders are back on.");
    await purchase(h, cy, short.id);
    h.advance(2 * DAY);
    await run();
    expect(remindersTo(813)).toHaveLength(2);
  });

  it("waits out the holder's quiet hours", async () => {
    const deal = await h.publish(801, { title: "Pu'er", voucherValidDays: 5 });
    const eve = h.user({ id: 815, firstName: "Eve", languageCode: "zh" });
    await purchase(h, eve, deal.id);
    // The voucher expires 5 days after purchase; move to 23:00 in Shanghai, 2 days before.
    const expires = (await h.db.db.voucher.findFirstOrThrow({ where: { holderId: 815n } })).expiresAt;
    const quiet = new Date(expires.getTime() - 2 * DAY);
    quiet.setUTCHours(15, 0, 0, 0); // 23:00 in Shanghai
    h.advance(quiet.getTime() - h.clock().getTime());
    await run();
    expect(remindersTo(815)).toEqual([]);
    h.advance(9 * HOUR); // 08:00
    await run();
    expect(remindersTo(815).map((c) => c.text)).toEqual([expect.stringMatching(/^⏰ 你有 1 张券快过期了，还没使用：\n\n• .* Pu'er（Tea House）：有效期至/)]);
  });

  it("reminds once of a saved deal about to end, and of one nearly sold out", async () => {
    const ending = await h.publish(801, { title: "Last call matcha", days: 2 });
    const scarce = await h.publish(801, { title: "Rare tea", quantity: 5, perPersonLimit: 5 });
    const fay = h.user({ id: 816, firstName: "Fay", languageCode: "en" });
    await fay.press(button(await openSharedCard(fay, ending.id), "♡ Save"));
    await fay.press(button(await openSharedCard(fay, scarce.id), "♡ Save"));
    expect(await run()).toMatchObject({ saved: 0 });

    await purchase(h, h.user({ id: 817, firstName: "Gus" }), scarce.id, 2); // 3 of 5 left
    expect(await run()).toMatchObject({ saved: 1 });
    expect(remindersTo(816).map((c) => c.text)).toEqual(["⏰ A deal you saved is nearly sold out: Rare tea at Tea House, only 3 left."]);
    expect(buttonTexts(remindersTo(816)[0]!)).toEqual(["🛒 See the deal", "♥ Saved deals"]);

    h.advance(25 * HOUR);
    expect(await run()).toMatchObject({ saved: 1 });
    expect(remindersTo(816)[1]!.text).toMatch(/^⏰ A deal you saved ends soon: Last call matcha at Tea House, until .* \(50 left\)\.$/);

    h.advance(HOUR);
    expect(await run()).toMatchObject({ saved: 0 });
    expect(remindersTo(816)).toHaveLength(2);
  });
});
