// /mydeals: the owner's offers with their state and sales, and the controls
// allowed after publishing. Every button carries only a deal id, checked
// against the presser by the console service.
import { Composer, InlineKeyboard } from "grammy";
import { DomainError } from "../../domain/errors.js";
import { DealStatus } from "../../domain/lifecycles.js";
import { formatMoney } from "../../domain/money.js";
import * as validate from "../../domain/validation.js";
import type { ConsoleService, DealPanel } from "../../core/console.service.js";
import type { ReferralService } from "../../core/referral.service.js";
import type { BotContext } from "../context.js";
import { ignoreUnchanged } from "../console/unchanged.js";
import { formButton, pickedValue, sentPhoto, type Forms } from "../forms/form-engine.js";
import { escapeHtml, localDate, localeOf, priceOf } from "../format.js";
import { answerExpired } from "../keyboards.js";
import { dealAction, endConfirmView, dealListView, dealPanelView } from "./my-deals-view.js";
import { createRewardSettingFeature } from "./my-deals-reward.js";

/** One question, one change: the new total, price, days left, title, description or photo. */
interface EditForm {
  dealId: number;
  /** A price of 0 waiting for its confirmation. */
  priceMinor?: number;
}

const FREE = "free";
const textOf = (ctx: BotContext) => ctx.message?.text;

async function show(ctx: BotContext, screen: { text: string; keyboard: InlineKeyboard }, mode: "edit" | "reply") {
  const options = { parse_mode: "HTML" as const, reply_markup: screen.keyboard };
  if (mode === "reply") return ctx.reply(screen.text, options);
  await ctx.editMessageText(screen.text, options).catch(ignoreUnchanged);
}

export function createMyDealsFeature({
  forms,
  console,
  referrals,
}: {
  forms: Forms;
  console: ConsoleService;
  referrals: ReferralService;
}): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  feature.use(createRewardSettingFeature({ referrals }));

  /** A page of the owner's offers; `at` a page number, or the deal whose page to show (back from its panel). */
  async function listScreen(ctx: BotContext, at: { page: number } | { dealId: number }) {
    const { lines } = await console.deals(ctx.user.id);
    return dealListView(ctx, lines, at);
  }

  /** Saved: the owner reads so, and sees the offer's panel again. */
  async function saved(ctx: BotContext, panel: DealPanel) {
    await ctx.reply(ctx.t("mydeals-saved"));
    await show(ctx, await dealPanelView(ctx, panel), "reply");
  }

  /** Back on a question returns to the offer's panel. */
  const backToPanel = async (ctx: BotContext, data: Partial<EditForm>) =>
    show(ctx, await dealPanelView(ctx, await console.panel(ctx.user.id, data.dealId!)), "reply");

  function editForm(
    name: string,
    prompt: (ctx: BotContext, deal: DealPanel["deal"]) => Promise<string> | string,
    apply: (ctx: BotContext, deal: DealPanel["deal"], answer: string) => Promise<DealPanel>,
    { read = textOf, reminder }: { read?: (ctx: BotContext) => string | undefined; reminder?: string } = {},
  ) {
    return forms.define<EditForm>({
      name,
      steps: [
        {
          id: "value",
          reminder,
          prompt: async (ctx, data, keyboard) => {
            const deal = await console.ownedDeal(ctx.user.id, data.dealId!);
            return ctx.reply(await prompt(ctx, deal), { parse_mode: "HTML", reply_markup: keyboard });
          },
          accept: async (ctx, data) => {
            const answer = read(ctx);
            if (answer === undefined) return null;
            const deal = await console.ownedDeal(ctx.user.id, data.dealId!);
            await saved(ctx, await apply(ctx, deal, answer));
            return {};
          },
        },
      ],
      // The change is saved as the answer is accepted: nothing is left to do.
      finish: async () => undefined,
      exit: backToPanel,
    });
  }

  const stockForm = editForm(
    "dealstock",
    (ctx, deal) => ctx.t("mydeals-ask-stock", { quantity: deal.quantity, taken: deal.quantity - deal.stockLeft }),
    (ctx, deal, text) =>
      console.setQuantity(ctx.user.id, deal.id, validate.wholeNumber(text, "quantity")),
  );
  const originalForm = editForm(
    "dealoriginal",
    async (ctx, deal) =>
      ctx.t("mydeals-ask-original", {
        currency: deal.currency,
        price: priceOf(ctx, deal.priceMinor, deal.currency, await localeOf(ctx)),
        original: formatMoney(deal.originalPriceMinor, deal.currency, await localeOf(ctx)),
      }),
    (ctx, deal, text) =>
      console.setOriginalPrice(ctx.user.id, deal.id, validate.originalPrice(text, deal.currency, deal.priceMinor)),
  );
  const endsForm = editForm(
    "dealends",
    async (ctx, deal) => ctx.t("mydeals-ask-days", { ends: localDate(deal.endsAt, deal, await localeOf(ctx)) }),
    (ctx, deal, text) => console.setDaysLeft(ctx.user.id, deal.id, validate.wholeNumber(text, "days")),
  );
  const titleForm = editForm(
    "dealtitle",
    (ctx, deal) => ctx.t("mydeals-ask-title", { title: escapeHtml(deal.title) }),
    (ctx, deal, text) => console.editDeal(ctx.user.id, deal.id, { title: validate.text(text, "title") }),
  );
  const descriptionForm = editForm(
    "dealdescription",
    (ctx) => ctx.t("mydeals-ask-description"),
    (ctx, deal, text) => console.editDeal(ctx.user.id, deal.id, { description: validate.text(text, "description") }),
  );
  const photoForm = editForm(
    "dealphoto",
    (ctx) => ctx.t("mydeals-ask-photo"),
    (ctx, deal, fileId) => console.editDeal(ctx.user.id, deal.id, { photoFileId: fileId }),
    { read: sentPhoto, reminder: "shop-expects-photo" },
  );

  /** A new price; 0 makes the offer a free coupon, which the owner confirms first. */
  const priceForm = forms.define<EditForm>({
    name: "dealprice",
    steps: [
      {
        id: "value",
        prompt: async (ctx, data, keyboard) => {
          const deal = await console.ownedDeal(ctx.user.id, data.dealId!);
          const locale = await localeOf(ctx);
          const text = ctx.t("mydeals-ask-price", {
            currency: deal.currency,
            price: priceOf(ctx, deal.priceMinor, deal.currency, locale),
            original: formatMoney(deal.originalPriceMinor, deal.currency, locale),
          });
          return ctx.reply(text, { parse_mode: "HTML", reply_markup: keyboard });
        },
        accept: async (ctx, data) => {
          const text = textOf(ctx);
          if (text === undefined) return null;
          const deal = await console.ownedDeal(ctx.user.id, data.dealId!);
          const priceMinor = validate.price(text, deal.currency);
          if (priceMinor === 0 && deal.priceMinor !== 0) return { priceMinor };
          await saved(ctx, await console.setPrice(ctx.user.id, deal.id, priceMinor));
          return { priceMinor: undefined };
        },
      },
      {
        id: "free",
        reminder: "form-expects-button",
        when: (data) => data.priceMinor === 0,
        prompt: async (ctx, data, keyboard) => {
          const deal = await console.ownedDeal(ctx.user.id, data.dealId!);
          return ctx.reply(ctx.t("mydeals-free-ask", { title: escapeHtml(deal.title) }), {
            parse_mode: "HTML",
            reply_markup: InlineKeyboard.from([[InlineKeyboard.text(ctx.t("mydeals-free-confirm"), formButton(FREE))], ...keyboard.inline_keyboard]),
          });
        },
        accept: async (ctx, data) => {
          if (pickedValue(ctx) !== FREE) return null;
          await saved(ctx, await console.setPrice(ctx.user.id, data.dealId!, 0));
          return {};
        },
      },
    ],
    finish: async () => undefined,
    exit: backToPanel,
  });

  const FORM_OF = { q: stockForm, c: priceForm, w: originalForm, d: endsForm, t: titleForm, s: descriptionForm, g: photoForm } as const;

  feature.command("mydeals", async (ctx) => show(ctx, await listScreen(ctx, { page: 0 }), "reply"));

  feature.callbackQuery(dealAction.filter, async (ctx) => {
    const pressed = dealAction.unpack(ctx.callbackQuery.data);
    if (!pressed) return answerExpired(ctx);
    const me = ctx.user.id;
    const dealId = pressed.id;
    switch (pressed.a) {
      case "l":
      case "n":
      case "o": {
        // Built before answering: a refusal is the answer to a forged button.
        // The list is the presser's own offers, whatever page or deal the button names.
        const screen =
          pressed.a === "o"
            ? await dealPanelView(ctx, await console.panel(me, dealId))
            : await listScreen(ctx, pressed.a === "n" ? { page: pressed.id } : { dealId });
        await ctx.answerCallbackQuery();
        return show(ctx, screen, "edit");
      }
      case "p":
      case "r":
      case "E": {
        const panel = await (pressed.a === "p" ? console.pause(me, dealId) : pressed.a === "r" ? console.resume(me, dealId) : console.end(me, dealId));
        await ctx.answerCallbackQuery({ text: ctx.t(`mydeals-done-${pressed.a === "p" ? "paused" : pressed.a === "r" ? "resumed" : "ended"}`) });
        return show(ctx, await dealPanelView(ctx, panel), "edit");
      }
      case "e": {
        const deal = await console.ownedDeal(me, dealId);
        if (deal.status === DealStatus.ENDED) throw new DomainError("deal-ended");
        await ctx.answerCallbackQuery();
        return show(ctx, endConfirmView(ctx, deal), "edit");
      }
      case "u": {
        const copy = await console.duplicate(me, dealId);
        await ctx.answerCallbackQuery({ text: ctx.t("mydeals-done-duplicated") });
        return show(ctx, await dealPanelView(ctx, copy), "reply");
      }
      case "q":
      case "c":
      case "w":
      case "d":
      case "t":
      case "s":
      case "g": {
        // Checked before the question is asked, so nobody types for nothing.
        const deal = await console.ownedDeal(me, dealId);
        if (deal.status === DealStatus.ENDED) throw new DomainError("deal-ended");
        await ctx.answerCallbackQuery();
        return forms.start(ctx, FORM_OF[pressed.a], { dealId });
      }
    }
  });

  return feature;
}
