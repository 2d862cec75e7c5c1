// Money is an integer in minor units plus an ISO 4217 currency code.
import { DomainError } from "./errors.js";

/** Currencies whose minor unit is not 1/100 (Telegram's currencies.json agrees). */
const MINOR_DIGITS: Record<string, number> = { JPY: 0, KRW: 0, VND: 0, CLP: 0, ISK: 0, UGX: 0 };

export function minorDigits(currency: string): number {
  return MINOR_DIGITS[currency] ?? 2;
}

/**
 * Parses what a merchant types ("12", "12.5", "12,50", "¥12.50") into minor
 * units. Rejects negatives, more decimals than the currency has, and absurd sums.
 */
export function parseMoney(input: string, currency: string): number {
  const digits = minorDigits(currency);
  const cleaned = input.trim().replace(/^[^\d.,-]+/, "").replace(",", ".");
  const pattern = digits === 0 ? /^\d{1,9}$/ : new RegExp(`^\\d{1,9}(\\.\\d{1,${digits}})?$`);
  if (!pattern.test(cleaned)) throw new DomainError("bad-price", { decimals: digits });
  const [whole, fraction = ""] = cleaned.split(".");
  return Number(whole) * 10 ** digits + Number(fraction.padEnd(digits, "0") || "0");
}

export function formatMoney(minor: number, currency: string, locale = "en"): string {
  const digits = minorDigits(currency);
  return new Intl.NumberFormat(locale === "zh" ? "zh-CN" : "en-US", {
    style: "currency",
    currency,
    minimumFractionDigits: minor % 10 ** digits === 0 ? 0 : digits,
    maximumFractionDigits: digits,
  }).format(minor / 10 ** digits);
}

/**
 * Whole percent off, rounded to the nearest ($2.50 instead of $9 is 72%, not
 * 72.2%; $6.99 instead of $10 is 30%, not 30.1% cut to 30 nor 69.9% to 69).
 * Only a free deal is 100% off: anything that costs something stays at most 99.
 */
export function discountPercent(priceMinor: number, originalPriceMinor: number): number {
  if (originalPriceMinor <= 0) return 0;
  const percent = Math.round(((originalPriceMinor - priceMinor) * 100) / originalPriceMinor);
  return priceMinor > 0 ? Math.min(percent, 99) : percent;
}
