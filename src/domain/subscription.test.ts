import { describe, expect, it } from "vitest";
import { DomainError } from "./errors.js";
import { parseQuietHours } from "./subscription.js";

describe("quiet hours as typed", () => {
  it("reads two times of day in the ways people write them", () => {
    const cases: [string, number, number][] = [
      ["22:30–07:00", 22 * 60 + 30, 7 * 60],
      ["23-7", 23 * 60, 7 * 60],
      [" 21.30 to 8 ", 21 * 60 + 30, 8 * 60],
      ["2230 - 0645", 22 * 60 + 30, 6 * 60 + 45],
      ["0:00-6:00", 0, 6 * 60],
      ["13:00~14:30", 13 * 60, 14 * 60 + 30],
      ["22点到7点", 22 * 60, 7 * 60],
      ["22点30至6点", 22 * 60 + 30, 6 * 60],
      ["22：00至07：00", 22 * 60, 7 * 60],
      ["20:00-24:00", 20 * 60, 0],
    ];
    for (const [text, start, end] of cases) expect(parseQuietHours(text), text).toEqual({ quietStart: start, quietEnd: end });
  });

  it("reads none, in English and Chinese", () => {
    for (const text of ["none", "Off", "无", "关闭"]) expect(parseQuietHours(text)).toEqual({ quietStart: 0, quietEnd: 0 });
  });

  it("refuses what is not two times of day", () => {
    for (const text of ["", "22", "tonight", "25:00-07:00", "22:60-07:00", "24:30-07:00", "22:00-07:00-09:00", "-7", "22:00 07:00", "x".repeat(4000)]) {
      expect(() => parseQuietHours(text), text).toThrow(DomainError);
    }
  });
});
