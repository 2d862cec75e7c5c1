// Wall-clock time at a place, which its pin gives. The database keeps UTC;
// "today", a day's bars on the chart, the evening summary, a subscriber's
// quiet hours and daily cap follow the place's time zone. Formatters are
// cached per zone: push matching asks for the same few zones many times a run.
import { find as timeZonesAt } from "geo-tz";

const DAY_MS = 86_400_000;

export function timeZoneOf(place: { lat: number; lng: number }): string {
  return timeZonesAt(place.lat, place.lng)[0] ?? "UTC";
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function partsIn(date: Date, timeZone: string) {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(timeZone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(date).map((p) => [p.type, p.value]));
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
  };
}

/** The local date, YYYY-MM-DD. */
export function localDay(date: Date, timeZone: string): string {
  const { year, month, day } = partsIn(date, timeZone);
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

export function localHour(date: Date, timeZone: string): number {
  return partsIn(date, timeZone).hour;
}

/** How far the zone's clock is ahead of UTC at this instant, in ms. */
function offsetMs(date: Date, timeZone: string): number {
  const p = partsIn(date, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - Math.floor(date.getTime() / 1000) * 1000;
}

/** The instant local midnight began, `daysBack` local days before the day of `date`. */
export function startOfLocalDay(date: Date, timeZone: string, daysBack = 0): Date {
  const { year, month, day } = partsIn(date, timeZone);
  const midnightAsUtc = Date.UTC(year, month - 1, day - daysBack);
  // Guess with the offset at the guess, then correct once: exact across DST changes.
  let instant = midnightAsUtc - offsetMs(new Date(midnightAsUtc), timeZone);
  instant = midnightAsUtc - offsetMs(new Date(instant), timeZone);
  return new Date(instant);
}

/** The last `days` local dates up to the day of `date`, oldest first. */
export function lastLocalDays(date: Date, timeZone: string, days: number): string[] {
  const { year, month, day } = partsIn(date, timeZone);
  return Array.from({ length: days }, (_, i) => {
    const d = new Date(Date.UTC(year, month - 1, day - (days - 1 - i)));
    return d.toISOString().slice(0, 10);
  });
}

export { DAY_MS };

/** "2026-05-20 14:30" as the zone's clock shows it. */
export function localDateTime(date: Date, timeZone: string): string {
  const p = partsIn(date, timeZone);
  const two = (n: number) => String(n).padStart(2, "0");
  return `${localDay(date, timeZone)} ${two(p.hour)}:${two(p.minute)}`;
}

/** Minutes since local midnight (0..1439) at `now` in `timeZone`. */
export function minuteOfDay(now: Date, timeZone: string): number {
  const { hour, minute } = partsIn(now, timeZone);
  return hour * 60 + minute;
}

/** Quiet hours as minutes after midnight; the window may cross midnight; equal ends mean none. */
export interface QuietHours {
  quietStart: number;
  quietEnd: number;
}

export function isQuiet(now: Date, timeZone: string, { quietStart, quietEnd }: QuietHours): boolean {
  if (quietStart === quietEnd) return false;
  const m = minuteOfDay(now, timeZone);
  return quietStart < quietEnd ? m >= quietStart && m < quietEnd : m >= quietStart || m < quietEnd;
}

/** "22:00" for 1320. */
export function clockText(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}
