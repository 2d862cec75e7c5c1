// "On sale" (domain/deal.ts isOnSale) as a WHERE condition, for the queries
// that list offers on sale: the same rule, said once in SQL.
import { DealStatus } from "../domain/lifecycles.js";
import { Prisma } from "../generated/prisma/client.js";
import { statusSql } from "./status-sql.js";

export function onSaleSql(now: Date): Prisma.Sql {
  return Prisma.sql`"status" = ${statusSql(DealStatus.ACTIVE)} AND "stockLeft" > 0 AND "startsAt" <= ${now} AND "endsAt" > ${now}`;
}
