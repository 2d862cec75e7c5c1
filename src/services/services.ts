import type { Repositories } from "../db/repositories.js";
import type { Clock } from "./clock.js";
import { createConsoleService } from "./console.service.js";
import { createDealService } from "./deal.service.js";
import { createExportService } from "./export.service.js";
import { createNearbyService } from "./nearby.service.js";
import { createOperatorService } from "./operator.service.js";
import { createShopService } from "./shop.service.js";
import { createStatsService } from "./stats.service.js";

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
    console: createConsoleService({ ...repos, clock }),
    stats: createStatsService({ stats: repos.stats, offers: repos.offers, clock }),
    operator: createOperatorService({ operator: repos.operator }),
    exports: createExportService({ exports: repos.exports, offers: repos.offers }),
    clock,
  };
}

export type Services = ReturnType<typeof createServices>;
