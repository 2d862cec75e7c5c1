import type { Db } from "./client.js";
import { createDealRepository } from "./deal.repository.js";
import { createEventRepository } from "./event.repository.js";
import { createExportRepository } from "./export.repository.js";
import { createFormRepository } from "./form.repository.js";
import { createJobLeaseRepository } from "./job-lease.repository.js";
import { createPushRepository } from "./push.repository.js";
import { createRedeemConfirmationRepository } from "./redeem-confirmation.repository.js";
import { createSubscriptionRepository } from "./subscription.repository.js";
import { createOrderRepository } from "./order.repository.js";
import { createSearchRepository } from "./search.repository.js";
import { createOfferRepository } from "./offer.repository.js";
import { createOperatorRepository } from "./operator.repository.js";
import { createShopDetailsRepository } from "./shop-details.repository.js";
import { createShopRepository } from "./shop.repository.js";
import { createStaffRepository } from "./staff.repository.js";
import { createStatsRepository } from "./stats.repository.js";
import { createSummaryRepository } from "./summary.repository.js";
import { createUserRepository } from "./user.repository.js";

export function createRepositories(db: Db) {
  return {
    users: createUserRepository(db),
    shops: createShopRepository(db),
    deals: createDealRepository(db),
    events: createEventRepository(db),
    forms: createFormRepository(db),
    orders: createOrderRepository(db),
    redeemConfirmations: createRedeemConfirmationRepository(db),
    searches: createSearchRepository(db),
    offers: createOfferRepository(db),
    stats: createStatsRepository(db),
    staff: createStaffRepository(db),
    operator: createOperatorRepository(db),
    summaries: createSummaryRepository(db),
    shopDetails: createShopDetailsRepository(db),
    exports: createExportRepository(db),
    subscriptions: createSubscriptionRepository(db),
    pushes: createPushRepository(db),
    jobLeases: createJobLeaseRepository(db),
  };
}

export type Repositories = ReturnType<typeof createRepositories>;
