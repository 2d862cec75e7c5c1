// Following shops and saving deals: how many a user may keep, and the one
// clock and quiet hours that messages not tied to a place (a followed shop's
// new offers, reminders) follow.
import type { Point } from "./geo.js";
import { timeZoneOf, type QuietHours } from "./local-time.js";
import { SUBSCRIPTION_DEFAULTS } from "./subscription.js";

/** Shops one user may follow: a list that still reads on one screen or a few pages. */
export const MAX_FOLLOWS = 100;
/** Deals one user may keep saved (♡). */
export const MAX_SAVED = 100;

/**
 * Digests of followed shops' new offers, per user: as many a day, and the same
 * quiet hours, as a place with the default settings.
 */
export const FOLLOW_PUSH: QuietHours & { dailyMax: number } = {
  dailyMax: SUBSCRIPTION_DEFAULTS.dailyMax,
  quietStart: SUBSCRIPTION_DEFAULTS.quietStart,
  quietEnd: SUBSCRIPTION_DEFAULTS.quietEnd,
};

/** Where a user was last seen, as their record keeps it. */
export interface LastSeen {
  lastLat: number | null;
  lastLng: number | null;
}

/**
 * A user's own clock, for messages that follow them rather than a place: the
 * time zone of their last shared location, else of the place the message is
 * about (the shop), since that is the best guess of where they are.
 */
export function personalTimeZone(user: LastSeen, about: Point): string {
  return timeZoneOf(user.lastLat !== null && user.lastLng !== null ? { lat: user.lastLat, lng: user.lastLng } : about);
}
