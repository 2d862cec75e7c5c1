// What several screens share: the main button's lifetime, messages, formats.
import { api, type DealSummary, type ShopRating } from "./api.js";
import { clear, h } from "./dom.js";
import { errorText } from "./errors.js";
import { t } from "./i18n.js";
import { telegram } from "./telegram.js";

/** Shows Telegram's main button for as long as a screen is up; returns its removal. */
export function mainButton(text: string, onClick: () => void): () => void {
  telegram.MainButton.setText(text).onClick(onClick).show();
  return () => telegram.MainButton.offClick(onClick).hide();
}

export function message(text: string, kind: "error" | "info" | "success" = "info"): HTMLElement {
  return h("p", { class: `message ${kind}`, role: kind === "error" ? "alert" : "status" }, text);
}

/**
 * A button that shows an on/off mark of the user's (Follow shop, ♡ Save) and
 * flips it through `change`; a refusal is written into `status`.
 */
export function toggleButton(
  name: string,
  on: boolean,
  label: (on: boolean) => string,
  change: (on: boolean) => Promise<unknown>,
  status: HTMLElement,
): HTMLButtonElement {
  const button = h("button", { type: "button", class: "toggle", "data-toggle": name, "aria-pressed": String(on) }, label(on));
  button.addEventListener("click", () => {
    const next = button.getAttribute("aria-pressed") !== "true";
    button.setAttribute("aria-busy", "true");
    change(next)
      .then(() => {
        button.setAttribute("aria-pressed", String(next));
        button.textContent = label(next);
        telegram.HapticFeedback.selectionChanged();
      })
      .catch((error: unknown) => clear(status, message(errorText(error), "error")))
      .finally(() => button.removeAttribute("aria-busy"));
  });
  return button;
}

/** The shop's Follow button, as the deal's page and the shop's page show it. */
export function followButton(shopId: number, following: boolean, status: HTMLElement): HTMLButtonElement {
  return toggleButton("follow", following, (on) => t(on ? "app-following" : "app-follow"), (on) => api.follow(shopId, on), status);
}

/** "⭐ 4.5 (12)" */
export function ratingText({ rating, reviews }: ShopRating): string {
  return t("app-rating", { rating: (rating ?? 0).toFixed(1), count: reviews });
}

/**
 * A deal in a list (the map's, a shop's page): its title, a line about where
 * it is, the price; tapping it runs `open`.
 */
export function dealCard(deal: DealSummary, line: string | null, open: (deal: DealSummary) => void): HTMLElement {
  return h(
    "li",
    { class: "deal-card", "data-deal-id": deal.id },
    h(
      "button",
      { type: "button", onclick: () => open(deal) },
      h("span", { class: "deal-title" }, deal.title),
      line ? h("span", { class: "deal-shop" }, line) : null,
      h(
        "span",
        { class: "deal-price" },
        h("b", {}, deal.price.text),
        deal.usualPrice ? h("s", {}, deal.usualPrice.text) : null,
        deal.discountPercent ? h("span", { class: "badge" }, `−${deal.discountPercent}%`) : null,
      ),
    ),
  );
}

export function distance(meters: number | null | undefined): string {
  if (meters === null || meters === undefined) return "";
  return meters < 1000 ? t("app-distance-m", { m: Math.round(meters) }) : t("app-distance-km", { km: (meters / 1000).toFixed(1) });
}

export function date(iso: string | null | undefined): string {
  if (!iso) return "";
  return new Date(iso).toLocaleString(document.documentElement.lang === "zh" ? "zh-CN" : "en", { dateStyle: "medium", timeStyle: "short" });
}

export function categoryName(category: string): string {
  return t(`category-${category}`);
}
