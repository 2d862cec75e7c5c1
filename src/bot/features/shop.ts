// /shop: the owner sees and edits the shop's details one field at a time.
// A new pin or category moves the shop's offers with it (they copy both).
import { Composer, InlineKeyboard } from "grammy";
import { z } from "zod";
import { CATEGORIES } from "../../domain/categories.js";
import { assertValidPoint } from "../../domain/geo.js";
import * as validate from "../../domain/validation.js";
import { shopRefusal, type ShopPatch } from "../../domain/shop.js";
import { callbackCodec } from "../callback-data.js";
import type { ConsoleService, ShopDetails } from "../../core/console.service.js";
import type { BotContext } from "../context.js";
import { formButton, pickedValue, sentPhoto, type Forms, type FormStep } from "../forms/form-engine.js";
import { categoryName, escapeHtml } from "../format.js";
import { answerExpired, CLOSE_DATA } from "../keyboards.js";
import { summaryButton } from "./summary-toggle.js";

const FIELDS = ["name", "category", "location", "address", "hours", "photo"] as const;
type Field = (typeof FIELDS)[number];
const editButton = callbackCodec("sh", { f: z.enum(FIELDS) });

const text = (ctx: BotContext) => ctx.message?.text;

/** The shop's details, a button per field to change (while it may change), and the daily summary's switch. */
function shopScreen(ctx: BotContext, { shop, summaryOff }: ShopDetails) {
  const text = ctx.t("shop-details", {
    name: escapeHtml(shop.name),
    category: categoryName(ctx, shop.category),
    address: escapeHtml(shop.address),
    hours: escapeHtml(shop.openingHours || "—"),
    lat: shop.lat.toFixed(5),
    lng: shop.lng.toFixed(5),
    photo: ctx.t(shop.photoFileId ? "shop-photo-set" : "shop-photo-none"),
    status: ctx.t(`shop-status-${shop.status.toLowerCase()}`),
    summary: ctx.t(summaryOff ? "shop-summary-off" : "shop-summary-on"),
  });
  const keyboard = new InlineKeyboard();
  // A suspended shop is shown as it is, without the buttons that would change it.
  if (shopRefusal(shop, "change") === null) {
    FIELDS.forEach((f, i) => {
      keyboard.text(ctx.t(`shop-edit-${f}`), editButton.pack({ f }));
      if (i % 3 === 2) keyboard.row();
    });
  }
  keyboard.text(ctx.t(summaryOff ? "summary-start" : "summary-stop"), summaryButton.pack({ on: summaryOff ? "1" : "0" })).row();
  keyboard.text(ctx.t("close"), CLOSE_DATA);
  return { text, keyboard };
}

async function showShop(ctx: BotContext, details: ShopDetails) {
  const { text, keyboard } = shopScreen(ctx, details);
  await ctx.reply(text, { parse_mode: "HTML", reply_markup: keyboard });
}

export function createShopFeature({ forms, console }: { forms: Forms; console: ConsoleService }): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  /** One question, one field: the answer is saved at once and the details shown again. */
  function fieldForm(field: Field, step: Omit<FormStep<ShopPatch>, "id" | "accept"> & { read(ctx: BotContext): ShopPatch | null }) {
    return forms.define<ShopPatch>({
      name: `shop${field}`,
      steps: [{ id: field, prompt: step.prompt, reminder: step.reminder, accept: (ctx) => step.read(ctx) }],
      finish: async (ctx, patch) => {
        const details = await console.editShop(ctx.user.id, patch);
        await ctx.reply(ctx.t("mydeals-saved"));
        await showShop(ctx, details);
      },
      // Back: the details as they are, unchanged.
      exit: async (ctx) => showShop(ctx, await console.shopDetails(ctx.user.id)),
    });
  }

  const fieldForms: Record<Field, ReturnType<typeof fieldForm>> = {
    name: fieldForm("name", {
      prompt: (ctx, _d, keyboard) => ctx.reply(ctx.t("register-name"), { reply_markup: keyboard }),
      read: (ctx) => (text(ctx) === undefined ? null : { name: validate.text(text(ctx)!, "shopName") }),
    }),
    category: fieldForm("category", {
      reminder: "form-expects-button",
      prompt: (ctx, _d, keyboard) => {
        const choices = CATEGORIES.map((c) => ({ text: categoryName(ctx, c), callback_data: formButton(c) }));
        const rows = [];
        for (let i = 0; i < choices.length; i += 2) rows.push(choices.slice(i, i + 2));
        return ctx.reply(ctx.t("register-category"), { reply_markup: { inline_keyboard: [...rows, ...keyboard.inline_keyboard] } });
      },
      read: (ctx) => {
        const picked = pickedValue(ctx) ?? text(ctx);
        return picked === undefined ? null : { category: validate.category(picked) };
      },
    }),
    location: fieldForm("location", {
      reminder: "form-expects-location",
      prompt: (ctx, _d, keyboard) => ctx.reply(ctx.t("register-location"), { reply_markup: keyboard }),
      read: (ctx) => {
        const location = ctx.message?.location;
        if (location) {
          const point = { lat: location.latitude, lng: location.longitude };
          assertValidPoint(point);
          return point;
        }
        return text(ctx) === undefined ? null : validate.coordinates(text(ctx)!);
      },
    }),
    address: fieldForm("address", {
      prompt: (ctx, _d, keyboard) => ctx.reply(ctx.t("register-address"), { reply_markup: keyboard }),
      read: (ctx) => (text(ctx) === undefined ? null : { address: validate.text(text(ctx)!, "address") }),
    }),
    hours: fieldForm("hours", {
      prompt: (ctx, _d, keyboard) => ctx.reply(ctx.t("register-hours"), { reply_markup: keyboard }),
      read: (ctx) => (text(ctx) === undefined ? null : { openingHours: validate.text(text(ctx)!, "openingHours") }),
    }),
    photo: fieldForm("photo", {
      reminder: "shop-expects-photo",
      prompt: (ctx, _d, keyboard) => ctx.reply(ctx.t("shop-photo-ask"), { reply_markup: keyboard }),
      read: (ctx) => {
        const photoFileId = sentPhoto(ctx);
        return photoFileId ? { photoFileId } : null;
      },
    }),
  };

  feature.command("shop", async (ctx) => showShop(ctx, await console.shopDetails(ctx.user.id)));

  feature.callbackQuery(editButton.filter, async (ctx) => {
    const pressed = editButton.unpack(ctx.callbackQuery.data);
    if (!pressed) return answerExpired(ctx);
    await console.activeShop(ctx.user.id);
    await ctx.answerCallbackQuery();
    await forms.start(ctx, fieldForms[pressed.f]);
  });

  return feature;
}
