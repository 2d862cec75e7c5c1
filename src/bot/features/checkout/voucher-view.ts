// How a voucher reads: its caption and its QR code. The QR holds a deep link
// to the bot, so shop staff scan it with their phone camera and land on the
// redemption screen.
import { InlineKeyboard, InputFile } from "grammy";
import { VoucherStatus } from "../../../domain/lifecycles.js";
import type { DealWithShop } from "../../../domain/deal.js";
import { voucherState, type Voucher } from "../../../domain/order.js";
import { formatVoucherCode } from "../../../domain/voucher-code.js";
import { oneDealQuery } from "../../../domain/share.js";
import { localDate } from "../../format.js";
import { escapeHtml } from "../../html.js";
import type { Translate } from "../../notifier.js";
import { qrPng } from "./qr-png.js";

export type ShownVoucher = Voucher & { deal: DealWithShop };

/** The `/start` payload of a voucher's deep link: v-<code>, within Telegram's 64 characters. */
export const VOUCHER_PAYLOAD = /^v-([0-9A-Za-z]{12})$/;
export const voucherLink = (botUsername: string, code: string) => `https://t.me/${botUsername}?start=v-${code}`;
/**
 * The deep link that opens a deal's card (a shared link, e.g. to fill a group
 * deal); d-<deal>-s<share> when a friend shared it, crediting their share.
 */
export const DEAL_PAYLOAD = /^d-(\d{1,9})(?:-s(\d{1,9}))?$/;
export const dealLink = (botUsername: string, dealId: number) => `https://t.me/${botUsername}?start=d-${dealId}`;
export const friendDealLink = (botUsername: string, dealId: number, shareId: number) =>
  `https://t.me/${botUsername}?start=d-${dealId}-s${shareId}`;
/** The bot's main Mini App at a deal a friend shared (the app reads its start parameter). */
export const friendAppLink = (botUsername: string, dealId: number, shareId: number) =>
  `https://t.me/${botUsername}?startapp=d-${dealId}-s${shareId}`;
/** Telegram's share sheet for a deal's link, to bring friends into a group deal. */
export const shareLink = (botUsername: string, deal: { id: number; title: string }) =>
  `https://t.me/share/url?url=${encodeURIComponent(dealLink(botUsername, deal.id))}&text=${encodeURIComponent(deal.title)}`;

/** Where a deal is sent to friends, from the chat's button and the Mini App's share sheet alike: their private chats and groups. */
export const FRIENDS_CHATS = { allow_user_chats: true, allow_group_chats: true } as const;

/**
 * "Send to a friend": the user picks a chat and the bot's inline answer there
 * is this deal's card, carrying their share.
 */
export const sendToFriend = (t: Translate, dealId: number) =>
  InlineKeyboard.switchInlineChosen(t("send-to-friend"), { query: oneDealQuery(dealId), ...FRIENDS_CHATS });

/** The voucher's QR code as a PNG: in the chat and, large, in the Mini App's wallet. */
export async function voucherQrPng(botUsername: string, code: string): Promise<Buffer> {
  return qrPng(voucherLink(botUsername, code), { width: 480, margin: 2, errorCorrectionLevel: "M" });
}

export async function voucherQr(botUsername: string, code: string): Promise<InputFile> {
  return new InputFile(await voucherQrPng(botUsername, code), `voucher-${code}.png`);
}

const STATE_ICONS: Record<VoucherStatus, string> = { ACTIVE: "✅", PENDING: "⏳", REDEEMED: "✔️", EXPIRED: "⌛", REFUNDED: "↩️" };

/** One line for lists: icon, title, code, state. */
export function voucherLine(t: Translate, locale: string, v: ShownVoucher, now: Date): string {
  const state = voucherState(v, now);
  return `${STATE_ICONS[state]} <b>${escapeHtml(v.deal.title)}</b> · <code>${formatVoucherCode(v.code)}</code> · ${stateText(t, locale, v, state)}`;
}

function stateText(t: Translate, locale: string, v: ShownVoucher, state: VoucherStatus): string {
  const place = v.deal.shop;
  switch (state) {
    case VoucherStatus.ACTIVE:
      return t("voucher-state-active", { until: localDate(v.expiresAt, place, locale) });
    case VoucherStatus.PENDING:
      return t("voucher-state-pending", { needed: v.deal.minBuyers });
    case VoucherStatus.REDEEMED:
      return t("voucher-state-redeemed", { when: localDate(v.redeemedAt ?? v.updatedAt, place, locale) });
    case VoucherStatus.REFUNDED:
      // The money comes back when the merchant says so; until then it is only requested.
      return t(v.refundSettledAt ? "voucher-state-refunded" : "voucher-state-refund-requested");
    default:
      return t("voucher-state-expired", { when: localDate(v.expiresAt, place, locale) });
  }
}

/** The full voucher, as a photo caption under its QR code. */
export function voucherCaption(t: Translate, locale: string, v: ShownVoucher, now: Date): string {
  const state = voucherState(v, now);
  return [
    `🎟 <b>${escapeHtml(v.deal.title)}</b>`,
    t("voucher-code", { code: formatVoucherCode(v.code) }),
    t("voucher-shop", { shop: escapeHtml(v.deal.shop.name), address: escapeHtml(v.deal.shop.address) }),
    `${STATE_ICONS[state]} ${stateText(t, locale, v, state)}`,
    state === VoucherStatus.ACTIVE ? t("voucher-how-to-use") : "",
  ]
    .filter(Boolean)
    .join("\n");
}
