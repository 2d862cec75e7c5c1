import { describe, expect, it } from "vitest";
import { canBeReward, capPeriodStart, decideReward, isRewardCap, rewardOff, rewardRefusal, type RewardFacts } from "./referral.js";

const SHARER = 10n;
const FRIEND = 20n;
const VISIT = new Date("2026-05-04T10:00:00Z");
const MINUTE = 60_000;
const REDEEMED = new Date("2026-05-06T12:00:00Z");

/** A friend who came through Sam's share of offer 1, whose reward is a voucher for offer 2: eligible. */
function facts(over: Partial<RewardFacts> = {}): RewardFacts {
  return {
    setting: { dealId: 1, rewardDealId: 2, cap: 10, capPeriod: "month" },
    deal: { id: 1, shopId: 7 },
    share: { id: 5, sharerId: SHARER, dealId: 1, createdAt: new Date("2026-05-01T00:00:00Z") },
    friendId: FRIEND,
    firstSharedVisitAt: VISIT,
    orderCreatedAt: new Date(VISIT.getTime() + 30 * MINUTE),
    firstOtherOrderAt: null,
    alreadyGranted: false,
    givenInPeriod: 0,
    rewardOffer: { id: 2, shopId: 7, status: "ACTIVE", stockLeft: 3, minBuyers: 0, voucherValidDays: 30 },
    now: REDEEMED,
    ...over,
  };
}

describe("the referral reward rule", () => {
  it("rewards the sharer when a new friend redeems a voucher bought through their share", () => {
    expect(rewardRefusal(facts())).toBeNull();
  });

  it("gives nothing when the offer has no reward", () => {
    expect(rewardRefusal(facts({ setting: null }))).toBe("off");
    expect(rewardRefusal(facts({ setting: rewardOff(1) }))).toBe("off");
  });

  it("gives nothing for a voucher that did not come through a share of this offer", () => {
    expect(rewardRefusal(facts({ share: null }))).toBe("unshared");
    expect(rewardRefusal(facts({ share: { ...facts().share!, dealId: 3 } }))).toBe("unshared");
  });

  it("never rewards a self-referral", () => {
    expect(rewardRefusal(facts({ friendId: SHARER }))).toBe("self");
  });

  it("rewards once per friend and offer", () => {
    expect(rewardRefusal(facts({ alreadyGranted: true }))).toBe("granted");
  });

  it("refuses a friend who had bought at the shop before the shared visit, not one who bought after it", () => {
    expect(rewardRefusal(facts({ firstOtherOrderAt: new Date(VISIT.getTime() - 1) }))).toBe("customer");
    expect(rewardRefusal(facts({ firstOtherOrderAt: new Date(VISIT.getTime() + 60_000) }))).toBeNull();
  });

  it("dates the shared visit by the friend's order when no visit through the share was recorded, or when the order came first", () => {
    const boughtBefore = { firstOtherOrderAt: new Date(VISIT.getTime() + 10 * MINUTE) };
    // Visited at VISIT, ordered half an hour later: an order of 10 minutes after the visit is no earlier custom.
    expect(rewardRefusal(facts(boughtBefore))).toBeNull();
    expect(rewardRefusal(facts({ ...boughtBefore, firstSharedVisitAt: null }))).toBe("customer");
    expect(rewardRefusal(facts({ ...boughtBefore, firstSharedVisitAt: new Date(VISIT.getTime() + 60 * MINUTE) }))).toBe("customer");
  });

  it("gives the sharer a voucher of the reward's offer, valid for its days from the moment it is given", () => {
    expect(decideReward(facts())).toEqual({
      give: { sharerId: SHARER, rewardDealId: 2, expiresAt: new Date(REDEEMED.getTime() + 30 * 86_400_000) },
    });
    expect(decideReward(facts({ alreadyGranted: true }))).toEqual({ refused: "granted" });
  });

  it("stops at the cap", () => {
    expect(rewardRefusal(facts({ givenInPeriod: 9 }))).toBeNull();
    expect(rewardRefusal(facts({ givenInPeriod: 10 }))).toBe("capped");
  });

  it("gives nothing when the reward's offer cannot be given: none left, ended, a group deal, another shop's", () => {
    const offer = facts().rewardOffer!;
    expect(rewardRefusal(facts({ rewardOffer: { ...offer, stockLeft: 0 } }))).toBe("unavailable");
    expect(rewardRefusal(facts({ rewardOffer: { ...offer, status: "ENDED" } }))).toBe("unavailable");
    expect(rewardRefusal(facts({ rewardOffer: { ...offer, minBuyers: 3 } }))).toBe("unavailable");
    expect(rewardRefusal(facts({ rewardOffer: { ...offer, shopId: 8 } }))).toBe("unavailable");
    expect(rewardRefusal(facts({ rewardOffer: null }))).toBe("unavailable");
    // A paused offer can still be given: the merchant paused its sale, not the rewards.
    expect(rewardRefusal(facts({ rewardOffer: { ...offer, status: "PAUSED" } }))).toBeNull();
  });

  it("lets an offer reward with itself or another of the shop's that is not a group deal", () => {
    expect(canBeReward({ shopId: 7 }, { id: 1, shopId: 7, status: "ACTIVE", minBuyers: 0 })).toBe(true);
    expect(canBeReward({ shopId: 7 }, { id: 1, shopId: 7, status: "ACTIVE", minBuyers: 2 })).toBe(false);
    expect(canBeReward({ shopId: 7 }, { id: 1, shopId: 8, status: "ACTIVE", minBuyers: 0 })).toBe(false);
  });

  it("counts a monthly cap from the first of the month on the shop's clock", () => {
    // The first of May begins in Shanghai while it is still 30 April in UTC.
    const now = new Date("2026-05-10T12:00:00Z");
    expect(capPeriodStart("month", now, "Asia/Shanghai").toISOString()).toBe("2026-04-30T16:00:00.000Z");
    expect(capPeriodStart("month", now, "America/New_York").toISOString()).toBe("2026-05-01T04:00:00.000Z");
    expect(capPeriodStart("total", now, "UTC").getTime()).toBe(0);
  });

  it("takes only the caps it offers", () => {
    expect(isRewardCap(10)).toBe(true);
    expect(isRewardCap(0)).toBe(false);
    expect(isRewardCap(7)).toBe(false);
  });
});
