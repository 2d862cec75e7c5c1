import { Composer, InlineKeyboard } from "grammy";
import { distanceMeters } from "../../domain/geo.js";
import { isOnSale } from "../../domain/nearby.js";
import { via, sourceOf } from "../attribution.js";
import { callbackCodec, id } from "../callback-data.js";
import type { BotContext } from "../context.js";
import { CLOSE_DATA } from "../keyboards.js";
import { fitsCaption, renderCard } from "./deal-view.js";

export const dealButton = callbackCodec("d", { id, ...via });
const mapButton = callbackCodec("map", { id });
const buyButton = callbackCodec("buy", { id });

export const dealCardFeature = new Composer<BotContext>();

dealCardFeature.callbackQuery(dealButton.filter, async (ctx) => {
  const pressed = dealButton.unpack(ctx.callbackQuery.data);
  if (!pressed) return ctx.answerCallbackQuery({ text: ctx.t("button-expired"), show_alert: true });
  const deal = await ctx.deps.services.deals.view(pressed.id, ctx.user.id, sourceOf(pressed));
  await ctx.answerCallbackQuery();
  const { lastLat, lastLng } = ctx.user;
  const text = await renderCard(ctx, {
    ...deal,
    shopName: deal.shop.name,
    address: deal.shop.address,
    openingHours: deal.shop.openingHours,
    onSale: isOnSale(deal, ctx.deps.services.clock()),
    distanceM: lastLat === null || lastLng === null ? undefined : distanceMeters({ lat: lastLat, lng: lastLng }, deal),
  });
  const keyboard = new InlineKeyboard()
    .text(ctx.t("card-buy"), buyButton.pack({ id: deal.id }))
    .text(ctx.t("card-map"), mapButton.pack({ id: deal.id }))
    .row()
    .text(ctx.t("close"), CLOSE_DATA);
  if (deal.photoFileId && fitsCaption(text)) {
    await ctx.replyWithPhoto(deal.photoFileId, { caption: text, parse_mode: "HTML", reply_markup: keyboard });
  } else {
    // Too long for a caption: the photo alone, then the card, as the preview does.
    if (deal.photoFileId) await ctx.replyWithPhoto(deal.photoFileId);
    await ctx.reply(text, { parse_mode: "HTML", reply_markup: keyboard });
  }
});

dealCardFeature.callbackQuery(mapButton.filter, async (ctx) => {
  const pressed = mapButton.unpack(ctx.callbackQuery.data);
  if (!pressed) return ctx.answerCallbackQuery({ text: ctx.t("button-expired"), show_alert: true });
  const deal = await ctx.deps.services.deals.find(pressed.id);
  await ctx.answerCallbackQuery();
  await ctx.replyWithVenue(deal.shop.lat, deal.shop.lng, deal.shop.name, deal.shop.address);
});

// Checkout comes with vouchers; until then, say so plainly.
dealCardFeature.callbackQuery(buyButton.filter, (ctx) =>
  ctx.answerCallbackQuery({ text: ctx.t("buy-coming-soon"), show_alert: true }),
);
