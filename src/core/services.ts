import { GROUP_POSTS, PREPARED_SHARES } from "../domain/rate-limit.js";
import { createRateLimiter } from "./rate-limit.service.js";
import type { Repositories } from "./ports/repositories.js";
import type { LanguageModel } from "./ports/language-model.port.js";
import type { CheckoutMessages } from "./ports/messaging.port.js";
import type { ReminderMessaging } from "./ports/reminder-messaging.port.js";
import { createAttribution } from "./attribution.service.js";
import { createBrowseService } from "./browse.service.js";
import type { Clock } from "../util/clock.js";
import { createConsoleService } from "./console.service.js";
import { createDealService } from "./deal.service.js";
import { createCheckoutService } from "./checkout.service.js";
import { createExportService } from "./export.service.js";
import { createNearbyService } from "./nearby.service.js";
import { createOperatorService } from "./operator.service.js";
import { createReportService } from "./report.service.js";
import { createSearchService } from "./search.service.js";
import { createShareService } from "./share.service.js";
import { createShopService } from "./shop.service.js";
import { createStatsService } from "./stats.service.js";
import { createVoucherService } from "./voucher.service.js";
import { createUnderstandingService } from "./understanding.service.js";
import { createSubscriptionService } from "./subscription.service.js";
import { createFollowService } from "./follow.service.js";
import { createReminderService } from "./reminder.service.js";
import { createSharedStateService } from "./shared-state.service.js";
import { createReviewService } from "./review.service.js";
import { createReferralService } from "./referral.service.js";
import type { ReviewMessages, ReviewPhotoStore } from "./ports/review.port.js";
import type { GroupVoteMessaging } from "./ports/group-vote.port.js";
import { createGroupVoteService } from "./group-vote.service.js";

/** A vote's end for cores that never run one (tools, tests of other things): nothing is posted. */
const NO_GROUP_VOTE_MESSAGES: GroupVoteMessaging = {
  stopPoll: async () => ({ gone: true }),
  announceWinner: async () => undefined,
  announceNoVotes: async () => undefined,
};

/** Review messages for cores that never send them (tools, tests of other things). */
const NO_REVIEW_MESSAGES: ReviewMessages = {
  askForReview: async () => "failed",
  newReview: async () => undefined,
  reviewHidden: async () => undefined,
  replied: async () => undefined,
};

/** Cores with no Telegram behind them cannot store an uploaded photo. */
const NO_PHOTO_STORE: ReviewPhotoStore = { store: async () => null };

export interface ServiceOptions {
  clock: Clock;
  /** What the core says to users outside an update (vouchers, notices). */
  messaging: CheckoutMessages;
  /** The currency of shops whose pin names none (DEFAULT_CURRENCY). */
  currency: string;
  needsApproval: boolean;
  /** How long an unpaid invoice holds its units. */
  reservationMinutes?: number;
  /** Reads plain words; without one, the built-in parser does. */
  languageModel?: LanguageModel;
  /** Model requests one user may make per hour; beyond, the built-in parser answers. */
  modelRequestsPerHour?: number;
  /** What the core says about reviews (the prompt, the owner's notice, a hidden review). */
  reviewMessages?: ReviewMessages;
  /** Where photos uploaded with a review are stored. */
  reviewPhotos?: ReviewPhotoStore;
  /** Hours after a redemption before its holder is asked for a review. */
  reviewPromptHours?: number;
  /** How reminders reach users (the scheduled reminders need it). */
  reminderMessaging?: ReminderMessaging;
  /** How a group's vote ends in the group: the poll stopped, the winner posted. */
  groupVoteMessaging?: GroupVoteMessaging;
  /** A referral reward that could not be given or delivered (the redemption stands); the console by default. */
  onRewardFailed?: (error: unknown, voucherId: number) => void;
}

const reportRewardFailed = (error: unknown, voucherId: number) =>
  console.error(`the referral reward for voucher ${voucherId} could not be given:`, error);

export function createServices(
  repos: Repositories,
  {
    clock,
    messaging,
    currency,
    needsApproval,
    reservationMinutes = 15,
    languageModel,
    modelRequestsPerHour = 30,
    reminderMessaging,
    reviewMessages = NO_REVIEW_MESSAGES,
    reviewPhotos = NO_PHOTO_STORE,
    reviewPromptHours = 3,
    groupVoteMessaging = NO_GROUP_VOTE_MESSAGES,
    onRewardFailed = reportRewardFailed,
  }: ServiceOptions,
) {
  // Lapsed holds give their units back before any read of stock (see order.repository).
  const releaseLapsed = (now: Date, dealId?: number) => repos.orders.releaseLapsed(now, dealId);
  const nearby = createNearbyService({ deals: repos.deals, clock, releaseLapsed });
  const attribution = createAttribution({ pushes: repos.pushes, shares: repos.shares });
  const understanding = createUnderstandingService({
    model: languageModel,
    clock,
    requestsPerHour: modelRequestsPerHour,
    limits: repos.rateLimits,
    answers: repos.modelAnswers,
  });
  const merchantConsole = createConsoleService({
    shops: repos.shops,
    deals: repos.deals,
    staff: repos.staff,
    summaries: repos.summaries,
    releaseLapsed,
    clock,
  });
  const stats = createStatsService({ stats: repos.stats, deals: repos.deals, reviews: repos.reviews, follows: repos.follows, clock });
  const exports = createExportService({ exports: repos.exports, deals: repos.deals, reviews: repos.reviews, clock });
  const search = createSearchService({ searches: repos.searches, nearby, understanding, clock });
  const deals = createDealService({ deals: repos.deals, shops: repos.shops, events: repos.events, orders: repos.orders, attribution, releaseLapsed, clock });
  // One group's ~20 messages a minute, whoever posts them (lists, polls, a vote's winner).
  const groupPosts = createRateLimiter({ limits: repos.rateLimits, clock }, "groups", GROUP_POSTS);
  const referrals = createReferralService({
    referrals: repos.referrals,
    deals: repos.deals,
    orders: repos.orders,
    owned: merchantConsole,
    messaging,
    clock,
    onFailure: onRewardFailed,
  });
  const browse = createBrowseService({ users: repos.users, events: repos.events, deals: repos.deals, nearby, search, understanding, clock });
  return {
    users: repos.users,
    forms: repos.forms,
    shops: createShopService({ shops: repos.shops, needsApproval, defaultCurrency: currency }),
    deals,
    nearby,
    understanding,
    search,
    browse,
    shares: createShareService({
      browse,
      deals,
      shares: repos.shares,
      events: repos.events,
      preparations: createRateLimiter({ limits: repos.rateLimits, clock }, "shares", PREPARED_SHARES),
      clock,
    }),
    checkout: createCheckoutService({ deals: repos.deals, orders: repos.orders, attribution, messaging, clock, reservationMinutes }),
    vouchers: createVoucherService({
      orders: repos.orders,
      shops: repos.shops,
      confirmations: repos.redeemConfirmations,
      limits: repos.rateLimits,
      messaging,
      referrals,
      clock,
    }),
    referrals,
    console: merchantConsole,
    stats,
    operator: createOperatorService({ shops: repos.shops }),
    exports,
    reports: createReportService({ owned: merchantConsole, stats, exports }),
    subscriptions: createSubscriptionService({
      subscriptions: repos.subscriptions,
      follows: repos.follows,
      pushes: repos.pushes,
      users: repos.users,
      clock,
    }),
    follows: createFollowService({ follows: repos.follows, savedDeals: repos.savedDeals, shops: repos.shops, deals: repos.deals, clock }),
    reminders: createReminderService({ reminders: repos.reminders, users: repos.users, messaging: reminderMessaging, clock }),
    groupPosts,
    groupVotes: createGroupVoteService({
      groups: repos.groups,
      votes: repos.groupVotes,
      nearby,
      deals: repos.deals,
      groupPosts,
      messaging: groupVoteMessaging,
      clock,
    }),
    sharedState: createSharedStateService({
      takenUpdates: repos.takenUpdates,
      modelAnswers: repos.modelAnswers,
      rateLimits: repos.rateLimits,
      clock,
    }),
    reviews: createReviewService({
      reviews: repos.reviews,
      shops: repos.shops,
      messages: reviewMessages,
      photoStore: reviewPhotos,
      clock,
      promptDelayHours: reviewPromptHours,
    }),
    clock,
  };
}

export type Services = ReturnType<typeof createServices>;
