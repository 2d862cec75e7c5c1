import { describe, expect, it } from "vitest";
import { mayRemindNow, savedReminderReason, voucherReminderDue } from "./reminders.js";

const NOW = new Date("2026-05-04T03:00:00Z"); // 11:00 in Shanghai
const HOUR = 3_600_000;
const deal = (fields: Partial<Parameters<typeof savedReminderReason>[0]> = {}) => ({
  status: "ACTIVE" as const,
  category: "food",
  stockLeft: 50,
  quantity: 100,
  startsAt: new Date(NOW.getTime() - HOUR),
  endsAt: new Date(NOW.getTime() + 72 * HOUR),
  ...fields,
});

describe("when a reminder is due", () => {
  it("reminds of a saved deal on sale that ends within a day, or has 3 or 10 % left", () => {
    expect(savedReminderReason(deal(), NOW)).toBeNull();
    expect(savedReminderReason(deal({ endsAt: new Date(NOW.getTime() + 24 * HOUR) }), NOW)).toBe("ending");
    expect(savedReminderReason(deal({ stockLeft: 10 }), NOW)).toBe("few-left");
    expect(savedReminderReason(deal({ stockLeft: 11 }), NOW)).toBeNull();
    expect(savedReminderReason(deal({ stockLeft: 3, quantity: 5 }), NOW)).toBe("few-left");
    expect(savedReminderReason(deal({ stockLeft: 4, quantity: 5 }), NOW)).toBeNull();
    expect(savedReminderReason(deal({ stockLeft: 0 }), NOW)).toBeNull();
    expect(savedReminderReason(deal({ status: "PAUSED" as never, stockLeft: 1 }), NOW)).toBeNull();
  });

  it("reminds of an unused voucher within three days of its expiry, not after it", () => {
    const voucher = (hours: number, status = "ACTIVE") => ({ status, expiresAt: new Date(NOW.getTime() + hours * HOUR) });
    expect(voucherReminderDue(voucher(73), NOW)).toBe(false);
    expect(voucherReminderDue(voucher(72), NOW)).toBe(true);
    expect(voucherReminderDue(voucher(1), NOW)).toBe(true);
    expect(voucherReminderDue(voucher(0), NOW)).toBe(false);
    expect(voucherReminderDue(voucher(24, "REDEEMED"), NOW)).toBe(false);
  });

  it("waits out the quiet hours on the user's clock", () => {
    expect(mayRemindNow(NOW, "Asia/Shanghai")).toBe(true);
    expect(mayRemindNow(NOW, "America/New_York")).toBe(false); // 23:00 there
  });
});
