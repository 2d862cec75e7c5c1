// What several screens share: the main button's lifetime, messages, formats.
import { h } from "./dom.js";
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
