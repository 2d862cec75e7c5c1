import type { StaffInvite, StaffMember } from "../../domain/staff.js";

export interface StaffRepository {
  createInvite(shopId: number, token: string, expiresAt: Date): Promise<void>;
  findInvite(token: string): Promise<StaffInvite | null>;
  isStaff(shopId: number, userId: bigint): Promise<boolean>;
  /**
   * Uses an invitation while it is unused and unexpired, and makes the user
   * staff of its shop, in one transaction. False when it was used or expired
   * in the meantime: two people opening one link cannot both join.
   */
  claimInvite(token: string, userId: bigint, now: Date): Promise<boolean>;
  /** The shop's staff, longest-serving first. */
  list(shopId: number): Promise<StaffMember[]>;
  /** False when the user was not staff of the shop. */
  remove(shopId: number, userId: bigint): Promise<boolean>;
  /** The shops this user works at. */
  shopsOf(userId: bigint): Promise<number[]>;
}
