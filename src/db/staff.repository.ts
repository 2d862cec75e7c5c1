// Staff of a shop and the invitations that make them.
import type { Db } from "./client.js";
import type { Shop } from "./shop.repository.js";

export type InviteOutcome =
  | { ok: true; shop: Shop }
  | { ok: false; reason: InviteRefusal };
/** unavailable: the shop is not approved (suspended) and takes no staff for now. */
export type InviteRefusal = "unknown" | "used" | "expired" | "own-shop" | "already-staff" | "unavailable";

export function createStaffRepository(db: Db) {
  return {
    async createInvite(shopId: number, token: string, expiresAt: Date): Promise<void> {
      await db.staffInvite.create({ data: { token, shopId, expiresAt } });
    },
    /**
     * Uses an invitation, in one transaction: checked first (unused, unexpired,
     * for an approved shop the user does not own), then claimed. A link opened
     * while its shop is suspended stays unused, and nobody joins half-way. The
     * claim is a conditional write, so two people opening the same link cannot
     * both join.
     */
    claimInvite(token: string, userId: bigint, now: Date): Promise<InviteOutcome> {
      return db.$transaction(async (tx): Promise<InviteOutcome> => {
        const invite = await tx.staffInvite.findUnique({ where: { token } });
        if (!invite) return { ok: false, reason: "unknown" };
        if (invite.usedAt) return { ok: false, reason: "used" };
        if (invite.expiresAt <= now) return { ok: false, reason: "expired" };
        const shop = await tx.shop.findUnique({ where: { id: invite.shopId } });
        if (!shop) return { ok: false, reason: "unknown" };
        if (shop.ownerId === userId) return { ok: false, reason: "own-shop" };
        // Staff already: the link stays for the person it was meant for.
        const member = await tx.shopStaff.findUnique({ where: { shopId_userId: { shopId: invite.shopId, userId } } });
        if (member) return { ok: false, reason: "already-staff" };
        if (shop.status !== "APPROVED") return { ok: false, reason: "unavailable" };
        const { count } = await tx.staffInvite.updateMany({
          where: { token, usedAt: null, expiresAt: { gt: now } },
          data: { usedAt: now, usedById: userId },
        });
        if (count === 0) return { ok: false, reason: "used" };
        await tx.shopStaff.upsert({
          where: { shopId_userId: { shopId: invite.shopId, userId } },
          create: { shopId: invite.shopId, userId },
          update: {},
        });
        return { ok: true, shop };
      });
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
