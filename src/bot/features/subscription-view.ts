// The screens of a subscription: its settings, with a button for everything
// (label, radius, categories, daily maximum, quiet hours), and the list of places.
import { InlineKeyboard } from "grammy";
import { z } from "zod";
import { CATEGORIES } from "../../domain/categories.js";
import { clockText } from "../../domain/local-time.js";
import { RADIUS_CHOICES_KM } from "../../domain/nearby.js";
import { DAILY_MAX_RANGE, LABELS, parseCategories, QUIET_PRESETS } from "../../domain/subscription.js";
import type { Subscription } from "../../domain/subscription.js";
import { callbackCodec, id } from "../callback-data.js";
import type { BotContext } from "../context.js";
import { categoryName, radiusText } from "../format.js";
import { CLOSE_DATA } from "../keyboards.js";
import { SUBSCRIPTIONS_DATA } from "../push-message.js";

/**
 * One button family for the settings: `a` the action, `id` the subscription,
 * `v` the value. e edit screen, l label, r radius (km), c category picker,
 * t toggle a category ("all" clears), m daily maximum, q quiet preset (index),
 * h quiet hours typed, p move to another place, x delete.
 */
export const settingsButton = callbackCodec("sb", {
  a: z.enum(["e", "l", "r", "c", "t", "m", "q", "h", "p", "x"]),
  id,
  v: z.string().regex(/^[a-z0-9]{1,12}$/),
});
type SettingsAction = NonNullable<ReturnType<typeof settingsButton.unpack>>["a"];
export const ADD_PLACE_DATA = "subs:add";
export const STOP_ALL_DATA = "subs:stop";

const LABEL_ICONS = { home: "🏠", work: "🏢", other: "📍" } as const;

export function labelText(ctx: BotContext, label: string): string {
  const icon = LABEL_ICONS[label as keyof typeof LABEL_ICONS] ?? "📍";
  return `${icon} ${ctx.t(`subscription-label-${label}`)}`;
}

/** "none" selects the messages' own wording for no quiet hours ("Quiet hours: none"). */
function quietText(start: number, end: number): string {
  return start === end ? "none" : `${clockText(start)}–${clockText(end)}`;
}

function categoriesText(ctx: BotContext, stored: string): string {
  const chosen = parseCategories(stored);
  return chosen.length ? chosen.map((c) => categoryName(ctx, c)).join(", ") : categoryName(ctx, undefined);
}

/** One line per place, for the list. */
export function summary(ctx: BotContext, sub: Subscription): string {
  return ctx.t("subscription-summary", {
    label: labelText(ctx, sub.label),
    radius: sub.radiusM / 1000,
    categories: categoriesText(ctx, sub.categories),
    max: sub.dailyMax,
    quiet: quietText(sub.quietStart, sub.quietEnd),
  });
}

export function settingsView(ctx: BotContext, sub: Subscription, intro = "") {
  const text = [
    intro,
    ctx.t("subscription-settings", {
      label: labelText(ctx, sub.label),
      lat: sub.lat.toFixed(4),
      lng: sub.lng.toFixed(4),
      zone: sub.timeZone,
      radius: sub.radiusM / 1000,
      categories: categoriesText(ctx, sub.categories),
      max: sub.dailyMax,
      quiet: quietText(sub.quietStart, sub.quietEnd),
    }),
  ]
    .filter(Boolean)
    .join("\n\n");
  const at = (a: SettingsAction, v: string | number) => settingsButton.pack({ a, id: sub.id, v: String(v) });
  const mark = (on: boolean, label: string) => (on ? `✓ ${label}` : label);
  const keyboard = new InlineKeyboard();
  for (const label of LABELS) keyboard.text(mark(sub.label === label, labelText(ctx, label)), at("l", label));
  keyboard.row();
  for (const km of RADIUS_CHOICES_KM) keyboard.text(mark(sub.radiusM === km * 1000, radiusText(ctx, km)), at("r", km));
  keyboard.row().text(ctx.t("subscription-categories-button", { categories: categoriesText(ctx, sub.categories) }), at("c", 0));
  keyboard
    .row()
    .text(sub.dailyMax > DAILY_MAX_RANGE.min ? "−" : "·", at("m", Math.max(DAILY_MAX_RANGE.min, sub.dailyMax - 1)))
    .text(ctx.t("subscription-max-button", { max: sub.dailyMax }), at("m", sub.dailyMax))
    .text(sub.dailyMax < DAILY_MAX_RANGE.max ? "+" : "·", at("m", Math.min(DAILY_MAX_RANGE.max, sub.dailyMax + 1)))
    .row();
  const isCurrent = ([start, end]: readonly [number, number]) => sub.quietStart === start && sub.quietEnd === end;
  QUIET_PRESETS.forEach(([start, end], i) => {
    const label = start === end ? ctx.t("subscription-quiet-none") : `🌙 ${clockText(start)}–${clockText(end)}`;
    keyboard.text(mark(isCurrent([start, end]), label), at("q", i));
    if (i === 1) keyboard.row();
  });
  const typed = !QUIET_PRESETS.some(isCurrent);
  keyboard.row().text(typed ? `✓ 🌙 ${quietText(sub.quietStart, sub.quietEnd)}` : ctx.t("subscription-quiet-other"), at("h", 0));
  keyboard.row().text(ctx.t("subscription-move"), at("p", 0)).text(ctx.t("subscription-delete"), at("x", 0));
  keyboard.row().text(ctx.t("subscription-all-places"), SUBSCRIPTIONS_DATA);
  return { text, keyboard };
}

export function categoryPicker(ctx: BotContext, sub: Subscription) {
  const chosen = parseCategories(sub.categories);
  const keyboard = new InlineKeyboard();
  const at = (a: "t" | "e", v: string) => settingsButton.pack({ a, id: sub.id, v });
  keyboard.text(chosen.length === 0 ? `✓ ${categoryName(ctx, undefined)}` : categoryName(ctx, undefined), at("t", "all"));
  CATEGORIES.forEach((c, i) => {
    if (i % 3 === 2) keyboard.row();
    keyboard.text(chosen.includes(c) ? `✓ ${categoryName(ctx, c)}` : categoryName(ctx, c), at("t", c));
  });
  keyboard.row().text(ctx.t("back"), at("e", "0"));
  return { text: ctx.t("subscription-pick-categories"), keyboard };
}

export function listView(ctx: BotContext, subs: Subscription[]) {
  const keyboard = new InlineKeyboard();
  if (subs.length === 0) {
    keyboard.text(ctx.t("subscription-add"), ADD_PLACE_DATA).row().text(ctx.t("close"), CLOSE_DATA);
    return { text: ctx.t("subscriptions-empty"), keyboard };
  }
  subs.forEach((sub, i) => {
    keyboard.text(`${i + 1}. ${labelText(ctx, sub.label)}`, settingsButton.pack({ a: "e", id: sub.id, v: "0" }));
    if (i % 2 === 1) keyboard.row();
  });
  keyboard.row().text(ctx.t("subscription-add"), ADD_PLACE_DATA).text(ctx.t("subscription-stop-all"), STOP_ALL_DATA);
  keyboard.row().text(ctx.t("close"), CLOSE_DATA);
  const lines = subs.map((sub, i) => `${i + 1}. ${summary(ctx, sub)}`);
  return { text: `${ctx.t("subscriptions-header", { count: subs.length })}\n\n${lines.join("\n")}`, keyboard };
}
