import type { Repositories } from "../db/repositories.js";
import type { Clock } from "./clock.js";
import { createDealService } from "./deal.service.js";
import { createCheckoutService } from "./checkout.service.js";
import { createNearbyService } from "./nearby.service.js";
import { createShopService } from "./shop.service.js";
import { createVoucherService } from "./voucher.service.js";

export interface ServiceOptions {
  clock: Clock;
  currency: string;
  needsApproval: boolean;
  /** How long an unpaid invoice holds its units. */
  reservationMinutes?: number;
}

export function createServices(repos: Repositories, { clock, currency, needsApproval, reservationMinutes = 15 }: ServiceOptions) {
  return {
    users: repos.users,
    forms: repos.forms,
    shops: createShopService({ shops: repos.shops, needsApproval }),
    deals: createDealService({ deals: repos.deals, shops: repos.shops, events: repos.events, clock, currency }),
    nearby: createNearbyService({ deals: repos.deals, clock }),
    checkout: createCheckoutService({ deals: repos.deals, orders: repos.orders, clock, reservationMinutes }),
    vouchers: createVoucherService({ orders: repos.orders, shops: repos.shops, clock }),
    clock,
  };
}

export type Services = ReturnType<typeof createServices>;
