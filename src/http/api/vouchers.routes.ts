// The buyer's wallet: their vouchers, each one's QR code, refunds where the
// deal's policy allows, and a review of a redeemed visit (the chat's own use
// case and rules). Someone else's code answers like an unknown one.
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import type { ReviewService } from "../../core/review.service.js";
import type { VoucherService } from "../../core/voucher.service.js";
import { refundableByBuyer, voucherState } from "../../domain/order.js";
import { awaitsReview, REVIEW_PHOTO_MAX_BYTES } from "../../domain/review.js";
import { voucherQrPng } from "../../bot/features/checkout/voucher-view.js";
import { DomainError } from "../../domain/errors.js";
import { parse } from "./api-error.js";
import { userOf } from "./auth.js";
import { queryNumber } from "./params.js";
import { reviewItem, type SpeakerOf } from "./present.js";

const code = z.object({ code: z.string().regex(/^[0-9A-Za-z-]{12,20}$/) });

/**
 * Base64 of a photo a little over the domain's limit, so that a photo too
 * large is refused by the domain's rule, in words, rather than as a bad field.
 */
const PHOTO_TEXT_MAX = Math.ceil((REVIEW_PHOTO_MAX_BYTES * 1.5) / 3) * 4;
/** Enough for the photos a review may hold in base64 (and a few too many, which the domain refuses by name). */
const REVIEW_BODY_LIMIT = 16 * 1024 * 1024;
const score = z.number().int().min(1).max(5);
const reviewBody = z.object({
  stars: score,
  quality: score.nullable().optional(),
  service: score.nullable().optional(),
  value: score.nullable().optional(),
  // The domain cleans the text and says how long it may be.
  text: z.string().max(10_000).default(""),
  // Each photo's bytes in base64, optionally as a data: URL.
  photos: z
    .array(z.string().max(PHOTO_TEXT_MAX).regex(/^(data:image\/[\w.+-]+;base64,)?[A-Za-z0-9+/=\s]+$/))
    .max(10)
    .default([]),
});

const photoBytes = (text: string) => new Uint8Array(Buffer.from(text.replace(/^data:[^,]*,/, ""), "base64"));

export function voucherRoutes(
  app: FastifyInstance,
  {
    vouchers,
    reviews,
    botUsername,
    speaker,
  }: { vouchers: VoucherService; reviews: Pick<ReviewService, "submit" | "starsGiven">; botUsername: () => string; speaker: SpeakerOf },
) {
  async function heldBy(holderId: bigint, typed: string) {
    const voucher = await vouchers.heldByCode(holderId, typed);
    if (!voucher) throw new DomainError("voucher-not-found");
    return voucher;
  }

  app.get("/vouchers", async (request) => {
    const user = userOf(request);
    const { page } = parse(z.object({ page: queryNumber(z.coerce.number().int().min(0).max(10_000).default(0)) }), request.query);
    const found = await vouchers.page(user.id, page);
    const starsGiven = await reviews.starsGiven(found.vouchers.map((v) => v.id));
    return {
      vouchers: found.vouchers.map((v) => {
        const state = voucherState(v, found.now);
        const stars = starsGiven.get(v.id);
        return {
          code: v.code,
          state,
          expiresAt: v.expiresAt.toISOString(),
          deal: { id: v.deal.id, title: v.deal.title },
          shop: { id: v.deal.shop.id, name: v.deal.shop.name },
          qrUrl: `/api/vouchers/${v.code}/qr.png`,
          refundable: refundableByBuyer({ status: v.order.status, deal: v.deal }).includes(state),
          // Redeemed and not reviewed yet: the app offers "Rate this visit".
          reviewable: awaitsReview(v.status, stars !== undefined),
          review: stars === undefined ? null : { stars },
        };
      }),
      page: found.page,
      pages: found.pages,
    };
  });

  app.get("/vouchers/:code/qr.png", async (request, reply) => {
    const user = userOf(request);
    const voucher = await heldBy(user.id, parse(code, request.params).code);
    // The code is the voucher: no cache may keep it for anyone else.
    return reply.type("image/png").header("cache-control", "private, no-store").send(await voucherQrPng(botUsername(), voucher.code));
  });

  app.post("/vouchers/:code/review", { bodyLimit: REVIEW_BODY_LIMIT }, async (request) => {
    const user = userOf(request);
    const voucher = await heldBy(user.id, parse(code, request.params).code);
    const { photos, ...input } = parse(reviewBody, request.body);
    const review = await reviews.submit(user.id, voucher.id, input, photos.map((text) => ({ bytes: photoBytes(text) })));
    return { review: reviewItem(review, voucher.deal.shop, speaker(user)), shop: { id: review.shopId } };
  });

  app.post("/vouchers/:code/refund", async (request) => {
    const user = userOf(request);
    const voucher = await heldBy(user.id, parse(code, request.params).code);
    const { count } = parse(z.object({ count: z.number().int().min(1).max(1000).default(1) }), request.body);
    let refundedMinor = 0;
    await vouchers.requestRefund(user.id, voucher.id, count, async (result) => {
      refundedMinor = result.refundedMinor;
    });
    return { refunded: count, amountMinor: refundedMinor, currency: voucher.order.currency };
  });
}
