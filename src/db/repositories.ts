import type { Repositories } from "../core/ports/repositories.js";
import type { Db } from "./client.js";
import { createDealRepository } from "./deal.repository.js";
import { createEventRepository } from "./event.repository.js";
import { createExportQueries } from "./export.queries.js";
import { createFollowRepository, createSavedDealRepository } from "./follow.repository.js";
import { createFormRepository } from "./form.repository.js";
import { createGroupRepository, createGroupVoteRepository } from "./group-vote.repository.js";
import { createReminderRepository } from "./reminder.repository.js";
import { createJobLeaseRepository } from "./job-lease.repository.js";
import { createPushRepository } from "./push.repository.js";
import { createReferralRepository } from "./referral.repository.js";
import { createReviewRepository } from "./review.repository.js";
import { createRedeemConfirmationRepository } from "./redeem-confirmation.repository.js";
import { createSubscriptionRepository } from "./subscription.repository.js";
import { createOrderRepository } from "./order.repository.js";
import { createSearchRepository } from "./search.repository.js";
import { createModelAnswerRepository, createRateLimitRepository, createTakenUpdateRepository } from "./shared-state.repository.js";
import { createShareRepository } from "./share.repository.js";
import { createShopRepository } from "./shop.repository.js";
import { createStaffRepository } from "./staff.repository.js";
import { createStatsQueries } from "./stats.queries.js";
import { createSummaryRepository } from "./summary.repository.js";
import { createUserRepository } from "./user.repository.js";

export interface RepositoryOptions {
  /** Impressions queued for writing that the database refused (see EventRepository.recordSoon). */
  onEventsLost?: (error: unknown, events: number) => void;
}

export function createRepositories(db: Db, { onEventsLost }: RepositoryOptions = {}): Repositories {
  const events = createEventRepository(db, { onLost: onEventsLost });
  return {
    users: createUserRepository(db),
    shops: createShopRepository(db),
    staff: createStaffRepository(db),
    deals: createDealRepository(db),
    events,
    forms: createFormRepository(db),
    searches: createSearchRepository(db),
    subscriptions: createSubscriptionRepository(db),
    pushes: createPushRepository(db),
    summaries: createSummaryRepository(db),
    stats: createStatsQueries(db, { events }),
    exports: createExportQueries(db),
    jobLeases: createJobLeaseRepository(db),
    orders: createOrderRepository(db),
    redeemConfirmations: createRedeemConfirmationRepository(db),
    reviews: createReviewRepository(db),
    rateLimits: createRateLimitRepository(db),
    modelAnswers: createModelAnswerRepository(db),
    takenUpdates: createTakenUpdateRepository(db),
    shares: createShareRepository(db),
    referrals: createReferralRepository(db),
    follows: createFollowRepository(db),
    savedDeals: createSavedDealRepository(db),
    reminders: createReminderRepository(db),
    groups: createGroupRepository(db),
    groupVotes: createGroupVoteRepository(db),
  };
}
