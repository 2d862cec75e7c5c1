// Every repository the core needs, one per aggregate (and the read models of
// the merchant's numbers and export). The database adapter returns this.
import type { DealRepository } from "./deal.port.js";
import type { EventRepository } from "./event.port.js";
import type { ExportQueries } from "./export.port.js";
import type { FollowRepository, ReminderRepository, SavedDealRepository } from "./follow.port.js";
import type { FormRepository } from "./form.port.js";
import type { GroupRepository, GroupVoteRepository } from "./group-vote.port.js";
import type { JobLeaseRepository } from "./job-lease.port.js";
import type { OrderRepository, RedeemConfirmationRepository } from "./order.port.js";
import type { PushRepository } from "./push.port.js";
import type { ReferralRepository } from "./referral.port.js";
import type { ReviewRepository } from "./review.port.js";
import type { SearchRepository } from "./search.port.js";
import type { ModelAnswerRepository, RateLimitRepository, TakenUpdateRepository } from "./shared-state.port.js";
import type { ShareRepository } from "./share.port.js";
import type { ShopRepository } from "./shop.port.js";
import type { StaffRepository } from "./staff.port.js";
import type { StatsQueries } from "./stats.port.js";
import type { SubscriptionRepository } from "./subscription.port.js";
import type { DailySummaryRepository } from "./summary.port.js";
import type { UserRepository } from "./user.port.js";

export interface Repositories {
  users: UserRepository;
  shops: ShopRepository;
  staff: StaffRepository;
  deals: DealRepository;
  events: EventRepository;
  forms: FormRepository;
  searches: SearchRepository;
  subscriptions: SubscriptionRepository;
  pushes: PushRepository;
  summaries: DailySummaryRepository;
  stats: StatsQueries;
  exports: ExportQueries;
  jobLeases: JobLeaseRepository;
  orders: OrderRepository;
  redeemConfirmations: RedeemConfirmationRepository;
  reviews: ReviewRepository;
  rateLimits: RateLimitRepository;
  modelAnswers: ModelAnswerRepository;
  takenUpdates: TakenUpdateRepository;
  shares: ShareRepository;
  referrals: ReferralRepository;
  follows: FollowRepository;
  savedDeals: SavedDealRepository;
  reminders: ReminderRepository;
  groups: GroupRepository;
  groupVotes: GroupVoteRepository;
}
