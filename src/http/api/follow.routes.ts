// Following shops and saving deals from the Mini App: the same use cases as
// the chat's card, /following and /saved. Only the caller's own follows and
// saves are read or changed: no route takes a user id.
import type { FastifyInstance } from "fastify";
import type { FollowService } from "../../core/follow.service.js";
import { userOf } from "./auth.js";
import { parse } from "./api-error.js";
import { dealId as idParam } from "./params.js";
import { dealItem, localEnd, type SpeakerOf } from "./present.js";

export function followRoutes(app: FastifyInstance, { follows, speaker }: { follows: FollowService; speaker: SpeakerOf }) {
  app.put("/shops/:id/follow", async (request) => {
    const { id } = parse(idParam, request.params);
    await follows.follow(userOf(request).id, id);
    return { following: true };
  });

  // Unfollowing a shop not followed changes nothing: the answer is the same.
  app.delete("/shops/:id/follow", async (request) => {
    const { id } = parse(idParam, request.params);
    await follows.unfollow(userOf(request).id, id);
    return { following: false };
  });

  app.get("/following", async (request) => {
    const list = await follows.following(userOf(request).id);
    return {
      shops: list.map(({ shop, onSale, followedAt }) => ({
        id: shop.id,
        name: shop.name,
        category: shop.category,
        address: shop.address,
        onSale,
        followedAt: followedAt.toISOString(),
      })),
    };
  });

  app.put("/deals/:id/save", async (request) => {
    const { id } = parse(idParam, request.params);
    await follows.save(userOf(request).id, id);
    return { saved: true };
  });

  app.delete("/deals/:id/save", async (request) => {
    const { id } = parse(idParam, request.params);
    await follows.unsave(userOf(request).id, id);
    return { saved: false };
  });

  app.get("/saved", async (request) => {
    const user = userOf(request);
    const says = speaker(user);
    const list = await follows.saved(user.id);
    return { deals: list.map(({ deal, onSale, savedAt }) => ({ ...dealItem(deal, null, says), onSale, endsAtLocal: localEnd(deal, says), savedAt: savedAt.toISOString() })) };
  });
}
