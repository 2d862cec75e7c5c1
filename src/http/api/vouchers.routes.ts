// The buyer's wallet: their vouchers, each one's QR code, and refunds where
// the deal's policy allows. Someone else's code answers like an unknown one.
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import type { VoucherService } from "../../core/voucher.service.js";
import { refundableByBuyer, voucherState } from "../../domain/order.js";
import { voucherQrPng } from "../../bot/features/checkout/voucher-view.js";
import { DomainError } from "../../domain/errors.js";
import { parse } from "./api-error.js";
import { userOf } from "./auth.js";

const code = z.object({ code: z.string().regex(/^[0-9A-Za-z-]{12,20}$/) });

export function voucherRoutes(app: FastifyInstance, { vouchers, botUsername }: { vouchers: VoucherService; botUsername: () => string }) {
  async function heldBy(holderId: bigint, typed: string) {
    const voucher = await vouchers.heldByCode(holderId, typed);
    if (!voucher) throw new DomainError("voucher-not-found");
    return voucher;
  }

  app.get("/vouchers", async (request) => {
    const user = userOf(request);
    const { page } = parse(z.object({ page: z.coerce.number().int().min(0).max(10_000).default(0) }), request.query);
    const found = await vouchers.page(user.id, page);
    return {
      vouchers: found.vouchers.map((v) => {
        const state = voucherState(v, found.now);
        return {
          code: v.code,
          state,
          expiresAt: v.expiresAt.toISOString(),
          deal: { id: v.deal.id, title: v.deal.title },
          shop: { id: v.deal.shop.id, name: v.deal.shop.name },
          qrUrl: `/api/vouchers/${v.code}/qr.png`,
          refundable: refundableByBuyer({ status: v.order.status, deal: v.deal }).includes(state),
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
