// When a reminder is due. Each voucher and each saved deal gets at most one:
// the repository marks it in the same write that claims the send.
import { isOnSale, type OnSaleFields } from "./deal.js";
import { isQuiet } from "./local-time.js";
import { FOLLOW_PUSH } from "./follow.js";
import { VoucherStatus } from "./lifecycles.js";

const HOUR_MS = 3_600_000;

/** An unused voucher is reminded of this long before it expires. */
export const VOUCHER_REMINDER_BEFORE_MS = 3 * 24 * HOUR_MS;
/** A saved deal whose sale ends within this is "about to end". */
export const SAVED_ENDING_WITHIN_MS = 24 * HOUR_MS;
/** A saved deal with this many left or fewer is "nearly sold out"… */
export const FEW_LEFT = 3;
/** …and so is one with this share of its quantity left or less. */
export const FEW_LEFT_SHARE = 0.1;

export type SavedReminderReason = "ending" | "few-left";

/** Why a saved deal deserves its reminder now, or null: it must be on sale, and ending soon or nearly sold out. */
export function savedReminderReason(deal: OnSaleFields & { quantity: number }, now: Date): SavedReminderReason | null {
  if (!isOnSale(deal, now)) return null;
  if (deal.endsAt.getTime() - now.getTime() <= SAVED_ENDING_WITHIN_MS) return "ending";
  if (deal.stockLeft <= FEW_LEFT || deal.stockLeft <= deal.quantity * FEW_LEFT_SHARE) return "few-left";
  return null;
}

/** Whether a voucher is due its reminder: unused, and expiring within the window (not yet expired). */
export function voucherReminderDue(voucher: { status: string; expiresAt: Date }, now: Date): boolean {
  const left = voucher.expiresAt.getTime() - now.getTime();
  return voucher.status === VoucherStatus.ACTIVE && left > 0 && left <= VOUCHER_REMINDER_BEFORE_MS;
}

/** Reminders keep the user's quiet hours (on their own clock): they wait for the morning. */
export function mayRemindNow(now: Date, timeZone: string): boolean {
  return !isQuiet(now, timeZone, FOLLOW_PUSH);
}
