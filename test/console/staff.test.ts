// Staff: an owner's single-use, expiring invitation link; whoever opens it may
// redeem for the shop; the owner lists and removes them.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { button, buttonTexts, callbackAnswer, createHarness, only, shown } from "../support/bot-harness.js";

const HERE = { lat: 31.2304, lng: 121.4737 };
const OWNER = 741;
const DAY = 86_400_000;

describe("inviting staff", () => {
  let h: ReturnType<typeof createHarness>;
  let shopId: number;
  const redeemable = async (userId: number) => (await h.db.repos.shops.redeemableBy(BigInt(userId))).map((s) => s.id);

  beforeAll(async () => {
    h = createHarness();
    shopId = (await h.shop(OWNER, { ...HERE, name: "Tea & Co" })).id;
  });
  afterAll(() => h.close());

  async function inviteLink(): Promise<string> {
    const owner = h.user({ id: OWNER, firstName: "Olga", languageCode: "en" });
    const screen = only(await owner.send("/staff"));
    const link = only(await owner.press(button(screen, "➕ Invitation link")));
    const match = /https:\/\/t\.me\/nearbuy_test_bot\?start=(staff-[A-Za-z0-9_-]{22})/.exec(link.text);
    expect(match).not.toBeNull();
    return match![1]!;
  }

  it("shows an empty staff list with an invitation button", async () => {
    const owner = h.user({ id: OWNER, firstName: "Olga", languageCode: "en" });
    const screen = only(await owner.send("/staff"));
    expect(screen.text).toBe("👥 Tea & Co has no staff yet. Invite someone who redeems vouchers at the counter.");
    expect(buttonTexts(screen)).toEqual(["➕ Invitation link", "✖ Close"]);
  });

  it("makes whoever opens the link staff, once; the owner is told", async () => {
    const payload = await inviteLink();
    expect(payload.length).toBeLessThanOrEqual(64);
    const sam = h.user({ id: 742, firstName: "Sam", languageCode: "en" });
    expect(await redeemable(742)).toEqual([]);
    const calls = shown(await sam.send(`/start ${payload}`));
    expect(calls.map((c) => [c.payload.chat_id, c.text])).toEqual([
      [742, "✅ You're now staff of Tea & Co: you can redeem customers' vouchers."],
      [OWNER, "👥 Sam joined your staff."],
    ]);
    expect(await redeemable(742)).toEqual([shopId]);
    // The greeting's deep-link attribution is not given an invitation.
    expect((await h.db.repos.users.find(742n))?.source).toBeNull();

    const tom = h.user({ id: 743, firstName: "Tom", languageCode: "en" });
    expect(only(await tom.send(`/start ${payload}`)).text).toBe("This invitation link has already been used. Ask the owner for a new one.");
    expect(await redeemable(743)).toEqual([]);
  });

  it("leaves a new link unused when someone already on the staff opens it", async () => {
    const payload = await inviteLink();
    const sam = h.user({ id: 742, firstName: "Sam", languageCode: "en" });
    expect(shown(await sam.send(`/start ${payload}`)).map((c) => [c.payload.chat_id, c.text])).toEqual([
      [742, "You're already on this shop's staff. The link stays unused, for whoever it was meant for."],
    ]);
    // The person it was meant for can still use it.
    const uma = h.user({ id: 746, firstName: "Uma", languageCode: "en" });
    expect(shown(await uma.send(`/start ${payload}`)).map((c) => c.text)).toEqual([
      "✅ You're now staff of Tea & Co: you can redeem customers' vouchers.",
      "👥 Uma joined your staff.",
    ]);
    await h.db.db.shopStaff.deleteMany({ where: { userId: 746n } });
  });

  it("refuses an expired link and a made-up one", async () => {
    const payload = await inviteLink();
    h.advance(2 * DAY + 1000);
    try {
      const tom = h.user({ id: 743, firstName: "Tom", languageCode: "en" });
      expect(only(await tom.send(`/start ${payload}`)).text).toBe("This invitation link has expired. Ask the owner for a new one.");
      expect(only(await tom.send("/start staff-AAAAAAAAAAAAAAAAAAAAAA")).text).toBe("This invitation link is not valid.");
      expect(await redeemable(743)).toEqual([]);
    } finally {
      h.advance(-(2 * DAY + 1000));
    }
  });

  it("leaves a link opened while the shop is suspended unused, and nobody half-joined", async () => {
    const payload = await inviteLink();
    await h.db.db.shop.update({ where: { id: shopId }, data: { status: "SUSPENDED" } });
    const tom = h.user({ id: 744, firstName: "Tim", languageCode: "en" });
    try {
      expect(only(await tom.send(`/start ${payload}`)).text).toBe(
        "This shop can't take on staff right now. The link stays valid until it expires: try again later.",
      );
      const wu = h.user({ id: 745, firstName: "吴", languageCode: "zh" });
      expect(only(await wu.send(`/start ${payload}`)).text).toBe(
        "这家店铺目前无法添加店员。链接在过期前仍然有效，请稍后再试。",
      );
      expect(await h.db.db.shopStaff.count({ where: { shopId } })).toBe(1);
      expect((await h.db.db.staffInvite.findUniqueOrThrow({ where: { token: payload.slice("staff-".length) } })).usedAt).toBeNull();
    } finally {
      await h.db.db.shop.update({ where: { id: shopId }, data: { status: "APPROVED" } });
    }
    expect(shown(await tom.send(`/start ${payload}`)).map((c) => c.text)).toEqual([
      "✅ You're now staff of Tea & Co: you can redeem customers' vouchers.",
      "👥 Tim joined your staff.",
    ]);
    expect(await redeemable(744)).toEqual([shopId]);
    await h.db.db.shopStaff.deleteMany({ where: { userId: 744n } });
  });

  it("claims nothing for a shop suspended after the link was checked (the decision and the claim race)", async () => {
    const token = (await inviteLink()).slice("staff-".length);
    // The use case decided on an approved shop; an operator suspends it before the claim.
    await h.db.db.shop.update({ where: { id: shopId }, data: { status: "SUSPENDED" } });
    try {
      expect(await h.db.repos.staff.claimInvite(token, 746n, h.clock(), "APPROVED")).toBe(false);
      expect(await redeemable(746)).toEqual([]);
      expect((await h.db.db.staffInvite.findUniqueOrThrow({ where: { token } })).usedAt).toBeNull();
    } finally {
      await h.db.db.shop.update({ where: { id: shopId }, data: { status: "APPROVED" } });
    }
    expect(await h.db.repos.staff.claimInvite(token, 746n, h.clock(), "APPROVED")).toBe(true);
    expect(await redeemable(746)).toEqual([shopId]);
    await h.db.db.shopStaff.deleteMany({ where: { userId: 746n } });
  });

  it("lists staff and removes them; removed staff can no longer redeem", async () => {
    const owner = h.user({ id: OWNER, firstName: "Olga", languageCode: "en" });
    const screen = only(await owner.send("/staff"));
    expect(screen.text).toBe(
      "👥 Staff of Tea & Co (1). They can redeem vouchers; they can't change offers or see revenue.\n\n• Sam",
    );
    const calls = await owner.press(button(screen, "✖ Remove Sam"));
    expect(callbackAnswer(calls).text).toBe("Removed.");
    expect(only(calls).text).toMatch(/^👥 Tea & Co has no staff yet/);
    expect(await redeemable(742)).toEqual([]);
  });

  it("lets nobody else create links or remove staff through forged buttons", async () => {
    const sam = h.user({ id: 742, firstName: "Sam", languageCode: "en" });
    await sam.send(`/start ${await inviteLink()}`);
    const stranger = h.user({ id: 749, firstName: "Eve", languageCode: "en" });
    await stranger.send("/start"); // a button is pressed on a message in the chat
    for (const data of ["sf:i:0:0", "sf:x:742:0", "sf:p:0:1"]) {
      const calls = await stranger.press(data);
      expect(callbackAnswer(calls)).toEqual({
        text: "Only merchants can do this. Register your shop first with /register.",
        alert: true,
      });
      expect(shown(calls)).toEqual([]);
    }
    expect(callbackAnswer(await sam.press("sf:i:0:0")).text).toBe(
      "Only the shop's owner can do this. As staff, you can redeem customers' vouchers.",
    );
    expect(await redeemable(742)).toEqual([shopId]);
    expect(await h.db.db.staffInvite.count({ where: { usedAt: null } })).toBe(1);
  });
});
