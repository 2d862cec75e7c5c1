// Staff of a shop and the invitations that make them.
import type { Db } from "./client.js";

export type InviteOutcome = { ok: true; shopId: number } | { ok: false; reason: "unknown" | "used" | "expired" };

export function createStaffRepository(db: Db) {
  return {
    async createInvite(shopId: number, token: string, expiresAt: Date): Promise<void> {
      await db.staffInvite.create({ data: { token, shopId, expiresAt } });
    },
    findInvite(token: string) {
      return db.staffInvite.findUnique({ where: { token } });
    },
    /**
     * Uses an invitation: one statement marks it used only if it is unused and
     * unexpired, so two people opening the same link cannot both join.
     */
    async claimInvite(token: string, userId: bigint, now: Date): Promise<InviteOutcome> {
      const { count } = await db.staffInvite.updateMany({
        where: { token, usedAt: null, expiresAt: { gt: now } },
        data: { usedAt: now, usedById: userId },
      });
      const invite = await db.staffInvite.findUnique({ where: { token } });
      if (!invite) return { ok: false, reason: "unknown" };
      if (count === 0) return { ok: false, reason: invite.usedAt ? "used" : "expired" };
      await db.shopStaff.upsert({
        where: { shopId_userId: { shopId: invite.shopId, userId } },
        create: { shopId: invite.shopId, userId },
        update: {},
      });
      return { ok: true, shopId: invite.shopId };
    },
    async list(shopId: number) {
      const rows = await db.shopStaff.findMany({ where: { shopId }, orderBy: { createdAt: "asc" } });
      const users = await db.user.findMany({ where: { id: { in: rows.map((r) => r.userId) } } });
      const byId = new Map(users.map((u) => [u.id, u]));
      return rows.map((r) => ({ userId: r.userId, firstName: byId.get(r.userId)?.firstName ?? String(r.userId), since: r.createdAt }));
    },
    async remove(shopId: number, userId: bigint): Promise<boolean> {
      const { count } = await db.shopStaff.deleteMany({ where: { shopId, userId } });
      return count === 1;
    },
    async shopsOf(userId: bigint): Promise<number[]> {
      const rows = await db.shopStaff.findMany({ where: { userId }, select: { shopId: true } });
      return rows.map((r) => r.shopId);
    },
  };
}

export type StaffRepository = ReturnType<typeof createStaffRepository>;
