// /mydeals: the owner's offers with their state and sales, and the controls
// allowed after publishing. Every button carries only a deal id, checked
// against the presser by the console service.
import { Composer, InlineKeyboard } from "grammy";
import { z } from "zod";
import { DomainError } from "../../domain/errors.js";
import { DealStatus } from "../../domain/lifecycles.js";
import { formatMoney } from "../../domain/money.js";
import * as validate from "../../domain/validation.js";
import type { DealWithShop } from "../../domain/deal.js";
import { callbackCodec, id } from "../callback-data.js";
import type { BotContext } from "../context.js";
import { ignoreUnchanged } from "../console/unchanged.js";
import { defineForm, formButton, pickedValue, sentPhoto, startForm } from "../forms/form-engine.js";
import { escapeHtml, localDate, localeOf, priceOf } from "../format.js";
import { answerExpired, CLOSE_DATA } from "../keyboards.js";
import { addPagerRow, paginate } from "../pager.js";
import { statsButton } from "./stats.js";

/**
 * o open · p pause · r resume · e ask to end · E end · q quantity · c price · w usual price · d end date ·
 * t title · s description · g photo · u duplicate · l list (at the deal) · n list page (id: the page)
 */
const action = z.enum(["o", "p", "r", "e", "E", "q", "c", "w", "d", "t", "s", "g", "u", "l", "n"]);
const dealAction = callbackCodec("md", { a: action, id });
const DEALS_PER_PAGE = 10;

const statusLabel = (ctx: BotContext, status: string) => ctx.t(`deal-status-${status.toLowerCase()}`);

/** A page of the owner's offers; `at` a page number, or the deal whose page to show (back from its panel). */
async function listScreen(ctx: BotContext, at: { page: number } | { dealId: number }) {
  const { lines } = await ctx.deps.services.console.deals(ctx.user.id);
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

async function panelScreen(ctx: BotContext, deal: DealWithShop) {
  const locale = await localeOf(ctx);
  const sales = await ctx.deps.services.console.sales(deal.id);
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
  }
  keyboard.text(ctx.t("mydeals-duplicate"), at("u")).text(ctx.t("stats-title-button"), statsButton.pack({ p: "7d", id: deal.id })).row();
  keyboard.text(ctx.t("console-back"), at("l"));
  return { text, keyboard };
}

async function show(ctx: BotContext, screen: { text: string; keyboard: InlineKeyboard }, mode: "edit" | "reply") {
  const options = { parse_mode: "HTML" as const, reply_markup: screen.keyboard };
  if (mode === "reply") return ctx.reply(screen.text, options);
  await ctx.editMessageText(screen.text, options).catch(ignoreUnchanged);
}

/** One question, one change: the new total, price, days left, title, description or photo. */
interface EditForm {
  dealId: number;
  /** A price of 0 waiting for its confirmation. */
  priceMinor?: number;
}

const FREE = "free";
const textOf = (ctx: BotContext) => ctx.message?.text;

/** Saved: the owner reads so, and sees the offer's panel again. */
async function saved(ctx: BotContext, deal: DealWithShop) {
  await ctx.reply(ctx.t("mydeals-saved"));
  await show(ctx, await panelScreen(ctx, deal), "reply");
}

/** Back on a question returns to the offer's panel. */
const backToPanel = async (ctx: BotContext, data: Partial<EditForm>) =>
  show(ctx, await panelScreen(ctx, await ctx.deps.services.console.ownedDeal(ctx.user.id, data.dealId!)), "reply");

function editForm(
  name: string,
  prompt: (ctx: BotContext, deal: DealWithShop) => Promise<string> | string,
  apply: (ctx: BotContext, deal: DealWithShop, answer: string) => Promise<DealWithShop>,
  { read = textOf, reminder }: { read?: (ctx: BotContext) => string | undefined; reminder?: string } = {},
) {
  return defineForm<EditForm>({
    name,
    steps: [
      {
        id: "value",
        reminder,
        prompt: async (ctx, data, keyboard) => {
          const deal = await ctx.deps.services.console.ownedDeal(ctx.user.id, data.dealId!);
          return ctx.reply(await prompt(ctx, deal), { parse_mode: "HTML", reply_markup: keyboard });
        },
        accept: async (ctx, data) => {
          const answer = read(ctx);
          if (answer === undefined) return null;
          const deal = await ctx.deps.services.console.ownedDeal(ctx.user.id, data.dealId!);
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
    ctx.deps.services.console.setQuantity(ctx.user.id, deal.id, validate.wholeNumber(text, "quantity")),
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
    ctx.deps.services.console.setOriginalPrice(ctx.user.id, deal.id, validate.originalPrice(text, deal.currency, deal.priceMinor)),
);
const endsForm = editForm(
  "dealends",
  async (ctx, deal) => ctx.t("mydeals-ask-days", { ends: localDate(deal.endsAt, deal, await localeOf(ctx)) }),
  (ctx, deal, text) => ctx.deps.services.console.setDaysLeft(ctx.user.id, deal.id, validate.wholeNumber(text, "days")),
);
const titleForm = editForm(
  "dealtitle",
  (ctx, deal) => ctx.t("mydeals-ask-title", { title: escapeHtml(deal.title) }),
  (ctx, deal, text) => ctx.deps.services.console.editDeal(ctx.user.id, deal.id, { title: validate.text(text, "title") }),
);
const descriptionForm = editForm(
  "dealdescription",
  (ctx) => ctx.t("mydeals-ask-description"),
  (ctx, deal, text) => ctx.deps.services.console.editDeal(ctx.user.id, deal.id, { description: validate.text(text, "description") }),
);
const photoForm = editForm(
  "dealphoto",
  (ctx) => ctx.t("mydeals-ask-photo"),
  (ctx, deal, fileId) => ctx.deps.services.console.editDeal(ctx.user.id, deal.id, { photoFileId: fileId }),
  { read: sentPhoto, reminder: "shop-expects-photo" },
);

/** A new price; 0 makes the offer a free coupon, which the owner confirms first. */
const priceForm = defineForm<EditForm>({
  name: "dealprice",
  steps: [
    {
      id: "value",
      prompt: async (ctx, data, keyboard) => {
        const deal = await ctx.deps.services.console.ownedDeal(ctx.user.id, data.dealId!);
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
        const { console: service } = ctx.deps.services;
        const deal = await service.ownedDeal(ctx.user.id, data.dealId!);
        const priceMinor = validate.price(text, deal.currency);
        if (priceMinor === 0 && deal.priceMinor !== 0) return { priceMinor };
        await saved(ctx, await service.setPrice(ctx.user.id, deal.id, priceMinor));
        return { priceMinor: undefined };
      },
    },
    {
      id: "free",
      reminder: "form-expects-button",
      when: (data) => data.priceMinor === 0,
      prompt: async (ctx, data, keyboard) => {
        const deal = await ctx.deps.services.console.ownedDeal(ctx.user.id, data.dealId!);
        return ctx.reply(ctx.t("mydeals-free-ask", { title: escapeHtml(deal.title) }), {
          parse_mode: "HTML",
          reply_markup: InlineKeyboard.from([[InlineKeyboard.text(ctx.t("mydeals-free-confirm"), formButton(FREE))], ...keyboard.inline_keyboard]),
        });
      },
      accept: async (ctx, data) => {
        if (pickedValue(ctx) !== FREE) return null;
        await saved(ctx, await ctx.deps.services.console.setPrice(ctx.user.id, data.dealId!, 0));
        return {};
      },
    },
  ],
  finish: async () => undefined,
  exit: backToPanel,
});

const FORM_OF = { q: stockForm, c: priceForm, w: originalForm, d: endsForm, t: titleForm, s: descriptionForm, g: photoForm } as const;

export const myDealsFeature = new Composer<BotContext>();

myDealsFeature.command("mydeals", async (ctx) => show(ctx, await listScreen(ctx, { page: 0 }), "reply"));

myDealsFeature.callbackQuery(dealAction.filter, async (ctx) => {
  const pressed = dealAction.unpack(ctx.callbackQuery.data);
  if (!pressed) return answerExpired(ctx);
  const { console: service } = ctx.deps.services;
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
          ? await panelScreen(ctx, await service.ownedDeal(me, dealId))
          : await listScreen(ctx, pressed.a === "n" ? { page: pressed.id } : { dealId });
      await ctx.answerCallbackQuery();
      return show(ctx, screen, "edit");
    }
    case "p":
    case "r":
    case "E": {
      const deal = await (pressed.a === "p" ? service.pause(me, dealId) : pressed.a === "r" ? service.resume(me, dealId) : service.end(me, dealId));
      await ctx.answerCallbackQuery({ text: ctx.t(`mydeals-done-${pressed.a === "p" ? "paused" : pressed.a === "r" ? "resumed" : "ended"}`) });
      return show(ctx, await panelScreen(ctx, deal), "edit");
    }
    case "e": {
      const deal = await service.ownedDeal(me, dealId);
      if (deal.status === DealStatus.ENDED) throw new DomainError("deal-ended");
      await ctx.answerCallbackQuery();
      const keyboard = new InlineKeyboard()
        .text(ctx.t("mydeals-end-confirm"), dealAction.pack({ a: "E", id: dealId }))
        .text(ctx.t("console-back"), dealAction.pack({ a: "o", id: dealId }));
      return show(ctx, { text: ctx.t("mydeals-end-ask", { title: escapeHtml(deal.title) }), keyboard }, "edit");
    }
    case "u": {
      const copy = await service.duplicate(me, dealId);
      await ctx.answerCallbackQuery({ text: ctx.t("mydeals-done-duplicated") });
      return show(ctx, await panelScreen(ctx, copy), "reply");
    }
    case "q":
    case "c":
    case "w":
    case "d":
    case "t":
    case "s":
    case "g": {
      // Checked before the question is asked, so nobody types for nothing.
      const deal = await service.ownedDeal(me, dealId);
      if (deal.status === DealStatus.ENDED) throw new DomainError("deal-ended");
      await ctx.answerCallbackQuery();
      return startForm(ctx, FORM_OF[pressed.a], { dealId });
    }
  }
});
