// Buy → how many → invoice (or, for a free coupon, the vouchers at once).
import { Composer, GrammyError, InlineKeyboard } from "grammy";
import type { CheckoutService } from "../../../core/checkout.service.js";
import { invoicePayload } from "../../../core/checkout.service.js";
import type { OpenReservation } from "../../../core/ports/order.port.js";
import { DomainError } from "../../../domain/errors.js";
import { formatMoney } from "../../../domain/money.js";
import type { Order } from "../../../domain/order.js";
import { fitTelegram, INVOICE_DESCRIPTION_MAX, INVOICE_TITLE_MAX } from "../../../domain/telegram-text.js";
import type { Logger } from "../../../logger.js";
import { sourceOf, via } from "../../attribution.js";
import { callbackCodec, id } from "../../callback-data.js";
import type { BotContext } from "../../context.js";
import { localeOf } from "../../format.js";
import { answerExpired, CLOSE_DATA, countButtons, removePressedMessage } from "../../keyboards.js";

export const buyButton = callbackCodec("buy", { id, ...via });
const quantityButton = callbackCodec("q", { id, n: id, ...via });
const cancelInvoiceButton = callbackCodec("qx", { order: id });

/** The offer as an invoice shows it. */
interface InvoicedDeal {
  title: string;
  description: string;
  shop: { name: string };
}

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

  async function buy(ctx: BotContext, dealId: number, quantity: number, source: string) {
    const { deal } = await checkout.quote(ctx.user.id, dealId);
    if (deal.priceMinor === 0) return checkout.claimFree(ctx.user.id, dealId, quantity, source);
    if (!paymentProviderToken) throw new DomainError("payments-off");
    const order = await checkout.reserve(ctx.user.id, dealId, quantity, source);
    await sendInvoice(ctx, order, deal, paymentProviderToken);
  }

  /** The buyer's open reservation, met again: its invoice once more (or, free, its vouchers). */
  async function resume(ctx: BotContext, order: OpenReservation) {
    if (order.totalMinor === 0) return checkout.claimOpen(order);
    if (!paymentProviderToken) throw new DomainError("payments-off");
    await sendInvoice(ctx, order, order.deal, paymentProviderToken);
  }

  async function sendInvoice(ctx: BotContext, order: Order, deal: InvoicedDeal, providerToken: string) {
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
          provider_token: providerToken,
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
        logger.warn({ err: error.description, order: order.id }, "invoice refused");
        return ctx.reply(ctx.t("invoice-refused"));
      }
      throw error;
    }
    await ctx.reply(ctx.t("invoice-held", { minutes: checkout.minutesLeft(order) }));
  }

  return feature;
}
