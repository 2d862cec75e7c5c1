import { Composer, type InlineKeyboard } from "grammy";
import { DomainError } from "../../domain/errors.js";
import type { Point } from "../../domain/geo.js";
import { DEFAULT_RADIUS_KM } from "../../domain/nearby.js";
import type { BrowseService, DealPage } from "../../core/browse.service.js";
import type { BotContext } from "../context.js";
import { ignoreUnchanged } from "../console/unchanged.js";
import { miniAppLink } from "../mini-app.js";
import { answerExpired, mainKeyboard } from "../keyboards.js";
import { categoryFilter, categoryPickerView, firstList, listButton, nearbyListView, NOOP, pickerButton, type ListView } from "./nearby-view.js";

/** Sends a list, or redraws it in place after a tap on one of its buttons. */
export async function showList(ctx: BotContext, text: string, keyboard: InlineKeyboard, mode: "send" | "edit") {
  const options = { parse_mode: "HTML" as const, reply_markup: keyboard, link_preview_options: { is_disabled: true } };
  if (mode === "send") return void (await ctx.reply(text, options));
  // Tapping the radius or page already shown changes nothing: Telegram refuses such an edit.
  await ctx.editMessageText(text, options).catch(ignoreUnchanged);
}

async function sendListTo(ctx: BotContext, found: DealPage, view: ListView, mode: "send" | "edit", miniAppUrl: string | undefined) {
  const { text, keyboard } = await nearbyListView(ctx, found, view);
  // The map shows what a list cannot.
  if (miniAppUrl) keyboard.row().webApp(ctx.t("open-in-app"), miniAppLink(miniAppUrl));
  await showList(ctx, text, keyboard, mode);
}

const FIRST = firstList(DEFAULT_RADIUS_KM);
const request = (view: ListView) => ({ radiusKm: view.radiusKm, category: categoryFilter(view), page: view.page });

/** A location the user gave (shared, or typed as "40.7081, -73.9571"): kept, and the deals around it listed. */
export type ShowNearby = (ctx: BotContext, point: Point) => Promise<void>;

/** `miniAppUrl`: the Mini App's address, when it is served (an "Open in app" button under each list). */
export function createShowNearby({ browse, miniAppUrl }: { browse: BrowseService; miniAppUrl?: string }): ShowNearby {
  return async (ctx, point) => sendListTo(ctx, await browse.shared(ctx.user.id, point, request(FIRST)), FIRST, "send", miniAppUrl);
}

export function createNearbyFeature({
  browse,
  showNearby,
  miniAppUrl,
}: {
  browse: BrowseService;
  showNearby: ShowNearby;
  miniAppUrl?: string;
}): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  const sendList = (ctx: BotContext, found: DealPage, view: ListView, mode: "send" | "edit") => sendListTo(ctx, found, view, mode, miniAppUrl);

  feature.on("message:location", (ctx) =>
    showNearby(ctx, { lat: ctx.message.location.latitude, lng: ctx.message.location.longitude }),
  );

  // A live location sends an edit every few seconds.
  feature.on("edited_message:location", async (ctx) => {
    const point = { lat: ctx.editedMessage.location.latitude, lng: ctx.editedMessage.location.longitude };
    const found = await browse.moved(ctx.user, point, request(FIRST));
    if (found) await sendList(ctx, found, FIRST, "send");
  });

  feature.command("nearby", async (ctx) => {
    const point = browse.recentLocation(ctx.user);
    if (point) return sendList(ctx, await browse.list(ctx.user.id, point, request(FIRST)), FIRST, "send");
    await ctx.reply(ctx.t("nearby-ask-location"), { reply_markup: mainKeyboard(ctx) });
  });

  feature.callbackQuery(listButton.filter, async (ctx) => {
    const pressed = listButton.unpack(ctx.callbackQuery.data);
    if (!pressed) return answerExpired(ctx);
    const point = browse.lastLocation(ctx.user);
    if (!point) throw new DomainError("no-location");
    await ctx.answerCallbackQuery();
    const view: ListView = { radiusKm: pressed.r, category: pressed.c, page: pressed.p };
    await sendList(ctx, await browse.list(ctx.user.id, point, request(view)), view, "edit");
  });

  feature.callbackQuery(pickerButton.filter, async (ctx) => {
    const pressed = pickerButton.unpack(ctx.callbackQuery.data);
    if (!pressed) return answerExpired(ctx);
    await ctx.answerCallbackQuery();
    const { text, keyboard } = categoryPickerView(ctx, pressed);
    await ctx.editMessageText(text, { reply_markup: keyboard });
  });

  feature.callbackQuery(NOOP, (ctx) => ctx.answerCallbackQuery());

  return feature;
}
