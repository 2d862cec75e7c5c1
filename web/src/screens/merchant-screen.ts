// For a shop's owner or staff: scan a customer's QR code to redeem it, the
// shop's offers with pause and resume, and the numbers of /stats with a chart.
import { api, type MerchantDeal, type MerchantStats } from "../api.js";
import { clear, h } from "../dom.js";
import { errorText } from "../errors.js";
import { t } from "../i18n.js";
import type { Screen } from "../router.js";
import { telegram } from "../telegram.js";
import { mainButton, message } from "../ui.js";

export function merchantScreen(): Screen {
  return {
    tab: "app-tab-shop",
    title: () => t("app-shop-title"),
    mount(root) {
      const scanStatus = h("div", { class: "scan-status" });
      const offers = h("ul", { class: "offers" });
      const stats = h("section", { class: "stats" });
      root.append(
        h("section", { class: "scan" }, h("button", { type: "button", class: "primary", onclick: scan }, t("app-scan")), scanStatus),
        h("h2", {}, t("app-offers-title")),
        offers,
        h("h2", {}, t("app-stats-title")),
        stats,
      );

      function scan(): void {
        telegram.showScanQrPopup({ text: t("app-scan-hint") }, (text) => {
          void check(text);
          return true;
        });
      }

      async function check(text: string): Promise<void> {
        try {
          const { token, voucher } = await api.scan(text);
          telegram.HapticFeedback.impactOccurred("medium");
          clear(
            scanStatus,
            h(
              "div",
              { class: "confirm", role: "dialog" },
              h("p", {}, t("app-redeem-ask", { code: voucher.code, title: voucher.deal?.title ?? voucher.title ?? "" })),
              h("button", { type: "button", class: "primary", onclick: () => void confirmRedeem(token) }, t("app-redeem-confirm")),
              h("button", { type: "button", onclick: () => clear(scanStatus) }, t("app-cancel")),
            ),
          );
        } catch (error) {
          telegram.HapticFeedback.notificationOccurred("error");
          clear(scanStatus, message(errorText(error), "error"));
        }
      }

      async function confirmRedeem(token: string): Promise<void> {
        try {
          const { redeemed } = await api.confirm(token);
          const done = redeemed.outcome === "redeemed";
          telegram.HapticFeedback.notificationOccurred(done ? "success" : "warning");
          clear(scanStatus, message(t("app-redeem-outcome", { outcome: redeemed.outcome }), done ? "success" : "error"));
        } catch (error) {
          telegram.HapticFeedback.notificationOccurred("error");
          clear(scanStatus, message(errorText(error), "error"));
        }
      }

      async function loadOffers(): Promise<void> {
        try {
          const { deals } = await api.merchantDeals();
          clear(offers, deals.length === 0 ? message(t("app-offers-none")) : null, ...deals.map(offer));
        } catch (error) {
          clear(offers, message(errorText(error), "error"));
        }
      }

      function offer(deal: MerchantDeal): HTMLElement {
        const paused = deal.status === "PAUSED";
        const toggle = async () => {
          try {
            await (paused ? api.resume(deal.id) : api.pause(deal.id));
            telegram.HapticFeedback.impactOccurred("light");
            await loadOffers();
          } catch (error) {
            offers.prepend(message(errorText(error), "error"));
          }
        };
        return h(
          "li",
          { class: "offer", "data-status": deal.status },
          h("span", {}, deal.title),
          h("span", { class: "state" }, t("app-offer-status", { status: deal.status })),
          deal.status === "ACTIVE" || paused ? h("button", { type: "button", onclick: () => void toggle() }, t(paused ? "app-resume" : "app-pause")) : null,
        );
      }

      async function loadStats(period: "7d" | "30d"): Promise<void> {
        try {
          const figures = await api.stats(period);
          clear(
            stats,
            h(
              "div",
              { class: "periods" },
              ...(["7d", "30d"] as const).map((p) => h("button", { type: "button", class: p === period ? "selected" : "", onclick: () => void loadStats(p) }, t(`stats-period-${p}`))),
            ),
            chart(points(figures)),
            figureList(figures),
          );
        } catch (error) {
          clear(stats, message(errorText(error), "error"));
        }
      }

      void loadOffers();
      void loadStats("7d");
      return mainButton(t("app-scan"), scan);
    },
  };
}

interface Point {
  label: string;
  value: number;
}

function points(stats: MerchantStats): Point[] {
  const series = (stats.chart ?? stats["points"] ?? []) as Record<string, unknown>[];
  return series.map((p) => ({
    label: String(p["label"] ?? p["date"] ?? p["day"] ?? ""),
    value: Number(p["value"] ?? p["count"] ?? Object.values(p).find((v) => typeof v === "number") ?? 0),
  }));
}

/** The figures shown: counts, and sums as money (one per currency); the rest is the chat's /stats. */
const SHOWN_FIGURES = ["views", "purchases", "unitsSold", "redeemed", "revenue", "refunds", "newCustomers", "returningCustomers"];

function figureList(stats: MerchantStats): HTMLElement {
  const figures = stats.figures ?? {};
  const text = (value: unknown) => (Array.isArray(value) ? value.map((m: { text?: string }) => m.text).join(" + ") || "0" : String(value));
  return h("dl", { class: "facts" }, ...SHOWN_FIGURES.filter((name) => name in figures).flatMap((name) => [h("dt", {}, t(`app-stat-${name}`)), h("dd", {}, text(figures[name]))]));
}

const SVG = "http://www.w3.org/2000/svg";

/** Bars scaled to the highest value; a day without a number shows as an empty slot. */
function chart(data: Point[]): Element {
  const svg = document.createElementNS(SVG, "svg");
  const width = 320;
  const height = 120;
  svg.setAttribute("viewBox", `0 0 ${width} ${height + 16}`);
  svg.setAttribute("class", "chart");
  svg.setAttribute("role", "img");
  const max = Math.max(1, ...data.map((p) => p.value));
  const slot = width / Math.max(1, data.length);
  data.forEach((p, i) => {
    const bar = document.createElementNS(SVG, "rect");
    const barHeight = (p.value / max) * height;
    bar.setAttribute("x", String(i * slot + slot * 0.15));
    bar.setAttribute("y", String(height - barHeight));
    bar.setAttribute("width", String(slot * 0.7));
    bar.setAttribute("height", String(barHeight));
    const title = document.createElementNS(SVG, "title");
    title.textContent = `${p.label}: ${p.value}`;
    bar.append(title);
    svg.append(bar);
    if (data.length <= 10 || i % Math.ceil(data.length / 7) === 0) {
      const label = document.createElementNS(SVG, "text");
      label.setAttribute("x", String(i * slot + slot / 2));
      label.setAttribute("y", String(height + 12));
      label.setAttribute("text-anchor", "middle");
      label.textContent = p.label.slice(5);
      svg.append(label);
    }
  });
  return svg;
}
