// Operators (ADMIN_IDS): approve or reject new shops from the notice or /admin,
// and suspend or reinstate a shop with /admin <shop id>. Anyone else pressing
// these buttons (forged) is refused.
import { Composer, InlineKeyboard } from "grammy";
import { z } from "zod";
import type { Shop } from "../../domain/shop.js";
import { DomainError } from "../../domain/errors.js";
import { ShopStatus } from "../../domain/lifecycles.js";
import { CALLBACK_ANSWER_MAX, fitTelegram } from "../../domain/telegram-text.js";
import { callbackCodec, id } from "../callback-data.js";
import type { OperatorService } from "../../core/operator.service.js";
import type { BotContext } from "../context.js";
import type { Notifier } from "../notifier.js";
import type { Translate } from "../i18n.js";
import { ignoreUnchanged } from "../console/unchanged.js";
import { categoryName, escapeHtml } from "../format.js";
import { answerExpired, CLOSE_DATA } from "../keyboards.js";
import { addPagerRow, paginate } from "../pager.js";

/** a approve · r reject · s suspend · u reinstate */
const adminButton = callbackCodec("ad", { a: z.enum(["a", "r", "s", "u"]), id });
/** The list of shops waiting: o opens a shop (id) · p turns to a page (id: the page) */
const pendingButton = callbackCodec("adl", { a: z.enum(["o", "p"]), id });
const PENDING_PER_PAGE = 10;

/** Approve and Reject, in the operator's language (the notice is sent outside their update). */
export function approvalKeyboard(t: Translate, shopId: number): InlineKeyboard {
  return new InlineKeyboard()
    .text(t("admin-approve"), adminButton.pack({ a: "a", id: shopId }))
    .text(t("admin-reject"), adminButton.pack({ a: "r", id: shopId }));
}

function shopLine(ctx: BotContext, shop: Shop): string {
  return ctx.t("admin-shop-line", {
    id: shop.id,
    name: escapeHtml(shop.name),
    category: categoryName(ctx, shop.category),
    address: escapeHtml(shop.address),
    status: ctx.t(`shop-status-${shop.status.toLowerCase()}`),
  });
}

function shopKeyboard(ctx: BotContext, shop: Shop): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  if (shop.status === ShopStatus.PENDING) keyboard.append(approvalKeyboard(ctx.t.bind(ctx), shop.id));
  if (shop.status === ShopStatus.APPROVED) keyboard.text(ctx.t("admin-suspend"), adminButton.pack({ a: "s", id: shop.id }));
  if (shop.status === ShopStatus.SUSPENDED) keyboard.text(ctx.t("admin-reinstate"), adminButton.pack({ a: "u", id: shop.id }));
  return keyboard.row().text(ctx.t("close"), CLOSE_DATA);
}

export function createAdminFeature({
  operator,
  adminIds,
  notifier,
}: {
  operator: OperatorService;
  adminIds: readonly bigint[];
  notifier: Notifier;
}): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  const isOperator = (ctx: BotContext) => adminIds.includes(ctx.user.id);

  feature.command("admin", async (ctx) => {
    if (!isOperator(ctx)) return ctx.reply(ctx.t("admin-only"));
    const arg = ctx.match.trim();
    if (arg) {
      const shopId = /^\d{1,9}$/.test(arg) ? Number(arg) : NaN;
      const shop = Number.isNaN(shopId) ? null : await operator.findShop(shopId);
      if (!shop) return ctx.reply(ctx.t("admin-shop-unknown"));
      return ctx.reply(shopLine(ctx, shop), { parse_mode: "HTML", reply_markup: shopKeyboard(ctx, shop) });
    }
    const screen = await pendingScreen(ctx, 0);
    await ctx.reply(screen.text, { parse_mode: "HTML", reply_markup: screen.keyboard });
  });

  /** One message, a page of the shops waiting (oldest first), a numbered button opening each. */
  async function pendingScreen(ctx: BotContext, page: number) {
    const shops = await operator.pending();
    if (shops.length === 0) return { text: ctx.t("admin-none-pending"), keyboard: undefined };
    const shown = paginate(shops, {
      perPage: PENDING_PER_PAGE,
      header: ctx.t("admin-pending-header", { total: shops.length }),
      line: (shop, i) => `${i + 1}. ${shopLine(ctx, shop)}`,
      t: ctx.t.bind(ctx),
      at: { page },
    });
    const keyboard = new InlineKeyboard();
    shown.entries.forEach(({ item, index }, i) => {
      keyboard.text(String(index + 1), pendingButton.pack({ a: "o", id: item.id }));
      if (i % 5 === 4) keyboard.row();
    });
    addPagerRow(keyboard, shown, (p) => pendingButton.pack({ a: "p", id: p }));
    return { text: shown.text, keyboard: keyboard.row().text(ctx.t("close"), CLOSE_DATA) };
  }

  feature.callbackQuery(pendingButton.filter, async (ctx) => {
    const pressed = pendingButton.unpack(ctx.callbackQuery.data);
    if (!pressed || !isOperator(ctx)) return answerExpired(ctx);
    if (pressed.a === "p") {
      const screen = await pendingScreen(ctx, pressed.id);
      await ctx.answerCallbackQuery();
      return ctx.editMessageText(screen.text, { parse_mode: "HTML", reply_markup: screen.keyboard }).catch(ignoreUnchanged);
    }
    const shop = await operator.findShop(pressed.id);
    if (!shop) return answerExpired(ctx);
    await ctx.answerCallbackQuery();
    await ctx.reply(shopLine(ctx, shop), { parse_mode: "HTML", reply_markup: shopKeyboard(ctx, shop) });
  });

  /** The operator's screen (a notice or an /admin card) shows the shop as it is now. */
  async function refreshScreen(ctx: BotContext, shop: Shop) {
    await ctx
      .editMessageText(shopLine(ctx, shop), { parse_mode: "HTML", reply_markup: shopKeyboard(ctx, shop) })
      .catch(ignoreUnchanged);
  }

  feature.callbackQuery(adminButton.filter, async (ctx) => {
    const pressed = adminButton.unpack(ctx.callbackQuery.data);
    if (!pressed || !isOperator(ctx)) return answerExpired(ctx);
    const act = { a: operator.approve, r: operator.reject, s: operator.suspend, u: operator.reinstate }[pressed.a];
    let shop: Shop;
    try {
      shop = await act(pressed.id);
    } catch (error) {
      // A stale screen (another operator acted first): show what is true now, then why nothing happened.
      const now = error instanceof DomainError && error.code === "shop-status-changed" ? await operator.findShop(pressed.id) : null;
      if (now) await refreshScreen(ctx, now);
      throw error;
    }
    const outcome = { a: "approved", r: "rejected", s: "suspended", u: "reinstated" }[pressed.a];
    // A callback answer is at most 200 UTF-16 units, and a shop name may be full of emoji.
    await ctx.answerCallbackQuery({ text: fitTelegram(ctx.t(`admin-done-${outcome}`, { name: shop.name }), CALLBACK_ANSWER_MAX) });
    await refreshScreen(ctx, shop);
    await ctx.reply(ctx.t(`admin-done-${outcome}`, { name: escapeHtml(shop.name) }), { parse_mode: "HTML" });
    // The owner learns it in their own language.
    await notifier.tell(shop.ownerId, `owner-shop-${outcome}`, { name: escapeHtml(shop.name) });
  });

  return feature;
}
