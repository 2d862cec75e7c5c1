// The referral repository on both databases: a reward is given once per
// friend and offer, and never past the cap, however many redemptions race
// (several bot instances redeem at once); a refused grant writes nothing.
import { afterEach, beforeEach, expect, it } from "vitest";
import type { RewardClaim } from "../../src/core/ports/referral.port.js";
import { decideReward, REWARD_SOURCE } from "../../src/domain/referral.js";
import { friendsSource } from "../../src/domain/share.js";
import { newVoucherCode } from "../../src/domain/voucher-code.js";
import { describeEachDatabase } from "../support/databases.js";
import type { TestDb } from "../support/test-db.js";
import { dealRow, orderRow, shopRow } from "../console/fixtures.js";

const NOW = new Date("2026-05-10T12:00:00Z");
const SHARER = 500n;

describeEachDatabase("referral rewards", (openDb) => {
  let t: TestDb;
  let dealId: number;
  let shopId: number;
  let shareId: number;

  beforeEach(async () => {
    t = await openDb();
    const owner = 400n;
    for (const id of [owner, SHARER]) await t.db.user.create({ data: { id, firstName: `User ${id}` } });
    const shop = await t.db.shop.create({ data: shopRow(owner, { lat: 31.23, lng: 121.47 }) });
    shopId = shop.id;
    dealId = (await t.db.deal.create({ data: dealRow(shop, { title: "Soup dumplings", priceMinor: 1800, originalPriceMinor: 3000 }) })).id;
    shareId = (await t.db.share.create({ data: { sharerId: SHARER, dealId } })).id;
  });
  afterEach(() => t.close());

  /** A friend's voucher bought through the share, redeemed: the claim the use case would make. */
  async function friendRedeemed(friendId: bigint): Promise<RewardClaim> {
    await t.db.user.upsert({ where: { id: friendId }, create: { id: friendId, firstName: `Friend ${friendId}` }, update: {} });
    const order = await t.db.order.create({
      data: orderRow(friendId, dealId, 1800, 3000, {
        status: "PAID",
        source: friendsSource(shareId),
        createdAt: "2026-05-10T10:00:00Z",
        paidAt: "2026-05-10T10:01:00Z",
      }),
    });
    const voucher = await t.db.voucher.create({
      data: { code: newVoucherCode(), orderId: order.id, dealId, holderId: friendId, status: "REDEEMED", expiresAt: new Date("2026-06-10T00:00:00Z"), redeemedAt: NOW },
    });
    return {
      voucherId: voucher.id,
      orderId: order.id,
      dealId,
      shopId,
      friendId,
      shareId,
      orderCreatedAt: order.createdAt,
      now: NOW,
      capSince: () => new Date("2026-05-01T00:00:00Z"),
      newCode: newVoucherCode,
    };
  }

  const rewardThisOffer = (cap: number) => t.repos.referrals.save({ dealId, rewardDealId: dealId, cap, capPeriod: "month" });

  it("gives the sharer a free voucher of the reward's offer, priced 0 at its usual price, taking one unit", async () => {
    await rewardThisOffer(10);
    const grant = await t.repos.referrals.grant(await friendRedeemed(601n), decideReward);
    if (!("granted" in grant)) throw new Error(`refused: ${grant.refused}`);
    const order = grant.granted;
    expect(order).toMatchObject({ buyerId: SHARER, dealId, quantity: 1, unitPriceMinor: 0, unitOriginalMinor: 3000, totalMinor: 0, status: "PAID", source: REWARD_SOURCE });
    expect(order.vouchers).toHaveLength(1);
    expect(order.vouchers[0]).toMatchObject({ holderId: SHARER, status: "ACTIVE" });
    expect(order.deal.shop.id).toBe(shopId);
    expect((await t.db.deal.findUniqueOrThrow({ where: { id: dealId } })).stockLeft).toBe(99);
    expect(await t.repos.referrals.givenSince(dealId, new Date(0))).toBe(1);
  });

  it("gives one reward per friend when two of their redemptions race", async () => {
    await rewardThisOffer(10);
    const claims = [await friendRedeemed(602n), await friendRedeemed(602n)];
    const grants = await Promise.all(claims.map((c) => t.repos.referrals.grant(c, decideReward)));
    expect(grants.filter((g) => "granted" in g)).toHaveLength(1);
    expect(grants.find((g) => "refused" in g)).toEqual({ refused: "granted" });
    expect(await t.db.order.count({ where: { source: REWARD_SOURCE } })).toBe(1);
  });

  it("never gives more than the cap when many friends' redemptions race", async () => {
    await rewardThisOffer(5);
    const claims = [];
    for (let i = 0; i < 8; i++) claims.push(await friendRedeemed(BigInt(610 + i)));
    const grants = await Promise.all(claims.map((c) => t.repos.referrals.grant(c, decideReward)));
    expect(grants.filter((g) => "granted" in g)).toHaveLength(5);
    expect(grants.filter((g) => "refused" in g && g.refused === "capped")).toHaveLength(3);
    expect(await t.db.referralReward.count()).toBe(5);
    expect((await t.db.deal.findUniqueOrThrow({ where: { id: dealId } })).stockLeft).toBe(95);
  });

  it("writes nothing when the rule refuses", async () => {
    const grant = await t.repos.referrals.grant(await friendRedeemed(620n), decideReward);
    expect(grant).toEqual({ refused: "off" });
    await rewardThisOffer(10);
    expect(await t.repos.referrals.grant(await friendRedeemed(SHARER), decideReward)).toEqual({ refused: "self" });
    expect(await t.db.order.count({ where: { source: REWARD_SOURCE } })).toBe(0);
    expect((await t.db.deal.findUniqueOrThrow({ where: { id: dealId } })).stockLeft).toBe(100);
  });

  it("reads a friend's earlier order at the shop as being a customer already", async () => {
    await rewardThisOffer(10);
    const friend = 630n;
    await t.db.user.create({ data: { id: friend, firstName: "Regular" } });
    await t.db.order.create({
      data: orderRow(friend, dealId, 1800, 3000, { status: "PAID", source: "nearby", createdAt: "2026-04-02T10:00:00Z", paidAt: "2026-04-02T10:01:00Z" }),
    });
    expect(await t.repos.referrals.grant(await friendRedeemed(friend), decideReward)).toEqual({ refused: "customer" });
  });

  it("keeps an offer's setting, off until one is saved", async () => {
    expect(await t.repos.referrals.setting(dealId)).toBeNull();
    await t.repos.referrals.save({ dealId, rewardDealId: dealId, cap: 25, capPeriod: "total" });
    await t.repos.referrals.save({ dealId, rewardDealId: null, cap: 25, capPeriod: "total" });
    expect(await t.repos.referrals.setting(dealId)).toEqual({ dealId, rewardDealId: null, cap: 25, capPeriod: "total" });
  });
});
