import type { Db } from "./client.js";
import { createDealRepository } from "./deal.repository.js";
import { createEventRepository } from "./event.repository.js";
import { createFormRepository } from "./form.repository.js";
import { createJobLeaseRepository } from "./job-lease.repository.js";
import { createPushRepository } from "./push.repository.js";
import { createShopRepository } from "./shop.repository.js";
import { createSubscriptionRepository } from "./subscription.repository.js";
import { createUserRepository } from "./user.repository.js";

export function createRepositories(db: Db) {
  return {
    users: createUserRepository(db),
    shops: createShopRepository(db),
    deals: createDealRepository(db),
    events: createEventRepository(db),
    forms: createFormRepository(db),
    subscriptions: createSubscriptionRepository(db),
    pushes: createPushRepository(db),
    jobLeases: createJobLeaseRepository(db),
  };
}

export type Repositories = ReturnType<typeof createRepositories>;
