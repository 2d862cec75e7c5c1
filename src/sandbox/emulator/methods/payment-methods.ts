// Payments: invoices, the bot's answer to a pre-checkout query, and refunds
// of Telegram Stars (the only payments a bot can refund).
import { randomBytes } from "node:crypto";
import type { LabeledPrice } from "grammy/types";
import { optBool, optJson, optNumber, optString } from "../../request-body.js";
import { invoiceRefusal, invoiceTotal, preCheckoutAnswerRefusal, REFUSAL } from "../../telegram-rules.js";
import { badRequest, enforce } from "../api-error.js";
import type { ChatWorld } from "../chat-world.js";
import { postFromRequest, type Methods } from "./method.js";

/** An invoice's fields, checked as Telegram checks them. */
function invoiceFields(fields: Record<string, unknown>) {
  const title = optString(fields, "title") ?? "";
  const description = optString(fields, "description") ?? "";
  const payload = optString(fields, "payload") ?? "";
  const currency = optString(fields, "currency") ?? "";
  const providerToken = optString(fields, "provider_token") ?? "";
  const prices = optJson<LabeledPrice[]>(fields, "prices") ?? [];
  enforce(invoiceRefusal({ title, description, payload, currency, providerToken, prices }));
  return { title, description, payload, currency, providerToken, prices, totalAmount: invoiceTotal(prices) };
}

export function paymentMethods(world: ChatWorld): Methods {
  return {
    sendinvoice: (p) => {
      const state = world.chatFor(p.fields.chat_id, { sending: true });
      const { title, description, payload, currency, providerToken, prices, totalAmount } = invoiceFields(p.fields);
      const startParameter = optString(p.fields, "start_parameter") ?? "";
      const message = postFromRequest(world, state, p, {
        invoice: { title, description, start_parameter: startParameter, currency, total_amount: totalAmount },
      });
      world.invoices.push({
        chatId: state.chat.id,
        messageId: message.message_id,
        title,
        description,
        payload,
        currency,
        prices,
        totalAmount,
        providerToken,
      });
      return message;
    },
    createinvoicelink: (p) => {
      const invoice = invoiceFields(p.fields);
      const link = `https://t.me/$${randomBytes(12).toString("base64url")}`;
      world.invoiceLinks.set(link, invoice);
      return link;
    },
    answerprecheckoutquery: (p) => {
      const id = optString(p.fields, "pre_checkout_query_id") ?? "";
      const pending = world.preCheckouts.get(id);
      if (!pending) throw badRequest(REFUSAL.queryTooOld);
      const ok = optBool(p.fields, "ok") ?? false;
      const errorMessage = optString(p.fields, "error_message");
      enforce(preCheckoutAnswerRefusal(ok, errorMessage));
      world.preCheckouts.delete(id);
      world.record({ type: "pre-checkout-answer", chatId: pending.chatId, queryId: id, ok, ...(errorMessage ? { errorMessage } : {}) });
      pending.resolve({ ok, ...(errorMessage ? { errorMessage } : {}) });
      return true;
    },
    refundstarpayment: (p) => {
      const userId = optNumber(p.fields, "user_id");
      const chargeId = optString(p.fields, "telegram_payment_charge_id");
      const payment = world.payments.find((x) => x.telegramPaymentChargeId === chargeId && x.userId === userId);
      if (!payment || payment.invoice.currency !== "XTR") throw badRequest("CHARGE_ID_INVALID");
      if (payment.refunded) throw badRequest("CHARGE_ALREADY_REFUNDED");
      payment.refunded = true;
      world.record({ type: "refund", chatId: payment.userId, telegramPaymentChargeId: payment.telegramPaymentChargeId });
      return true;
    },
  };
}
