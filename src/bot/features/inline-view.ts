// A deal as an inline result: what the sharer picks from (title with price,
// a line with discount, distance from them and the shop) and what the friend
// receives (the deal's card, without the sharer's distance, with a way into the bot and, where the app is
// served, into the Mini App, both carrying the sharer's share). The same
// result answers an inline query and is prepared for the Mini App's share
// sheet (savePreparedInlineMessage), so a friend gets one card either way.
import { InlineKeyboard } from "grammy";
import type { InlineQueryResult } from "grammy/types";
import type { SharedDeal } from "../../core/share.service.js";
import { shownDiscountPercent } from "../../domain/money.js";
import { shareResultId } from "../../domain/share.js";
import type { BotContext } from "../context.js";
import { distanceText, priceText, speakerOf, type Speaker } from "../format.js";
import { friendAppLink, friendDealLink } from "./checkout/voucher-view.js";
import { cardText } from "./deal-view.js";

/** Who shares: their language, and the bot the links open. */
export interface Sharer extends Speaker {
  botUsername: string;
}

/** The buttons under a shared card: open it in the bot, and in the Mini App when one is served. */
export function sharedCardKeyboard(says: Sharer, { deal, shareId }: SharedDeal, withApp: boolean): InlineKeyboard {
  const keyboard = new InlineKeyboard().url(says.t("inline-open-deal"), friendDealLink(says.botUsername, deal.id, shareId));
  // web_app buttons are refused outside the bot's own chat: a t.me link opens the bot's main Mini App.
  if (withApp) keyboard.row().url(says.t("open-in-app"), friendAppLink(says.botUsername, deal.id, shareId));
  return keyboard;
}

/** The shared deal as an inline result, in the sharer's language. */
export function sharedDealResult(says: Sharer, shared: SharedDeal, withApp: boolean): InlineQueryResult {
  const { deal, distanceM, shareId } = shared;
  // The distance is the sharer's: it helps them pick, but the friend is elsewhere,
  // and it would tell them how near the sharer is.
  const card = cardText(says, {
    ...deal,
    shopName: deal.shop.name,
    address: deal.shop.address,
    openingHours: deal.shop.openingHours,
    onSale: true,
  });
  const { price } = priceText(says, says.locale, deal, "card-price-original");
  const title = says.t("inline-share-title", { title: deal.title, price });
  const percent = shownDiscountPercent(deal.priceMinor, deal.originalPriceMinor);
  const description = [
    percent > 0 ? `−${percent}%` : "",
    distanceM === undefined ? "" : distanceText(says, distanceM),
    deal.shop.name,
  ]
    .filter(Boolean)
    .join(" · ");
  const reply_markup = sharedCardKeyboard(says, shared, withApp);
  const id = shareResultId(shareId);
  if (deal.photoFileId) {
    return { type: "photo", id, photo_file_id: deal.photoFileId, title, description, caption: card, parse_mode: "HTML", reply_markup };
  }
  return { type: "article", id, title, description, input_message_content: { message_text: card, parse_mode: "HTML" }, reply_markup };
}

/** The result for an inline query, in the language of its update. */
export async function inlineResult(ctx: BotContext, shared: SharedDeal, withApp: boolean): Promise<InlineQueryResult> {
  return sharedDealResult({ ...(await speakerOf(ctx)), botUsername: ctx.me.username }, shared, withApp);
}
