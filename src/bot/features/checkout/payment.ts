// Telegram's side of a payment: the pre-checkout query (answer within 10 s,
// ok or a reason) and the successful_payment message (fulfil exactly once).
import { Composer } from "grammy";
import type { PaymentOutcome } from "../../../db/order.repository.js";
import { DomainError } from "../../../domain/errors.js";
import { OrderStatus, VoucherStatus } from "../../../domain/lifecycles.js";
import { formatMoney } from "../../../domain/money.js";
import type { BotContext } from "../../context.js";
import { localeOf } from "../../format.js";
import { escapeHtml } from "../../html.js";
import { deliverOrder } from "./delivery.js";
import { notifyRefundDue } from "./refund-notices.js";

export const paymentFeature = new Composer<BotContext>();

paymentFeature.on("pre_checkout_query", async (ctx) => {
  const query = ctx.preCheckoutQuery;
  try {
    await ctx.deps.services.checkout.approvePayment({
      buyerId: ctx.user.id,
      payload: query.invoice_payload,
      currency: query.currency,
      totalMinor: query.total_amount,
    });
    await ctx.answerPreCheckoutQuery(true);
  } catch (error) {
    // Whatever went wrong, Telegram must get an answer, or the buyer waits and fails.
    if (!(error instanceof DomainError)) ctx.deps.logger.error({ err: error, payload: query.invoice_payload }, "pre-checkout failed");
    const reason = error instanceof DomainError ? ctx.t(`error-${error.code}`, error.params) : ctx.t("generic-error");
    await ctx.answerPreCheckoutQuery(false, { error_message: reason.replace(/<[^>]+>/g, "") });
  }
});

paymentFeature.on("message:successful_payment", async (ctx) => {
  const payment = ctx.message.successful_payment;
  const outcome = await ctx.deps.services.checkout.pay({
    buyerId: ctx.user.id,
    payload: payment.invoice_payload,
    currency: payment.currency,
    totalMinor: payment.total_amount,
    telegramChargeId: payment.telegram_payment_charge_id,
    providerChargeId: payment.provider_payment_charge_id,
  });
  if (outcome.kind === "unmatched") {
    // Money arrived for no order of ours: never invent vouchers; keep the charge for a refund.
    ctx.deps.logger.error({ payment }, "payment matches no open order");
    return ctx.reply(ctx.t("payment-unmatched", { charge: payment.telegram_payment_charge_id }));
  }
  await deliverFulfilment(ctx, outcome);
});

/** Vouchers to the buyer (once), the group told when it is complete, the merchant when money is owed; a replay says nothing new. */
export async function deliverFulfilment(ctx: BotContext, outcome: Exclude<PaymentOutcome, { kind: "unmatched" }>) {
  const { order } = outcome;
  if (outcome.kind === "sold-out" || outcome.kind === "over-limit" || outcome.kind === "off-sale") {
    const locale = await localeOf(ctx);
    await ctx.reply(
      ctx.t(`payment-${outcome.kind}`, {
        title: escapeHtml(order.deal.title),
        total: formatMoney(order.totalMinor, order.currency, locale),
        limit: order.deal.perPersonLimit,
      }),
      { parse_mode: "HTML" },
    );
    return notifyRefundDue(ctx.notifier, order);
  }
  // A replay is silent once the vouchers reached the buyer, and always when there were none to give (all refunded).
  if (outcome.kind === "replay" && (order.deliveredAt || order.vouchers.every((v) => v.status === VoucherStatus.REFUNDED))) return;
  const { services } = ctx.deps;
  await deliverOrder(
    {
      api: ctx.api,
      t: ctx.t.bind(ctx),
      locale: await localeOf(ctx),
      botUsername: ctx.me.username,
      now: services.clock(),
      buyersSoFar: await services.checkout.buyersSoFar(order.dealId),
    },
    order,
  );
  await services.checkout.markDelivered(order.id);
  // A late payment honoured in part: the rest is owed back.
  if (outcome.kind === "paid" && order.status === OrderStatus.REFUND_DUE) await notifyRefundDue(ctx.notifier, order);
  if (outcome.kind === "paid" && outcome.groupReached) {
    for (const buyer of outcome.groupReached) {
      if (buyer === order.buyerId) continue;
      await ctx.notifier.tell(buyer, "group-reached", { title: escapeHtml(order.deal.title), needed: order.deal.minBuyers });
    }
  }
}
