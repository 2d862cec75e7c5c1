import { describe, expect, it } from "vitest";
import { userLocale } from "../../src/bot/i18n.js";

describe("the language a user reads", () => {
  it("is the one they chose, whatever their Telegram app speaks", () => {
    expect(userLocale({ language: "en", telegramLanguage: "zh-hans" })).toBe("en");
    expect(userLocale({ language: "zh", telegramLanguage: "en-US" }, "en")).toBe("zh");
  });

  it("is their Telegram app's when they chose none, English for any language but Chinese", () => {
    expect(userLocale({ language: null, telegramLanguage: "zh-hant" })).toBe("zh");
    expect(userLocale({ language: null, telegramLanguage: "fr" })).toBe("en");
    expect(userLocale({ language: null, telegramLanguage: "zh-hans" }, "en")).toBe("zh");
  });

  it("is the fallback when neither is known (a push: the language read when subscribing), else English", () => {
    expect(userLocale({ language: null }, "zh")).toBe("zh");
    expect(userLocale({ language: null, telegramLanguage: null })).toBe("en");
    expect(userLocale(null)).toBe("en");
  });
});
