// CSV as spreadsheets read it (RFC 4180). A cell that a spreadsheet would run
// as a formula (=, +, -, @ first) is prefixed with an apostrophe: titles and
// names are typed by people.
import { minorDigits } from "./money.js";

export type Cell = string | number | null;

function cell(value: Cell): string {
  if (value === null) return "";
  let text = String(value);
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(rows: Cell[][]): string {
  return rows.map((row) => row.map(cell).join(",")).join("\r\n") + "\r\n";
}

/**
 * The bytes of a CSV file: UTF-8 behind a byte order mark, without which Excel
 * reads the file in the computer's legacy code page and 测试 turns to gibberish.
 */
export function csvFile(rows: Cell[][]): Buffer {
  return Buffer.from(`\uFEFF${toCsv(rows)}`, "utf8");
}

/** 1250 USD → "12.50": a plain decimal a spreadsheet sums. */
export function decimalMoney(minor: number, currency: string): string {
  const digits = minorDigits(currency);
  return digits === 0 ? String(minor) : (minor / 10 ** digits).toFixed(digits);
}
