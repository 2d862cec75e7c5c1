// Staff of a shop (they redeem vouchers and see no revenue) and the
// single-use, expiring invitations that make them.
import type { DomainErrorCode } from "./errors.js";
import { isOpen, type Shop } from "./shop.js";

export interface StaffInvite {
  token: string;
  shopId: number;
  expiresAt: Date;
  usedAt: Date | null;
}

export interface StaffMember {
  userId: bigint;
  firstName: string;
  since: Date;
}

/**
 * Why this user may not join with this invitation (null: they may). A link
 * opened while its shop is suspended stays unused; staff already keep the
 * link for the person it was meant for.
 */
export function inviteRefusal(
  invite: StaffInvite | null,
  shop: Shop | null,
  { userId, isStaff, now }: { userId: bigint; isStaff: boolean; now: Date },
): DomainErrorCode | null {
  if (!invite) return "invite-invalid";
  if (invite.usedAt) return "invite-used";
  if (invite.expiresAt <= now) return "invite-expired";
  if (!shop) return "invite-invalid";
  if (shop.ownerId === userId) return "invite-own-shop";
  if (isStaff) return "invite-already-staff";
  if (!isOpen(shop)) return "invite-shop-unavailable";
  return null;
}
