import { describe, expect, it } from "vitest";
import { lastLocalDays, localDay, localHour, startOfLocalDay, timeZoneOf } from "./local-time.js";

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
