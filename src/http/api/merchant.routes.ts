// A merchant's screens in the Mini App: their offers with pause and resume,
// and the numbers of /stats with the chart's points. Owners only, as in the
// chat; another shop's offer answers like an unknown one.
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import type { ConsoleService } from "../../core/console.service.js";
import type { ReportService } from "../../core/report.service.js";
import type { Deal, DealSales } from "../../domain/deal.js";
import { PERIODS, type Sums } from "../../domain/stats.js";
import { parse } from "./api-error.js";
import { userOf } from "./auth.js";
import { dealId } from "./params.js";
import { money, price, photoUrls, type Speaker, type SpeakerOf } from "./present.js";

const DAYS_SHOWN = { today: 1, "7d": 7, "30d": 30, all: 30 } as const;

export function merchantRoutes(
  app: FastifyInstance,
  { console: merchant, reports, speaker }: { console: ConsoleService; reports: ReportService; speaker: SpeakerOf },
) {
  const offer = (deal: Deal, sales: DealSales, says: Speaker) => ({
    id: deal.id,
    title: deal.title,
    status: deal.status,
    price: price(deal.priceMinor, deal.currency, says),
    usualPrice: money(deal.originalPriceMinor, deal.currency, says),
    quantity: deal.quantity,
    stockLeft: deal.stockLeft,
    sold: sales.units,
    revenue: money(sales.revenueMinor, deal.currency, says),
    endsAt: deal.endsAt.toISOString(),
    photoUrl: photoUrls(deal)[0] ?? null,
  });

  app.get("/merchant/deals", async (request) => {
    const user = userOf(request);
    const { shop, lines } = await merchant.deals(user.id);
    const says = speaker(user);
    return { shop: { id: shop.id, name: shop.name, status: shop.status }, deals: lines.map((l) => offer(l.deal, l.sales, says)) };
  });

  for (const action of ["pause", "resume"] as const) {
    app.post(`/merchant/deals/:id/${action}`, async (request) => {
      const user = userOf(request);
      const { id } = parse(dealId, request.params);
      const { deal, sales } = await merchant[action](user.id, id);
      return { deal: offer(deal, sales, speaker(user)) };
    });
  }

  app.get("/merchant/stats", async (request) => {
    const user = userOf(request);
    const { period } = parse(z.object({ period: z.enum(PERIODS).default("7d") }), request.query);
    const says = speaker(user);
    const sums = (s: Sums) => Object.entries(s).map(([currency, minor]) => money(minor, currency, says));
    const [{ shop, figures }, { series }] = await Promise.all([reports.figures(user.id, period, 0), reports.daily(user.id)]);
    const shown = series.days.length - DAYS_SHOWN[period];
    return {
      shop: { id: shop.id, name: shop.name },
      period,
      figures: {
        ...figures,
        revenue: sums(figures.revenue),
        discount: sums(figures.discount),
        refunded: sums(figures.refunded),
        rewardsCost: sums(figures.rewardsCost),
        byChannel: Object.fromEntries(Object.entries(figures.byChannel).map(([channel, f]) => [channel, { ...f, revenue: sums(f.revenue) }])),
      },
      chart: series.days.slice(shown).map((day, i) => ({ day, purchases: series.purchases[shown + i]!, redemptions: series.redemptions[shown + i]! })),
    };
  });
}
