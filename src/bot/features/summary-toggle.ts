// The owner turns the daily summary off or on: from the summary itself, from
// /shop, or with /summary on|off.
import { Composer } from "grammy";
import { z } from "zod";
import { callbackCodec } from "../callback-data.js";
import type { ConsoleService } from "../../core/console.service.js";
import type { BotContext } from "../context.js";
import { answerExpired } from "../keyboards.js";

export const summaryButton = callbackCodec("ds", { on: z.enum(["0", "1"]) });

export function createSummaryToggleFeature({ console }: { console: ConsoleService }): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  feature.callbackQuery(summaryButton.filter, async (ctx) => {
    const pressed = summaryButton.unpack(ctx.callbackQuery.data);
    if (!pressed) return answerExpired(ctx);
    const on = pressed.on === "1";
    await console.setSummary(ctx.user.id, on);
    await ctx.answerCallbackQuery({ text: ctx.t(on ? "summary-on" : "summary-off") });
    // The button flips in place; the rest of the keyboard (the /shop screen's) stays.
    const toggle = { text: ctx.t(on ? "summary-stop" : "summary-start"), callback_data: summaryButton.pack({ on: on ? "0" : "1" }) };
    const rows = ctx.callbackQuery.message?.reply_markup?.inline_keyboard ?? [[toggle]];
    const inline_keyboard = rows.map((row) =>
      row.map((b) => ("callback_data" in b && summaryButton.filter.test(b.callback_data) ? toggle : b)),
    );
    await ctx.editMessageReplyMarkup({ reply_markup: { inline_keyboard } });
  });

  feature.command("summary", async (ctx) => {
    const arg = ctx.match.trim().toLowerCase();
    if (arg === "on" || arg === "off") {
      await console.setSummary(ctx.user.id, arg === "on");
      return ctx.reply(ctx.t(arg === "on" ? "summary-on" : "summary-off"));
    }
    const off = await console.summaryOptedOut(ctx.user.id);
    await ctx.reply(ctx.t(off ? "summary-status-off" : "summary-status-on"));
  });

  return feature;
}
