import { describe, expect, it } from "vitest";
import { isQuiet, minuteOfDay, startOfLocalDay } from "./local-time.js";

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
