// Raw queries name statuses too. They are written into the SQL as literals, the
// text a hand-written query would have (the planner sees the same statement),
// but taken from the lifecycles so the compiler checks them like every other
// status. Only those constants reach here: nothing a user typed.
import type { DealStatus, OrderStatus, PushStatus, ShopStatus, VoucherStatus } from "../domain/lifecycles.js";
import { Prisma } from "../generated/prisma/client.js";

type Status = OrderStatus | VoucherStatus | DealStatus | ShopStatus | PushStatus;

/** `'A'`, or `'A', 'B'` for an IN list. */
export function statusSql(...statuses: Status[]): Prisma.Sql {
  return Prisma.raw(statuses.map((s) => `'${s}'`).join(", "));
}
