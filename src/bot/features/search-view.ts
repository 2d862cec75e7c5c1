// A request in plain words as the user sees it answered: how the bot
// understood it, the nearby deals that fit, and buttons to widen the radius
// or drop a filter.
import { InlineKeyboard } from "grammy";
import { z } from "zod";
import { FILTER_BITS, isFiltered, keywordIn, priceCap, withoutFilters, type DealQuery, type Filter } from "../../domain/deal-query.js";
import { radiusChoices } from "../../domain/nearby.js";
import type { SearchPage } from "../../core/browse.service.js";
import type { SavedSearch } from "../../core/search.service.js";
import { callbackCodec, id } from "../callback-data.js";
import type { BotContext } from "../context.js";
import { categoryName, escapeHtml, localeOf } from "../format.js";
import { dealLines, listButton, radius, radiusLabel } from "./nearby-view.js";

/** A page of a search: the request's id, the radius, the filters dropped (bits) and the page. */
export const searchButton = callbackCodec("sr", {
  id,
  r: radius,
  m: z.string().regex(/^\d{1,2}$/).transform(Number).pipe(z.number().max(15)),
  p: z.string().regex(/^\d{1,4}$/).transform(Number),
});

export interface SearchView {
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
export function understood(ctx: BotContext, q: DealQuery, locale: string): string {
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

/** A page of a request's matches: how it was understood, the deals, the radius choices and a button per filter to drop. */
export async function resultsView(ctx: BotContext, search: SavedSearch, view: SearchView, found: SearchPage) {
  const query = withoutFilters(search.query, view.dropped);
  const at = (p: number) => searchButton.pack({ id: search.id, r: view.radiusKm, m: view.dropped, p });
  const keyboard = new InlineKeyboard();
  const catName = categoryName(ctx, query.category);
  const { total, searched } = found;
  let body: string;

  if (total === 0) {
    body = ctx.t(searched === 0 ? "search-empty-none" : "search-empty", { searched, radius: view.radiusKm, category: catName });
  } else {
    const lines = await dealLines(ctx, keyboard, found, "s", at);
    const headerKey = !isFiltered(query) ? "nearby-header" : found.capped ? "search-header-nearest" : "search-header";
    const header = ctx.t(headerKey, { matches: total, count: total, searched, radius: view.radiusKm, category: catName });
    const pageLine = found.pages > 1 ? `\n${ctx.t("list-page", { page: found.page + 1, pages: found.pages })}` : "";
    body = `${header}${pageLine}\n\n${lines.join("\n")}`;
  }
  // 500 m stays on offer to a request that asked for it, whatever radius is shown.
  for (const r of radiusChoices(search.query.radiusKm === 0.5 ? 0.5 : view.radiusKm)) {
    keyboard.text(radiusLabel(ctx, r, view.radiusKm), searchButton.pack({ id: search.id, r, m: view.dropped, p: 0 }));
  }
  keyboard.row();
  const locale = await localeOf(ctx);
  dropButtons(ctx, search, view, keyboard, locale);
  keyboard.text(ctx.t("search-everything"), listButton.pack({ r: view.radiusKm, c: "all", p: 0 }));
  return { text: `${understood(ctx, search.query, locale)}\n${body}`, keyboard };
}
