// The screens of /mydeals: the owner's offers a page at a time, one offer's
// panel with the controls its state allows, and the confirmation to end it.
import { InlineKeyboard } from "grammy";
import { z } from "zod";
import { DealStatus } from "../../domain/lifecycles.js";
import { formatMoney } from "../../domain/money.js";
import type { DealLine, DealPanel } from "../../core/console.service.js";
import { callbackCodec, id } from "../callback-data.js";
import type { BotContext } from "../context.js";
import { escapeHtml, localDate, localeOf, priceOf } from "../format.js";
import { CLOSE_DATA } from "../keyboards.js";
import { addPagerRow, paginate } from "../pager.js";
import { statsButton } from "./stats.js";

/**
 * o open · p pause · r resume · e ask to end · E end · q quantity · c price · w usual price · d end date ·
 * t title · s description · g photo · u duplicate · l list (at the deal) · n list page (id: the page)
 */
export const action = z.enum(["o", "p", "r", "e", "E", "q", "c", "w", "d", "t", "s", "g", "u", "l", "n"]);
export const dealAction = callbackCodec("md", { a: action, id });
/**
 * An offer's referral reward (my-deals-reward.ts): o open · f off · s this offer · x choose another ·
 * p pick offer v · c cap v · m cap period v (0 a month, 1 in total). `id` is always the rewarding offer.
 */
export const rewardAction = callbackCodec("ref", { a: z.enum(["o", "f", "s", "x", "p", "c", "m"]), id, v: id });
const DEALS_PER_PAGE = 10;

const statusLabel = (ctx: BotContext, status: string) => ctx.t(`deal-status-${status.toLowerCase()}`);

/** A page of the owner's offers; `at` a page number, or the deal whose page to show (back from its panel). */
export async function dealListView(ctx: BotContext, lines: DealLine[], at: { page: number } | { dealId: number }) {
  const locale = await localeOf(ctx);
  const keyboard = new InlineKeyboard();
  if (lines.length === 0) return { text: ctx.t("mydeals-empty"), keyboard: keyboard.text(ctx.t("close"), CLOSE_DATA) };
  const index = "dealId" in at ? lines.findIndex(({ deal }) => deal.id === at.dealId) : -1;
  const shown = paginate(lines, {
    perPage: DEALS_PER_PAGE,
    header: ctx.t("mydeals-header", { count: lines.length }),
    line: ({ deal, sales }, i) =>
      ctx.t("mydeals-line", {
        n: i + 1,
        title: escapeHtml(deal.title),
        status: statusLabel(ctx, deal.status),
        sold: sales.units,
        left: deal.stockLeft,
        revenue: formatMoney(sales.revenueMinor, deal.currency, locale),
      }),
    t: ctx.t.bind(ctx),
    at: "page" in at ? at : { index: Math.max(0, index) },
  });
  shown.entries.forEach(({ item: { deal }, index: n }, i) => {
    keyboard.text(String(n + 1), dealAction.pack({ a: "o", id: deal.id }));
    if (i % 5 === 4) keyboard.row();
  });
  addPagerRow(keyboard, shown, (page) => dealAction.pack({ a: "n", id: page }));
  keyboard.row().text(ctx.t("close"), CLOSE_DATA);
  return { text: shown.text, keyboard };
}

/** One offer: its state and sales, and the controls its state allows. */
export async function dealPanelView(ctx: BotContext, { deal, sales }: DealPanel) {
  const locale = await localeOf(ctx);
  const money = (minor: number) => formatMoney(minor, deal.currency, locale);
  const text = [
    `<b>${escapeHtml(deal.title)}</b>`,
    ctx.t("mydeals-panel", {
      status: statusLabel(ctx, deal.status),
      price: priceOf(ctx, deal.priceMinor, deal.currency, locale),
      original: money(deal.originalPriceMinor),
      left: deal.stockLeft,
      quantity: deal.quantity,
      taken: deal.quantity - deal.stockLeft,
      sold: sales.units,
      revenue: money(sales.revenueMinor),
      ends: localDate(deal.endsAt, deal, locale),
    }),
  ].join("\n");
  const at = (a: z.infer<typeof action>) => dealAction.pack({ a, id: deal.id });
  const keyboard = new InlineKeyboard();
  if (deal.status === DealStatus.ACTIVE) keyboard.text(ctx.t("mydeals-pause"), at("p"));
  if (deal.status === DealStatus.PAUSED) keyboard.text(ctx.t("mydeals-resume"), at("r"));
  if (deal.status === DealStatus.ACTIVE || deal.status === DealStatus.PAUSED) {
    keyboard.text(ctx.t("mydeals-end"), at("e")).row();
    keyboard.text(ctx.t("mydeals-title"), at("t")).text(ctx.t("mydeals-description"), at("s")).text(ctx.t("mydeals-photo"), at("g")).row();
    keyboard.text(ctx.t("mydeals-price"), at("c")).text(ctx.t("mydeals-original"), at("w")).row();
    keyboard.text(ctx.t("mydeals-stock"), at("q")).text(ctx.t("mydeals-ends"), at("d")).row();
    keyboard.text(ctx.t("referral-button"), rewardAction.pack({ a: "o", id: deal.id, v: 0 })).row();
  }
  keyboard.text(ctx.t("mydeals-duplicate"), at("u")).text(ctx.t("stats-title-button"), statsButton.pack({ p: "7d", id: deal.id })).row();
  keyboard.text(ctx.t("console-back"), at("l"));
  return { text, keyboard };
}

/** Ending is for good: the owner confirms first. */
export function endConfirmView(ctx: BotContext, deal: DealPanel["deal"]) {
  const keyboard = new InlineKeyboard()
    .text(ctx.t("mydeals-end-confirm"), dealAction.pack({ a: "E", id: deal.id }))
    .text(ctx.t("console-back"), dealAction.pack({ a: "o", id: deal.id }));
  return { text: ctx.t("mydeals-end-ask", { title: escapeHtml(deal.title) }), keyboard };
}
