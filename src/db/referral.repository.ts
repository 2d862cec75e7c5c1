// Referral rewards. A grant is one transaction that first writes the offer's
// setting row (a no-op write): on SQLite that takes the database's write lock,
// on PostgreSQL the row's, so grants of one offer queue there and each counts
// the others against the cap. Then the reward's offer is locked as buying
// locks it (dialect.ts lockDeal), its unit taken, and the free order, its
// voucher and the reward row written; the unique (offer, friend) pair is the
// last guard against a second reward for one friend.
import type { Grant, ReferralRepository, RewardClaim } from "../core/ports/referral.port.js";
import { OrderStatus, PAID_ONCE, VoucherStatus } from "../domain/lifecycles.js";
import { REWARD_SOURCE, type CapPeriod, type ReferralSetting, type RewardDecision, type RewardFacts, type RewardToGive } from "../domain/referral.js";
import { friendsSource } from "../domain/share.js";
import type * as Row from "../generated/prisma/client.js";
import { retryWhenBusy } from "./busy-retry.js";
import { dialectOf, type Db } from "./client.js";
import { toOrder, toDealWithShop, toVoucher } from "./rows.js";
import { isUniqueViolation, lockingTransaction, type Tx } from "./transaction.js";

const toSetting = (row: Row.ReferralSetting): ReferralSetting => ({
  dealId: row.dealId,
  rewardDealId: row.rewardDealId,
  cap: row.cap,
  capPeriod: row.capPeriod as CapPeriod,
});

/** What the rule reads, under the locks. */
async function factsOf(tx: Tx, claim: RewardClaim, setting: ReferralSetting | null): Promise<RewardFacts> {
  // One after the other: a transaction's statements share its one connection.
  const share = await tx.share.findUnique({ where: { id: claim.shareId } });
  const firstVisit = await tx.event.findFirst({
    where: { dealId: claim.dealId, userId: claim.friendId, type: "VIEW", source: friendsSource(claim.shareId) },
    orderBy: { createdAt: "asc" },
    select: { createdAt: true },
  });
  const firstOther = await tx.order.findFirst({
    where: { buyerId: claim.friendId, status: { in: PAID_ONCE }, id: { not: claim.orderId }, deal: { shopId: claim.shopId } },
    orderBy: { paidAt: "asc" },
    select: { paidAt: true },
  });
  const granted = await tx.referralReward.count({ where: { dealId: claim.dealId, friendId: claim.friendId } });
  const given = setting
    ? await tx.referralReward.count({ where: { dealId: claim.dealId, createdAt: { gte: claim.capSince(setting.capPeriod) } } })
    : 0;
  const offer = setting?.rewardDealId ? await tx.deal.findUnique({ where: { id: setting.rewardDealId } }) : null;
  return {
    setting,
    deal: { id: claim.dealId, shopId: claim.shopId },
    share,
    friendId: claim.friendId,
    firstSharedVisitAt: firstVisit?.createdAt ?? null,
    orderCreatedAt: claim.orderCreatedAt,
    firstOtherOrderAt: firstOther?.paidAt ?? null,
    alreadyGranted: granted > 0,
    givenInPeriod: given,
    rewardOffer: offer,
    now: claim.now,
  };
}

/** The sharer's free order of one voucher, as a claimed free coupon is: priced 0, its usual price kept as the discount given. */
async function writeReward(tx: Tx, claim: RewardClaim, { sharerId, rewardDealId, expiresAt }: RewardToGive) {
  const now = claim.now;
  const changed = await tx.$executeRaw`
    UPDATE "Deal" SET "stockLeft" = "stockLeft" - 1, "updatedAt" = ${now} WHERE "id" = ${rewardDealId} AND "stockLeft" >= 1`;
  if (changed !== 1) throw new Error(`deal ${rewardDealId}: stock moved under the lock`);
  const deal = await tx.deal.findUniqueOrThrow({ where: { id: rewardDealId }, include: { shop: true } });
  const order = await tx.order.create({
    data: {
      dealId: deal.id,
      buyerId: sharerId,
      quantity: 1,
      currency: deal.currency,
      unitPriceMinor: 0,
      unitOriginalMinor: deal.originalPriceMinor,
      title: deal.title,
      totalMinor: 0,
      status: OrderStatus.PAID,
      source: REWARD_SOURCE,
      reservedUntil: now,
      paidAt: now,
      createdAt: now,
    },
  });
  const voucher = await tx.voucher.create({
    data: {
      code: claim.newCode(),
      orderId: order.id,
      dealId: deal.id,
      holderId: sharerId,
      status: VoucherStatus.ACTIVE,
      expiresAt,
    },
  });
  await tx.referralReward.create({
    data: {
      dealId: claim.dealId,
      friendId: claim.friendId,
      sharerId,
      shareId: claim.shareId,
      voucherId: claim.voucherId,
      rewardOrderId: order.id,
      createdAt: now,
    },
  });
  return { ...toOrder(order), vouchers: [toVoucher(voucher)], deal: toDealWithShop(deal) };
}

export function createReferralRepository(db: Db): ReferralRepository {
  const { lockDeal } = dialectOf(db);
  const transaction = lockingTransaction(db);

  return {
    async setting(dealId) {
      const row = await db.referralSetting.findUnique({ where: { dealId } });
      return row && toSetting(row);
    },

    async save({ dealId, rewardDealId, cap, capPeriod }) {
      await retryWhenBusy(() =>
        db.referralSetting.upsert({ where: { dealId }, create: { dealId, rewardDealId, cap, capPeriod }, update: { rewardDealId, cap, capPeriod } }),
      );
    },

    givenSince: (dealId, since) => db.referralReward.count({ where: { dealId, createdAt: { gte: since } } }),

    async grant(claim, decide: (facts: RewardFacts) => RewardDecision): Promise<Grant> {
      try {
        return await transaction(async (tx): Promise<Grant> => {
          await tx.$executeRaw`UPDATE "ReferralSetting" SET "cap" = "cap" WHERE "dealId" = ${claim.dealId}`;
          const row = await tx.referralSetting.findUnique({ where: { dealId: claim.dealId } });
          const setting = row && toSetting(row);
          if (setting?.rewardDealId) await lockDeal(tx, setting.rewardDealId);
          const decision = decide(await factsOf(tx, claim, setting));
          if ("refused" in decision) return decision;
          return { granted: await writeReward(tx, claim, decision.give) };
        });
      } catch (error) {
        // The pair is taken: another grant for this friend and offer committed first.
        if (isUniqueViolation(error)) return { refused: "granted" };
        throw error;
      }
    },
  };
}
