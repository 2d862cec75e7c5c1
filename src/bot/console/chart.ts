// The last 30 days as a bar chart (purchases and redemptions per day), drawn as
// SVG and rendered to PNG, so it reaches the merchant as an ordinary photo.
// Only digits are drawn as text: the title and legend go in the caption.
import { Resvg } from "@resvg/resvg-js";

export const CHART_WIDTH = 800;
export const CHART_HEIGHT = 400;

export interface ChartInput {
  days: string[];
  purchases: number[];
  redemptions: number[];
}

/** The colours of 🟦 and 🟩, which stand for them in the caption. */
const PURCHASES_COLOUR = "#2f80ed";
const REDEMPTIONS_COLOUR = "#27ae60";

export function dailyChartSvg({ days, purchases, redemptions }: ChartInput): string {
  const left = 48;
  const right = 16;
  const top = 20;
  const bottom = 40;
  const plotW = CHART_WIDTH - left - right;
  const plotH = CHART_HEIGHT - top - bottom;
  const max = Math.max(1, ...purchases, ...redemptions);
  // Grid lines at a round step (1, 2, 5, 10, 20, 50 …), at most five of them.
  const unit = 10 ** (Math.floor(Math.log10(max)) - 1);
  const step = Math.max(1, [1, 2, 5, 10, 20, 50].map((m) => m * unit).find((s) => s * 5 >= max)!);
  const scaleTop = Math.max(step * Math.ceil(max / step), 1);
  const y = (v: number) => top + plotH - (v / scaleTop) * plotH;
  const slot = plotW / days.length;
  const barW = Math.max(1, slot * 0.36);

  const parts: string[] = [];
  for (let v = 0; v <= scaleTop; v += step) {
    parts.push(`<line x1="${left}" x2="${CHART_WIDTH - right}" y1="${y(v)}" y2="${y(v)}" stroke="#e0e0e0"/>`);
    parts.push(`<text x="${left - 6}" y="${y(v) + 4}" text-anchor="end" font-size="12" fill="#555">${v}</text>`);
  }
  days.forEach((day, i) => {
    const x = left + i * slot + slot * 0.12;
    const p = purchases[i] ?? 0;
    const r = redemptions[i] ?? 0;
    if (p > 0) parts.push(`<rect x="${x}" y="${y(p)}" width="${barW}" height="${y(0) - y(p)}" fill="${PURCHASES_COLOUR}"/>`);
    if (r > 0) parts.push(`<rect x="${x + barW}" y="${y(r)}" width="${barW}" height="${y(0) - y(r)}" fill="${REDEMPTIONS_COLOUR}"/>`);
    // A date label every fifth day, and the last day.
    if ((days.length - 1 - i) % 5 === 0) {
      parts.push(`<text x="${x + barW}" y="${CHART_HEIGHT - bottom + 18}" text-anchor="middle" font-size="12" fill="#555">${day.slice(5)}</text>`);
    }
  });
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${CHART_WIDTH}" height="${CHART_HEIGHT}" viewBox="0 0 ${CHART_WIDTH} ${CHART_HEIGHT}" font-family="DejaVu Sans, sans-serif">`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    ...parts,
    `<line x1="${left}" x2="${CHART_WIDTH - right}" y1="${y(0)}" y2="${y(0)}" stroke="#999"/>`,
    `</svg>`,
  ].join("");
}

export function dailyChartPng(input: ChartInput): Buffer {
  const png = new Resvg(dailyChartSvg(input), { fitTo: { mode: "original" } }).render().asPng();
  return Buffer.from(png);
}
