import { Composer, InlineKeyboard } from "grammy";
import { distanceMeters } from "../../domain/geo.js";
import { isOnSale } from "../../domain/deal.js";
import { sourceOf, via, type Via } from "../attribution.js";
import { callbackCodec, id } from "../callback-data.js";
import type { BotContext } from "../context.js";
import { answerExpired, CLOSE_DATA } from "../keyboards.js";
import { buyButton } from "./checkout/buy.js";
import { shareLink } from "./checkout/voucher-view.js";
import { fitsCaption, renderCard } from "./deal-view.js";

export const dealButton = callbackCodec("d", { id, ...via });
const mapButton = callbackCodec("map", { id });

export const dealCardFeature = new Composer<BotContext>();

dealCardFeature.callbackQuery(dealButton.filter, async (ctx) => {
  const pressed = dealButton.unpack(ctx.callbackQuery.data);
  if (!pressed) return answerExpired(ctx);
  await showDealCard(ctx, pressed.id, pressed);
  await ctx.answerCallbackQuery();
});

/** Opens a deal's card; the view is credited to where the user found it. */
export async function showDealCard(ctx: BotContext, dealId: number, found: Via): Promise<void> {
  const { deals, checkout, clock } = ctx.deps.services;
  const deal = await deals.view(dealId, ctx.user.id, sourceOf(found));
  const { lastLat, lastLng } = ctx.user;
  const text = await renderCard(ctx, {
    ...deal,
    shopName: deal.shop.name,
    address: deal.shop.address,
    openingHours: deal.shop.openingHours,
    onSale: isOnSale(deal, clock()),
    distanceM: lastLat === null || lastLng === null ? undefined : distanceMeters({ lat: lastLat, lng: lastLng }, deal),
    buyersSoFar: deal.minBuyers > 1 ? await checkout.buyersSoFar(deal.id) : undefined,
  });
  const keyboard = new InlineKeyboard()
    .text(ctx.t("card-buy"), buyButton.pack({ id: deal.id, ...found }))
    .text(ctx.t("card-map"), mapButton.pack({ id: deal.id }))
    .row();
  if (deal.minBuyers > 1) keyboard.url(ctx.t("group-invite"), shareLink(ctx.me.username, deal)).row();
  keyboard.text(ctx.t("close"), CLOSE_DATA);
  if (deal.photoFileId && fitsCaption(text)) {
    await ctx.replyWithPhoto(deal.photoFileId, { caption: text, parse_mode: "HTML", reply_markup: keyboard });
  } else {
    // Too long for a caption: the photo alone, then the card, as the preview does.
    if (deal.photoFileId) await ctx.replyWithPhoto(deal.photoFileId);
    await ctx.reply(text, { parse_mode: "HTML", reply_markup: keyboard });
  }
}

dealCardFeature.callbackQuery(mapButton.filter, async (ctx) => {
  const pressed = mapButton.unpack(ctx.callbackQuery.data);
  if (!pressed) return answerExpired(ctx);
  const deal = await ctx.deps.services.deals.find(pressed.id);
  await ctx.answerCallbackQuery();
  await ctx.replyWithVenue(deal.shop.lat, deal.shop.lng, deal.shop.name, deal.shop.address);
});

