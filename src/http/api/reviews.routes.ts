// A shop's page of reviews (with whether the user follows the shop), and
// "helpful" votes, for the Mini App.
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import type { FollowService } from "../../core/follow.service.js";
import type { ReviewService } from "../../core/review.service.js";
import { parse } from "./api-error.js";
import { userOf } from "./auth.js";
import { dealId as idParam, queryNumber } from "./params.js";
import { reviewItem, shopRating, type SpeakerOf } from "./present.js";

const pageQuery = z.object({
  order: z.enum(["newest", "helpful"]).default("newest"),
  page: queryNumber(z.coerce.number().int().min(0).max(10_000).default(0)),
});

export function reviewRoutes(
  app: FastifyInstance,
  { reviews, follows, speaker }: { reviews: ReviewService; follows: Pick<FollowService, "isFollowing">; speaker: SpeakerOf },
) {
  app.get("/shops/:id/reviews", async (request) => {
    const user = userOf(request);
    const { id } = parse(idParam, request.params);
    const { order, page } = parse(pageQuery, request.query);
    const found = await reviews.shopPage(id, order, page);
    const says = speaker(user);
    const { shop } = found;
    const following = await follows.isFollowing(user.id, shop.id);
    return {
      shop: { id: shop.id, name: shop.name, address: shop.address, ...shopRating(shop), following },
      reviews: found.reviews.map((r) => reviewItem(r, shop, says)),
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
