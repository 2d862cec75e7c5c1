import type { ShopStatus } from "../../domain/lifecycles.js";
import type { StaffInvite, StaffMember } from "../../domain/staff.js";

export interface StaffRepository {
  createInvite(shopId: number, token: string, expiresAt: Date): Promise<void>;
  findInvite(token: string): Promise<StaffInvite | null>;
  isStaff(shopId: number, userId: bigint): Promise<boolean>;
  /**
   * Uses an invitation while it is unused and unexpired, and makes the user
   * staff of its shop, in one transaction, only while the shop's status is
   * still `shopStatus` (the one the decision was made on). False when the
   * link was used or expired, or the shop changed, in the meantime: two
   * people opening one link cannot both join, nor anyone a shop suspended
   * while they were joining.
   */
  claimInvite(token: string, userId: bigint, now: Date, shopStatus: ShopStatus): Promise<boolean>;
  /** The shop's staff, longest-serving first. */
  list(shopId: number): Promise<StaffMember[]>;
  /** False when the user was not staff of the shop. */
  remove(shopId: number, userId: bigint): Promise<boolean>;
  /** The shops this user works at. */
  shopsOf(userId: bigint): Promise<number[]>;
}
