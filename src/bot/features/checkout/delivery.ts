// Handing vouchers to the buyer (the messaging adapter's view of a paid order):
// after a payment, after a free claim, and on restart for a paid order whose
// vouchers never arrived.
import { InlineKeyboard, InputMediaBuilder, type Api } from "grammy";
import { VoucherStatus } from "../../../domain/lifecycles.js";
import { formatMoney } from "../../../domain/money.js";
import type { OrderWithVouchers } from "../../../domain/order.js";
import { formatVoucherCode } from "../../../domain/voucher-code.js";
import { MEDIA_GROUP_MAX } from "../../../domain/telegram-text.js";
import { priceOf } from "../../format.js";
import { escapeHtml } from "../../html.js";
import type { Translate } from "../../notifier.js";
import { sendToFriend, shareLink, voucherCaption, voucherQr } from "./voucher-view.js";

/** Up to this many vouchers arrive as photos with buttons; more arrive in albums, then as one list. */
const QR_PHOTOS_PER_ORDER = 3;
/** Splits into albums of at most 10, as even as possible, so that none is left with a single photo. */
function albums<T>(items: T[]): T[][] {
  const count = Math.ceil(items.length / MEDIA_GROUP_MAX);
  return Array.from({ length: count }, (_, i) =>
    items.slice(Math.floor((i * items.length) / count), Math.floor(((i + 1) * items.length) / count)),
  );
}

export interface DeliveryTarget {
  api: Api;
  t: Translate;
  locale: string;
  botUsername: string;
  now: Date;
  /** Different buyers of a group deal so far (undefined for any other deal). */
  buyersSoFar: number | undefined;
}

export async function deliverOrder(d: DeliveryTarget, order: OrderWithVouchers): Promise<void> {
  const chatId = Number(order.buyerId);
  const { t, locale } = d;
  const deal = order.deal;
  // A late payment honoured in part comes with vouchers already refunded: only the others are handed over.
  const vouchers = order.vouchers.filter((v) => v.status !== VoucherStatus.REFUNDED).map((v) => ({ ...v, deal }));
  const refunded = order.vouchers.length - vouchers.length;
  const total = priceOf({ t }, order.totalMinor, order.currency, locale);
  const paid = { quantity: order.quantity, title: escapeHtml(deal.title), total, order: order.id };
  await d.api.sendMessage(
    chatId,
    refunded > 0
      ? t("order-paid-part", {
          ...paid,
          honoured: vouchers.length,
          refunded,
          refund: formatMoney(order.unitPriceMinor * refunded, order.currency, locale),
        })
      : t(order.totalMinor === 0 ? "order-claimed" : "order-paid", paid),
    { parse_mode: "HTML" },
  );
  if (vouchers.some((v) => v.status === VoucherStatus.PENDING)) {
    await d.api.sendMessage(
      chatId,
      t("group-pending", { needed: deal.minBuyers, sofar: d.buyersSoFar ?? 0, title: escapeHtml(deal.title) }),
      { parse_mode: "HTML", reply_markup: new InlineKeyboard().url(t("group-invite"), shareLink(d.botUsername, deal)) },
    );
  }
  const keyboard = new InlineKeyboard().text(t("voucher-list"), "vl:0").row().add(sendToFriend(t, deal.id));
  if (vouchers.length <= QR_PHOTOS_PER_ORDER) {
    for (const voucher of vouchers) {
      await d.api.sendPhoto(chatId, await voucherQr(d.botUsername, voucher.code), {
        caption: voucherCaption(t, locale, voucher, d.now),
        parse_mode: "HTML",
        reply_markup: keyboard,
      });
    }
    return;
  }
  for (const album of albums(vouchers)) {
    const media = await Promise.all(
      album.map(async (voucher) =>
        InputMediaBuilder.photo(await voucherQr(d.botUsername, voucher.code), {
          caption: voucherCaption(t, locale, voucher, d.now),
          parse_mode: "HTML",
        }),
      ),
    );
    await d.api.sendMediaGroup(chatId, media);
  }
  const codes = vouchers.map((v, i) => `${i + 1}. <code>${formatVoucherCode(v.code)}</code>`).join("\n");
  await d.api.sendMessage(chatId, `${t("order-codes", { count: vouchers.length })}\n${codes}`, {
    parse_mode: "HTML",
    reply_markup: keyboard,
  });
}
