// Buy → how many → invoice (or, for a free coupon, the vouchers at once).
import { Composer, GrammyError, InlineKeyboard } from "grammy";
import type { CheckoutService } from "../../../core/checkout.service.js";
import type { OpenReservation } from "../../../core/ports/order.port.js";
import { formatMoney } from "../../../domain/money.js";
import type { Order } from "../../../domain/order.js";
import type { Logger } from "../../../logger.js";
import { sourceOf, via } from "../../attribution.js";
import { callbackCodec, id } from "../../callback-data.js";
import type { BotContext } from "../../context.js";
import { localeOf } from "../../format.js";
import { answerExpired, CLOSE_DATA, countButtons, removePressedMessage } from "../../keyboards.js";
import { invoiceContent, type InvoicedDeal } from "./invoice.js";

export const buyButton = callbackCodec("buy", { id, ...via });
const quantityButton = callbackCodec("q", { id, n: id, ...via });
const cancelInvoiceButton = callbackCodec("qx", { order: id });

export function createBuyFeature({
  checkout,
  paymentProviderToken,
  logger,
}: {
  checkout: CheckoutService;
  /** Without it only free coupons can be claimed. */
  paymentProviderToken?: string;
  logger: Logger;
}): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  feature.callbackQuery(buyButton.filter, async (ctx) => {
    const pressed = buyButton.unpack(ctx.callbackQuery.data);
    if (!pressed) return answerExpired(ctx);
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

  feature.callbackQuery(quantityButton.filter, async (ctx) => {
    const pressed = quantityButton.unpack(ctx.callbackQuery.data);
    if (!pressed) return answerExpired(ctx);
    await buy(ctx, pressed.id, pressed.n, sourceOf(pressed));
    await ctx.answerCallbackQuery();
    // The quantity question is answered: remove it so it cannot be pressed twice by accident.
    await removePressedMessage(ctx);
  });

  feature.callbackQuery(cancelInvoiceButton.filter, async (ctx) => {
    const pressed = cancelInvoiceButton.unpack(ctx.callbackQuery.data);
    if (!pressed) return answerExpired(ctx);
    // Only the buyer can cancel, and only an unpaid order.
    const released = await checkout.cancelInvoice(ctx.user.id, pressed.order);
    if (released === null) return answerExpired(ctx);
    await ctx.answerCallbackQuery({ text: ctx.t(released ? "invoice-cancelled" : "invoice-not-open") });
    if (released) await removePressedMessage(ctx);
  });

  const payable = { payable: paymentProviderToken !== undefined };

  async function buy(ctx: BotContext, dealId: number, quantity: number, source: string) {
    const bought = await checkout.purchase(ctx.user.id, dealId, quantity, source, payable);
    if (!bought.claimed) await sendInvoice(ctx, bought.order, bought.deal);
  }

  /** The buyer's open reservation, met again: its invoice once more (or, free, its vouchers). */
  async function resume(ctx: BotContext, order: OpenReservation) {
    const resumed = await checkout.resume(order, payable);
    if (!resumed.claimed) await sendInvoice(ctx, resumed.order, resumed.deal);
  }

  async function sendInvoice(ctx: BotContext, order: Order, deal: InvoicedDeal) {
    const locale = await localeOf(ctx);
    const { title, description, payload, currency, prices } = invoiceContent((key, params) => ctx.t(key, params), order, deal);
    try {
      await ctx.replyWithInvoice(title, description, payload, currency, prices, {
        provider_token: paymentProviderToken,
        reply_markup: new InlineKeyboard()
          .pay(ctx.t("invoice-pay", { total: formatMoney(order.totalMinor, order.currency, locale) }))
          .row()
          .text(ctx.t("invoice-cancel"), cancelInvoiceButton.pack({ order: order.id })),
      });
    } catch (error) {
      // Telegram refused the invoice (an amount under the provider's minimum, a
      // bad token): nothing can be paid, so the units go back on the shelf.
      await checkout.cancelReservation(order.id);
      if (error instanceof GrammyError) {
        logger.warn({ err: error.description, order: order.id }, "invoice refused");
        return ctx.reply(ctx.t("invoice-refused"));
      }
      throw error;
    }
    await ctx.reply(ctx.t("invoice-held", { minutes: checkout.minutesLeft(order) }));
  }

  return feature;
}
