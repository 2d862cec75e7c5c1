import { describe, expect, it } from "vitest";
import { httpPort, loadConfig } from "./config.js";

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
    ["DATABASE_URL", "mysql://localhost/nearbuy"],
    ["DEFAULT_CURRENCY", "dollars"],
    ["DEFAULT_CURRENCY", "XYZ"],
    ["LOG_LEVEL", "loud"],
    ["ADMIN_IDS", "42,@bob"],
    ["PUSH_SCHEDULE", "every ten minutes"],
    ["EXPIRE_DEALS_SCHEDULE", "61 * * * *"],
    ["PUSH_RATE_PER_SECOND", "31"],
    ["PAID_BROADCAST", "yes"],
    ["UPDATE_CONCURRENCY", "0"],
    ["WEBHOOK_URL", "http://bot.example.com/telegram"],
    ["WEBHOOK_SECRET", "short"],
    ["PORT", "70000"],
    ["MINI_APP_URL", "http://bot.example.com/app/"],
    ["MINI_APP_MAX_AGE_SECONDS", "10"],
  ])("stops on a bad %s and names it", (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(new RegExp(`${name}:`));
  });

  it("runs long polling, with no HTTP server, unless told otherwise", () => {
    const config = loadConfig({});
    expect([config.WEBHOOK_URL, config.PORT, httpPort(config), config.UPDATE_CONCURRENCY, config.PAID_BROADCAST]).toEqual([undefined, undefined, undefined, 32, false]);
    expect(httpPort(loadConfig({ PORT: "9100" }))).toBe(9100);
  });

  it("reads webhook mode, which needs its secret and listens on 8080 unless PORT says otherwise", () => {
    const secret = "s3cret-token_0123456789";
    const config = loadConfig({ WEBHOOK_URL: "https://bot.example.com/telegram", WEBHOOK_SECRET: secret });
    expect([config.WEBHOOK_URL, config.WEBHOOK_SECRET, httpPort(config)]).toEqual(["https://bot.example.com/telegram", secret, 8080]);
    expect(() => loadConfig({ WEBHOOK_URL: "https://bot.example.com/telegram" })).toThrow(/WEBHOOK_SECRET:/);
  });

  it("serves the Mini App over HTTP (8080 unless PORT says otherwise) when its address is set, and refuses launch data older than an hour by default", () => {
    const config = loadConfig({ MINI_APP_URL: "https://bot.example.com/app/" });
    expect([config.MINI_APP_URL, httpPort(config), config.MINI_APP_MAX_AGE_SECONDS]).toEqual(["https://bot.example.com/app/", 8080, 3600]);
    expect(httpPort(loadConfig({ MINI_APP_URL: "https://bot.example.com/app/", PORT: "9100" }))).toBe(9100);
    expect(loadConfig({ MINI_APP_MAX_AGE_SECONDS: "600" }).MINI_APP_MAX_AGE_SECONDS).toBe(600);
  });

  it("draws the Mini App's map with OpenStreetMap's tiles and credit unless told another tile server", () => {
    expect(loadConfig({})).toMatchObject({ MINI_APP_TILE_URL: "https://tile.openstreetmap.org/{z}/{x}/{y}.png", MINI_APP_TILE_ATTRIBUTION: expect.stringContaining("OpenStreetMap") });
    expect(loadConfig({ MINI_APP_TILE_URL: "https://tiles.example.com/{z}/{x}/{y}.png" }).MINI_APP_TILE_URL).toBe("https://tiles.example.com/{z}/{x}/{y}.png");
    expect(() => loadConfig({ MINI_APP_TILE_URL: "https://tiles.example.com/tile.png" })).toThrow(/MINI_APP_TILE_URL:/);
  });

  it("lets pushes past 30 a second only as paid broadcasts", () => {
    expect(() => loadConfig({ PUSH_RATE_PER_SECOND: "500" })).toThrow(/PUSH_RATE_PER_SECOND:.*PAID_BROADCAST/);
    expect(loadConfig({ PUSH_RATE_PER_SECOND: "500", PAID_BROADCAST: "true" })).toMatchObject({ PUSH_RATE_PER_SECOND: 500, PAID_BROADCAST: true });
  });
});
