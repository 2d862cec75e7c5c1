// Prisma rows as the core's domain types. The database keeps statuses and
// refund policies as plain strings (SQLite has no enums), written only from
// the typed lifecycles, so reading them back narrows the type and nothing else.
import type { Deal, DealWithShop } from "../domain/deal.js";
import type { Order, Voucher } from "../domain/order.js";
import type { PushToSend, PushWithPlaces } from "../domain/push.js";
import type { Shop } from "../domain/shop.js";
import type * as Row from "../generated/prisma/client.js";

export const toShop = (row: Row.Shop): Shop => row as Shop;
export const toDeal = (row: Row.Deal): Deal => row as Deal;
export const toDealWithShop = (row: Row.Deal & { shop: Row.Shop }): DealWithShop => row as DealWithShop;
export const toOrder = (row: Row.Order): Order => row as Order;
export const toVoucher = (row: Row.Voucher): Voucher => row as Voucher;
export const toPushWithPlaces = (row: Row.Push & { items: { subscriptionId: number | null }[] }): PushWithPlaces => row as PushWithPlaces;

type PushRowToSend = Row.Push & {
  user: PushToSend["user"];
  items: (Omit<PushToSend["items"][number], "deal"> & { deal: Row.Deal & { shop: Row.Shop } })[];
};
export const toPushToSend = (row: PushRowToSend): PushToSend => row as PushToSend;
