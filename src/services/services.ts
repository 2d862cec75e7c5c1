import type { Repositories } from "../db/repositories.js";
import type { Clock } from "./clock.js";
import { createDealService } from "./deal.service.js";
import { createNearbyService } from "./nearby.service.js";
import { createShopService } from "./shop.service.js";
import { createSubscriptionService } from "./subscription.service.js";

export interface ServiceOptions {
  clock: Clock;
  currency: string;
  needsApproval: boolean;
}

export function createServices(repos: Repositories, { clock, currency, needsApproval }: ServiceOptions) {
  return {
    users: repos.users,
    forms: repos.forms,
    shops: createShopService({ shops: repos.shops, needsApproval }),
    deals: createDealService({ deals: repos.deals, shops: repos.shops, events: repos.events, clock, currency }),
    nearby: createNearbyService({ deals: repos.deals, clock }),
    subscriptions: createSubscriptionService({
      subscriptions: repos.subscriptions,
      pushes: repos.pushes,
      users: repos.users,
      clock,
    }),
    clock,
  };
}

export type Services = ReturnType<typeof createServices>;
