import { Composer, InlineKeyboard } from "grammy";
import { formatMoney } from "../../domain/money.js";
import * as validate from "../../domain/validation.js";
import {
  DEFAULT_REFUND_POLICY,
  REFUND_POLICIES,
  DEFAULT_PER_PERSON_LIMIT,
  DEFAULT_VOUCHER_VALID_DAYS,
  LIMITS,
  type DealInput,
} from "../../domain/validation.js";
import { DomainError } from "../../domain/errors.js";
import type { BotContext } from "../context.js";
import { defineForm, formButton, pickedValue, startForm } from "../forms/form-engine.js";
import { escapeHtml, localeOf } from "../format.js";
import { mainKeyboard } from "../keyboards.js";
import { fitsCaption, policyKey, renderCard } from "./deal-view.js";

type DealForm = DealInput;

const DAY_MS = 86_400_000;
const messageText = (ctx: BotContext) => ctx.message?.text;
const currencyOf = (ctx: BotContext) => ctx.deps.services.deals.currency;

function textStep(
  id: string,
  prompt: (ctx: BotContext, data: Partial<DealForm>) => Promise<string> | string,
  read: (text: string, ctx: BotContext, data: Partial<DealForm>) => Partial<DealForm>,
  skip?: (data: Partial<DealForm>) => Partial<DealForm>,
) {
  return {
    id,
    skip,
    prompt: async (ctx: BotContext, data: Partial<DealForm>, keyboard: InlineKeyboard) =>
      ctx.reply(await prompt(ctx, data), { reply_markup: keyboard }),
    accept: (ctx: BotContext, data: Partial<DealForm>) => {
      const text = messageText(ctx);
      return text === undefined ? null : read(text, ctx, data);
    },
  };
}

const limitDefault = (data: Partial<DealForm>) => Math.min(DEFAULT_PER_PERSON_LIMIT, data.quantity ?? 1);

export const newDealForm = defineForm<DealForm>({
  name: "newdeal",
  steps: [
    textStep("title", (ctx) => ctx.t("newdeal-title"), (text) => ({ title: validate.text(text, "title") })),
    textStep(
      "description",
      (ctx) => ctx.t("newdeal-description"),
      (text) => ({ description: validate.text(text, "description") }),
      () => ({ description: "" }),
    ),
    {
      id: "photo",
      reminder: "form-expects-photo",
      prompt: (ctx, _data, keyboard) => ctx.reply(ctx.t("newdeal-photo"), { reply_markup: keyboard }),
      // The largest size Telegram made of the photo.
      accept: (ctx) => {
        const sizes = ctx.message?.photo;
        return sizes?.length ? { photoFileId: sizes[sizes.length - 1]!.file_id } : null;
      },
      skip: () => ({ photoFileId: undefined }),
    },
    textStep(
      "price",
      (ctx) => ctx.t("newdeal-price", { currency: currencyOf(ctx) }),
      (text, ctx) => ({ priceMinor: validate.price(text, currencyOf(ctx)) }),
    ),
    textStep(
      "original",
      async (ctx, data) =>
        ctx.t("newdeal-original", {
          currency: currencyOf(ctx),
          price: formatMoney(data.priceMinor ?? 0, currencyOf(ctx), await localeOf(ctx)),
        }),
      (text, ctx, data) => ({ originalPriceMinor: validate.originalPrice(text, currencyOf(ctx), data.priceMinor ?? 0) }),
    ),
    textStep(
      "quantity",
      (ctx) => ctx.t("newdeal-quantity"),
      (text) => ({ quantity: validate.wholeNumber(text, "quantity") }),
    ),
    textStep(
      "limit",
      (ctx, data) =>
        ctx.t("newdeal-limit", {
          max: Math.min(LIMITS.perPersonLimit, data.quantity ?? 1),
          default: limitDefault(data),
        }),
      (text, _ctx, data) => {
        const limit = validate.wholeNumber(text, "perPersonLimit");
        if (limit > (data.quantity ?? 1)) throw new DomainError("limit-above-quantity", { quantity: data.quantity ?? 1 });
        return { perPersonLimit: limit };
      },
      (data) => ({ perPersonLimit: limitDefault(data) }),
    ),
    textStep("days", (ctx) => ctx.t("newdeal-days"), (text) => ({ days: validate.wholeNumber(text, "days") })),
    textStep(
      "voucherDays",
      (ctx) => ctx.t("newdeal-voucher-days", { default: DEFAULT_VOUCHER_VALID_DAYS }),
      (text) => ({ voucherValidDays: validate.wholeNumber(text, "voucherValidDays") }),
      () => ({ voucherValidDays: DEFAULT_VOUCHER_VALID_DAYS }),
    ),
    {
      id: "refund",
      reminder: "form-expects-button",
      prompt: (ctx, _data, keyboard) =>
        ctx.reply(ctx.t("newdeal-refund"), {
          reply_markup: InlineKeyboard.from([
            ...REFUND_POLICIES.map((p) => [InlineKeyboard.text(ctx.t(`refund-policy-${policyKey(p)}`), formButton(p))]),
            ...keyboard.inline_keyboard,
          ]),
        }),
      accept: (ctx) => {
        const picked = pickedValue(ctx);
        return picked === undefined ? null : { refundPolicy: validate.refundPolicy(picked) };
      },
      skip: () => ({ refundPolicy: DEFAULT_REFUND_POLICY }),
    },
    textStep(
      "group",
      (ctx) => ctx.t("newdeal-group", { max: LIMITS.minBuyers }),
      (text) => ({ minBuyers: validate.wholeNumber(text, "minBuyers", 2) }),
      () => ({ minBuyers: 0 }),
    ),
    {
      id: "preview",
      reminder: "form-expects-button",
      prompt: (ctx, data, keyboard) => sendPreview(ctx, data as DealForm, keyboard),
      accept: (ctx) => (pickedValue(ctx) === "publish" ? {} : null),
    },
  ],
  finish: async (ctx, data) => {
    const deal = await ctx.deps.services.deals.publish(ctx.user.id, data);
    await ctx.reply(ctx.t("newdeal-published", { title: escapeHtml(deal.title) }), {
      parse_mode: "HTML",
      reply_markup: mainKeyboard(ctx),
    });
  },
});

async function sendPreview(ctx: BotContext, data: DealForm, navigation: InlineKeyboard) {
  const shop = await ctx.deps.services.deals.approvedShopOf(ctx.user.id);
  const card = await renderCard(ctx, {
    ...data,
    finePrint: "",
    photoFileId: data.photoFileId ?? null,
    shopName: shop.name,
    category: shop.category,
    address: shop.address,
    openingHours: shop.openingHours,
    lat: shop.lat,
    lng: shop.lng,
    currency: currencyOf(ctx),
    stockLeft: data.quantity,
    endsAt: new Date(ctx.deps.services.clock().getTime() + data.days * DAY_MS),
    onSale: true,
    refundPolicy: data.refundPolicy ?? DEFAULT_REFUND_POLICY,
    minBuyers: data.minBuyers ?? 0,
  });
  const text = `${ctx.t("newdeal-preview-header")}\n\n${card}`;
  const reply_markup = InlineKeyboard.from([
    [InlineKeyboard.text(ctx.t("newdeal-publish"), formButton("publish"))],
    ...navigation.inline_keyboard,
  ]);
  if (data.photoFileId && fitsCaption(text)) {
    return ctx.replyWithPhoto(data.photoFileId, { caption: text, parse_mode: "HTML", reply_markup });
  }
  if (data.photoFileId) await ctx.replyWithPhoto(data.photoFileId);
  return ctx.reply(text, { parse_mode: "HTML", reply_markup });
}

export const newDealFeature = new Composer<BotContext>();

newDealFeature.command("newdeal", async (ctx) => {
  // Only an approved merchant gets past this, before typing anything.
  await ctx.deps.services.deals.approvedShopOf(ctx.user.id);
  const line = ctx.match.trim();
  if (!line) return startForm(ctx, newDealForm);
  return startForm(ctx, newDealForm, validate.parseDealLine(line, currencyOf(ctx)), "preview");
});
