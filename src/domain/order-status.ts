// Where an order is in its life: RESERVED (invoice sent) → PAID, or EXPIRED
// (reservation released); a paid order owes money back (REFUND_DUE) until the
// merchant says it is paid back (REFUNDED).

/** Orders that were paid, including those refunded in part or in full since. */
export const PAID_ONCE = ["PAID", "REFUND_DUE", "REFUNDED"];
