// Wall-clock time at a place: quiet hours and "today" are the subscriber's,
// not the server's. Formatters are cached per zone because matching asks for
// the same few zones a hundred thousand times in a run.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-GB", {
      timeZone,
      hourCycle: "h23",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Minutes since local midnight (0..1439) at `now` in `timeZone`. */
export function minuteOfDay(now: Date, timeZone: string): number {
  const parts = formatter(timeZone).formatToParts(now);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return get("hour") * 60 + get("minute");
}

/**
 * The instant the local day containing `now` began. On a day when the clocks
 * change this is off by the change (an hour), which only shifts when the daily
 * count resets: acceptable for a cap.
 */
export function startOfLocalDay(now: Date, timeZone: string): Date {
  const parts = formatter(timeZone).formatToParts(now);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const elapsed = ((get("hour") * 60 + get("minute")) * 60 + get("second")) * 1000 + now.getUTCMilliseconds();
  return new Date(now.getTime() - elapsed);
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
