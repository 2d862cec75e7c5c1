// A deal's photos, streamed from Telegram (the app never sees a file id or
// the token), kept a while: a list shows the same photos to everyone.
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import type { DealService } from "../../core/deal.service.js";
import type { ReviewService } from "../../core/review.service.js";
import type { FetchedFile, FileFetcher } from "../../bot/files.js";
import { createRecentCache } from "../../util/recent-cache.js";
import type { Clock } from "../../util/clock.js";
import { ApiError, parse } from "./api-error.js";
import { userOf } from "./auth.js";
import { REVIEW_PHOTOS_MAX } from "../../domain/review.js";

const HOUR_MS = 3_600_000;
const reviewParams = z.object({ reviewId: z.coerce.number().int().positive().max(2 ** 31 - 1), n: z.coerce.number().int().min(0).max(REVIEW_PHOTOS_MAX - 1) });
const params = z.object({ dealId: z.coerce.number().int().positive().max(2 ** 31 - 1), n: z.coerce.number().int().min(0).max(9) });

export function photoRoutes(
  app: FastifyInstance,
  { deals, reviews, fetchFile, clock }: { deals: DealService; reviews: Pick<ReviewService, "photos">; fetchFile: FileFetcher; clock: Clock },
) {
  const cache = createRecentCache<FetchedFile>({ ttlMs: HOUR_MS, max: 200, clock });

  async function photo(fileId: string): Promise<FetchedFile> {
    const cached = cache.get(fileId);
    if (cached) return cached;
    const fetched = await fetchFile(fileId);
    cache.set(fileId, fetched);
    return fetched;
  }

  app.get("/photos/:dealId/:n", async (request, reply) => {
    userOf(request);
    const { dealId, n } = parse(params, request.params);
    const deal = await deals.find(dealId);
    // A deal has one photo today; the index leaves room for more.
    if (!deal.photoFileId || n !== 0) throw new ApiError(404, "not-found");
    const { bytes, contentType } = await photo(deal.photoFileId);
    return reply.type(contentType).header("cache-control", "private, max-age=86400").send(bytes);
  });

  /** A visible review's photos (up to 3); a hidden review's are gone with it. */
  app.get("/photos/review/:reviewId/:n", async (request, reply) => {
    userOf(request);
    const { reviewId, n } = parse(reviewParams, request.params);
    const fileId = (await reviews.photos(reviewId))[n];
    if (!fileId) throw new ApiError(404, "not-found");
    const { bytes, contentType } = await photo(fileId);
    return reply.type(contentType).header("cache-control", "private, max-age=86400").send(bytes);
  });
}
