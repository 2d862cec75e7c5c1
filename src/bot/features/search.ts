// Deals asked for in plain words ("cheap hotpot for two under 150", "咖啡 附近
// 半价"): the bot says how it understood the request, then lists the nearby
// deals that fit, with buttons to widen the radius or drop a filter. Without a
// recent location it asks for one and runs the request when it comes.
import { Composer, InlineKeyboard } from "grammy";
import { z } from "zod";
import { FILTER_BITS, isFiltered, withoutFilters, type DealQuery, type Filter } from "../../domain/deal-query.js";
import { assertValidPoint, type Point } from "../../domain/geo.js";
import { DEFAULT_RADIUS_KM, NEAREST_LIMIT, pageOf, RADIUS_CHOICES_KM } from "../../domain/nearby.js";
import type { SavedSearch } from "../../services/search.service.js";
import { callbackCodec, id } from "../callback-data.js";
import type { BotContext } from "../context.js";
import { categoryName, escapeHtml } from "../format.js";
import { answerExpired, mainKeyboard } from "../keyboards.js";
import { lastLocation, listButton, listPage, recentLocation, showList } from "./nearby.js";

/** A request is a few words; anything longer is not one (and would cost model tokens). */
const MAX_REQUEST_CHARS = 200;

const radius = z.enum(RADIUS_CHOICES_KM.map(String) as [string, ...string[]]).transform(Number);
/** A page of a search: the request's id, the radius, the filters dropped (bits) and the page. */
const searchButton = callbackCodec("sr", {
  id,
  r: radius,
  m: z.string().regex(/^\d{1,2}$/).transform(Number).pipe(z.number().max(15)),
  p: z.string().regex(/^\d{1,4}$/).transform(Number),
});

interface SearchView {
  radiusKm: number;
  dropped: number;
  page: number;
}

/** The request as understood, in the user's words: "hotpot · 🍜 Food · up to 150 · 👥 2". */
function understood(ctx: BotContext, q: DealQuery): string {
  const parts = [
    ...(q.keywords.length ? [escapeHtml(q.keywords.join(", "))] : []),
    ...(q.category ? [categoryName(ctx, q.category)] : []),
    ...(q.maxPrice !== undefined ? [ctx.t("search-price-cap", { price: q.maxPrice })] : []),
    ...(q.minDiscount !== undefined ? [ctx.t("search-discount", { percent: q.minDiscount })] : []),
    ...(q.partySize !== undefined ? [ctx.t("search-party", { size: q.partySize })] : []),
    ...(q.when ? [ctx.t(`search-when-${q.when}`)] : []),
    ...(q.radiusKm !== undefined ? [ctx.t("search-radius", { radius: q.radiusKm })] : []),
  ];
  return ctx.t("search-understood", { query: parts.join(" · ") || ctx.t("search-understood-nothing") });
}

/** A button per filter still on, to drop it. */
function dropButtons(ctx: BotContext, search: SavedSearch, view: SearchView, keyboard: InlineKeyboard) {
  const q = withoutFilters(search.query, view.dropped);
  const labels: [Filter, string | undefined][] = [
    ["keywords", q.keywords.length ? q.keywords.join(", ") : undefined],
    ["category", q.category && categoryName(ctx, q.category)],
    ["maxPrice", q.maxPrice !== undefined ? ctx.t("search-price-cap", { price: q.maxPrice }) : undefined],
    ["minDiscount", q.minDiscount !== undefined ? ctx.t("search-discount", { percent: q.minDiscount }) : undefined],
  ];
  for (const [filter, label] of labels) {
    if (label === undefined) continue;
    const m = view.dropped | FILTER_BITS[filter];
    keyboard.text(ctx.t("search-drop", { filter: label }), searchButton.pack({ id: search.id, r: view.radiusKm, m, p: 0 })).row();
  }
}

async function sendResults(ctx: BotContext, point: Point, search: SavedSearch, view: SearchView, mode: "send" | "edit") {
  const query = withoutFilters(search.query, view.dropped);
  const { matches, searched } = await ctx.deps.services.search.run(point, query, view.radiusKm);
  const at = (p: number) => searchButton.pack({ id: search.id, r: view.radiusKm, m: view.dropped, p });
  const keyboard = new InlineKeyboard();
  const catName = categoryName(ctx, query.category);
  let body: string;
  let shown: number[] = [];

  if (matches.length === 0) {
    body = ctx.t(searched === 0 ? "search-empty-none" : "search-empty", { searched, radius: view.radiusKm, category: catName });
  } else {
    const paged = pageOf(matches, view.page);
    const lines = await listPage(ctx, keyboard, paged, "s", at);
    const headerKey = !isFiltered(query) ? "nearby-header" : searched >= NEAREST_LIMIT ? "search-header-nearest" : "search-header";
    const header = ctx.t(headerKey, { matches: matches.length, count: matches.length, searched, radius: view.radiusKm, category: catName });
    const pageLine = paged.pages > 1 ? `\n${ctx.t("nearby-page", { page: paged.page + 1, pages: paged.pages })}` : "";
    body = `${header}${pageLine}\n\n${lines.join("\n")}`;
    shown = paged.items.map((d) => d.id);
  }
  for (const r of RADIUS_CHOICES_KM) {
    keyboard.text(r === view.radiusKm ? `✓ ${r} km` : `${r} km`, searchButton.pack({ id: search.id, r, m: view.dropped, p: 0 }));
  }
  keyboard.row();
  dropButtons(ctx, search, view, keyboard);
  keyboard.text(ctx.t("search-everything"), listButton.pack({ r: view.radiusKm, c: "all", p: 0 }));

  await showList(ctx, `${understood(ctx, search.query)}\n${body}`, keyboard, mode);
  await ctx.deps.services.deals.recordImpressions(shown, ctx.user.id, "search");
}

const firstView = (search: SavedSearch): SearchView => ({ radiusKm: search.query.radiusKm ?? DEFAULT_RADIUS_KM, dropped: 0, page: 0 });

export const searchFeature = new Composer<BotContext>();

searchFeature.on("message:text", async (ctx, next) => {
  const text = ctx.message.text.trim();
  if (text.startsWith("/")) {
    // A command (/nearby) means the user moved on: their next location is not for the old request.
    await ctx.deps.services.search.forgetPending(ctx.user.id);
    return next();
  }
  if ([...text].length > MAX_REQUEST_CHARS) return ctx.reply(ctx.t("search-too-long", { max: MAX_REQUEST_CHARS }));
  // A model may take a few seconds: show that something is happening.
  await ctx.replyWithChatAction("typing");
  const point = recentLocation(ctx);
  const search = await ctx.deps.services.search.create(ctx.user.id, text, { waitForLocation: point === null });
  if (!search) return next(); // nothing in it to search for
  if (point) return sendResults(ctx, point, search, firstView(search), "send");
  await ctx.reply(`${understood(ctx, search.query)}\n${ctx.t("search-ask-location")}`, {
    parse_mode: "HTML",
    reply_markup: mainKeyboard(ctx),
  });
});

// The location a request was waiting for: answer the request, not the plain list.
searchFeature.on("message:location", async (ctx, next) => {
  const point = { lat: ctx.message.location.latitude, lng: ctx.message.location.longitude };
  assertValidPoint(point);
  const search = await ctx.deps.services.search.takePending(ctx.user.id);
  if (!search) return next();
  await ctx.deps.services.users.setLocation(ctx.user.id, point.lat, point.lng, ctx.deps.services.clock());
  await sendResults(ctx, point, search, firstView(search), "send");
});

searchFeature.callbackQuery(searchButton.filter, async (ctx) => {
  const pressed = searchButton.unpack(ctx.callbackQuery.data);
  const search = pressed && (await ctx.deps.services.search.find(ctx.user.id, pressed.id));
  if (!pressed || !search) return answerExpired(ctx);
  const point = lastLocation(ctx);
  if (!point) return ctx.answerCallbackQuery({ text: ctx.t("error-no-location"), show_alert: true });
  await ctx.answerCallbackQuery();
  await sendResults(ctx, point, search, { radiusKm: pressed.r, dropped: pressed.m, page: pressed.p }, "edit");
});
