// The API's errors: one shape, `{ error: { code, field? } }`, whose code the
// app translates (the domain's codes are the bot's `error-<code>` messages).
import type { FastifyError, FastifyInstance } from "fastify";
import type { z } from "zod";
import { DomainError, type DomainErrorCode } from "../../domain/errors.js";
import type { Logger } from "../../logger.js";

/**
 * `invoice-refused`: Telegram would not make the invoice (502); the units went back on sale.
 * `share-refused`: Telegram would not prepare the share (502); the app shares through inline mode instead.
 */
export type ApiErrorCode = DomainErrorCode | "bad-request" | "unauthorized" | "not-found" | "invoice-refused" | "share-refused";

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ApiErrorCode,
    readonly field?: string,
  ) {
    super(code);
  }
}

/**
 * Someone else's voucher, offer or shop answers exactly like one that does
 * not exist: 404, so ids cannot be probed. Not being a merchant is 403.
 */
const STATUS_OF: Partial<Record<DomainErrorCode, number>> = {
  "deal-not-found": 404,
  "voucher-not-found": 404,
  "code-unknown": 404,
  "redeem-confirmation-invalid": 404,
  "order-unknown": 404,
  "shop-not-found": 404,
  "review-not-found": 404,
  "not-your-deal": 404,
  "not-a-merchant": 403,
  "not-a-redeemer": 403,
  "staff-not-owner": 403,
  "redeem-shop-suspended": 403,
  "shop-pending": 403,
  // Bad input the domain names in words (the length, the number allowed): 400 with its message.
  "too-long": 400,
  "out-of-range": 400,
  "review-too-many-photos": 400,
  "review-photo-refused": 400,
  // Telegram would not store a review's photo: nothing was written.
  "review-photo-failed": 502,
  "code-malformed": 400,
  "code-typo": 400,
  "quantity-invalid": 400,
  "bad-coordinates": 400,
  "redeem-rate-limited": 429,
  "share-rate-limited": 429,
};

/** Validates input, naming the first field that is wrong. */
export function parse<T extends z.ZodType>(schema: T, value: unknown): z.infer<T> {
  const result = schema.safeParse(value ?? {});
  if (result.success) return result.data;
  const field = result.error.issues[0]?.path[0];
  throw new ApiError(400, "bad-request", field === undefined ? undefined : String(field));
}

export function handleApiErrors(app: FastifyInstance, logger: Logger): void {
  app.setErrorHandler((error: FastifyError | ApiError | DomainError, request, reply) => {
    if (error instanceof ApiError) {
      return reply.code(error.status).send({ error: { code: error.code, ...(error.field && { field: error.field }) } });
    }
    if (error instanceof DomainError) {
      // The message's variables ("at most {$max}"), for the app to fill in.
      const params = Object.keys(error.params).length > 0 ? { params: error.params } : {};
      return reply.code(STATUS_OF[error.code] ?? 409).send({ error: { code: error.code, ...params } });
    }
    // Fastify's own refusals (a body that is not JSON, too large).
    if ("statusCode" in error && error.statusCode !== undefined && error.statusCode < 500) {
      return reply.code(error.statusCode).send({ error: { code: "bad-request", field: "body" } });
    }
    logger.error({ err: error, url: request.url }, "Mini App API request failed");
    return reply.code(500).send({ error: { code: "internal" } });
  });
  app.setNotFoundHandler((_request, reply) => reply.code(404).send({ error: { code: "not-found" } }));
}
