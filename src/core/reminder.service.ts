// Reminders: a saved (♡) deal about to end or nearly sold out, and unused
// vouchers three days before they expire. Each is sent at most once: it is
// claimed (marked in the database) before its message leaves, so a second
// process, a repeated run or a crash after the claim never sends it again; a
// reminder lost to a crash between the two is not worth a duplicate.
// They wait out the user's quiet hours on their own clock.
import { personalTimeZone } from "../domain/follow.js";
import {
  FEW_LEFT,
  FEW_LEFT_SHARE,
  mayRemindNow,
  SAVED_ENDING_WITHIN_MS,
  savedReminderReason,
  VOUCHER_REMINDER_BEFORE_MS,
  voucherReminderDue,
} from "../domain/reminders.js";
import type { Clock } from "../util/clock.js";
import type { ReminderRepository, VoucherToRemind } from "./ports/follow.port.js";
import type { SendOutcome } from "./ports/messaging.port.js";
import type { ReminderMessaging } from "./ports/reminder-messaging.port.js";
import type { UserRepository } from "./ports/user.port.js";

export interface ReminderRunResult {
  saved: number;
  vouchers: number;
  blocked: number;
  failed: number;
}

export function createReminderService({
  reminders,
  users,
  messaging,
  clock,
}: {
  reminders: ReminderRepository;
  users: Pick<UserRepository, "setBlocked">;
  /** Absent where nothing scheduled runs (a tool's own services): then `run` refuses. */
  messaging?: ReminderMessaging;
  clock: Clock;
}) {
  async function settle(userId: bigint, outcome: SendOutcome, counts: ReminderRunResult, kind: "saved" | "vouchers") {
    if (outcome.sent) counts[kind]++;
    else if (outcome.blocked) {
      counts.blocked++;
      await users.setBlocked(userId, clock());
    } else counts.failed++;
  }

  async function remindSaved(messaging: ReminderMessaging, now: Date, counts: ReminderRunResult) {
    const due = await reminders.savedDue(now, new Date(now.getTime() + SAVED_ENDING_WITHIN_MS), FEW_LEFT, FEW_LEFT_SHARE);
    const blocked = new Set<bigint>();
    for (const { userId, user, deal } of due) {
      const reason = savedReminderReason(deal, now);
      if (!reason || blocked.has(userId) || !mayRemindNow(now, personalTimeZone(user, deal.shop))) continue;
      if (!(await reminders.claimSaved(userId, deal.id, now))) continue;
      const outcome = await messaging.savedDealReminder(userId, deal, reason);
      if (!outcome.sent && outcome.blocked) blocked.add(userId);
      await settle(userId, outcome, counts, "saved");
    }
  }

  async function remindVouchers(messaging: ReminderMessaging, now: Date, counts: ReminderRunResult) {
    const due = await reminders.vouchersDue(now, new Date(now.getTime() + VOUCHER_REMINDER_BEFORE_MS));
    const byHolder = new Map<bigint, VoucherToRemind[]>();
    for (const voucher of due) {
      if (!voucherReminderDue(voucher, now)) continue;
      const list = byHolder.get(voucher.holderId);
      if (list) list.push(voucher);
      else byHolder.set(voucher.holderId, [voucher]);
    }
    // One message per holder, whatever the number of vouchers.
    for (const [holderId, vouchers] of byHolder) {
      if (!mayRemindNow(now, personalTimeZone(vouchers[0]!.holder, vouchers[0]!.deal.shop))) continue;
      const claimed = new Set(await reminders.claimVouchers(vouchers.map((v) => v.id), now));
      const items = vouchers.filter((v) => claimed.has(v.id));
      if (items.length === 0) continue;
      await settle(holderId, await messaging.voucherReminder(holderId, items), counts, "vouchers");
    }
  }

  return {
    /** One run of the reminders job. */
    async run(now: Date = clock()): Promise<ReminderRunResult> {
      if (!messaging) throw new Error("reminders need a way to send their messages");
      const counts: ReminderRunResult = { saved: 0, vouchers: 0, blocked: 0, failed: 0 };
      await remindSaved(messaging, now, counts);
      await remindVouchers(messaging, now, counts);
      return counts;
    },
    /** The opt-out (and back in) from a voucher reminder's button: only ever the sender's own setting. */
    async setVoucherReminders(userId: bigint, on: boolean): Promise<void> {
      await reminders.setVoucherRemindersOff(userId, on ? null : clock());
    },
  };
}

export type ReminderService = ReturnType<typeof createReminderService>;
