// A deal shared into any chat through inline mode: the Mini App's Share opens
// "@<bot> deal:<id>" in the chat the user picks, and the answer is the deal's
// card with a link into the bot (credited to the "link" channel, like every
// deal link). Any other inline query gets a button into the bot; searching
// deals inline is for later. Inline mode must be on (BotFather /setinline).
import { Composer, InlineKeyboard } from "grammy";
import type { InlineQueryResult } from "grammy/types";
import type { DealService } from "../../core/deal.service.js";
import type { BotContext } from "../context.js";
import { localeOf, priceText } from "../format.js";
import { dealLink } from "./checkout/voucher-view.js";
import { renderCard } from "./deal-view.js";

const SHARED_DEAL = /^deal:(\d{1,9})$/;
/** Stock and price change: a shared card is rebuilt after a minute at most. */
const CACHE_SECONDS = 60;

export function createInlineShareFeature({ deals }: { deals: Pick<DealService, "shared"> }): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  feature.on("inline_query", async (ctx) => {
    const id = SHARED_DEAL.exec(ctx.inlineQuery.query.trim())?.[1];
    const deal = id === undefined ? null : await deals.shared(Number(id));
    const intoTheBot = { text: ctx.t("inline-find-deals"), start_parameter: "inline" };
    if (!deal) return ctx.answerInlineQuery([], { cache_time: CACHE_SECONDS, is_personal: true, button: intoTheBot });

    const locale = await localeOf(ctx);
    const card = await renderCard(ctx, {
      ...deal,
      shopName: deal.shop.name,
      address: deal.shop.address,
      openingHours: deal.shop.openingHours,
      onSale: true,
    });
    const keyboard = new InlineKeyboard().url(ctx.t("inline-open-deal"), dealLink(ctx.me.username, deal.id));
    const { price } = priceText(ctx, locale, deal, "card-price-original");
    const title = ctx.t("inline-share-title", { title: deal.title, price });
    const result: InlineQueryResult = deal.photoFileId
      ? { type: "photo", id: `deal-${deal.id}`, photo_file_id: deal.photoFileId, title, caption: card, parse_mode: "HTML", reply_markup: keyboard }
      : {
          type: "article",
          id: `deal-${deal.id}`,
          title,
          description: deal.shop.name,
          input_message_content: { message_text: card, parse_mode: "HTML" },
          reply_markup: keyboard,
        };
    await ctx.answerInlineQuery([result], { cache_time: CACHE_SECONDS, is_personal: true, button: intoTheBot });
  });

  return feature;
}
