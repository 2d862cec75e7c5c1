// Reminders of saved deals and of vouchers about to expire (see the port).
// Each claim is one conditional write: the row is marked reminded only if it
// was not, so two processes (or a run repeated) never send one twice.
import type { ReminderRepository } from "../core/ports/follow.port.js";
import { DealStatus, VoucherStatus } from "../domain/lifecycles.js";
import { statusSql } from "./status-sql.js";
import type { Db } from "./client.js";
import { toDealWithShop } from "./rows.js";

const lastSeen = { select: { lastLat: true, lastLng: true } } as const;

export function createReminderRepository(db: Db): ReminderRepository {
  return {
    async savedDue(now, endingBefore, fewLeft, fewShare) {
      // The share is compared in SQL as stockLeft <= quantity × share. Cast, or
      // PostgreSQL types the parameter as the integer column it multiplies
      // and refuses "0.1".
      const few = await db.$queryRaw<{ userId: number | bigint; dealId: number }[]>`
        SELECT s."userId", s."dealId" FROM "SavedDeal" s JOIN "Deal" d ON d."id" = s."dealId" JOIN "User" u ON u."id" = s."userId"
        WHERE s."remindedAt" IS NULL AND u."blockedAt" IS NULL
          AND d."status" = ${statusSql(DealStatus.ACTIVE)} AND d."stockLeft" > 0 AND d."startsAt" <= ${now} AND d."endsAt" > ${now}
          AND (d."endsAt" <= ${endingBefore} OR d."stockLeft" <= ${fewLeft} OR d."stockLeft" <= d."quantity" * CAST(${fewShare} AS DOUBLE PRECISION))`;
      if (few.length === 0) return [];
      const rows = await db.savedDeal.findMany({
        where: { OR: few.map((r) => ({ userId: BigInt(r.userId), dealId: r.dealId })) },
        include: { user: lastSeen, deal: { include: { shop: true } } },
        orderBy: [{ userId: "asc" }, { dealId: "asc" }],
      });
      return rows.map((r) => ({ userId: r.userId, user: r.user, deal: toDealWithShop(r.deal) }));
    },
    async claimSaved(userId, dealId, at) {
      const { count } = await db.savedDeal.updateMany({ where: { userId, dealId, remindedAt: null }, data: { remindedAt: at } });
      return count === 1;
    },
    async vouchersDue(now, until) {
      const rows = await db.voucher.findMany({
        where: {
          status: VoucherStatus.ACTIVE,
          remindedAt: null,
          expiresAt: { gt: now, lte: until },
          holder: { blockedAt: null, voucherRemindersOffAt: null },
        },
        include: { holder: lastSeen, deal: { include: { shop: true } } },
        orderBy: [{ holderId: "asc" }, { expiresAt: "asc" }, { id: "asc" }],
      });
      return rows.map((r) => ({
        id: r.id,
        code: r.code,
        status: r.status,
        expiresAt: r.expiresAt,
        holderId: r.holderId,
        holder: r.holder,
        deal: toDealWithShop(r.deal),
      }));
    },
    async claimVouchers(ids, at) {
      return db.$transaction(async (tx) => {
        const claimed: number[] = [];
        for (const id of ids) {
          const { count } = await tx.voucher.updateMany({ where: { id, remindedAt: null, status: VoucherStatus.ACTIVE }, data: { remindedAt: at } });
          if (count === 1) claimed.push(id);
        }
        return claimed;
      });
    },
    async setVoucherRemindersOff(userId, at) {
      await db.user.update({ where: { id: userId }, data: { voucherRemindersOffAt: at } });
    },
  };
}
