// The nearby list as the user sees it: a header, a page of numbered deals
// (a button each, crediting where they were found), the pager, the radius
// choices and the category picker. Search answers reuse its deal lines.
import { InlineKeyboard } from "grammy";
import { lineRating } from "./review-view.js";
import { z } from "zod";
import { CATEGORIES } from "../../domain/categories.js";
import { RADII_KM, RADIUS_CHOICES_KM, radiusChoices } from "../../domain/nearby.js";
import type { DealPage } from "../../core/browse.service.js";
import type { Via } from "../attribution.js";
import { callbackCodec } from "../callback-data.js";
import type { BotContext } from "../context.js";
import { categoryName, distanceText, escapeHtml, localeOf, priceText, radiusText } from "../format.js";
import { dealButton } from "./deal-view.js";

export const radius = z.enum(RADII_KM.map(String) as [string, ...string[]]).transform(Number);
const category = z.enum(["all", ...CATEGORIES]);
/** A page of the list at the user's last location. */
export const listButton = callbackCodec("nb", { r: radius, c: category, p: z.string().regex(/^\d{1,4}$/).transform(Number) });
/** The category picker; it remembers the list it came from, for Back. */
export const pickerButton = callbackCodec("nc", { r: radius, c: category });
/** The pager's page number and blank ends: nothing to do. */
export const NOOP = "noop";

export interface ListView {
  radiusKm: number;
  category: z.infer<typeof category>;
  page: number;
}

/** The first screen of a new list. */
export const firstList = (radiusKm: number): ListView => ({ radiusKm, category: "all", page: 0 });

/** The category the search filters on ("all" filters on none). */
export const categoryFilter = (view: ListView) => (view.category === "all" ? undefined : view.category);

/** A radius button in the user's words: "500 m", "3 km", "✓ 5 km" for the one shown. */
export function radiusLabel(ctx: BotContext, km: number, current: number): string {
  const label = radiusText(ctx, km);
  return km === current ? `✓ ${label}` : label;
}

/** A deal's line in a nearby list, numbered `n`: title, price, distance and rating. */
export function nearbyLine(ctx: BotContext, locale: string, deal: DealPage["items"][number], n: number): string {
  const { price, original } = priceText(ctx, locale, deal, "nearby-line-discount");
  return ctx.t("nearby-line", {
    n,
    title: escapeHtml(deal.title),
    price,
    original,
    distance: distanceText(ctx, deal.distanceM),
    rating: lineRating(ctx.t.bind(ctx), deal),
  });
}

/**
 * One page of a list of deals: its lines, and on the keyboard a button per
 * deal (crediting `channel`) and the pager.
 */
export async function dealLines(
  ctx: BotContext,
  keyboard: InlineKeyboard,
  { items, page, pages }: Pick<DealPage, "items" | "page" | "pages">,
  channel: Via["s"],
  at: (page: number) => string,
): Promise<string[]> {
  const locale = await localeOf(ctx);
  const lines = items.map((deal, i) => nearbyLine(ctx, locale, deal, i + 1));
  items.forEach((deal, i) => keyboard.text(String(i + 1), dealButton.pack({ id: deal.id, s: channel, r: 0 })));
  keyboard.row();
  if (pages > 1) {
    keyboard
      .text(page > 0 ? ctx.t("nearby-prev") : "·", page > 0 ? at(page - 1) : NOOP)
      .text(`${page + 1}/${pages}`, NOOP)
      .text(page < pages - 1 ? ctx.t("nearby-next") : "·", page < pages - 1 ? at(page + 1) : NOOP)
      .row();
  }
  return lines;
}

/** The list of deals around the user, or what to try when there are none. */
export async function nearbyListView(ctx: BotContext, found: DealPage, view: ListView) {
  const catName = categoryName(ctx, categoryFilter(view));
  const keyboard = new InlineKeyboard();
  const pickerRow = () =>
    keyboard.row().text(ctx.t("nearby-category-button", { category: catName }), pickerButton.pack({ r: view.radiusKm, c: view.category }));

  if (found.total === 0) {
    const wider = RADIUS_CHOICES_KM.filter((r) => r > view.radiusKm);
    for (const r of wider) keyboard.text(radiusLabel(ctx, r, view.radiusKm), listButton.pack({ r, c: view.category, p: 0 }));
    pickerRow();
    const hint = wider.length ? `\n${ctx.t("nearby-empty-wider")}` : "";
    return { text: ctx.t("nearby-empty", { radius: view.radiusKm, category: catName }) + hint, keyboard };
  }

  const lines = await dealLines(ctx, keyboard, found, "n", (p) => listButton.pack({ r: view.radiusKm, c: view.category, p }));
  for (const r of radiusChoices(view.radiusKm)) {
    keyboard.text(radiusLabel(ctx, r, view.radiusKm), listButton.pack({ r, c: view.category, p: 0 }));
  }
  pickerRow();
  // At the cap there may be more deals further out: say which ones are listed.
  const header = ctx.t(found.capped ? "nearby-header-nearest" : "nearby-header", { count: found.total, radius: view.radiusKm, category: catName });
  const pageLine = found.pages > 1 ? `\n${ctx.t("list-page", { page: found.page + 1, pages: found.pages })}` : "";
  return { text: `${header}${pageLine}\n\n${lines.join("\n")}`, keyboard };
}

/** The categories to list, three a row, and Back to the list it came from. */
export function categoryPickerView(ctx: BotContext, view: { r: number; c: ListView["category"] }) {
  const keyboard = new InlineKeyboard();
  (["all", ...CATEGORIES] as const).forEach((c, i) => {
    keyboard.text(categoryName(ctx, c === "all" ? undefined : c), listButton.pack({ r: view.r, c, p: 0 }));
    if (i % 3 === 2) keyboard.row();
  });
  keyboard.text(ctx.t("back"), listButton.pack({ r: view.r, c: view.c, p: 0 }));
  return { text: ctx.t("nearby-pick-category"), keyboard };
}
