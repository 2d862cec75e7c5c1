// Prisma rows as the core's domain types. The database keeps statuses and
// refund policies as plain strings (SQLite has no enums), written only from
// the typed lifecycles, so reading them back narrows the type and nothing else.
import type { Deal, DealWithShop } from "../domain/deal.js";
import type { Push } from "../domain/push.js";
import type { Shop } from "../domain/shop.js";
import type * as Row from "../generated/prisma/client.js";

export const toShop = (row: Row.Shop): Shop => row as Shop;
export const toDeal = (row: Row.Deal): Deal => row as Deal;
export const toDealWithShop = (row: Row.Deal & { shop: Row.Shop }): DealWithShop => row as DealWithShop;
export const toPush = <T extends Row.Push>(row: T): T & Push => row as T & Push;
