// Where each record is in its life. The database keeps these as plain strings
// (SQLite has no enums), so they are named here once: a status is written as
// `OrderStatus.PAID`, and a typo, or one lifecycle's PENDING used for
// another's, fails the compiler instead of a query.

/** The statuses of one lifecycle by name, each naming itself. */
function byName<const T extends readonly string[]>(statuses: T): { readonly [S in T[number]]: S } {
  return Object.fromEntries(statuses.map((s) => [s, s])) as { readonly [S in T[number]]: S };
}

/** Whether a status read from the database is one of a group. */
export function isOneOf<S extends string>(status: string, group: readonly S[]): status is S {
  return (group as readonly string[]).includes(status);
}

// An order: RESERVED (invoice sent) → PAID, or EXPIRED (reservation released);
// a paid order owes money back (REFUND_DUE) until the merchant says it is paid
// back (REFUNDED).
export const ORDER_STATUSES = ["RESERVED", "PAID", "EXPIRED", "REFUND_DUE", "REFUNDED"] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];
export const OrderStatus = byName(ORDER_STATUSES);

/** Orders that were paid, including those refunded in part or in full since. */
export const PAID_ONCE: OrderStatus[] = ["PAID", "REFUND_DUE", "REFUNDED"];

// A voucher: PENDING while its group deal has not reached its minimum, then
// ACTIVE until it is REDEEMED, EXPIRED or REFUNDED.
export const VOUCHER_STATUSES = ["PENDING", "ACTIVE", "REDEEMED", "EXPIRED", "REFUNDED"] as const;
export type VoucherStatus = (typeof VOUCHER_STATUSES)[number];
export const VoucherStatus = byName(VOUCHER_STATUSES);

/** Vouchers bought and not used yet: what a refund can void. */
export const UNUSED: VoucherStatus[] = ["PENDING", "ACTIVE"];

// An offer: ACTIVE (on sale) or PAUSED by its merchant, SUSPENDED with its
// shop, ENDED for good.
export const DEAL_STATUSES = ["ACTIVE", "PAUSED", "ENDED", "SUSPENDED"] as const;
export type DealStatus = (typeof DEAL_STATUSES)[number];
export const DealStatus = byName(DEAL_STATUSES);

// A shop: PENDING until an operator APPROVED or REJECTED it (a rejected shop
// may resubmit); an approved shop can be SUSPENDED and reinstated.
export const SHOP_STATUSES = ["PENDING", "APPROVED", "REJECTED", "SUSPENDED"] as const;
export type ShopStatus = (typeof SHOP_STATUSES)[number];
export const ShopStatus = byName(SHOP_STATUSES);

// A digest in the push outbox: PENDING (planned), SENDING just before the
// request, SENT after it; UNCONFIRMED when a restart found it SENDING (it may
// have arrived). BLOCKED, FAILED and CANCELLED were never sent.
export const PUSH_STATUSES = ["PENDING", "SENDING", "SENT", "BLOCKED", "FAILED", "CANCELLED", "UNCONFIRMED"] as const;
export type PushStatus = (typeof PUSH_STATUSES)[number];
export const PushStatus = byName(PUSH_STATUSES);

/** Digests that left the outbox, or may have: their buttons exist in the chat. */
export const LEFT_OUTBOX: PushStatus[] = ["SENDING", "SENT", "UNCONFIRMED"];
/** Digests that count toward the daily maximum and block a second digest. */
export const LIVE_PUSH: PushStatus[] = ["PENDING", ...LEFT_OUTBOX];
