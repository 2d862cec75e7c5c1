// Reviews, with the shop's rating totals kept beside them: every write that
// changes what counts (a new review, a hidden one) changes the totals in the
// same transaction, so the nearby search can trust the shop row.
import type { PromptCandidate, ReviewExportRow, ReviewRepository, VoucherToReview } from "../core/ports/review.port.js";
import { VoucherStatus, type VoucherStatus as VoucherStatusType } from "../domain/lifecycles.js";
import type { Review, ReviewOrder, ShownReview } from "../domain/review.js";
import type * as Row from "../generated/prisma/client.js";
import { retryWhenBusy } from "./busy-retry.js";
import type { Db } from "./client.js";
import { isUniqueViolation } from "./transaction.js";

const toReview = (row: Row.Review): Review => ({ ...row, photos: JSON.parse(row.photos) as string[] });

export function createReviewRepository(db: Db): ReviewRepository {
  /** The author's first name and the offer's title beside each review. */
  async function shown(rows: Row.Review[]): Promise<ShownReview[]> {
    if (rows.length === 0) return [];
    const [users, deals] = await Promise.all([
      db.user.findMany({ where: { id: { in: [...new Set(rows.map((r) => r.authorId))] } }, select: { id: true, firstName: true } }),
      db.deal.findMany({ where: { id: { in: [...new Set(rows.map((r) => r.dealId))] } }, select: { id: true, title: true } }),
    ]);
    const names = new Map(users.map((u) => [u.id, u.firstName]));
    const titles = new Map(deals.map((d) => [d.id, d.title]));
    return rows.map((r) => ({ ...toReview(r), authorName: names.get(r.authorId) ?? "", dealTitle: titles.get(r.dealId) ?? "" }));
  }

  const voucherInclude = { deal: { include: { shop: true } }, order: { select: { title: true } } } as const;
  type VoucherRow = Row.Voucher & { deal: Row.Deal & { shop: Row.Shop }; order: { title: string | null } };
  const toVoucherToReview = (v: VoucherRow): VoucherToReview => ({
    id: v.id,
    holderId: v.holderId,
    status: v.status as VoucherStatusType,
    redeemedAt: v.redeemedAt,
    dealId: v.dealId,
    dealTitle: v.order.title ?? v.deal.title,
    shop: { id: v.deal.shop.id, name: v.deal.shop.name, ownerId: v.deal.shop.ownerId, lat: v.deal.shop.lat, lng: v.deal.shop.lng },
  });

  return {
    async voucher(voucherId) {
      const row = await db.voucher.findUnique({ where: { id: voucherId }, include: voucherInclude });
      return row && toVoucherToReview(row);
    },

    async reviewedVoucherIds(voucherIds) {
      if (voucherIds.length === 0) return new Set();
      const rows = await db.review.findMany({ where: { voucherId: { in: voucherIds } }, select: { voucherId: true } });
      return new Set(rows.map((r) => r.voucherId));
    },

    async starsByVoucher(voucherIds) {
      if (voucherIds.length === 0) return new Map();
      const rows = await db.review.findMany({ where: { voucherId: { in: voucherIds } }, select: { voucherId: true, stars: true } });
      return new Map(rows.map((r) => [r.voucherId, r.stars]));
    },

    async create(review, now) {
      try {
        const row = await retryWhenBusy(() =>
          db.$transaction(async (tx) => {
            const created = await tx.review.create({ data: { ...review, photos: JSON.stringify(review.photos), createdAt: now } });
            await tx.shop.update({
              where: { id: review.shopId },
              data: { ratingSum: { increment: review.stars }, ratingCount: { increment: 1 } },
            });
            return created;
          }),
        );
        return toReview(row);
      } catch (error) {
        if (isUniqueViolation(error)) return null;
        throw error;
      }
    },

    async find(id) {
      const row = await db.review.findUnique({ where: { id } });
      return row ? (await shown([row]))[0]! : null;
    },

    async visibleOfShop(shopId, order: ReviewOrder, limit, offset) {
      const rows = await db.review.findMany({
        where: { shopId, hiddenAt: null },
        orderBy: order === "helpful" ? [{ helpful: "desc" }, { id: "desc" }] : [{ id: "desc" }],
        take: limit,
        skip: offset,
      });
      return shown(rows);
    },

    countVisible: (shopId) => db.review.count({ where: { shopId, hiddenAt: null } }),

    async reply(id, text, now) {
      const { count } = await db.review.updateMany({ where: { id, reply: null, hiddenAt: null }, data: { reply: text, repliedAt: now } });
      return count === 1;
    },

    async hide(id, reason, byId, now) {
      const row = await retryWhenBusy(() =>
        db.$transaction(async (tx) => {
          const { count } = await tx.review.updateMany({
            where: { id, hiddenAt: null },
            data: { hiddenAt: now, hiddenReason: reason, hiddenById: byId },
          });
          if (count !== 1) return null;
          const hidden = await tx.review.findUniqueOrThrow({ where: { id } });
          await tx.shop.update({
            where: { id: hidden.shopId },
            data: { ratingSum: { decrement: hidden.stars }, ratingCount: { decrement: 1 } },
          });
          return hidden;
        }),
      );
      return row ? (await shown([row]))[0]! : null;
    },

    async vote(reviewId, userId, now) {
      try {
        await retryWhenBusy(() =>
          db.$transaction([
            db.reviewVote.create({ data: { reviewId, userId, createdAt: now } }),
            db.review.update({ where: { id: reviewId }, data: { helpful: { increment: 1 } } }),
          ]),
        );
        return true;
      } catch (error) {
        if (isUniqueViolation(error)) return false;
        throw error;
      }
    },

    async promptCandidates(from, to, limit) {
      const rows = await db.voucher.findMany({
        where: { status: VoucherStatus.REDEEMED, reviewAskedAt: null, redeemedAt: { gt: from, lte: to } },
        include: voucherInclude,
        orderBy: { redeemedAt: "asc" },
        take: limit,
      });
      const holders = [...new Set(rows.map((r) => r.holderId))];
      const places = await db.subscription.findMany({
        where: { userId: { in: holders } },
        select: { id: true, userId: true, quietStart: true, quietEnd: true, timeZone: true },
      });
      const byHolder = new Map<bigint, PromptCandidate["holderPlaces"]>();
      for (const { userId, ...place } of places) byHolder.set(userId, [...(byHolder.get(userId) ?? []), place]);
      return rows.map((r) => ({ ...toVoucherToReview(r), redeemedAt: r.redeemedAt!, holderPlaces: byHolder.get(r.holderId) ?? [] }));
    },

    async markAsked(voucherId, now) {
      const { count } = await db.voucher.updateMany({ where: { id: voucherId, reviewAskedAt: null }, data: { reviewAskedAt: now } });
      return count === 1;
    },

    async starsBetween(shopId, from, to, dealId) {
      const rows = await db.review.findMany({
        where: { shopId, hiddenAt: null, createdAt: { gte: from, lt: to }, ...(dealId === undefined ? {} : { dealId }) },
        select: { stars: true },
      });
      return rows.map((r) => r.stars);
    },

    async forExport(shopId): Promise<ReviewExportRow[]> {
      const rows = await shown(await db.review.findMany({ where: { shopId }, orderBy: { id: "asc" } }));
      return rows.map((r) => ({
        createdAt: r.createdAt,
        dealTitle: r.dealTitle,
        stars: r.stars,
        quality: r.quality,
        service: r.service,
        value: r.value,
        text: r.text,
        photos: r.photos.length,
        helpful: r.helpful,
        reply: r.reply,
        hidden: r.hiddenAt !== null,
        authorId: r.authorId,
      }));
    },
  };
}
