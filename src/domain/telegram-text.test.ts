import { describe, expect, it } from "vitest";
import { fitTelegram, telegramLength } from "./telegram-text.js";

describe("fitting text into Telegram's limits", () => {
  it("counts an emoji as two units, as Telegram does", () => {
    expect(telegramLength("🍜 noodles")).toBe(10);
    expect(telegramLength("火锅")).toBe(2);
  });

  it("leaves a text that fits as it is", () => {
    expect(fitTelegram("🍜".repeat(16), 32)).toBe("🍜".repeat(16));
  });

  it("cuts to the limit in UTF-16 units, marking the cut", () => {
    const cut = fitTelegram("🍜".repeat(40), 32);
    expect(telegramLength(cut)).toBeLessThanOrEqual(32);
    expect(cut).toBe(`${"🍜".repeat(15)}…`);
  });

  it("never splits a surrogate pair or an emoji sequence", () => {
    const family = "👨‍👩‍👧"; // 8 units, one grapheme
    const flag = "🇨🇳"; // 4 units, one grapheme
    expect(fitTelegram(`ab${family}cd`, 8)).toBe("ab…");
    expect(fitTelegram(`a${flag}${flag}`, 6)).toBe(`a${flag}…`);
    expect(fitTelegram(`x${"😀"}y`, 3)).toBe("x…");
    for (let max = 1; max < 12; max++) {
      const cut = fitTelegram(`${family}${flag}é😀`, max);
      expect(telegramLength(cut)).toBeLessThanOrEqual(max);
      expect(cut).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
    }
  });
});
