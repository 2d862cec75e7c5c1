import { describe, expect, it } from "vitest";
import { isQuiet, lastLocalDays, localDay, localHour, minuteOfDay, startOfLocalDay, timeZoneOf } from "./local-time.js";

describe("local days", () => {
  it("finds the zone from the pin", () => {
    expect(timeZoneOf({ lat: 31.2304, lng: 121.4737 })).toBe("Asia/Shanghai");
    expect(timeZoneOf({ lat: 40.7081, lng: -73.9571 })).toBe("America/New_York");
  });

  it("starts the local day at local midnight, across a daylight-saving change", () => {
    const ny = "America/New_York";
    // 2026-03-08: clocks go forward at 02:00.
    const monday = new Date("2026-03-09T12:00:00Z");
    expect(startOfLocalDay(monday, ny).toISOString()).toBe("2026-03-09T04:00:00.000Z");
    expect(startOfLocalDay(monday, ny, 1).toISOString()).toBe("2026-03-08T05:00:00.000Z");
    expect(startOfLocalDay(monday, ny, 6).toISOString()).toBe("2026-03-03T05:00:00.000Z");
    expect(startOfLocalDay(new Date("2026-05-20T06:30:00Z"), "Asia/Kolkata").toISOString()).toBe("2026-05-19T18:30:00.000Z");
  });

  it("names local days and hours", () => {
    const at = new Date("2026-05-19T16:30:00Z");
    expect(localDay(at, "Asia/Shanghai")).toBe("2026-05-20");
    expect(localDay(at, "UTC")).toBe("2026-05-19");
    expect(localHour(at, "Asia/Shanghai")).toBe(0);
    expect(lastLocalDays(at, "Asia/Shanghai", 3)).toEqual(["2026-05-18", "2026-05-19", "2026-05-20"]);
  });
});

const NIGHT = { quietStart: 22 * 60, quietEnd: 8 * 60 };

describe("quiet hours", () => {
  it.each([
    ["2026-05-04T13:59:00Z", "Asia/Shanghai", false], // 21:59
    ["2026-05-04T14:00:00Z", "Asia/Shanghai", true], // 22:00
    ["2026-05-04T16:30:00Z", "Asia/Shanghai", true], // 00:30, after midnight
    ["2026-05-04T23:59:00Z", "Asia/Shanghai", true], // 07:59
    ["2026-05-05T00:00:00Z", "Asia/Shanghai", false], // 08:00
    ["2026-05-05T00:00:00Z", "America/New_York", false], // 20:00 (EDT)
    ["2026-05-05T03:00:00Z", "America/New_York", true], // 23:00
    ["2026-01-05T03:00:00Z", "America/New_York", true], // 22:00 in winter (EST, UTC−5)
    ["2026-01-05T02:59:00Z", "America/New_York", false], // 21:59 EST
    ["2026-05-04T20:00:00Z", "Asia/Kolkata", true], // 01:30, a half-hour zone
  ])("at %s in %s: quiet %s", (at, zone, quiet) => {
    expect(isQuiet(new Date(at), zone, NIGHT)).toBe(quiet);
  });

  it("can be a window within one day, or none", () => {
    const afternoon = { quietStart: 13 * 60, quietEnd: 15 * 60 };
    expect(isQuiet(new Date("2026-05-04T05:30:00Z"), "Asia/Shanghai", afternoon)).toBe(true);
    expect(isQuiet(new Date("2026-05-04T07:00:00Z"), "Asia/Shanghai", afternoon)).toBe(false);
    expect(isQuiet(new Date("2026-05-04T16:00:00Z"), "Asia/Shanghai", { quietStart: 0, quietEnd: 0 })).toBe(false);
  });
});

describe("the local day", () => {
  it("starts at the place's midnight", () => {
    expect(startOfLocalDay(new Date("2026-05-04T03:25:10.500Z"), "Asia/Shanghai").toISOString()).toBe("2026-05-03T16:00:00.000Z");
    expect(startOfLocalDay(new Date("2026-05-04T03:25:00Z"), "America/New_York").toISOString()).toBe("2026-05-03T04:00:00.000Z");
    expect(minuteOfDay(new Date("2026-05-04T16:05:00Z"), "Asia/Shanghai")).toBe(5);
  });
});
