// With operators configured, a new shop waits for one of them, and they are told.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { button, createHarness, only, shown } from "../support/bot-harness.js";

const ADMIN = 900;
const ASLEEP_ADMIN = 901;

describe("registering a shop when operators approve shops", () => {
  let h: ReturnType<typeof createHarness>;
  beforeAll(() => {
    h = createHarness({ adminIds: [BigInt(ADMIN), BigInt(ASLEEP_ADMIN)] });
    h.block(ASLEEP_ADMIN);
  });
  afterAll(() => h.close());

  it("keeps the shop pending, tells the merchant, and notifies every operator it can reach", async () => {
    const zoe = h.user({ id: 501, firstName: "Zoë <Z>", languageCode: "en" });
    await zoe.send("/register Zoë's Flowers & Gifts | retail | 31.2,121.5 | 5 <Main> St");
    await zoe.send("9–17");
    const calls = shown(await zoe.press("form:pick:CNY"));

    const toZoe = calls.filter((c) => c.payload.chat_id === 501);
    expect(toZoe.map((c) => c.text)).toEqual([
      "✅ Zoë's Flowers & Gifts is registered and waits for an operator's approval. I'll tell you when it's done.",
    ]);
    const notices = calls.filter((c) => c.payload.chat_id !== 501);
    expect(notices.map((c) => c.payload.chat_id)).toEqual([ADMIN, ASLEEP_ADMIN]);
    expect(notices[0]!.text).toBe(
      "🆕 New shop waiting for approval: Zoë's Flowers & Gifts (🛍 Shopping), 5 <Main> St, owner Zoë <Z> (501).",
    );
    expect(notices[1]!.result).toEqual({ refused: "bot was blocked by the user" });
    expect(h.logs.filter((l) => l.msg === "could not notify a user" && l.userId === String(ASLEEP_ADMIN))).toHaveLength(1);

    expect(await h.db.repos.shops.findByOwner(501n)).toMatchObject({ status: "PENDING", name: "Zoë's Flowers & Gifts" });
  });

  it("tells a pending merchant that offers wait for the approval", async () => {
    const zoe = h.user({ id: 501, firstName: "Zoë <Z>", languageCode: "en" });
    expect(only(await zoe.send("/newdeal")).text).toBe("Your shop is still waiting for an operator's approval.");
    expect(await h.db.repos.forms.get(501n)).toBeNull();
  });

  it("sends a rejected shop that registers again back to the operators, who are told", async () => {
    const admin = h.user({ id: ADMIN, firstName: "Ops", languageCode: "en" });
    const shopId = (await h.db.repos.shops.findByOwner(501n))!.id;
    await admin.press(`ad:r:${shopId}`);
    expect(await h.db.repos.shops.findByOwner(501n)).toMatchObject({ status: "REJECTED" });

    const zoe = h.user({ id: 501, firstName: "Zoë <Z>", languageCode: "en" });
    await zoe.send("/register Zoë's Flowers | retail | 31.2,121.5 | 7 Main St");
    await zoe.send("9–18");
    const calls = shown(await zoe.press("form:pick:CNY"));
    expect(calls.filter((c) => c.payload.chat_id === 501).map((c) => c.text)).toEqual([
      "✅ Zoë's Flowers is registered and waits for an operator's approval. I'll tell you when it's done.",
    ]);
    const notice = calls.find((c) => c.payload.chat_id === ADMIN)!;
    expect(notice.text).toBe(
      "🔁 Registered again after a rejection, waiting for approval: Zoë's Flowers (🛍 Shopping), 7 Main St, owner Zoë <Z> (501).",
    );
    expect(await h.db.repos.shops.findByOwner(501n)).toMatchObject({ status: "PENDING", name: "Zoë's Flowers" });
    expect(only(await zoe.send("/newdeal")).text).toBe("Your shop is still waiting for an operator's approval.");

    await admin.press(button(notice, "✅ Approve"));
    expect(await h.db.repos.shops.findByOwner(501n)).toMatchObject({ status: "APPROVED" });
  });

  it("says so in Chinese too", async () => {
    const wu = h.user({ id: 502, firstName: "吴", languageCode: "zh" });
    await wu.send("/register 吴记 | food | 31.2,121.5 | 南京路 1 号");
    await wu.send("9–17");
    const toWu = shown(await wu.press("form:pick:CNY")).filter((c) => c.payload.chat_id === 502);
    expect(toWu.map((c) => c.text)).toEqual(["✅ 吴记 已登记，正在等待运营审核，审核完成后我会通知你。"]);
    expect(only(await wu.send("/newdeal")).text).toBe("你的店铺仍在等待运营审核。");
  });
});
