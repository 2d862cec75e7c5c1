// /mycodes: the buyer's vouchers, each one again with its QR, and refunds
// where the deal's policy allows them.
import { Composer, InlineKeyboard } from "grammy";
import type { VoucherService } from "../../../core/voucher.service.js";
import { formatMoney } from "../../../domain/money.js";
import { formatVoucherCode } from "../../../domain/voucher-code.js";
import { callbackCodec, id } from "../../callback-data.js";
import type { BotContext } from "../../context.js";
import { localeOf } from "../../format.js";
import { escapeHtml } from "../../html.js";
import { answerExpired, CLOSE_DATA, countButtons } from "../../keyboards.js";
import { addPagerRow } from "../../pager.js";
import { sendToFriend, voucherCaption, voucherLine, voucherQr } from "./voucher-view.js";

const listButton = callbackCodec("vl", { page: id });
const showButton = callbackCodec("vc", { id });
const refundButton = callbackCodec("vr", { id });
const refundCountButton = callbackCodec("vrn", { id, n: id });
const confirmRefundButton = callbackCodec("vry", { id, n: id });

export function createMyCodesFeature({ vouchers }: { vouchers: VoucherService }): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  async function listScreen(ctx: BotContext, page: number) {
    const { vouchers: shown, page: current, pages, total, now } = await vouchers.page(ctx.user.id, page);
    if (total === 0) return { text: ctx.t("mycodes-empty"), keyboard: new InlineKeyboard().text(ctx.t("close"), CLOSE_DATA) };
    const locale = await localeOf(ctx);
    const t = ctx.t.bind(ctx);
    const lines = shown.map((v, i) => `${i + 1}. ${voucherLine(t, locale, v, now)}`);
    const keyboard = new InlineKeyboard();
    shown.forEach((v, i) => keyboard.text(String(i + 1), showButton.pack({ id: v.id })));
    addPagerRow(keyboard, { page: current, pages }, (page) => listButton.pack({ page }));
    keyboard.row().text(ctx.t("close"), CLOSE_DATA);
    const header = ctx.t("mycodes-header", { total, page: current + 1, pages });
    return { text: `${header}\n\n${lines.join("\n")}`, keyboard };
  }

  feature.command("mycodes", async (ctx) => {
    const { text, keyboard } = await listScreen(ctx, 0);
    await ctx.reply(text, { parse_mode: "HTML", reply_markup: keyboard });
  });

  feature.callbackQuery(listButton.filter, async (ctx) => {
    const pressed = listButton.unpack(ctx.callbackQuery.data);
    if (!pressed) return answerExpired(ctx);
    const { text, keyboard } = await listScreen(ctx, pressed.page);
    await ctx.answerCallbackQuery();
    // From a list, page in place; from a voucher photo, open the list below it.
    if (ctx.callbackQuery.message?.text !== undefined) {
      await ctx.editMessageText(text, { parse_mode: "HTML", reply_markup: keyboard }).catch(() => undefined);
    } else {
      await ctx.reply(text, { parse_mode: "HTML", reply_markup: keyboard });
    }
  });

  feature.callbackQuery(showButton.filter, async (ctx) => {
    const pressed = showButton.unpack(ctx.callbackQuery.data);
    if (!pressed) return answerExpired(ctx);
    const { voucher, refundableCount, now } = await vouchers.show(ctx.user.id, pressed.id);
    await ctx.answerCallbackQuery();
    const keyboard = new InlineKeyboard();
    if (refundableCount > 0) keyboard.text(ctx.t("voucher-refund"), refundButton.pack({ id: voucher.id })).row();
    keyboard.add(sendToFriend(ctx.t.bind(ctx), voucher.deal.id)).row();
    keyboard.text(ctx.t("voucher-list"), listButton.pack({ page: 0 })).text(ctx.t("close"), CLOSE_DATA);
    await ctx.replyWithPhoto(await voucherQr(ctx.me.username, voucher.code), {
      caption: voucherCaption(ctx.t.bind(ctx), await localeOf(ctx), voucher, now),
      parse_mode: "HTML",
      reply_markup: keyboard,
    });
  });

  feature.callbackQuery(refundButton.filter, async (ctx) => {
    const pressed = refundButton.unpack(ctx.callbackQuery.data);
    if (!pressed) return answerExpired(ctx);
    const { order, refundableCount } = await vouchers.show(ctx.user.id, pressed.id);
    await ctx.answerCallbackQuery();
    if (refundableCount === 0) return ctx.reply(ctx.t("error-refund-not-allowed"));
    if (refundableCount === 1) {
      const { text, keyboard } = await confirmScreen(ctx, pressed.id, 1);
      return ctx.reply(text, { parse_mode: "HTML", reply_markup: keyboard });
    }
    const keyboard = countButtons(refundableCount, (n) => refundCountButton.pack({ id: pressed.id, n }));
    keyboard.row().text(ctx.t("refund-no"), CLOSE_DATA);
    const price = formatMoney(order.unitPriceMinor, order.currency, await localeOf(ctx));
    await ctx.reply(
      ctx.t("refund-how-many", { count: refundableCount, title: escapeHtml(order.deal.title), order: order.id, price }),
      { parse_mode: "HTML", reply_markup: keyboard },
    );
  });

  feature.callbackQuery(refundCountButton.filter, async (ctx) => {
    const pressed = refundCountButton.unpack(ctx.callbackQuery.data);
    if (!pressed) return answerExpired(ctx);
    const { text, keyboard } = await confirmScreen(ctx, pressed.id, pressed.n);
    await ctx.answerCallbackQuery();
    await ctx.editMessageText(text, { parse_mode: "HTML", reply_markup: keyboard });
  });

  /** The question before a refund of `count`: the amount, and the codes that stop working. */
  async function confirmScreen(ctx: BotContext, voucherId: number, count: number) {
    const { order, vouchers: voided, amountMinor } = await vouchers.refundChoice(ctx.user.id, voucherId, count);
    const amount = formatMoney(amountMinor, order.currency, await localeOf(ctx));
    const question = ctx.t("refund-confirm", { count, title: escapeHtml(order.deal.title), amount, order: order.id });
    const codes = voided.map((v) => `<code>${formatVoucherCode(v.code)}</code>`).join("\n");
    const keyboard = new InlineKeyboard()
      .text(ctx.t("refund-yes"), confirmRefundButton.pack({ id: voucherId, n: count }))
      .text(ctx.t("refund-no"), CLOSE_DATA);
    return { text: `${question}\n${codes}`, keyboard };
  }

  feature.callbackQuery(confirmRefundButton.filter, async (ctx) => {
    const pressed = confirmRefundButton.unpack(ctx.callbackQuery.data);
    if (!pressed) return answerExpired(ctx);
    await vouchers.requestRefund(ctx.user.id, pressed.id, pressed.n, async ({ order, refundedMinor }) => {
      await ctx.answerCallbackQuery();
      const amount = formatMoney(refundedMinor, order.currency, await localeOf(ctx));
      const key = refundedMinor === 0 ? "refund-done-free" : "refund-requested";
      await ctx.editMessageText(
        ctx.t(key, { amount, count: pressed.n, order: order.id, shop: escapeHtml(order.deal.shop.name) }),
        { parse_mode: "HTML" },
      );
    });
  });

  return feature;
}
