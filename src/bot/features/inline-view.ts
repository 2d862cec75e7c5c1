// A deal as an inline result: what the sharer picks from (title with price,
// a line with discount, distance from them and the shop) and what the friend
// receives (the deal's card with a way into the bot and, where the app is
// served, into the Mini App, both carrying the sharer's share).
import { InlineKeyboard } from "grammy";
import type { InlineQueryResult } from "grammy/types";
import type { SharedDeal } from "../../core/share.service.js";
import { discountPercent } from "../../domain/money.js";
import { shareResultId } from "../../domain/share.js";
import type { BotContext } from "../context.js";
import { distanceText, localeOf, priceText } from "../format.js";
import { friendAppLink, friendDealLink } from "./checkout/voucher-view.js";
import { renderCard } from "./deal-view.js";

/** The buttons under a shared card: open it in the bot, and in the Mini App when one is served. */
export function sharedCardKeyboard(ctx: BotContext, { deal, shareId }: SharedDeal, withApp: boolean): InlineKeyboard {
  const keyboard = new InlineKeyboard().url(ctx.t("inline-open-deal"), friendDealLink(ctx.me.username, deal.id, shareId));
  // web_app buttons are refused outside the bot's own chat: a t.me link opens the bot's main Mini App.
  if (withApp) keyboard.row().url(ctx.t("open-in-app"), friendAppLink(ctx.me.username, deal.id, shareId));
  return keyboard;
}

export async function inlineResult(ctx: BotContext, shared: SharedDeal, withApp: boolean): Promise<InlineQueryResult> {
  const { deal, distanceM, shareId } = shared;
  const locale = await localeOf(ctx);
  const card = await renderCard(ctx, {
    ...deal,
    shopName: deal.shop.name,
    address: deal.shop.address,
    openingHours: deal.shop.openingHours,
    onSale: true,
    distanceM,
  });
  const { price } = priceText(ctx, locale, deal, "card-price-original");
  const title = ctx.t("inline-share-title", { title: deal.title, price });
  const percent = discountPercent(deal.priceMinor, deal.originalPriceMinor);
  const description = [
    percent > 0 ? `−${percent}%` : "",
    distanceM === undefined ? "" : distanceText(ctx, distanceM),
    deal.shop.name,
  ]
    .filter(Boolean)
    .join(" · ");
  const reply_markup = sharedCardKeyboard(ctx, shared, withApp);
  const id = shareResultId(shareId);
  if (deal.photoFileId) {
    return { type: "photo", id, photo_file_id: deal.photoFileId, title, description, caption: card, parse_mode: "HTML", reply_markup };
  }
  return { type: "article", id, title, description, input_message_content: { message_text: card, parse_mode: "HTML" }, reply_markup };
}
