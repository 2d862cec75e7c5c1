import { Composer, GrammyError, InlineKeyboard } from "grammy";
import { z } from "zod";
import { CATEGORIES } from "../../domain/categories.js";
import { DomainError } from "../../domain/errors.js";
import { assertValidPoint, distanceMeters, type Point } from "../../domain/geo.js";
import { DEFAULT_RADIUS_KM, NEAREST_LIMIT, pageOf, RADII_KM, RADIUS_CHOICES_KM, radiusChoices } from "../../domain/nearby.js";
import type { NearbyDeal } from "../../core/nearby.service.js";
import type { Via } from "../attribution.js";
import { callbackCodec } from "../callback-data.js";
import type { BotContext } from "../context.js";
import { categoryName, distanceText, escapeHtml, localeOf, priceText } from "../format.js";
import { answerExpired, mainKeyboard } from "../keyboards.js";
import { dealButton } from "./deal-card.js";

/** /nearby reuses a location younger than this instead of asking again. */
const RECENT_LOCATION_MS = 30 * 60_000;
/** A live location refreshes the list only after moving this far. */
const LIVE_REFRESH_M = 300;

export const radius = z.enum(RADII_KM.map(String) as [string, ...string[]]).transform(Number);
const category = z.enum(["all", ...CATEGORIES]);
/** A page of the list at the user's last location. */
export const listButton = callbackCodec("nb", { r: radius, c: category, p: z.string().regex(/^\d{1,4}$/).transform(Number) });
/** The category picker; it remembers the list it came from, for Back. */
const pickerButton = callbackCodec("nc", { r: radius, c: category });
const NOOP = "noop";

interface ListView {
  radiusKm: number;
  category: z.infer<typeof category>;
  page: number;
}

async function renderList(ctx: BotContext, point: Point, view: ListView) {
  const filter = view.category === "all" ? undefined : view.category;
  const found = await ctx.deps.services.nearby.search({ point, radiusM: view.radiusKm * 1000, category: filter });
  const catName = categoryName(ctx, filter);
  const keyboard = new InlineKeyboard();

  if (found.length === 0) {
    const wider = RADIUS_CHOICES_KM.filter((r) => r > view.radiusKm);
    for (const r of wider) keyboard.text(radiusLabel(r, view.radiusKm), listButton.pack({ r, c: view.category, p: 0 }));
    keyboard.row().text(ctx.t("nearby-category-button", { category: catName }), pickerButton.pack({ r: view.radiusKm, c: view.category }));
    const hint = wider.length ? `\n${ctx.t("nearby-empty-wider")}` : "";
    return { text: ctx.t("nearby-empty", { radius: view.radiusKm, category: catName }) + hint, keyboard, shown: [] };
  }

  const { items, page, pages } = pageOf(found, view.page);
  const lines = await listPage(ctx, keyboard, { items, page, pages }, "n", (p) =>
    listButton.pack({ r: view.radiusKm, c: view.category, p }),
  );
  for (const r of radiusChoices(view.radiusKm)) {
    keyboard.text(radiusLabel(r, view.radiusKm), listButton.pack({ r, c: view.category, p: 0 }));
  }
  keyboard.row().text(ctx.t("nearby-category-button", { category: catName }), pickerButton.pack({ r: view.radiusKm, c: view.category }));

  // At the cap there may be more deals further out: say which ones are listed.
  const headerKey = found.length >= NEAREST_LIMIT ? "nearby-header-nearest" : "nearby-header";
  const header = ctx.t(headerKey, { count: found.length, radius: view.radiusKm, category: catName });
  const pageLine = pages > 1 ? `\n${ctx.t("list-page", { page: page + 1, pages })}` : "";
  return { text: `${header}${pageLine}\n\n${lines.join("\n")}`, keyboard, shown: items.map((d) => d.id) };
}

/** A radius button: "500 m", "3 km", "✓ 5 km" for the one shown. */
export function radiusLabel(km: number, current: number): string {
  const label = km < 1 ? `${km * 1000} m` : `${km} km`;
  return km === current ? `✓ ${label}` : label;
}

/**
 * One page of a list of deals: its lines, and on the keyboard a button per
 * deal (crediting `channel`) and the pager.
 */
export async function listPage(
  ctx: BotContext,
  keyboard: InlineKeyboard,
  { items, page, pages }: { items: NearbyDeal[]; page: number; pages: number },
  channel: Via["s"],
  at: (page: number) => string,
): Promise<string[]> {
  const locale = await localeOf(ctx);
  const lines = items.map((deal, i) => {
    const { price, original } = priceText(ctx, locale, deal, "nearby-line-discount");
    return ctx.t("nearby-line", {
      n: i + 1,
      title: escapeHtml(deal.title),
      price,
      original,
      distance: distanceText(ctx, deal.distanceM),
    });
  });
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

/** Sends a list, or redraws it in place after a tap on one of its buttons. */
export async function showList(ctx: BotContext, text: string, keyboard: InlineKeyboard, mode: "send" | "edit") {
  const options = { parse_mode: "HTML" as const, reply_markup: keyboard, link_preview_options: { is_disabled: true } };
  if (mode === "send") return void (await ctx.reply(text, options));
  // Tapping the radius or page already shown changes nothing: Telegram refuses such an edit.
  await ctx.editMessageText(text, options).catch((error: unknown) => {
    if (!(error instanceof GrammyError && error.description.includes("message is not modified"))) throw error;
  });
}

async function sendList(ctx: BotContext, point: Point, view: ListView, mode: "send" | "edit") {
  const { text, keyboard, shown } = await renderList(ctx, point, view);
  await showList(ctx, text, keyboard, mode);
  await ctx.deps.services.deals.recordImpressions(shown, ctx.user.id, "nearby");
}

export function lastLocation(ctx: BotContext): Point | null {
  const { lastLat, lastLng } = ctx.user;
  return lastLat === null || lastLng === null ? null : { lat: lastLat, lng: lastLng };
}

/** The user's last location, if young enough to search around without asking again. */
export function recentLocation(ctx: BotContext): Point | null {
  const at = ctx.user.lastLocationAt?.getTime() ?? 0;
  return ctx.deps.services.clock().getTime() - at < RECENT_LOCATION_MS ? lastLocation(ctx) : null;
}

/** A location the user gave (shared, or typed as "40.7081, -73.9571"): keep it, and list the deals around it. */
export async function showNearby(ctx: BotContext, point: Point) {
  assertValidPoint(point); // before it is stored
  await ctx.deps.services.users.setLocation(ctx.user.id, point.lat, point.lng, ctx.deps.services.clock());
  await sendList(ctx, point, { radiusKm: DEFAULT_RADIUS_KM, category: "all", page: 0 }, "send");
}

export const nearbyFeature = new Composer<BotContext>();

nearbyFeature.on("message:location", (ctx) =>
  showNearby(ctx, { lat: ctx.message.location.latitude, lng: ctx.message.location.longitude }),
);

// A live location sends an edit every few seconds: answer only when the user
// has really moved, so walking down the street does not flood the chat.
nearbyFeature.on("edited_message:location", async (ctx) => {
  const point = { lat: ctx.editedMessage.location.latitude, lng: ctx.editedMessage.location.longitude };
  assertValidPoint(point);
  const now = ctx.deps.services.clock();
  const previous = lastLocation(ctx);
  if (previous && distanceMeters(previous, point) < LIVE_REFRESH_M) {
    await ctx.deps.services.users.touchLocation(ctx.user.id, now);
    return;
  }
  await ctx.deps.services.users.setLocation(ctx.user.id, point.lat, point.lng, now);
  await sendList(ctx, point, { radiusKm: DEFAULT_RADIUS_KM, category: "all", page: 0 }, "send");
});

nearbyFeature.command("nearby", async (ctx) => {
  const point = recentLocation(ctx);
  if (point) {
    return sendList(ctx, point, { radiusKm: DEFAULT_RADIUS_KM, category: "all", page: 0 }, "send");
  }
  await ctx.reply(ctx.t("nearby-ask-location"), { reply_markup: mainKeyboard(ctx) });
});

nearbyFeature.callbackQuery(listButton.filter, async (ctx) => {
  const view = listButton.unpack(ctx.callbackQuery.data);
  if (!view) return answerExpired(ctx);
  const point = lastLocation(ctx);
  if (!point) throw new DomainError("no-location");
  await ctx.answerCallbackQuery();
  await sendList(ctx, point, { radiusKm: view.r, category: view.c, page: view.p }, "edit");
});

nearbyFeature.callbackQuery(pickerButton.filter, async (ctx) => {
  const view = pickerButton.unpack(ctx.callbackQuery.data);
  if (!view) return answerExpired(ctx);
  await ctx.answerCallbackQuery();
  const keyboard = new InlineKeyboard();
  (["all", ...CATEGORIES] as const).forEach((c, i) => {
    keyboard.text(categoryName(ctx, c === "all" ? undefined : c), listButton.pack({ r: view.r, c, p: 0 }));
    if (i % 3 === 2) keyboard.row();
  });
  keyboard.text(ctx.t("back"), listButton.pack({ r: view.r, c: view.c, p: 0 }));
  await ctx.editMessageText(ctx.t("nearby-pick-category"), { reply_markup: keyboard });
});

nearbyFeature.callbackQuery(NOOP, (ctx) => ctx.answerCallbackQuery());
