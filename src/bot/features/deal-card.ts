import { Composer } from "grammy";
import type { DealService } from "../../core/deal.service.js";
import type { FollowService } from "../../core/follow.service.js";
import { sourceOf, type Via } from "../attribution.js";
import type { BotContext } from "../context.js";
import { answerExpired } from "../keyboards.js";
import { miniAppLink } from "../mini-app.js";
import { customerCardView, dealButton, mapButton, sendCard } from "./deal-view.js";

/** Opens a deal's card; the view is credited to where the user found it. */
export type ShowDealCard = (ctx: BotContext, dealId: number, found: Via) => Promise<void>;

/** `miniAppUrl`: the Mini App's address, when it is served (the card gets "Open in app"). */
export function createShowDealCard({ deals, follows, miniAppUrl }: { deals: DealService; follows: FollowService; miniAppUrl?: string }): ShowDealCard {
  return async (ctx, dealId, found) => {
    const card = await deals.openCard(dealId, ctx.user, sourceOf(found));
    const marks = await follows.marks(ctx.user.id, card.deal);
    const { text, keyboard, photoFileId } = await customerCardView(ctx, card, found, marks, miniAppUrl && miniAppLink(miniAppUrl, dealId));
    await sendCard(ctx, text, keyboard, photoFileId);
  };
}

export function createDealCardFeature({ deals, showDealCard }: { deals: DealService; showDealCard: ShowDealCard }): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  feature.callbackQuery(dealButton.filter, async (ctx) => {
    const pressed = dealButton.unpack(ctx.callbackQuery.data);
    if (!pressed) return answerExpired(ctx);
    await showDealCard(ctx, pressed.id, pressed);
    await ctx.answerCallbackQuery();
  });

  feature.callbackQuery(mapButton.filter, async (ctx) => {
    const pressed = mapButton.unpack(ctx.callbackQuery.data);
    if (!pressed) return answerExpired(ctx);
    const deal = await deals.find(pressed.id);
    await ctx.answerCallbackQuery();
    await ctx.replyWithVenue(deal.shop.lat, deal.shop.lng, deal.shop.name, deal.shop.address);
  });

  return feature;
}
