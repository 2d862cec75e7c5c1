// The reminders' messages, rendered and sent by a front in the recipient's language.
import type { DealWithShop } from "../../domain/deal.js";
import type { SavedReminderReason } from "../../domain/reminders.js";
import type { SendOutcome } from "./messaging.port.js";

/** A voucher in a reminder: its code, its offer and when it expires. */
export interface VoucherReminderItem {
  code: string;
  expiresAt: Date;
  deal: DealWithShop;
}

export interface ReminderMessaging {
  /** A saved deal is about to end or nearly sold out: its title, why, and a button to its card. */
  savedDealReminder(userId: bigint, deal: DealWithShop, reason: SavedReminderReason): Promise<SendOutcome>;
  /** The user's unused vouchers that expire soon, with a button that turns these reminders off. */
  voucherReminder(userId: bigint, vouchers: VoucherReminderItem[]): Promise<SendOutcome>;
}
