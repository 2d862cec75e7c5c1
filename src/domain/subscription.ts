// What a subscription may be set to. The bot offers these as buttons; the
// service checks them again, since button data comes back from the client.
import { isCategory } from "./categories.js";
import { DomainError } from "./errors.js";
import { RADIUS_CHOICES_KM } from "./nearby.js";

export const LABELS = ["home", "work", "other"] as const;
export type Label = (typeof LABELS)[number];

export const DAILY_MAX_RANGE = { min: 1, max: 10 } as const;
/** Quiet-hour windows offered as buttons, [start, end] in minutes after midnight; [0, 0] is "none". */
export const QUIET_PRESETS = [
  [22 * 60, 8 * 60],
  [23 * 60, 7 * 60],
  [21 * 60, 9 * 60],
  [0, 0],
] as const;
/** Most places in a user's list: enough for home, work and a few more. */
export const MAX_SUBSCRIPTIONS = 5;

export const SUBSCRIPTION_DEFAULTS = {
  label: "other" as Label,
  radiusM: 3000,
  categories: [] as string[],
  dailyMax: 3,
  quietStart: 22 * 60,
  quietEnd: 8 * 60,
};

export function checkRadiusM(radiusM: number): number {
  if (!RADIUS_CHOICES_KM.some((km) => km * 1000 === radiusM)) {
    throw new DomainError("out-of-range", { min: RADIUS_CHOICES_KM[0], max: RADIUS_CHOICES_KM.at(-1)! });
  }
  return radiusM;
}

export function checkDailyMax(n: number): number {
  if (!Number.isInteger(n) || n < DAILY_MAX_RANGE.min || n > DAILY_MAX_RANGE.max) {
    throw new DomainError("out-of-range", DAILY_MAX_RANGE);
  }
  return n;
}

export function checkQuietHours(start: number, end: number): { quietStart: number; quietEnd: number } {
  const ok = (m: number) => Number.isInteger(m) && m >= 0 && m < 24 * 60;
  if (!ok(start) || !ok(end)) throw new DomainError("bad-quiet-hours");
  return { quietStart: start, quietEnd: end };
}

/** Categories stored comma-separated; empty means all. */
export function parseCategories(stored: string): string[] {
  return stored ? stored.split(",").filter(isCategory) : [];
}

export function toggleCategory(stored: string, category: string): string {
  if (!isCategory(category)) throw new DomainError("bad-category");
  const current = parseCategories(stored);
  const next = current.includes(category) ? current.filter((c) => c !== category) : [...current, category];
  return next.sort().join(",");
}
