// For a shop's owner or staff: scan a customer's QR code to redeem it, the
// shop's offers with pause and resume, and the numbers of /stats with a chart.
import { api, type ChartPoint, type MerchantDeal, type MerchantStats } from "../api.js";
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
            chart(figures.chart ?? [], period),
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

/** The figures shown: counts, and sums as money (one per currency); the rest is the chat's /stats. */
const SHOWN_FIGURES = ["views", "purchases", "unitsSold", "redeemed", "revenue", "refunds", "newCustomers", "returningCustomers"];

function figureList(stats: MerchantStats): HTMLElement {
  const figures = stats.figures ?? {};
  const text = (value: unknown) => (Array.isArray(value) ? value.map((m: { text?: string }) => m.text).join(" + ") || "0" : String(value));
  return h("dl", { class: "facts" }, ...SHOWN_FIGURES.filter((name) => name in figures).flatMap((name) => [h("dt", {}, t(`app-stat-${name}`)), h("dd", {}, text(figures[name]))]));
}

const SVG = "http://www.w3.org/2000/svg";
/** The chart's two series, side by side each day; their colours are the theme's (style.css). */
const SERIES = ["purchases", "redemptions"] as const;

function svgElement(name: string, attributes: Record<string, string | number>): SVGElement {
  const element = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, String(value));
  return element;
}

/** Bars scaled to the day with most of either; the caption names the series and the period. */
function chart(data: ChartPoint[], period: "7d" | "30d"): Element {
  const width = 320;
  const height = 120;
  const caption = t("app-stats-chart-caption", { period: t(`stats-period-${period}`) });
  const svg = svgElement("svg", { viewBox: `0 0 ${width} ${height + 16}`, role: "img", "aria-label": caption });
  const max = Math.max(1, ...data.flatMap((p) => SERIES.map((s) => p[s])));
  const slot = width / Math.max(1, data.length);
  const barWidth = (slot * 0.8) / SERIES.length;
  SERIES.forEach((series, n) => {
    const group = svgElement("g", { "data-series": series });
    data.forEach((p, i) => {
      const barHeight = (p[series] / max) * height;
      const bar = svgElement("rect", { x: i * slot + slot * 0.1 + n * barWidth, y: height - barHeight, width: barWidth, height: barHeight });
      const title = svgElement("title", {});
      title.textContent = `${p.day} · ${t(`app-stats-chart-${series}`)}: ${p[series]}`;
      bar.append(title);
      group.append(bar);
    });
    svg.append(group);
  });
  data.forEach((p, i) => {
    if (data.length > 10 && i % Math.ceil(data.length / 7) !== 0) return;
    const label = svgElement("text", { x: i * slot + slot / 2, y: height + 12, "text-anchor": "middle" });
    label.textContent = p.day.slice(5);
    svg.append(label);
  });
  const legend = h("span", { class: "legend" }, ...SERIES.map((series) => h("span", { "data-series": series }, t(`app-stats-chart-${series}`))));
  return h("figure", { class: "chart" }, svg, h("figcaption", {}, caption, legend));
}
