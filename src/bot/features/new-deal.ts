import { Composer, InlineKeyboard } from "grammy";
import { formatMoney, typedExample } from "../../domain/money.js";
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
import { firstGap } from "../../domain/deal-draft.js";
import type { DealService } from "../../core/deal.service.js";
import type { UnderstandingService } from "../../core/understanding.service.js";
import type { Clock } from "../../util/clock.js";
import type { BotContext } from "../context.js";
import { formButton, pickedValue, sentPhoto, type Forms } from "../forms/form-engine.js";
import { escapeHtml, localeOf } from "../format.js";
import { mainKeyboard } from "../keyboards.js";
import { policyKey, renderCard, sendCard } from "./deal-view.js";
import { draftFromText } from "./describe-deal.js";

type DealForm = DealInput;

const DAY_MS = 86_400_000;
const messageText = (ctx: BotContext) => ctx.message?.text;

function textStep(
  id: string,
  prompt: (ctx: BotContext, data: Partial<DealForm>) => Promise<string> | string,
  read: (text: string, ctx: BotContext, data: Partial<DealForm>) => Partial<DealForm> | Promise<Partial<DealForm>>,
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

/** The step that asks for each field. */
const STEP_OF_FIELD: Record<keyof DealForm, string> = {
  title: "title",
  description: "description",
  photoFileId: "photo",
  priceMinor: "price",
  originalPriceMinor: "original",
  quantity: "quantity",
  perPersonLimit: "limit",
  days: "days",
  voucherValidDays: "voucherDays",
  refundPolicy: "refund",
  minBuyers: "group",
};
/** The steps the preview can open one by one (Edit), three to a row. */
const EDITABLE = [
  "title",
  "description",
  "photo",
  "price",
  "original",
  "quantity",
  "limit",
  "days",
  "voucherDays",
  "refund",
  "group",
] as const;

export function createNewDealFeature({
  forms,
  deals,
  understanding,
  clock,
}: {
  forms: Forms;
  deals: Pick<DealService, "approvedShopOf" | "publish">;
  understanding: Pick<UnderstandingService, "canDraft" | "draftDeal">;
  clock: Clock;
}): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  /** Offers are priced in their shop's currency. */
  const currencyOf = async (ctx: BotContext) => (await deals.approvedShopOf(ctx.user.id)).currency;

  /** Without a model, a description yields only its numbers: the hint must not promise a whole draft. */
  const describeHint = (ctx: BotContext) => ctx.t(understanding.canDraft ? "newdeal-describe-hint" : "newdeal-describe-hint-numbers");

  const newDealForm = forms.define<DealForm>({
    name: "newdeal",
    steps: [
      textStep(
        "title",
        (ctx, data) => (data.description === undefined ? `${ctx.t("newdeal-title")}\n\n${describeHint(ctx)}` : ctx.t("newdeal-title")),
        (text) => ({ title: validate.text(text, "title") }),
      ),
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
        accept: (ctx) => {
          const photoFileId = sentPhoto(ctx);
          return photoFileId ? { photoFileId } : null;
        },
        skip: () => ({ photoFileId: undefined }),
      },
      textStep(
        "price",
        async (ctx) => {
          const currency = await currencyOf(ctx);
          return ctx.t("newdeal-price", { currency, example: typedExample(990, currency) });
        },
        async (text, ctx) => ({ priceMinor: validate.price(text, await currencyOf(ctx)) }),
      ),
      textStep(
        "original",
        async (ctx, data) => {
          const currency = await currencyOf(ctx);
          return ctx.t("newdeal-original", { currency, price: formatMoney(data.priceMinor ?? 0, currency, await localeOf(ctx)) });
        },
        async (text, ctx, data) => ({ originalPriceMinor: validate.originalPrice(text, await currencyOf(ctx), data.priceMinor ?? 0) }),
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
        // A drafted offer may lack fields, and an edit may break a rule between
        // two of them (price above the usual price): the form asks before showing it.
        requires: (data) => {
          const gap = firstGap(data);
          return gap && STEP_OF_FIELD[gap];
        },
        jump: (ctx) => {
          const field = pickedValue(ctx)?.match(/^edit:(\w+)$/)?.[1];
          return field && (EDITABLE as readonly string[]).includes(field) ? field : undefined;
        },
        accept: (ctx) => (pickedValue(ctx) === "publish" ? {} : null),
      },
    ],
    finish: async (ctx, data) => {
      const deal = await deals.publish(ctx.user.id, data);
      await ctx.reply(ctx.t("newdeal-published", { title: escapeHtml(deal.title) }), {
        parse_mode: "HTML",
        reply_markup: mainKeyboard(ctx),
      });
    },
  });

  async function sendPreview(ctx: BotContext, data: DealForm, navigation: InlineKeyboard) {
    const shop = await deals.approvedShopOf(ctx.user.id);
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
      currency: shop.currency,
      stockLeft: data.quantity,
      endsAt: new Date(clock().getTime() + data.days * DAY_MS),
      onSale: true,
      refundPolicy: data.refundPolicy ?? DEFAULT_REFUND_POLICY,
      minBuyers: data.minBuyers ?? 0,
    });
    const text = `${ctx.t("newdeal-preview-header")}\n\n${card}`;
    const edits = EDITABLE.map((step) => InlineKeyboard.text(ctx.t(`newdeal-edit-${step}`), formButton(`edit:${step}`)));
    const reply_markup = InlineKeyboard.from([
      [InlineKeyboard.text(ctx.t("newdeal-publish"), formButton("publish"))],
      ...Array.from({ length: Math.ceil(edits.length / 3) }, (_, row) => edits.slice(row * 3, row * 3 + 3)),
      ...navigation.inline_keyboard,
    ]);
    return sendCard(ctx, text, reply_markup, data.photoFileId);
  }

  feature.command("newdeal", async (ctx) => {
    // Only an approved merchant gets past this, before typing anything.
    const shop = await deals.approvedShopOf(ctx.user.id);
    const line = ctx.match.trim();
    if (!line) return forms.start(ctx, newDealForm);
    if (line.includes("|")) {
      const { draft, wrong } = validate.readDealLine(line, shop.currency);
      if (wrong) {
        const reason = ctx.t(`error-${wrong.error.code}`, wrong.error.params);
        await ctx.reply(ctx.t("newdeal-line-wrong", { field: ctx.t(`newdeal-line-${wrong.field}`), reason }), { parse_mode: "HTML" });
      }
      // The preview asks for what is missing first, in the form's order.
      return forms.start(ctx, newDealForm, draft, "preview");
    }
    const { data, step } = await draftFromText(understanding, ctx, line, shop.currency);
    return forms.start(ctx, newDealForm, data, step);
  });

  return feature;
}
