import { Composer } from "grammy";
import { CATEGORIES } from "../../domain/categories.js";
import { currencyCode, currencyName } from "../../domain/currency.js";
import { DomainError } from "../../domain/errors.js";
import { assertValidPoint } from "../../domain/geo.js";
import { isOpen } from "../../domain/shop.js";
import * as validate from "../../domain/validation.js";
import type { ShopInput } from "../../domain/validation.js";
import type { ShopService } from "../../core/shop.service.js";
import type { BotContext } from "../context.js";
import type { Notifier } from "../notifier.js";
import { formButton, pickedValue, type Forms } from "../forms/form-engine.js";
import { categoryName, escapeHtml, localeOf } from "../format.js";
import { mainKeyboard } from "../keyboards.js";
import { approvalKeyboard } from "./admin.js";

type ShopForm = ShopInput;

const messageText = (ctx: BotContext) => ctx.message?.text;
/** Offered as buttons besides the one the pin suggests; any other code can be typed. */
const COMMON_CURRENCIES = ["CNY", "USD", "EUR", "JPY", "GBP", "HKD", "SGD"];

export function createRegisterFeature({
  forms,
  shops,
  adminIds,
  notifier,
}: {
  forms: Forms;
  shops: ShopService;
  /** Operators, told of each shop waiting for approval. */
  adminIds: readonly bigint[];
  notifier: Notifier;
}): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  const registerForm = forms.define<ShopForm>({
    name: "register",
    steps: [
      {
        id: "name",
        prompt: (ctx, _data, keyboard) => ctx.reply(ctx.t("register-name"), { reply_markup: keyboard }),
        accept: (ctx) => {
          const text = messageText(ctx);
          return text === undefined ? null : { name: validate.text(text, "shopName") };
        },
      },
      {
        id: "category",
        reminder: "form-expects-button",
        prompt: (ctx, _data, keyboard) => {
          const choices = CATEGORIES.map((c) => ({ text: categoryName(ctx, c), callback_data: formButton(c) }));
          const rows = [];
          for (let i = 0; i < choices.length; i += 2) rows.push(choices.slice(i, i + 2));
          return ctx.reply(ctx.t("register-category"), {
            reply_markup: { inline_keyboard: [...rows, ...keyboard.inline_keyboard] },
          });
        },
        accept: (ctx) => {
          const picked = pickedValue(ctx) ?? messageText(ctx);
          return picked === undefined ? null : { category: validate.category(picked) };
        },
      },
      {
        id: "location",
        reminder: "form-expects-location",
        prompt: (ctx, _data, keyboard) => ctx.reply(ctx.t("register-location"), { reply_markup: keyboard }),
        accept: (ctx) => {
          const location = ctx.message?.location;
          if (location) {
            const point = { lat: location.latitude, lng: location.longitude };
            assertValidPoint(point);
            // A venue names its address: show it as a suggestion to copy.
            const address = ctx.message?.venue?.address;
            return { ...point, ...(address ? { address: validate.text(address, "address") } : {}) };
          }
          const text = messageText(ctx);
          return text === undefined ? null : validate.coordinates(text);
        },
      },
      {
        id: "address",
        prompt: (ctx, data, keyboard) =>
          ctx.reply(
            ctx.t("register-address") + (data.address ? `\n\n<code>${escapeHtml(data.address)}</code>` : ""),
            { parse_mode: "HTML", reply_markup: keyboard },
          ),
        accept: (ctx) => {
          const text = messageText(ctx);
          return text === undefined ? null : { address: validate.text(text, "address") };
        },
      },
      {
        id: "hours",
        prompt: (ctx, _data, keyboard) => ctx.reply(ctx.t("register-hours"), { reply_markup: keyboard }),
        accept: (ctx) => {
          const text = messageText(ctx);
          return text === undefined ? null : { openingHours: validate.text(text, "openingHours") };
        },
      },
      {
        // Last, so that the one-line form (which asks only the hours) shows it too.
        id: "currency",
        prompt: async (ctx, data, keyboard) => {
          const suggested = await shops.suggestCurrency(ctx.user.id, { lat: data.lat!, lng: data.lng! });
          const guess = suggested.code;
          const others = COMMON_CURRENCIES.filter((c) => c !== guess).map((c) => ({ text: c, callback_data: formButton(c) }));
          const message = suggested.chosen ? "register-currency-chosen" : "register-currency";
          return ctx.reply(ctx.t(message, { name: currencyName(guess, await localeOf(ctx)), code: guess }), {
            reply_markup: {
              inline_keyboard: [
                [{ text: ctx.t("register-currency-keep", { code: guess }), callback_data: formButton(guess) }],
                others.slice(0, 4),
                others.slice(4),
                ...keyboard.inline_keyboard,
              ],
            },
          });
        },
        accept: (ctx) => {
          const picked = pickedValue(ctx) ?? messageText(ctx);
          return picked === undefined ? null : { currency: currencyCode(picked) };
        },
      },
    ],
    finish: async (ctx, data) => {
      const { shop, outcome } = await shops.register(ctx.user.id, data);
      const name = escapeHtml(shop.name);
      if (outcome === "updated") return ctx.reply(ctx.t("register-updated"), { reply_markup: mainKeyboard(ctx) });
      if (isOpen(shop)) {
        return ctx.reply(ctx.t("register-done", { name }), { parse_mode: "HTML", reply_markup: mainKeyboard(ctx) });
      }
      await ctx.reply(ctx.t("register-pending", { name }), { parse_mode: "HTML", reply_markup: mainKeyboard(ctx) });
      // Each operator reads the notice and its buttons in their own language.
      const notice = outcome === "resubmitted" ? "register-admin-notice-again" : "register-admin-notice";
      for (const adminId of adminIds) {
        const { t } = await notifier.recipient(adminId);
        const params = {
          name,
          category: t(`category-${shop.category}`),
          address: escapeHtml(shop.address),
          owner: `${escapeHtml(ctx.user.firstName)} (${ctx.user.id})`,
        };
        await notifier.tell(adminId, notice, params, (t) => approvalKeyboard(t, shop.id));
      }
    },
  });

  feature.command("register", async (ctx) => {
    await shops.assertMayRegister(ctx.user.id);
    const line = ctx.match.trim();
    if (!line) return forms.start(ctx, registerForm);
    let parsed;
    try {
      parsed = validate.parseShopLine(line);
    } catch (error) {
      if (error instanceof DomainError && error.code === "register-line-format") {
        throw new DomainError("register-line-format", { categories: CATEGORIES.join(", ") });
      }
      throw error;
    }
    // The one-line form has no opening hours: ask for just those.
    return forms.start(ctx, registerForm, parsed, "hours");
  });

  return feature;
}
