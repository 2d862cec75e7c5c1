// A shop's page of reviews, and "helpful" votes, for the Mini App.
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import type { ReviewService } from "../../core/review.service.js";
import { localDate } from "../../bot/format.js";
import { parse } from "./api-error.js";
import { userOf } from "./auth.js";
import { dealId as idParam } from "./params.js";
import { shopRating, type SpeakerOf } from "./present.js";

const pageQuery = z.object({
  order: z.enum(["newest", "helpful"]).default("newest"),
  page: z.coerce.number().int().min(0).max(10_000).default(0),
});

export function reviewRoutes(app: FastifyInstance, { reviews, speaker }: { reviews: ReviewService; speaker: SpeakerOf }) {
  app.get("/shops/:id/reviews", async (request) => {
    const user = userOf(request);
    const { id } = parse(idParam, request.params);
    const { order, page } = parse(pageQuery, request.query);
    const found = await reviews.shopPage(id, order, page);
    const { locale } = speaker(user);
    const { shop } = found;
    return {
      shop: { id: shop.id, name: shop.name, address: shop.address, ...shopRating(shop) },
      reviews: found.reviews.map((r) => ({
        id: r.id,
        stars: r.stars,
        quality: r.quality,
        service: r.service,
        value: r.value,
        text: r.text,
        author: r.authorName,
        dealTitle: r.dealTitle,
        createdAt: r.createdAt.toISOString(),
        createdAtLocal: localDate(r.createdAt, shop, locale),
        helpful: r.helpful,
        reply: r.reply,
        photos: r.photos.map((_, n) => `/api/photos/review/${r.id}/${n}`),
      })),
      order: found.order,
      page: found.page,
      pages: found.pages,
      total: found.total,
    };
  });

  app.post("/reviews/:id/helpful", async (request) => {
    const user = userOf(request);
    const { id } = parse(idParam, request.params);
    return { counted: await reviews.vote(user.id, id) };
  });
}
