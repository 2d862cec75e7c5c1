import { describe, expect, it } from "vitest";
import { decimalMoney, toCsv } from "./csv.js";

describe("CSV for spreadsheets", () => {
  it("quotes commas, quotes and line breaks, and defuses formulas", () => {
    expect(toCsv([["a,b", 'say "hi"', "two\nlines", "=HYPERLINK(1)", "-5", "+1", "@x", 3, null]])).toBe(
      '"a,b","say ""hi""","two\nlines",\'=HYPERLINK(1),\'-5,\'+1,\'@x,3,\r\n',
    );
  });

  it("writes money as a plain decimal in the currency's units", () => {
    expect(decimalMoney(1250, "USD")).toBe("12.50");
    expect(decimalMoney(1250, "JPY")).toBe("1250");
  });
});
