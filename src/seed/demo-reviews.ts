// Demo reviews, so the sandbox and the demo show ratings from the start: a few
// shops around each demo place get verified reviews, each behind a real
// order, its voucher and the shop's redemption of it, as a review must be.
// Deterministic (its own seed, after the shops and deals are written), and
// written by demo visitors, so the demo users' own wallets stay empty.
import type { Repositories } from "../core/ports/repositories.js";
import type { Deal } from "../domain/deal.js";
import { settlePayment } from "../domain/order.js";
import type { Shop } from "../domain/shop.js";
import { newVoucherCode } from "../domain/voucher-code.js";
import { createRandom } from "./random.js";

export interface ReviewedShopPlan {
  shop: Shop;
  placeKey: string;
  language: "en" | "zh";
  /** Its offers on sale. */
  deals: Deal[];
}

/** The visitors who write the demo reviews: ids apart from the demo users' and the shops' owners'. */
export const DEMO_REVIEWERS: { id: number; firstName: string; language: "en" | "zh" }[] = [
  { id: 8_000_001, firstName: "Chloe", language: "en" },
  { id: 8_000_002, firstName: "Marcus", language: "en" },
  { id: 8_000_003, firstName: "Priya", language: "en" },
  { id: 8_000_004, firstName: "Diego", language: "en" },
  { id: 8_000_005, firstName: "Hana", language: "en" },
  { id: 8_000_011, firstName: "小雨", language: "zh" },
  { id: 8_000_012, firstName: "阿杰", language: "zh" },
  { id: 8_000_013, firstName: "王芳", language: "zh" },
  { id: 8_000_014, firstName: "陈晨", language: "zh" },
  { id: 8_000_015, firstName: "Lily", language: "zh" },
];

/** Shops reviewed around each demo place, and reviews each. */
const SHOPS_PER_PLACE = 3;
const REVIEWS_PER_SHOP: [number, number] = [2, 4];
const SEED = 20261129;
const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/** What visitors say, by how many stars they gave. */
const TEXTS: Record<"en" | "zh", Record<number, string[]>> = {
  en: {
    5: ["Loved it, will come back.", "Great value for the price, friendly staff.", "Exactly as described. Highly recommend!", ""],
    4: ["Good overall, a bit of a wait at the counter.", "Nice place, the voucher worked without a fuss.", ""],
    3: ["Fine, nothing special.", "OK for the price, but busy at lunch."],
    2: ["Smaller portion than I expected."],
  },
  zh: {
    5: ["很满意，还会再来！", "性价比很高，店员很热情。", "和描述的一样，推荐！", ""],
    4: ["整体不错，就是排队有点久。", "环境好，核销很顺利。", ""],
    3: ["一般般，没有特别惊喜。", "价格还行，午饭时间人太多。"],
    2: ["分量比想象的少。"],
  },
};
const STARS = [5, 5, 5, 4, 4, 4, 3, 2];

/** Writes the demo reviews; returns how many. */
export async function seedDemoReviews(repos: Repositories, shops: ReviewedShopPlan[], now: Date): Promise<number> {
  const r = createRandom(SEED);
  for (const reviewer of DEMO_REVIEWERS) await repos.users.ensure({ id: reviewer.id, firstName: reviewer.firstName, languageCode: reviewer.language });
  const byPlace = new Map<string, ReviewedShopPlan[]>();
  for (const plan of shops.filter((s) => s.deals.length > 0)) byPlace.set(plan.placeKey, [...(byPlace.get(plan.placeKey) ?? []), plan]);

  let written = 0;
  for (const plans of byPlace.values()) {
    for (const { shop, language, deals } of plans.slice(0, SHOPS_PER_PLACE)) {
      const reviewers = DEMO_REVIEWERS.filter((u) => u.language === language);
      const count = r.int(...REVIEWS_PER_SHOP);
      for (let i = 0; i < count; i++) {
        const deal = r.pick(deals);
        const author = reviewers[(shop.id + i) % reviewers.length]!;
        // A visit after the offer started, days ago; the review a few hours after it.
        const earliest = deal.startsAt.getTime() + HOUR_MS;
        const visit = new Date(Math.max(earliest, now.getTime() - r.int(2, 30) * DAY_MS));
        const reviewedAt = new Date(Math.min(now.getTime() - HOUR_MS, visit.getTime() + r.int(2, 20) * HOUR_MS));
        if (reviewedAt.getTime() <= visit.getTime()) continue;
        const voucherId = await redeemedVoucher(repos, { deal, buyerId: BigInt(author.id), ownerId: shop.ownerId, visit, code: () => newVoucherCode((max) => r.int(0, max - 1)) });
        const stars = r.pick(STARS);
        const detailed = r.chance(0.5);
        await repos.reviews.create(
          {
            voucherId,
            shopId: shop.id,
            dealId: deal.id,
            authorId: BigInt(author.id),
            stars,
            quality: detailed ? Math.min(5, stars + r.int(0, 1)) : null,
            service: detailed ? Math.max(1, stars - r.int(0, 1)) : null,
            value: detailed ? stars : null,
            text: r.pick(TEXTS[language][stars]!),
            photos: [],
          },
          reviewedAt,
        );
        written++;
      }
    }
  }
  return written;
}

/** One unit bought, paid and redeemed in the shop at the visit, as the chat would have it; the voucher's id. */
async function redeemedVoucher(
  repos: Repositories,
  { deal, buyerId, ownerId, visit, code }: { deal: Deal; buyerId: bigint; ownerId: bigint; visit: Date; code: () => string },
): Promise<number> {
  const paidAt = new Date(visit.getTime() - HOUR_MS);
  const order = await repos.orders.reserve(
    { dealId: deal.id, buyerId, quantity: 1, source: "nearby", now: paidAt, reservedUntil: new Date(paidAt.getTime() + 15 * 60_000) },
    () => true,
  );
  if (!order) throw new Error(`demo order of deal ${deal.id} not reserved`);
  const outcome = await repos.orders.settle(
    { orderId: order.id, buyerId, currency: order.currency, totalMinor: order.totalMinor, telegramChargeId: `demo-${order.id}`, providerChargeId: null, now: paidAt },
    settlePayment,
    code,
  );
  if (outcome.kind !== "paid") throw new Error(`demo order ${order.id} not paid: ${outcome.kind}`);
  await repos.orders.markDelivered(order.id, paidAt);
  const voucher = outcome.order.vouchers[0]!;
  if (!(await repos.orders.redeem(voucher.id, ownerId, visit))) throw new Error(`demo voucher ${voucher.id} not redeemed`);
  return voucher.id;
}
