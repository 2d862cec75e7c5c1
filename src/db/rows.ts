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

// Rows read on the reader (see Reader in client.ts) come as arrays of plain
// values: SQLite gives dates as text, big integers as numbers. Each list of
// columns is the order its mapper reads them in.

/** A date as a row gives it (SQLite: ISO text; PostgreSQL: a Date). */
export const dateOf = (value: unknown): Date | null => (value === null ? null : new Date(value as string | number | Date));

export const DEAL_COLUMNS = [
  "id", "shopId", "title", "description", "finePrint", "photoFileId", "currency", "priceMinor", "originalPriceMinor",
  "quantity", "stockLeft", "perPersonLimit", "soldCount", "voucherValidDays", "status", "category", "lat", "lng",
  "cell4", "cell5", "cell6", "startsAt", "endsAt", "createdAt", "updatedAt", "refundPolicy", "minBuyers", "groupReachedAt",
] as const satisfies readonly (keyof Deal)[];

export const SHOP_COLUMNS = [
  "id", "ownerId", "name", "category", "lat", "lng", "address", "openingHours", "photoFileId", "status", "currency", "ratingSum", "ratingCount",
  "createdAt", "updatedAt",
] as const satisfies readonly (keyof Shop)[];

/** Every column of the two tables is read: one added to the schema and not here fails to compile. */
type Unread<R, Read extends readonly string[]> = Exclude<keyof R, Read[number]>;
const EVERY_COLUMN_READ: [Unread<Row.Deal, typeof DEAL_COLUMNS>, Unread<Row.Shop, typeof SHOP_COLUMNS>] extends [never, never] ? true : false = true;
void EVERY_COLUMN_READ;

const DEAL_DATES = new Set<string>(["startsAt", "endsAt", "createdAt", "updatedAt", "groupReachedAt"]);
const SHOP_DATES = new Set<string>(["createdAt", "updatedAt"]);

function fields(columns: readonly string[], dates: Set<string>, row: unknown[], from: number): Record<string, unknown> {
  const record: Record<string, unknown> = {};
  columns.forEach((column, i) => {
    const value = row[from + i];
    record[column] = dates.has(column) ? dateOf(value) : value;
  });
  return record;
}

/** A row of DEAL_COLUMNS, from column `from` on. */
export function dealOf(row: unknown[], from = 0): Deal {
  return fields(DEAL_COLUMNS, DEAL_DATES, row, from) as unknown as Deal;
}

/** A row of DEAL_COLUMNS then SHOP_COLUMNS. */
export function dealWithShopOf(row: unknown[]): DealWithShop {
  const deal = dealOf(row);
  const shop = fields(SHOP_COLUMNS, SHOP_DATES, row, DEAL_COLUMNS.length) as unknown as Shop;
  shop.ownerId = BigInt(shop.ownerId as unknown as number | bigint);
  return { ...deal, shop };
}

/** Every column of an order row, as the client reads it. */
export const ORDER_COLUMNS = [
  "id", "dealId", "buyerId", "quantity", "currency", "unitPriceMinor", "unitOriginalMinor", "title", "totalMinor", "status",
  "source", "reservedUntil", "telegramChargeId", "providerChargeId", "paidAt", "deliveredAt", "refundRequestedAt",
  "refundMinor", "refundedAt", "createdAt", "updatedAt",
] as const satisfies readonly (keyof Row.Order)[];

/** Every column of a voucher row, as the client reads it. */
export const VOUCHER_COLUMNS = [
  "id", "code", "orderId", "dealId", "holderId", "status", "expiresAt", "redeemedAt", "redeemedById", "refundSettledAt",
  "reviewAskedAt", "remindedAt", "createdAt", "updatedAt",
] as const satisfies readonly (keyof Row.Voucher)[];

const ORDER_DATES = new Set<string>(["reservedUntil", "paidAt", "deliveredAt", "refundRequestedAt", "refundedAt", "createdAt", "updatedAt"]);
const VOUCHER_DATES = new Set<string>(["expiresAt", "redeemedAt", "refundSettledAt", "reviewAskedAt", "remindedAt", "createdAt", "updatedAt"]);

/** A big integer as a row gives it (SQLite: a number; PostgreSQL: text). */
const bigintOf = (value: unknown): bigint | null => (value === null ? null : BigInt(value as number | string | bigint));

/** A row of ORDER_COLUMNS, from column `from` on. */
export function orderOf(row: unknown[], from = 0): Order {
  const order = fields(ORDER_COLUMNS, ORDER_DATES, row, from);
  order.buyerId = bigintOf(order.buyerId);
  return order as unknown as Order;
}

/** A row of VOUCHER_COLUMNS. */
export function voucherOf(row: unknown[]): Voucher {
  const voucher = fields(VOUCHER_COLUMNS, VOUCHER_DATES, row, 0);
  voucher.holderId = bigintOf(voucher.holderId);
  voucher.redeemedById = bigintOf(voucher.redeemedById);
  return voucher as unknown as Voucher;
}

