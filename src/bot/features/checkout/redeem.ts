// In the shop: /redeem CODE, or the staff scans the voucher's QR (a deep link
// to this bot) and confirms. And the merchant's side of refunds.
import { Composer, InlineKeyboard } from "grammy";
import { DomainError } from "../../../domain/errors.js";
import { formatMoney } from "../../../domain/money.js";
import { formatVoucherCode, parseVoucherCode } from "../../../domain/voucher-code.js";
import type { RedeemOutcome, RedeemResult, VoucherService } from "../../../core/voucher.service.js";
import type { FoundVoucher } from "../../../domain/order.js";
import type { Clock } from "../../../util/clock.js";
import { z } from "zod";
import { callbackCodec, id } from "../../callback-data.js";
import type { BotContext } from "../../context.js";
import { localDate, localeOf, priceOf } from "../../format.js";
import { escapeHtml } from "../../html.js";
import { ignoreUnchanged } from "../../console/unchanged.js";
import { answerExpired, CLOSE_DATA } from "../../keyboards.js";
import { addPagerRow, paginate } from "../../pager.js";
import { settleRefundButton } from "./refund-notices.js";
import { VOUCHER_PAYLOAD, voucherCaption, voucherQr } from "./voucher-view.js";

// Any token-like text is read back, so that a forged one reaches the service and counts as a wrong guess.
const confirmRedeemButton = callbackCodec("rdm", { token: z.string().regex(/^[A-Za-z0-9_-]{1,60}$/) });
const refundsPageButton = callbackCodec("rfp", { page: id });
const REFUNDS_PER_PAGE = 10;

const LOOKS_LIKE_CODE = /^[0-9A-Za-z]{4}[\s-]?[0-9A-Za-z]{4}[\s-]?[0-9A-Za-z]{4}$/;
function isValidCode(text: string): boolean {
  try {
    parseVoucherCode(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * Redemption in the shop and the merchant's refunds: `typedCode` takes a code
 * typed alone (before the search reads it), `voucherLink` a scanned QR (before
 * /start reads it), `redeem` the commands and buttons.
 */
export function createRedeemFeatures({ vouchers, clock }: { vouchers: VoucherService; clock: Clock }) {
  const redeem = new Composer<BotContext>();
  const typedCode = new Composer<BotContext>();
  const voucherLink = new Composer<BotContext>();

  voucherLink.command("start", async (ctx, next) => {
    const voucher = VOUCHER_PAYLOAD.exec(ctx.match.trim());
    if (!voucher) return next();
    await openVoucherLink(ctx, voucher[1]!);
  });

  /**
   * Staff often type the customer's code on its own. When the text reads as a
   * valid code (check symbol included) and the sender may redeem, do what
   * /redeem would; anything else goes on to the search.
   */
  typedCode.on("message:text", async (ctx, next) => {
    const text = ctx.message.text.trim();
    if (!LOOKS_LIKE_CODE.test(text) || !isValidCode(text)) return next();
    if (!(await vouchers.canRedeem(ctx.user.id))) return next();
    await redeemAndTell(ctx, text);
  });

  redeem.command("redeem", async (ctx) => {
    const typed = ctx.match.trim();
    if (!typed) return ctx.reply(ctx.t("redeem-usage"), { parse_mode: "HTML" });
    await redeemAndTell(ctx, typed);
  });

  async function redeemAndTell(ctx: BotContext, typed: string) {
    await vouchers.redeem(ctx.user.id, typed, (result) => tellOutcome(ctx, result));
  }

  async function tellOutcome(ctx: BotContext, { outcome, voucher }: RedeemResult) {
    const text = await outcomeText(ctx, outcome, voucher);
    if (ctx.callbackQuery) {
      await ctx.answerCallbackQuery();
      await ctx.editMessageText(text, { parse_mode: "HTML" });
    } else {
      await ctx.reply(text, { parse_mode: "HTML" });
    }
  }

  async function outcomeText(ctx: BotContext, outcome: RedeemOutcome, v: FoundVoucher): Promise<string> {
    const locale = await localeOf(ctx);
    const place = v.deal.shop;
    const params = {
      code: formatVoucherCode(v.code),
      title: escapeHtml(v.deal.title),
      quantity: 1,
      ordered: v.order.quantity,
      order: v.order.id,
      buyer: escapeHtml(v.holder.firstName),
      price: priceOf(ctx, v.order.unitPriceMinor, v.order.currency, locale),
    };
    switch (outcome) {
      case "redeemed":
        return ctx.t("redeem-done", params);
      case "already-redeemed":
        return ctx.t("redeem-already", { ...params, when: localDate(v.redeemedAt!, place, locale) });
      case "group-pending":
        return ctx.t("redeem-group-pending", { ...params, needed: v.deal.minBuyers });
      case "refunded":
        return ctx.t("redeem-refunded", params);
      case "expired":
        return ctx.t("redeem-expired", { ...params, when: localDate(v.expiresAt, place, locale) });
    }
  }

  /**
   * A voucher's QR opened in the chat. Shop staff get a confirmation; the holder
   * sees their voucher; anyone else gets the same answer whether the code exists
   * or not.
   */
  async function openVoucherLink(ctx: BotContext, typed: string): Promise<void> {
    const mine = await vouchers.heldByCode(ctx.user.id, typed);
    if (mine) {
      await ctx.replyWithPhoto(await voucherQr(ctx.me.username, mine.code), {
        caption: voucherCaption(ctx.t.bind(ctx), await localeOf(ctx), mine, clock()),
        parse_mode: "HTML",
      });
      return;
    }
    let found: FoundVoucher;
    let token: string;
    try {
      ({ voucher: found, token } = await vouchers.confirmation(ctx.user.id, typed));
    } catch (error) {
      if (error instanceof DomainError && error.code === "not-a-redeemer") {
        await ctx.reply(ctx.t("voucher-link-not-staff"));
        return;
      }
      throw error;
    }
    const locale = await localeOf(ctx);
    await ctx.reply(
      ctx.t("redeem-confirm", {
        code: formatVoucherCode(found.code),
        title: escapeHtml(found.deal.title),
        buyer: escapeHtml(found.holder.firstName),
        price: priceOf(ctx, found.order.unitPriceMinor, found.order.currency, locale),
      }),
      {
        parse_mode: "HTML",
        reply_markup: new InlineKeyboard()
          .text(ctx.t("redeem-confirm-yes"), confirmRedeemButton.pack({ token }))
          .text(ctx.t("form-cancel"), CLOSE_DATA),
      },
    );
  }

  redeem.callbackQuery(confirmRedeemButton.filter, async (ctx) => {
    const pressed = confirmRedeemButton.unpack(ctx.callbackQuery.data);
    if (!pressed) return answerExpired(ctx);
    await vouchers.redeemConfirmed(ctx.user.id, pressed.token, (result) => tellOutcome(ctx, result));
  });

  async function refundsScreen(ctx: BotContext, page: number) {
    const due = await vouchers.refundsDue(ctx.user.id);
    if (due.length === 0) return { text: ctx.t("refunds-none"), keyboard: undefined };
    const locale = await localeOf(ctx);
    const shown = paginate(due, {
      perPage: REFUNDS_PER_PAGE,
      header: ctx.t("refunds-header", { count: due.length }),
      line: (o) =>
        ctx.t("refunds-line", {
          order: o.id,
          title: escapeHtml(o.deal.title),
          amount: formatMoney(o.refundMinor, o.currency, locale),
          charge: o.providerChargeId ?? o.telegramChargeId ?? "—",
        }),
      t: ctx.t.bind(ctx),
      at: { page },
    });
    const keyboard = new InlineKeyboard();
    for (const { item } of shown.entries) keyboard.text(`#${item.id}`, settleRefundButton.pack({ order: item.id })).row();
    addPagerRow(keyboard, shown, (p) => refundsPageButton.pack({ page: p }));
    keyboard.text(ctx.t("close"), CLOSE_DATA);
    return { text: shown.text, keyboard };
  }

  redeem.command("refunds", async (ctx) => {
    const { text, keyboard } = await refundsScreen(ctx, 0);
    await ctx.reply(text, { parse_mode: "HTML", reply_markup: keyboard });
  });

  redeem.callbackQuery(refundsPageButton.filter, async (ctx) => {
    const pressed = refundsPageButton.unpack(ctx.callbackQuery.data);
    if (!pressed) return answerExpired(ctx);
    // The list is the presser's own shops' refunds, whatever page the button names.
    const { text, keyboard } = await refundsScreen(ctx, pressed.page);
    await ctx.answerCallbackQuery();
    await ctx.editMessageText(text, { parse_mode: "HTML", reply_markup: keyboard }).catch(ignoreUnchanged);
  });

  redeem.command("refunded", async (ctx) => {
    const orderId = /^#?(\d{1,9})$/.exec(ctx.match.trim());
    if (!orderId) return ctx.reply(ctx.t("refunded-usage"), { parse_mode: "HTML" });
    await settle(ctx, Number(orderId[1]));
  });

  redeem.callbackQuery(settleRefundButton.filter, async (ctx) => {
    const pressed = settleRefundButton.unpack(ctx.callbackQuery.data);
    if (!pressed) return answerExpired(ctx);
    await settle(ctx, pressed.order);
    await ctx.answerCallbackQuery();
  });

  async function settle(ctx: BotContext, orderId: number) {
    await vouchers.settleRefund(ctx.user.id, orderId, async (order) => {
      const locale = await localeOf(ctx);
      await ctx.reply(ctx.t("refunded-done", { order: order.id, amount: formatMoney(order.refundMinor, order.currency, locale) }));
    });
  }

  return { redeem, typedCode, voucherLink };
}
