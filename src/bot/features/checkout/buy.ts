// Buy → how many → invoice (or, for a free coupon, the vouchers at once).
import { Composer, GrammyError, InlineKeyboard } from "grammy";
import type { OpenReservation, Order } from "../../../db/order.repository.js";
import { DomainError } from "../../../domain/errors.js";
import { formatMoney } from "../../../domain/money.js";
import { fitTelegram, INVOICE_DESCRIPTION_MAX, INVOICE_TITLE_MAX } from "../../../domain/telegram-text.js";
import { invoicePayload } from "../../../core/checkout.service.js";
import { sourceOf, via } from "../../attribution.js";
import { callbackCodec, id } from "../../callback-data.js";
import type { BotContext } from "../../context.js";
import { localeOf } from "../../format.js";
import { answerExpired, CLOSE_DATA, countButtons, removePressedMessage } from "../../keyboards.js";
import { deliverFulfilment } from "./payment.js";

export const buyButton = callbackCodec("buy", { id, ...via });
const quantityButton = callbackCodec("q", { id, n: id, ...via });
const cancelInvoiceButton = callbackCodec("qx", { order: id });

export const buyFeature = new Composer<BotContext>();

buyFeature.callbackQuery(buyButton.filter, async (ctx) => {
  const pressed = buyButton.unpack(ctx.callbackQuery.data);
  if (!pressed) return answerExpired(ctx);
  const { checkout } = ctx.deps.services;
  const open = await checkout.openReservation(ctx.user.id, pressed.id);
  if (open) {
    await resume(ctx, open);
    return ctx.answerCallbackQuery();
  }
  const { deal, max } = await checkout.quote(ctx.user.id, pressed.id);
  if (max === 1) {
    await buy(ctx, deal.id, 1, sourceOf(pressed));
    return ctx.answerCallbackQuery();
  }
  await ctx.answerCallbackQuery();
  const keyboard = countButtons(max, (n) => quantityButton.pack({ id: deal.id, n, s: pressed.s, r: pressed.r }));
  keyboard.row().text(ctx.t("close"), CLOSE_DATA);
  await ctx.reply(ctx.t("buy-how-many", { title: deal.title, max }), { reply_markup: keyboard });
});

buyFeature.callbackQuery(quantityButton.filter, async (ctx) => {
  const pressed = quantityButton.unpack(ctx.callbackQuery.data);
  if (!pressed) return answerExpired(ctx);
  await buy(ctx, pressed.id, pressed.n, sourceOf(pressed));
  await ctx.answerCallbackQuery();
  // The quantity question is answered: remove it so it cannot be pressed twice by accident.
  await removePressedMessage(ctx);
});

async function buy(ctx: BotContext, dealId: number, quantity: number, source: string) {
  const { checkout } = ctx.deps.services;
  const { deal } = await checkout.quote(ctx.user.id, dealId);
  if (deal.priceMinor === 0) {
    const outcome = await checkout.claimFree(ctx.user.id, dealId, quantity, source);
    return deliverFulfilment(ctx, outcome);
  }
  if (!ctx.deps.paymentProviderToken) throw new DomainError("payments-off");
  const order = await checkout.reserve(ctx.user.id, dealId, quantity, source);
  await sendInvoice(ctx, order, deal);
}

/** The buyer's open reservation, met again: its invoice once more (or, free, its vouchers). */
async function resume(ctx: BotContext, order: OpenReservation) {
  const { checkout } = ctx.deps.services;
  if (order.totalMinor === 0) return deliverFulfilment(ctx, await checkout.claimOpen(order));
  if (!ctx.deps.paymentProviderToken) throw new DomainError("payments-off");
  await sendInvoice(ctx, order, order.deal);
}

async function sendInvoice(ctx: BotContext, order: Order, deal: OpenReservation["deal"]) {
  const { checkout } = ctx.deps.services;
  const locale = await localeOf(ctx);
  const description = deal.description || ctx.t("invoice-description", { shop: deal.shop.name, title: deal.title });
  const times = ` × ${order.quantity}`;
  try {
    await ctx.replyWithInvoice(
      fitTelegram(deal.title, INVOICE_TITLE_MAX),
      fitTelegram(description, INVOICE_DESCRIPTION_MAX),
      invoicePayload(order.id),
      order.currency,
      [{ label: `${fitTelegram(deal.title, INVOICE_TITLE_MAX - times.length)}${times}`, amount: order.totalMinor }],
      {
        provider_token: ctx.deps.paymentProviderToken,
        reply_markup: new InlineKeyboard()
          .pay(ctx.t("invoice-pay", { total: formatMoney(order.totalMinor, order.currency, locale) }))
          .row()
          .text(ctx.t("invoice-cancel"), cancelInvoiceButton.pack({ order: order.id })),
      },
    );
  } catch (error) {
    // Telegram refused the invoice (an amount under the provider's minimum, a
    // bad token): nothing can be paid, so the units go back on the shelf.
    await checkout.cancelReservation(order.id);
    if (error instanceof GrammyError) {
      ctx.deps.logger.warn({ err: error.description, order: order.id }, "invoice refused");
      return ctx.reply(ctx.t("invoice-refused"));
    }
    throw error;
  }
  await ctx.reply(ctx.t("invoice-held", { minutes: checkout.minutesLeft(order) }));
}

buyFeature.callbackQuery(cancelInvoiceButton.filter, async (ctx) => {
  const pressed = cancelInvoiceButton.unpack(ctx.callbackQuery.data);
  if (!pressed) return answerExpired(ctx);
  const order = await ctx.deps.services.checkout.find(pressed.order);
  // Only the buyer can cancel, and only an unpaid order.
  if (!order || order.buyerId !== ctx.user.id) return answerExpired(ctx);
  const released = await ctx.deps.services.checkout.cancelReservation(order.id);
  await ctx.answerCallbackQuery({ text: ctx.t(released ? "invoice-cancelled" : "invoice-not-open") });
  if (released) await removePressedMessage(ctx);
});
