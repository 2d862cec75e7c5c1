// What several bot instances behind a load balancer must agree on beyond the
// core's own records: which webhook updates were taken in, and the tidying of
// the shared tables (rate limits, the model's recent answers) that keeps them
// small.
import type { ModelAnswerRepository, RateLimitRepository, TakenUpdateRepository } from "./ports/shared-state.port.js";
import { MODEL_ANSWER_TTL_MS } from "./understanding.service.js";
import type { Clock } from "../util/clock.js";

const HOUR_MS = 3_600_000;
/** Telegram gives up on an update after about a day: far longer than it sends one again. */
export const TAKEN_UPDATE_MEMORY_MS = 24 * HOUR_MS;
/** Longer than any rate limit's window (the model's hour): a key unused this long keeps no use. */
const RATE_LIMIT_MEMORY_MS = 24 * HOUR_MS;

export function createSharedStateService({
  takenUpdates,
  modelAnswers,
  rateLimits,
  clock,
}: {
  takenUpdates: TakenUpdateRepository;
  modelAnswers: ModelAnswerRepository;
  rateLimits: RateLimitRepository;
  clock: Clock;
}) {
  return {
    /**
     * Takes a webhook update in; false when any instance took it already
     * (Telegram sent it again after a late answer, maybe to another instance).
     */
    claimUpdate: (updateId: number) => takenUpdates.claim(updateId, clock()),

    /** Scheduled: forgets taken updates, answers and rate-limit keys past their use. */
    async forgetOld(now: Date) {
      const ago = (ms: number) => new Date(now.getTime() - ms);
      return {
        updates: await takenUpdates.forgetBefore(ago(TAKEN_UPDATE_MEMORY_MS)),
        modelAnswers: await modelAnswers.forgetBefore(ago(MODEL_ANSWER_TTL_MS)),
        rateLimitKeys: await rateLimits.forgetBefore(ago(RATE_LIMIT_MEMORY_MS)),
      };
    },
  };
}

export type SharedStateService = ReturnType<typeof createSharedStateService>;
