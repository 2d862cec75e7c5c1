// An order's invoice as Telegram shows it, in the chat (sendInvoice) or as a
// link the Mini App opens (createInvoiceLink): the same fields either way, so
// the pre-checkout check and the payment that follows are the chat's own.
import type { Api } from "grammy";
import type { LabeledPrice } from "grammy/types";
import { invoicePayload } from "../../../core/checkout.service.js";
import type { Order } from "../../../domain/order.js";
import { fitTelegram, INVOICE_DESCRIPTION_MAX, INVOICE_TITLE_MAX } from "../../../domain/telegram-text.js";
import type { Translate } from "../../i18n.js";

/** The offer as an invoice shows it. */
export interface InvoicedDeal {
  title: string;
  description: string;
  shop: { name: string };
}

export interface InvoiceContent {
  title: string;
  description: string;
  payload: string;
  currency: string;
  prices: LabeledPrice[];
}

export function invoiceContent(t: Translate, order: Order, deal: InvoicedDeal): InvoiceContent {
  const description = deal.description || t("invoice-description", { shop: deal.shop.name, title: deal.title });
  const times = ` × ${order.quantity}`;
  return {
    title: fitTelegram(deal.title, INVOICE_TITLE_MAX),
    description: fitTelegram(description, INVOICE_DESCRIPTION_MAX),
    payload: invoicePayload(order.id),
    currency: order.currency,
    prices: [{ label: `${fitTelegram(deal.title, INVOICE_TITLE_MAX - times.length)}${times}`, amount: order.totalMinor }],
  };
}

export type InvoiceLinks = (order: Order, deal: InvoicedDeal, locale: string) => Promise<string>;

export function createInvoiceLinks({ api, providerToken, translator }: { api: Api; providerToken: string; translator: (locale: string) => Translate }): InvoiceLinks {
  return (order, deal, locale) => {
    const { title, description, payload, currency, prices } = invoiceContent(translator(locale), order, deal);
    return api.createInvoiceLink(title, description, payload, providerToken, currency, prices);
  };
}
