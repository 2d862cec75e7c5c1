// Telegram's side of a payment: the pre-checkout query (answer within 10 s,
// ok or a reason) and the successful_payment message (fulfil exactly once).
import { Composer } from "grammy";
import type { CheckoutService } from "../../../core/checkout.service.js";
import { DomainError } from "../../../domain/errors.js";
import type { Logger } from "../../../logger.js";
import type { BotContext } from "../../context.js";
import { escapeHtml } from "../../html.js";

export function createPaymentFeature({ checkout, logger }: { checkout: CheckoutService; logger: Logger }): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  feature.on("pre_checkout_query", async (ctx) => {
    const query = ctx.preCheckoutQuery;
    try {
      await checkout.approvePayment({
        buyerId: ctx.user.id,
        payload: query.invoice_payload,
        currency: query.currency,
        totalMinor: query.total_amount,
      });
      await ctx.answerPreCheckoutQuery(true);
    } catch (error) {
      // Whatever went wrong, Telegram must get an answer, or the buyer waits and fails.
      if (!(error instanceof DomainError)) logger.error({ err: error, payload: query.invoice_payload }, "pre-checkout failed");
      const reason = error instanceof DomainError ? ctx.t(`error-${error.code}`, error.params) : ctx.t("generic-error");
      await ctx.answerPreCheckoutQuery(false, { error_message: reason.replace(/<[^>]+>/g, "") });
    }
  });

  feature.on("message:successful_payment", async (ctx) => {
    const payment = ctx.message.successful_payment;
    const outcome = await checkout.settlePayment({
      buyerId: ctx.user.id,
      payload: payment.invoice_payload,
      currency: payment.currency,
      totalMinor: payment.total_amount,
      telegramChargeId: payment.telegram_payment_charge_id,
      providerChargeId: payment.provider_payment_charge_id,
    });
    if (outcome === "unmatched") {
      // Money arrived for no open order: never invent vouchers. Whoever pays it back was told; the log keeps it too.
      logger.warn({ payment }, "payment matches no open order");
      await ctx.reply(ctx.t("payment-unmatched", { charge: escapeHtml(payment.telegram_payment_charge_id) }), { parse_mode: "HTML" });
    }
  });

  return feature;
}
