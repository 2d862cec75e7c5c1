// Deals asked for in plain words ("cheap hotpot for two under 150", "咖啡 附近
// 半价"): the bot says how it understood the request, then lists the nearby
// deals that fit, with buttons to widen the radius or drop a filter. Without a
// recent location it asks for one and runs the request when it comes.
import { Composer, InlineKeyboard } from "grammy";
import { z } from "zod";
import { FILTER_BITS, isFiltered, keywordIn, priceCap, withoutFilters, type DealQuery, type Filter } from "../../domain/deal-query.js";
import { assertValidPoint, type Point } from "../../domain/geo.js";
import { DEFAULT_RADIUS_KM, NEAREST_LIMIT, pageOf, radiusChoices } from "../../domain/nearby.js";
import { smallTalkOf } from "../../domain/small-talk.js";
import { typedPoint } from "../../domain/validation.js";
import type { SavedSearch } from "../../core/search.service.js";
import { callbackCodec, id } from "../callback-data.js";
import type { BotContext } from "../context.js";
import { categoryName, escapeHtml, localeOf } from "../format.js";
import { answerExpired, mainKeyboard } from "../keyboards.js";
import { lastLocation, listButton, listPage, radius, radiusLabel, recentLocation, showList, showNearby } from "./nearby.js";

/** A request is a few words; anything longer is not one (and would cost model tokens). */
const MAX_REQUEST_CHARS = 200;

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

/** The keywords in the user's language: a Chinese reader sees 火锅 where the query says hotpot. */
const keywordsText = (q: DealQuery, locale: string) => q.keywords.map((k) => keywordIn(k, locale)).join(", ");

/** The price cap as the search applies it: "up to 150", "up to 100 a person, 300 for 3". */
function capText(ctx: BotContext, q: DealQuery): string | undefined {
  if (q.maxPrice === undefined) return undefined;
  if (!q.perPerson) return ctx.t("search-price-cap", { price: q.maxPrice });
  if (q.partySize === undefined) return ctx.t("search-price-cap-per-person", { price: q.maxPrice });
  return ctx.t("search-price-cap-party", { price: q.maxPrice, total: priceCap(q)!, size: q.partySize });
}

/** 500 m or 3 km, in the user's language. */
const radiusText = (ctx: BotContext, km: number) => (km < 1 ? ctx.t("distance-m", { m: km * 1000 }) : ctx.t("distance-km", { km }));

/** The request as understood, in the user's words: "hotpot · 🍜 Food · up to 150 · 👥 2". */
function understood(ctx: BotContext, q: DealQuery, locale: string): string {
  const cap = capText(ctx, q);
  const parts = [
    ...(q.keywords.length ? [escapeHtml(keywordsText(q, locale))] : []),
    ...(q.category ? [categoryName(ctx, q.category)] : []),
    ...(cap !== undefined ? [cap] : []),
    ...(q.minDiscount !== undefined ? [ctx.t("search-discount", { percent: q.minDiscount })] : []),
    ...(q.partySize !== undefined ? [ctx.t("search-party", { size: q.partySize })] : []),
    ...(q.when ? [ctx.t(`search-when-${q.when}`)] : []),
    ...(q.radiusKm !== undefined ? [ctx.t("search-radius", { distance: radiusText(ctx, q.radiusKm) })] : []),
  ];
  return ctx.t("search-understood", { query: parts.join(" · ") || ctx.t("search-understood-nothing") });
}

/** A button per filter still on, to drop it. */
function dropButtons(ctx: BotContext, search: SavedSearch, view: SearchView, keyboard: InlineKeyboard, locale: string) {
  const q = withoutFilters(search.query, view.dropped);
  const labels: [Filter, string | undefined][] = [
    ["keywords", q.keywords.length ? keywordsText(q, locale) : undefined],
    ["category", q.category && categoryName(ctx, q.category)],
    ["maxPrice", capText(ctx, q)],
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
    const pageLine = paged.pages > 1 ? `\n${ctx.t("list-page", { page: paged.page + 1, pages: paged.pages })}` : "";
    body = `${header}${pageLine}\n\n${lines.join("\n")}`;
    shown = paged.items.map((d) => d.id);
  }
  // 500 m stays on offer to a request that asked for it, whatever radius is shown.
  for (const r of radiusChoices(search.query.radiusKm === 0.5 ? 0.5 : view.radiusKm)) {
    keyboard.text(radiusLabel(r, view.radiusKm), searchButton.pack({ id: search.id, r, m: view.dropped, p: 0 }));
  }
  keyboard.row();
  const locale = await localeOf(ctx);
  dropButtons(ctx, search, view, keyboard, locale);
  keyboard.text(ctx.t("search-everything"), listButton.pack({ r: view.radiusKm, c: "all", p: 0 }));

  await showList(ctx, `${understood(ctx, search.query, locale)}\n${body}`, keyboard, mode);
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
  // "40.7081, -73.9571" is a place, as if shared: a waiting request, or the list around it.
  const typed = typedPoint(text);
  if (typed) return locationArrived(ctx, typed, () => showNearby(ctx, typed));
  // "hello" or "help" is no search: say what the bot can do (and ask no model).
  const talk = smallTalkOf(text);
  if (talk === "help") return ctx.reply(ctx.t("help"), { parse_mode: "HTML", reply_markup: mainKeyboard(ctx) });
  if (talk) {
    const name = escapeHtml(ctx.user.firstName);
    return ctx.reply(ctx.t(`search-small-talk-${talk}`, { name }), { parse_mode: "HTML", reply_markup: mainKeyboard(ctx) });
  }
  // A model may take a few seconds: show that something is happening.
  await ctx.replyWithChatAction("typing");
  const point = recentLocation(ctx);
  const search = await ctx.deps.services.search.create(ctx.user.id, text, { waitForLocation: point === null });
  if (!search) return next(); // nothing in it to search for
  if (point) return sendResults(ctx, point, search, firstView(search), "send");
  await ctx.reply(`${understood(ctx, search.query, await localeOf(ctx))}\n${ctx.t("search-ask-location")}`, {
    parse_mode: "HTML",
    reply_markup: mainKeyboard(ctx),
  });
});

/** The location a request was waiting for answers the request; any other location, `otherwise`. */
async function locationArrived(ctx: BotContext, point: Point, otherwise: () => Promise<unknown>) {
  assertValidPoint(point);
  const search = await ctx.deps.services.search.takePending(ctx.user.id);
  if (!search) return otherwise();
  await ctx.deps.services.users.setLocation(ctx.user.id, point.lat, point.lng, ctx.deps.services.clock());
  await sendResults(ctx, point, search, firstView(search), "send");
}

searchFeature.on("message:location", (ctx, next) =>
  locationArrived(ctx, { lat: ctx.message.location.latitude, lng: ctx.message.location.longitude }, next),
);

searchFeature.callbackQuery(searchButton.filter, async (ctx) => {
  const pressed = searchButton.unpack(ctx.callbackQuery.data);
  const search = pressed && (await ctx.deps.services.search.find(ctx.user.id, pressed.id));
  if (!pressed || !search) return answerExpired(ctx);
  const point = lastLocation(ctx);
  if (!point) return ctx.answerCallbackQuery({ text: ctx.t("error-no-location"), show_alert: true });
  await ctx.answerCallbackQuery();
  await sendResults(ctx, point, search, { radiusKm: pressed.r, dropped: pressed.m, page: pressed.p }, "edit");
});
