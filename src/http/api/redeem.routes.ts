// Redeeming in the shop from the Mini App: showScanQrPopup reads the
// customer's QR, the staff confirm. The rules are /redeem's (rate limits, and
// other shops' codes answer like unknown ones); only the screens differ.
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import type { VoucherService } from "../../core/voucher.service.js";
import { voucherState, type FoundVoucher } from "../../domain/order.js";
import { VOUCHER_PAYLOAD } from "../../bot/features/checkout/voucher-view.js";
import type { Clock } from "../../util/clock.js";
import { parse } from "./api-error.js";
import { userOf } from "./auth.js";

/** The QR holds the voucher's deep link (…?start=v-CODE); a code typed or read elsewhere is taken as it is. */
export function scannedCode(text: string): string {
  const trimmed = text.trim();
  try {
    const start = new URL(trimmed).searchParams.get("start");
    const match = start ? VOUCHER_PAYLOAD.exec(start) : null;
    if (match) return match[1]!;
  } catch {
    // Not a link: a bare code.
  }
  return trimmed;
}

export function redeemRoutes(app: FastifyInstance, { vouchers, clock }: { vouchers: VoucherService; clock: Clock }) {
  const summary = (v: FoundVoucher) => ({
    code: v.code,
    state: voucherState(v, clock()),
    expiresAt: v.expiresAt.toISOString(),
    quantity: v.order.quantity,
    deal: { id: v.deal.id, title: v.deal.title },
    shop: { id: v.deal.shop.id, name: v.deal.shop.name },
    buyer: { firstName: v.holder.firstName },
  });

  app.post("/redeem/scan", async (request) => {
    const user = userOf(request);
    const { text } = parse(z.object({ text: z.string().min(1).max(512) }), request.body);
    const { voucher, token } = await vouchers.confirmation(user.id, scannedCode(text));
    return { token, voucher: summary(voucher) };
  });

  app.post("/redeem/confirm", async (request) => {
    const user = userOf(request);
    const { token } = parse(z.object({ token: z.string().min(1).max(100) }), request.body);
    const { outcome, voucher } = await vouchers.redeemConfirmed(user.id, token, async () => {});
    return { redeemed: { outcome, voucher: summary(voucher) } };
  });
}
