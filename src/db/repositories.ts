import type { Db } from "./client.js";
import { createDealRepository } from "./deal.repository.js";
import { createEventRepository } from "./event.repository.js";
import { createFormRepository } from "./form.repository.js";
import { createOrderRepository } from "./order.repository.js";
import { createSearchRepository } from "./search.repository.js";
import { createShopRepository } from "./shop.repository.js";
import { createUserRepository } from "./user.repository.js";

export function createRepositories(db: Db) {
  return {
    users: createUserRepository(db),
    shops: createShopRepository(db),
    deals: createDealRepository(db),
    events: createEventRepository(db),
    forms: createFormRepository(db),
    orders: createOrderRepository(db),
    searches: createSearchRepository(db),
  };
}

export type Repositories = ReturnType<typeof createRepositories>;
