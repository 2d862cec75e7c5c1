// The Mini App's JSON API under /api: Telegram's launch data names the user,
// zod checks the input, and each route calls the use case the bot calls.
import type { FastifyInstance } from "fastify";
import type { Services } from "../../core/services.js";
import type { User } from "../../domain/user.js";
import { createI18n, translatorFor, userLocale } from "../../bot/i18n.js";
import type { Logger } from "../../logger.js";
import type { Clock } from "../../util/clock.js";
import { handleApiErrors } from "./api-error.js";
import { authenticate } from "./auth.js";
import { dealRoutes } from "./deals.routes.js";
import { checkoutRoutes } from "./checkout.routes.js";
import { voucherRoutes } from "./vouchers.routes.js";
import { redeemRoutes } from "./redeem.routes.js";
import { merchantRoutes } from "./merchant.routes.js";
import { photoRoutes } from "./photos.routes.js";
import { reviewRoutes } from "./reviews.routes.js";
import type { FileFetcher } from "../../bot/files.js";
import type { InvoiceLinks } from "../../bot/features/checkout/invoice.js";
import type { PreparedShares } from "../../bot/features/prepared-share.js";
import { shareRoutes } from "./share.routes.js";
import { i18nRoutes } from "./i18n.routes.js";
import { meRoutes } from "./me.routes.js";
import { followRoutes } from "./follow.routes.js";
import type { Speaker } from "./present.js";

export interface MiniAppApiOptions {
  services: Pick<Services, "users" | "browse" | "deals" | "shops" | "checkout" | "vouchers" | "console" | "reports" | "follows" | "reviews" | "shares">;
  /** Absent when payments are not set up: only free deals can be claimed. */
  invoiceLinks?: InvoiceLinks;
  /** Deals prepared for Telegram's share sheet. */
  preparedShares: PreparedShares;
  /** Deal photos from Telegram. */
  fetchFile: FileFetcher;
  /** For the vouchers' QR codes (deep links to the bot). */
  botUsername: () => string;
  /** The launch data is signed with a key derived from it. */
  botToken: string;
  maxAgeSeconds: number;
  clock: Clock;
  logger: Logger;
}

export async function registerMiniAppApi(
  app: FastifyInstance,
  { services, botToken, maxAgeSeconds, clock, logger, invoiceLinks, preparedShares, botUsername, fetchFile }: MiniAppApiOptions,
) {
  const i18n = createI18n();
  const speaker = (user: User): Speaker => {
    const locale = userLocale(user);
    return { locale, t: translatorFor(i18n, locale) };
  };
  await app.register(
    async (api) => {
      handleApiErrors(api, logger);
      // The texts are public: the app needs them before it can say anything.
      i18nRoutes(api);
      await api.register(async (signed) => {
        authenticate(signed, { botToken, maxAgeSeconds, clock, ensure: (profile) => services.users.ensure(profile) });
        // A signed answer is one user's (their codes, their orders): no cache may keep it,
        // unless the route says otherwise (photos).
        signed.addHook("onSend", async (_request, reply) => {
          if (!reply.hasHeader("cache-control")) reply.header("cache-control", "private, no-store");
        });
        meRoutes(signed, { browse: services.browse, shops: services.shops, speaker });
        dealRoutes(signed, { browse: services.browse, deals: services.deals, follows: services.follows, speaker });
        followRoutes(signed, { follows: services.follows, speaker });
        checkoutRoutes(signed, { checkout: services.checkout, invoiceLinks, speaker, logger });
        shareRoutes(signed, { shares: services.shares, preparedShares, speaker, logger });
        voucherRoutes(signed, { vouchers: services.vouchers, reviews: services.reviews, botUsername, speaker });
        redeemRoutes(signed, { vouchers: services.vouchers, clock });
        merchantRoutes(signed, { console: services.console, reports: services.reports, speaker });
        photoRoutes(signed, { deals: services.deals, reviews: services.reviews, fetchFile, clock });
        reviewRoutes(signed, { reviews: services.reviews, follows: services.follows, speaker });
      });
    },
    { prefix: "/api" },
  );
}
