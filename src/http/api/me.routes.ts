// Who the user is, where they last were, and the shops they run.
import type { FastifyInstance } from "fastify";
import type { BrowseService } from "../../core/browse.service.js";
import type { ShopService } from "../../core/shop.service.js";
import { userOf } from "./auth.js";
import type { SpeakerOf } from "./present.js";

export function meRoutes(app: FastifyInstance, { browse, shops, speaker }: { browse: BrowseService; shops: ShopService; speaker: SpeakerOf }) {
  app.get("/me", async (request) => {
    const user = userOf(request);
    const linked = await shops.linkedTo(user.id);
    return {
      // A string: Telegram's ids may outgrow JavaScript's safe integers.
      user: { id: String(user.id), firstName: user.firstName, locale: speaker(user).locale },
      location: browse.lastLocation(user),
      shops: linked.map(({ shop, role }) => ({ id: shop.id, name: shop.name, role })),
    };
  });
}
