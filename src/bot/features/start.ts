import { Composer, InlineKeyboard } from "grammy";
import { callbackCodec } from "../callback-data.js";
import type { BotContext } from "../context.js";
import type { Forms } from "../forms/form-engine.js";
import { escapeHtml } from "../html.js";
import { LOCALES } from "../i18n.js";
import { mainKeyboard } from "../keyboards.js";
import { DEAL_PAYLOAD } from "./checkout/voucher-view.js";
import type { ShowDealCard } from "./deal-card.js";
import type { Services } from "../../core/services.js";
import { z } from "zod";

/** Telegram's rule for deep-link payloads. */
const DEEP_LINK_PAYLOAD = /^[A-Za-z0-9_-]{1,64}$/;
const languageButton = callbackCodec("lang", { locale: z.enum(LOCALES) });

export function createStartFeature({
  users,
  forms,
  showDealCard,
}: {
  users: Pick<Services["users"], "setSourceIfUnset" | "setLanguage">;
  forms: Pick<Forms, "askAgain">;
  showDealCard: ShowDealCard;
}): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  feature.command("start", async (ctx) => {
    const payload = ctx.match.trim();
    if (DEEP_LINK_PAYLOAD.test(payload)) await users.setSourceIfUnset(ctx.user.id, payload);
    await ctx.reply(ctx.t("start-greeting", { name: escapeHtml(ctx.user.firstName) }), {
      parse_mode: "HTML",
      reply_markup: mainKeyboard(ctx),
    });
    // A shared deal: its card, credited to the shared link, or to the friend who shared it.
    const deal = DEAL_PAYLOAD.exec(payload);
    if (deal) await showDealCard(ctx, Number(deal[1]), deal[2] ? { s: "f", r: Number(deal[2]) } : { s: "l", r: 0 });
  });

  // Asked in the middle of a form, the help leaves it open: its question follows.
  feature.command("help", async (ctx) => {
    await ctx.reply(ctx.t("help"), { parse_mode: "HTML" });
    await forms.askAgain(ctx);
  });

  feature.command("language", (ctx) =>
    ctx.reply(ctx.t("language-choose"), {
      reply_markup: new InlineKeyboard()
        .text("English", languageButton.pack({ locale: "en" }))
        .text("中文", languageButton.pack({ locale: "zh" })),
    }),
  );

  feature.callbackQuery(languageButton.filter, async (ctx) => {
    const choice = languageButton.unpack(ctx.callbackQuery.data);
    if (!choice) return ctx.answerCallbackQuery(ctx.t("button-expired"));
    await users.setLanguage(ctx.user.id, choice.locale);
    ctx.i18n.useLocale(choice.locale);
    await ctx.answerCallbackQuery();
    await ctx.editMessageText(ctx.t("language-set"));
    // In the middle of a form, its question again in the new language; otherwise
    // the help, with the reply keyboard, whose label is in the old language.
    if (await forms.askAgain(ctx)) return;
    await ctx.reply(ctx.t("help"), { parse_mode: "HTML", reply_markup: mainKeyboard(ctx) });
  });

  // An open form takes /cancel itself (the form engine runs first).
  feature.command("cancel", (ctx) => ctx.reply(ctx.t("nothing-to-cancel"), { reply_markup: mainKeyboard(ctx) }));

  return feature;
}
