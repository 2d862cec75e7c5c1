import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";

describe("the daily summary hour", () => {
  it("is 21:00 by default and reads a local hour", () => {
    expect(loadConfig({}).DAILY_SUMMARY_HOUR).toBe(21);
    expect(loadConfig({ DAILY_SUMMARY_HOUR: "8" }).DAILY_SUMMARY_HOUR).toBe(8);
  });

  it.each(["24", "-1", "evening", "7.5"])("stops on %s and names the variable", (value) => {
    expect(() => loadConfig({ DAILY_SUMMARY_HOUR: value })).toThrow(/DAILY_SUMMARY_HOUR:/);
  });
});
