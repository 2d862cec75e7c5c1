// /stats: what each promotion brought in, for the owner only (staff see no
// revenue). Buttons switch the period, pick an offer, and send the chart.
import { Composer, InlineKeyboard, InputFile } from "grammy";
import { z } from "zod";
import { PERIODS, type Period } from "../../domain/stats.js";
import { callbackCodec, id } from "../callback-data.js";
import { dailyChartPng } from "../console/chart.js";
import { renderFigures } from "../console/stats-view.js";
import { ignoreUnchanged } from "../console/unchanged.js";
import type { ConsoleService } from "../../core/console.service.js";
import type { ReportService } from "../../core/report.service.js";
import type { BotContext } from "../context.js";
import { escapeHtml, localeOf } from "../format.js";
import { fitTelegram } from "../../domain/telegram-text.js";
import { answerExpired, CLOSE_DATA } from "../keyboards.js";

const period = z.enum(PERIODS);
/** The figures of the shop (id 0) or of one offer, for a period. */
export const statsButton = callbackCodec("st", { p: period, id });
const dealsButton = callbackCodec("so", { p: period });
export const chartButton = callbackCodec("sc", {});
const DEALS_SHOWN = 30;

export function createStatsFeature({ console, reports }: { console: Pick<ConsoleService, "deals">; reports: ReportService }): Composer<BotContext> {
  async function statsScreen(ctx: BotContext, p: Period, dealId: number) {
    const { shop, deal, figures } = await reports.figures(ctx.user.id, p, dealId);
    const text = renderFigures(ctx.t.bind(ctx), await localeOf(ctx), {
      name: escapeHtml(deal ? deal.title : shop.name),
      period: p,
      figures,
      currency: deal?.currency ?? shop.currency,
    });
    const keyboard = new InlineKeyboard();
    for (const each of PERIODS) {
      const label = ctx.t(`stats-period-${each}`);
      keyboard.text(each === p ? `✓ ${label}` : label, statsButton.pack({ p: each, id: dealId }));
    }
    keyboard.row();
    if (deal) keyboard.text(ctx.t("console-back"), dealsButton.pack({ p }));
    else keyboard.text(ctx.t("stats-by-offer"), dealsButton.pack({ p })).text(ctx.t("stats-chart"), chartButton.pack({}));
    keyboard.row().text(ctx.t("close"), CLOSE_DATA);
    return { text, keyboard };
  }

  const feature = new Composer<BotContext>();

  feature.command("stats", async (ctx) => {
    const { text, keyboard } = await statsScreen(ctx, "7d", 0);
    await ctx.reply(text, { parse_mode: "HTML", reply_markup: keyboard });
  });

  feature.callbackQuery(statsButton.filter, async (ctx) => {
    const pressed = statsButton.unpack(ctx.callbackQuery.data);
    if (!pressed) return answerExpired(ctx);
    const { text, keyboard } = await statsScreen(ctx, pressed.p, pressed.id);
    await ctx.answerCallbackQuery();
    await ctx.editMessageText(text, { parse_mode: "HTML", reply_markup: keyboard }).catch(ignoreUnchanged);
  });

  feature.callbackQuery(dealsButton.filter, async (ctx) => {
    const pressed = dealsButton.unpack(ctx.callbackQuery.data);
    if (!pressed) return answerExpired(ctx);
    const { lines } = await console.deals(ctx.user.id);
    const keyboard = new InlineKeyboard();
    for (const { deal } of lines.slice(0, DEALS_SHOWN)) {
      keyboard.text(fitTelegram(deal.title, 40), statsButton.pack({ p: pressed.p, id: deal.id })).row();
    }
    keyboard.text(ctx.t("console-back"), statsButton.pack({ p: pressed.p, id: 0 }));
    await ctx.answerCallbackQuery();
    await ctx.editMessageText(ctx.t(lines.length ? "stats-pick-offer" : "mydeals-empty"), { reply_markup: keyboard });
  });

  feature.callbackQuery(chartButton.filter, async (ctx) => {
    const { shop, series } = await reports.daily(ctx.user.id);
    await ctx.answerCallbackQuery();
    const total = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
    // The words go in the caption, in the colours of the bars: Telegram draws any
    // script there, while the image would need a font for every shop's name.
    await ctx.replyWithPhoto(new InputFile(dailyChartPng(series), "last-30-days.png"), {
      caption: ctx.t("chart-caption", { name: shop.name, purchases: total(series.purchases), redemptions: total(series.redemptions) }),
    });
  });

  return feature;
}
