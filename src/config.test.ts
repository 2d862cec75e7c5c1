import { describe, expect, it } from "vitest";
import { loadConfig } from "./config.js";

describe("configuration", () => {
  it("runs with no variables at all: the sandbox, a local SQLite file, USD", () => {
    const config = loadConfig({});
    expect(config.BOT_TOKEN).toBeUndefined();
    expect(config.TELEGRAM_API_ROOT).toBe("https://api.telegram.org");
    expect(config.DATABASE_URL).toBe("file:./data/nearbuy.db");
    expect(config.DEFAULT_CURRENCY).toBe("USD");
    expect(config.ADMIN_IDS).toEqual([]);
  });

  it("treats an empty variable as unset", () => {
    expect(loadConfig({ BOT_TOKEN: "", DEFAULT_CURRENCY: " " }).DEFAULT_CURRENCY).toBe("USD");
  });

  it("reads the job schedules and the push rate, with defaults under Telegram's limit", () => {
    expect(loadConfig({})).toMatchObject({ PUSH_SCHEDULE: "*/10 * * * *", EXPIRE_DEALS_SCHEDULE: "* * * * *", PUSH_RATE_PER_SECOND: 28 });
    expect(loadConfig({ PUSH_SCHEDULE: "0 9,18 * * *", PUSH_RATE_PER_SECOND: "29" })).toMatchObject({ PUSH_SCHEDULE: "0 9,18 * * *", PUSH_RATE_PER_SECOND: 29 });
  });

  it("reads operators as Telegram ids", () => {
    expect(loadConfig({ ADMIN_IDS: "42, 1234567" }).ADMIN_IDS).toEqual([42n, 1234567n]);
  });

  it("reads the language model's settings, with no model by default", () => {
    const none = loadConfig({});
    expect(none.OPENAI_API_KEY).toBeUndefined();
    expect(none.OPENAI_BASE_URL).toBeUndefined();
    expect([none.OPENAI_MODEL, none.OPENAI_TIMEOUT_MS, none.OPENAI_REQUESTS_PER_USER_HOUR]).toEqual(["gpt-4o-mini", 4000, 30]);
    const local = loadConfig({
      OPENAI_BASE_URL: "http://localhost:11434/v1",
      OPENAI_MODEL: "qwen2.5:7b",
      OPENAI_TIMEOUT_MS: "2500",
      OPENAI_REQUESTS_PER_USER_HOUR: "5",
    });
    expect([local.OPENAI_BASE_URL, local.OPENAI_MODEL, local.OPENAI_TIMEOUT_MS, local.OPENAI_REQUESTS_PER_USER_HOUR]).toEqual([
      "http://localhost:11434/v1",
      "qwen2.5:7b",
      2500,
      5,
    ]);
  });

  it.each([
    ["OPENAI_BASE_URL", "localhost:11434"],
    ["OPENAI_TIMEOUT_MS", "fast"],
    ["OPENAI_TIMEOUT_MS", "100"],
    ["OPENAI_REQUESTS_PER_USER_HOUR", "-1"],
    ["BOT_TOKEN", "not-a-token"],
    ["TELEGRAM_API_ROOT", "api.telegram.org"],
    ["DATABASE_URL", "postgres://localhost/nearbuy"],
    ["DEFAULT_CURRENCY", "dollars"],
    ["DEFAULT_CURRENCY", "XYZ"],
    ["LOG_LEVEL", "loud"],
    ["ADMIN_IDS", "42,@bob"],
    ["PUSH_SCHEDULE", "every ten minutes"],
    ["EXPIRE_DEALS_SCHEDULE", "61 * * * *"],
    ["PUSH_RATE_PER_SECOND", "31"],
  ])("stops on a bad %s and names it", (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(new RegExp(`${name}:`));
  });
});
