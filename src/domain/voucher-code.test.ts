import { describe, expect, it } from "vitest";
import { DomainError } from "./errors.js";
import { CODE_LENGTH, formatVoucherCode, newVoucherCode, parseVoucherCode } from "./voucher-code.js";

const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const errorCode = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return e instanceof DomainError ? e.code : String(e);
  }
  return "no error";
};

describe("voucher codes", () => {
  const codes = Array.from({ length: 2000 }, () => newVoucherCode());

  it("are 12 Crockford symbols shown in three groups of four", () => {
    for (const code of codes.slice(0, 50)) {
      expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{12}$/);
      expect(formatVoucherCode(code)).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    }
    expect(CODE_LENGTH).toBe(12);
  });

  it("differ from each other (55 random bits)", () => {
    expect(new Set(codes).size).toBe(codes.length);
  });

  it("read back as typed: lower case, no hyphens, spaces, O for 0, I and L for 1", () => {
    for (const code of codes.slice(0, 200)) {
      const sloppy = formatVoucherCode(code).toLowerCase().replace(/0/g, "o").replace(/1/g, "l");
      expect(parseVoucherCode(sloppy)).toBe(code);
      expect(parseVoucherCode(` ${code.slice(0, 6)} ${code.slice(6)} `)).toBe(code);
    }
  });

  it("catch every single mistyped symbol as a typo", () => {
    for (const code of codes.slice(0, 100)) {
      for (let i = 0; i < code.length; i++) {
        for (const c of ALPHABET) {
          if (c === code[i]) continue;
          const typo = code.slice(0, i) + c + code.slice(i + 1);
          expect(errorCode(() => parseVoucherCode(typo))).toBe("code-typo");
        }
      }
    }
  });

  it("catch most swaps of neighbouring symbols", () => {
    let swaps = 0;
    let caught = 0;
    for (const code of codes) {
      for (let i = 0; i + 1 < code.length; i++) {
        if (code[i] === code[i + 1]) continue;
        swaps++;
        const swapped = code.slice(0, i) + code[i + 1] + code[i] + code.slice(i + 2);
        if (errorCode(() => parseVoucherCode(swapped)) === "code-typo") caught++;
      }
    }
    expect(caught / swaps).toBeGreaterThan(0.95);
  });

  it("refuse what cannot be a code", () => {
    for (const bad of ["", "7KQ2-M9XD", "7KQ2-M9XD-4HT3-AAAA", "7KQ2-M9XD-4HTU", "!!!!-????-####"]) {
      expect(errorCode(() => parseVoucherCode(bad))).toBe("code-malformed");
    }
  });

  it("use every symbol of the alphabet", () => {
    const seen = new Set(codes.join(""));
    expect(seen.size).toBe(32);
  });
});
