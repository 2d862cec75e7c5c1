// Referral rewards a merchant funds: set per offer in /mydeals, given when a
// friend redeems a voucher bought through someone's share of it. The grant
// comes after the redemption has been answered and never undoes or fails it:
// whatever goes wrong is reported, and the redemption stands.
import type { Deal, DealWithShop } from "../domain/deal.js";
import { DomainError } from "../domain/errors.js";
import { timeZoneOf } from "../domain/local-time.js";
import type { FoundVoucher } from "../domain/order.js";
import {
  canBeReward,
  capPeriodStart,
  isRewardCap,
  rewardOff,
  rewardRefusal,
  type CapPeriod,
  type ReferralSetting,
  type RewardRefusal,
} from "../domain/referral.js";
import { shareOfSource } from "../domain/share.js";
import { newVoucherCode } from "../domain/voucher-code.js";
import type { Clock } from "../util/clock.js";
import type { ConsoleService } from "./console.service.js";
import type { DealRepository } from "./ports/deal.port.js";
import type { CheckoutMessages } from "./ports/messaging.port.js";
import type { OrderRepository } from "./ports/order.port.js";
import type { ReferralRepository } from "./ports/referral.port.js";

/** One offer's reward as its owner sees it. */
export interface RewardScreen {
  deal: DealWithShop;
  setting: ReferralSetting;
  /** The offer the sharer gets a voucher for; null when the reward is off. */
  reward: Deal | null;
  /** Rewards of this offer given in the cap's current period. */
  given: number;
}

/** What a redemption did for the sharer. */
export type RewardOutcome = { kind: "granted"; orderId: number } | { kind: "refused"; reason: RewardRefusal } | { kind: "failed" };

export function createReferralService({
  referrals,
  deals,
  orders,
  owned,
  messaging,
  clock,
  onFailure,
  newCode = newVoucherCode,
}: {
  referrals: ReferralRepository;
  deals: Pick<DealRepository, "findWithShop" | "listByShop">;
  orders: Pick<OrderRepository, "markDelivered">;
  /** The owner's offers, checked against who asks. */
  owned: Pick<ConsoleService, "ownedDeal" | "changeableDeal">;
  messaging: Pick<CheckoutMessages, "referralRewarded">;
  clock: Clock;
  /** A reward that could not be given or delivered: for the operator's log. */
  onFailure: (error: unknown, voucherId: number) => void;
  newCode?: () => string;
}) {
  async function screenOf(deal: DealWithShop): Promise<RewardScreen> {
    const setting = (await referrals.setting(deal.id)) ?? rewardOff(deal.id);
    const reward = setting.rewardDealId === null ? null : await deals.findWithShop(setting.rewardDealId);
    const given = await referrals.givenSince(deal.id, capPeriodStart(setting.capPeriod, clock(), timeZoneOf(deal.shop)));
    return { deal, setting, reward, given };
  }

  /** Changes an offer's setting: only an offer the owner may still change. */
  async function change(userId: bigint, dealId: number, patch: Partial<Omit<ReferralSetting, "dealId">>): Promise<RewardScreen> {
    const deal = await owned.changeableDeal(userId, dealId);
    const now = (await referrals.setting(dealId)) ?? rewardOff(dealId);
    await referrals.save({ ...now, ...patch, dealId });
    return screenOf(deal);
  }

  return {
    /** The offer's reward, for its owner. */
    async screen(userId: bigint, dealId: number): Promise<RewardScreen> {
      return screenOf(await owned.ownedDeal(userId, dealId));
    },

    /** The owner's other offers that can be this one's reward, newest first. */
    async choices(userId: bigint, dealId: number): Promise<{ deal: DealWithShop; offers: Deal[] }> {
      const deal = await owned.changeableDeal(userId, dealId);
      const offers = (await deals.listByShop(deal.shopId)).filter((o) => o.id !== deal.id && canBeReward(deal, o));
      return { deal, offers };
    },

    /** The sharer's reward: a voucher for this offer or another of the shop's, or none (null). */
    async setReward(userId: bigint, dealId: number, rewardDealId: number | null): Promise<RewardScreen> {
      if (rewardDealId !== null) {
        const deal = await owned.changeableDeal(userId, dealId);
        const offer = await deals.findWithShop(rewardDealId);
        if (!offer || !canBeReward(deal, offer)) throw new DomainError("reward-offer-invalid");
      }
      return change(userId, dealId, { rewardDealId });
    },

    /** How many rewards the cap allows; its period stays. */
    async setCap(userId: bigint, dealId: number, cap: number): Promise<RewardScreen> {
      if (!isRewardCap(cap)) throw new DomainError("reward-cap-invalid");
      return change(userId, dealId, { cap });
    },

    /** Whether the cap counts a month or all time; the number stays. */
    async setCapPeriod(userId: bigint, dealId: number, capPeriod: CapPeriod): Promise<RewardScreen> {
      return change(userId, dealId, { capPeriod });
    },

    /**
     * A voucher was redeemed: when it came through a friend's share of an
     * offer with a reward, the sharer may earn one (the domain's rule, under
     * the offer's reward lock), told in their language with the voucher.
     * Never throws.
     */
    async afterRedemption(voucher: FoundVoucher): Promise<RewardOutcome> {
      const shareId = shareOfSource(voucher.order.source);
      if (shareId === null) return { kind: "refused", reason: "unshared" };
      try {
        const setting = await referrals.setting(voucher.dealId);
        if (!setting || setting.rewardDealId === null) return { kind: "refused", reason: "off" };
        const now = clock();
        const zone = timeZoneOf(voucher.deal.shop);
        const grant = await referrals.grant(
          {
            voucherId: voucher.id,
            orderId: voucher.orderId,
            dealId: voucher.dealId,
            shopId: voucher.deal.shopId,
            friendId: voucher.order.buyerId,
            shareId,
            orderCreatedAt: voucher.order.createdAt,
            now,
            capSince: (period) => capPeriodStart(period, now, zone),
            newCode,
          },
          rewardRefusal,
        );
        if ("refused" in grant) return { kind: "refused", reason: grant.refused };
        // Undelivered, the reward is handed over by the job that delivers paid orders.
        if ((await messaging.referralRewarded(grant.granted, { title: voucher.deal.title })) === "delivered") {
          await orders.markDelivered(grant.granted.id, clock());
        }
        return { kind: "granted", orderId: grant.granted.id };
      } catch (error) {
        onFailure(error, voucher.id);
        return { kind: "failed" };
      }
    },
  };
}

export type ReferralService = ReturnType<typeof createReferralService>;
