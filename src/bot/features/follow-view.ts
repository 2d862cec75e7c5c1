// The screens of following and saving: /following (the followed shops, each
// with its offers on sale and Unfollow), a followed shop's offers, and /saved.
import { InlineKeyboard } from "grammy";
import type { FollowedShop } from "../../core/ports/follow.port.js";
import type { SavedDeal } from "../../core/follow.service.js";
import type { DealWithShop } from "../../domain/deal.js";
import type { Shop } from "../../domain/shop.js";
import { callbackCodec, id } from "../callback-data.js";
import type { BotContext } from "../context.js";
import { categoryName, escapeHtml, localDate, localeOf, priceText } from "../format.js";
import { CLOSE_DATA } from "../keyboards.js";
import { addPagerRow, paginate } from "../pager.js";
import { dealButton } from "./deal-view.js";

const PER_PAGE = 8;

/** A page of /following, edited in place. */
export const followingPageButton = callbackCodec("flp", { page: id });
/** A followed shop's offers on sale. */
export const followedShopButton = callbackCodec("fls", { id });
/** Unfollow from the list (or the shop's offers): back to the list's page that held it. */
export const unfollowButton = callbackCodec("flu", { id });
/** A page of /saved. */
export const savedPageButton = callbackCodec("svp", { page: id });
/** Unsave from /saved. */
export const unsaveButton = callbackCodec("svu", { id });

export interface Screen {
  text: string;
  keyboard: InlineKeyboard;
}

export function followingView(ctx: BotContext, shops: FollowedShop[], at: { page: number } | { index: number }): Screen {
  if (shops.length === 0) return { text: ctx.t("following-empty"), keyboard: new InlineKeyboard().text(ctx.t("close"), CLOSE_DATA) };
  const t = ctx.t.bind(ctx);
  const layout = paginate(shops, {
    perPage: PER_PAGE,
    header: ctx.t("following-header", { count: shops.length }),
    line: ({ shop, onSale }, i) => ctx.t("following-line", { n: i + 1, shop: escapeHtml(shop.name), category: categoryName(ctx, shop.category), offers: onSale }),
    t,
    at,
  });
  const keyboard = new InlineKeyboard();
  for (const { item, index } of layout.entries) {
    keyboard
      .text(ctx.t("following-open", { n: index + 1 }), followedShopButton.pack({ id: item.shop.id }))
      .text(ctx.t("following-unfollow", { n: index + 1 }), unfollowButton.pack({ id: item.shop.id }))
      .row();
  }
  addPagerRow(keyboard, layout, (page) => followingPageButton.pack({ page }));
  keyboard.text(ctx.t("close"), CLOSE_DATA);
  return { text: layout.text, keyboard };
}

export async function followedShopView(ctx: BotContext, shop: Shop, deals: DealWithShop[]): Promise<Screen> {
  const locale = await localeOf(ctx);
  const head = ctx.t("following-shop-header", { shop: escapeHtml(shop.name), address: escapeHtml(shop.address), count: deals.length });
  const shown = deals.slice(0, PER_PAGE);
  const lines = shown.map((deal, i) => {
    const { price, original } = priceText(ctx, locale, deal, "nearby-line-discount");
    return ctx.t("following-shop-line", { n: i + 1, title: escapeHtml(deal.title), price, original });
  });
  const keyboard = new InlineKeyboard();
  shown.forEach((deal, i) => keyboard.text(String(i + 1), dealButton.pack({ id: deal.id, s: "n", r: 0 })));
  keyboard
    .row()
    .text(ctx.t("following-back"), followingPageButton.pack({ page: 0 }))
    .text(ctx.t("following-unfollow-shop"), unfollowButton.pack({ id: shop.id }));
  return { text: [head, ...(lines.length ? ["", ...lines] : [])].join("\n"), keyboard };
}

export async function savedView(ctx: BotContext, saved: SavedDeal[], at: { page: number } | { index: number }): Promise<Screen> {
  if (saved.length === 0) return { text: ctx.t("saved-empty"), keyboard: new InlineKeyboard().text(ctx.t("close"), CLOSE_DATA) };
  const locale = await localeOf(ctx);
  const layout = paginate(saved, {
    perPage: PER_PAGE,
    header: ctx.t("saved-header", { count: saved.length }),
    line: ({ deal, onSale }, i) => {
      const { price, original } = priceText(ctx, locale, deal, "nearby-line-discount");
      const state = onSale ? ctx.t("saved-ends", { ends: localDate(deal.endsAt, deal.shop, locale), left: deal.stockLeft }) : ctx.t("saved-off-sale");
      return ctx.t("saved-line", { n: i + 1, title: escapeHtml(deal.title), shop: escapeHtml(deal.shop.name), price, original, state });
    },
    t: ctx.t.bind(ctx),
    at,
  });
  const keyboard = new InlineKeyboard();
  for (const { item, index } of layout.entries) {
    keyboard
      .text(String(index + 1), dealButton.pack({ id: item.deal.id, s: "n", r: 0 }))
      .text(ctx.t("saved-remove", { n: index + 1 }), unsaveButton.pack({ id: item.deal.id }))
      .row();
  }
  addPagerRow(keyboard, layout, (page) => savedPageButton.pack({ page }));
  keyboard.text(ctx.t("close"), CLOSE_DATA);
  return { text: layout.text, keyboard };
}
