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

/** Words that mean "no quiet hours", in both languages. */
const NO_QUIET_HOURS = new Set(["none", "no", "off", "never", "无", "没有", "不要", "关闭"]);
/** A time of day: 22, 7, 22:30, 7.30, 0730, 22点, 22点30. */
const CLOCK = /^(\d{1,2})(?:[:.：点]?(\d{2}))?点?$/;

/**
 * Quiet hours as typed: "22:30–07:00", "23-7", "21.30 to 8", or "none".
 * [start, end] in minutes after midnight; [0, 0] is none.
 */
export function parseQuietHours(text: string): { quietStart: number; quietEnd: number } {
  const typed = text.trim().toLowerCase();
  if (NO_QUIET_HOURS.has(typed)) return { quietStart: 0, quietEnd: 0 };
  const ends = typed.split(/\s*(?:-|–|—|~|～|to|至|到)\s*/);
  if (ends.length !== 2) throw new DomainError("bad-quiet-hours");
  const [start, end] = ends.map((end) => {
    const match = CLOCK.exec(end);
    const hours = Number(match?.[1]);
    const minutes = Number(match?.[2] ?? 0);
    if (!match || hours > 24 || minutes > 59 || (hours === 24 && minutes > 0)) throw new DomainError("bad-quiet-hours");
    return (hours * 60 + minutes) % (24 * 60);
  }) as [number, number];
  return checkQuietHours(start, end);
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

/** A place a user wants pushes about. Quiet hours are minutes after local midnight. */
export interface Subscription {
  id: number;
  userId: bigint;
  label: string;
  lat: number;
  lng: number;
  /** IANA time zone of the place, for quiet hours and the daily cap. */
  timeZone: string;
  radiusM: number;
  /** Comma-separated categories; empty means all. */
  categories: string;
  dailyMax: number;
  quietStart: number;
  quietEnd: number;
  /** The language the user spoke when subscribing (pushes have no update to read it from). */
  locale: string;
  createdAt: Date;
  updatedAt: Date;
}

export type NewSubscription = Omit<Subscription, "id" | "createdAt" | "updatedAt">;
export type SubscriptionChanges = Partial<
  Pick<Subscription, "label" | "lat" | "lng" | "timeZone" | "radiusM" | "categories" | "dailyMax" | "quietStart" | "quietEnd">
>;

/** A subscription as the push run matches it. */
export type SubscriptionToMatch = Pick<
  Subscription,
  "id" | "userId" | "lat" | "lng" | "radiusM" | "categories" | "timeZone" | "dailyMax" | "quietStart" | "quietEnd"
>;
