// Finding deals: around a point with the chat's filters, and one deal's page.
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import type { BrowseService } from "../../core/browse.service.js";
import type { DealService } from "../../core/deal.service.js";
import type { FollowService } from "../../core/follow.service.js";
import { CATEGORIES } from "../../domain/categories.js";
import { RADII_KM } from "../../domain/nearby.js";
import { QUERY_LIMITS } from "../../domain/deal-query.js";
import { policyKey } from "../../bot/features/deal-view.js";
import { userOf } from "./auth.js";
import { dealId as idParam, queryNumber } from "./params.js";
import { parse } from "./api-error.js";
import { dealItem, localEnd, photoUrls, routeUrl, shopRating, type SpeakerOf } from "./present.js";

/** A map shows many deals at once; the chat's pages of five would not fill it. */
export const API_PAGE_SIZE = 50;

const listQuery = z.object({
  lat: queryNumber(z.coerce.number().min(-90).max(90)),
  lng: queryNumber(z.coerce.number().min(-180).max(180)),
  radiusKm: queryNumber(
    z.coerce
      .number()
      .refine((r) => (RADII_KM as readonly number[]).includes(r))
      .transform((r) => r as (typeof RADII_KM)[number])
      .optional(),
  ),
  category: z.enum(CATEGORIES).optional(),
  q: z.string().trim().max(200).optional(),
  maxPrice: queryNumber(z.coerce.number().positive().max(QUERY_LIMITS.maxPrice).optional()),
  page: queryNumber(z.coerce.number().int().min(0).max(1000).default(0)),
});

export function dealRoutes(
  app: FastifyInstance,
  { browse, deals, follows, speaker }: { browse: BrowseService; deals: DealService; follows: Pick<FollowService, "marks">; speaker: SpeakerOf },
) {
  app.get("/deals", async (request) => {
    const user = userOf(request);
    const { lat, lng, radiusKm, category, q, maxPrice, page } = parse(listQuery, request.query);
    const found = await browse.explore(user.id, { lat, lng }, { radiusKm, category, maxPrice, text: q || undefined, page, pageSize: API_PAGE_SIZE });
    const says = speaker(user);
    return {
      deals: found.items.map((item) => dealItem(item.deal, item.distanceM, says)),
      page: found.page,
      pages: found.pages,
      total: found.total,
    };
  });

  // A shop's page: its offers on sale now, as the map's list shows them.
  app.get("/shops/:id/deals", async (request) => {
    const user = userOf(request);
    const { id: shopId } = parse(idParam, request.params);
    const offers = await deals.onSaleAtShop(shopId, user);
    const says = speaker(user);
    return { deals: offers.map(({ deal, distanceM }) => dealItem(deal, distanceM ?? null, says)) };
  });

  app.get("/deals/:id", async (request) => {
    const user = userOf(request);
    const { id: dealId } = parse(idParam, request.params);
    const { deal, onSale, distanceM, buyersSoFar } = await deals.openCard(dealId, user, "nearby");
    const { following, saved } = await follows.marks(user.id, deal);
    const says = speaker(user);
    const from = user.lastLat === null || user.lastLng === null ? null : { lat: user.lastLat, lng: user.lastLng };
    const distance = distanceM ?? null;
    return {
      ...dealItem(deal, distance, says),
      description: deal.description,
      finePrint: deal.finePrint,
      refundPolicy: deal.refundPolicy,
      refundPolicyText: says.t(`card-refund-${policyKey(deal.refundPolicy)}`),
      perPersonLimit: deal.perPersonLimit,
      voucherValidDays: deal.voucherValidDays,
      onSale,
      minBuyers: deal.minBuyers,
      ...(buyersSoFar !== undefined && { buyersSoFar }),
      endsAtLocal: localEnd(deal, says),
      photos: photoUrls(deal),
      routeUrl: routeUrl(deal.shop, from),
      saved,
      shop: {
        id: deal.shop.id,
        name: deal.shop.name,
        ...shopRating(deal.shop),
        address: deal.shop.address,
        hours: deal.shop.openingHours,
        lat: deal.shop.lat,
        lng: deal.shop.lng,
        distanceM: distance === null ? null : Math.round(distance),
        following,
      },
    };
  });
}
