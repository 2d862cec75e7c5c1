// Staff of a shop and the invitations that make them.
import type { StaffRepository } from "../core/ports/staff.port.js";
import type { Db } from "./client.js";

export function createStaffRepository(db: Db): StaffRepository {
  return {
    async createInvite(shopId, token, expiresAt) {
      await db.staffInvite.create({ data: { token, shopId, expiresAt } });
    },
    findInvite(token) {
      return db.staffInvite.findUnique({ where: { token }, select: { token: true, shopId: true, expiresAt: true, usedAt: true } });
    },
    async isStaff(shopId, userId) {
      return (await db.shopStaff.findUnique({ where: { shopId_userId: { shopId, userId } } })) !== null;
    },
    claimInvite(token, userId, now, shopStatus) {
      return db.$transaction(async (tx) => {
        const invite = await tx.staffInvite.findUnique({ where: { token }, select: { shopId: true } });
        if (!invite) return false;
        const shop = await tx.shop.findUnique({ where: { id: invite.shopId }, select: { status: true } });
        if (shop?.status !== shopStatus) return false;
        const { count } = await tx.staffInvite.updateMany({
          where: { token, usedAt: null, expiresAt: { gt: now } },
          data: { usedAt: now, usedById: userId },
        });
        if (count === 0) return false;
        await tx.shopStaff.upsert({
          where: { shopId_userId: { shopId: invite.shopId, userId } },
          create: { shopId: invite.shopId, userId },
          update: {},
        });
        return true;
      });
    },
    async list(shopId) {
      const rows = await db.shopStaff.findMany({ where: { shopId }, orderBy: { createdAt: "asc" } });
      const users = await db.user.findMany({ where: { id: { in: rows.map((r) => r.userId) } } });
      const byId = new Map(users.map((u) => [u.id, u]));
      return rows.map((r) => ({ userId: r.userId, firstName: byId.get(r.userId)?.firstName ?? String(r.userId), since: r.createdAt }));
    },
    async remove(shopId, userId) {
      const { count } = await db.shopStaff.deleteMany({ where: { shopId, userId } });
      return count === 1;
    },
    async shopsOf(userId) {
      const rows = await db.shopStaff.findMany({ where: { userId }, select: { shopId: true } });
      return rows.map((r) => r.shopId);
    },
  };
}
