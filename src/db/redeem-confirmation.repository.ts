// Scanned vouchers waiting for the shop's confirmation: a random token bound
// to the user who scanned and the voucher they scanned, for a short while.
import type { RedeemConfirmationRepository } from "../core/ports/order.port.js";
import type { Db } from "./client.js";

export function createRedeemConfirmationRepository(db: Db): RedeemConfirmationRepository {
  return {
    /** Stores a new confirmation, and drops the ones that lapsed (they are never read again). */
    async create(token: string, userId: bigint, voucherId: number, expiresAt: Date, now: Date): Promise<void> {
      await db.redeemConfirmation.deleteMany({ where: { expiresAt: { lte: now } } });
      await db.redeemConfirmation.create({ data: { token, userId, voucherId, expiresAt } });
    },

    /** The voucher this user confirmed a moment ago with this token; null when forged, another user's or lapsed. */
    async voucherOf(token: string, userId: bigint, now: Date): Promise<number | null> {
      const found = await db.redeemConfirmation.findFirst({ where: { token, userId, expiresAt: { gt: now } } });
      return found?.voucherId ?? null;
    },
  };
}
