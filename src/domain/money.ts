// Money is an integer in minor units plus an ISO 4217 currency code.
import { DomainError } from "./errors.js";

/**
 * Where Telegram's currencies.json and the Unicode data behind Intl disagree,
 * Telegram wins: amounts go into invoices in its minor units. Stars (XTR) are
 * whole; the others Intl gives 0 decimals.
 */
const TELEGRAM_DIGITS: Record<string, number> = { XTR: 0, AFN: 2, ALL: 2, COP: 2, HUF: 2, IDR: 2, LBP: 2, PKR: 2, YER: 2 };

const digitsOf = new Map<string, number>();

/** Decimals of the currency's minor unit: JPY 0, USD 2, KWD 3. */
export function minorDigits(currency: string): number {
  let digits = digitsOf.get(currency);
  if (digits === undefined) {
    digits =
      TELEGRAM_DIGITS[currency] ??
      new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ??
      2;
    digitsOf.set(currency, digits);
  }
  return digits;
}

/**
 * Parses what a merchant types ("12", "12.5", "12,50", "¥12.50") into minor
 * units. Rejects negatives, more decimals than the currency has, and absurd sums.
 */
export function parseMoney(input: string, currency: string): number {
  const digits = minorDigits(currency);
  const cleaned = plainAmount(input, digits);
  const pattern = digits === 0 ? /^\d{1,9}$/ : new RegExp(`^\\d{1,9}(\\.\\d{1,${digits}})?$`);
  if (!pattern.test(cleaned)) throw new DomainError("bad-price", { decimals: digits, example: typedExample(1250, currency) });
  const [whole, fraction = ""] = cleaned.split(".");
  return Number(whole) * 10 ** digits + Number(fraction.padEnd(digits, "0") || "0");
}

/**
 * The number in a price as typed: "¥15", "15元", "１５" (a Chinese keyboard's
 * full-width digits), "US$ 9.90", "1,200" (thousands), "4,50" (a decimal
 * comma) → "15", "15", "15", "9.90", "1200", "4.50". A comma before exactly
 * three digits groups thousands, unless the currency has three decimals.
 */
function plainAmount(input: string, digits: number): string {
  const text = input.normalize("NFKC").trim().replace(/^[^\d.,-]+/, "").replace(/[^\d.,]+$/, "");
  if (text.includes(".") || (digits !== 3 && /^\d{1,3}(,\d{3})+$/.test(text))) return text.replace(/,/g, "");
  return text.replace(",", ".");
}

/** A price as a merchant types it in this currency, given in cents: 990 → "9.90", "990" (JPY), "9.900" (KWD). */
export function typedExample(cents: number, currency: string): string {
  const digits = minorDigits(currency);
  return digits === 0 ? String(cents) : (cents / 100).toFixed(digits);
}

export function formatMoney(minor: number, currency: string, locale = "en"): string {
  const digits = minorDigits(currency);
  const whole = minor % 10 ** digits === 0;
  return moneyFormat(locale === "zh" ? "zh-CN" : "en-US", currency, whole ? 0 : digits, digits).format(minor / 10 ** digits);
}

/** Building a formatter costs a hundred times what using one does, and a list formats dozens of prices. */
const moneyFormats = new Map<string, Intl.NumberFormat>();

function moneyFormat(locale: string, currency: string, minimumFractionDigits: number, maximumFractionDigits: number): Intl.NumberFormat {
  const key = `${locale}|${currency}|${minimumFractionDigits}`;
  let format = moneyFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, { style: "currency", currency, minimumFractionDigits, maximumFractionDigits });
    moneyFormats.set(key, format);
  }
  return format;
}

/**
 * Whole percent off, rounded to the nearest ($2.50 instead of $9 is 72%, not
 * 72.2%; $3.01 instead of $10 is 70%, not 69.9% cut to 69).
 * Only a free deal is 100% off: anything that costs something stays at most 99.
 */
export function discountPercent(priceMinor: number, originalPriceMinor: number): number {
  if (originalPriceMinor <= 0) return 0;
  const percent = Math.round(((originalPriceMinor - priceMinor) * 100) / originalPriceMinor);
  return priceMinor > 0 ? Math.min(percent, 99) : percent;
}

/** The discount a line shows beside the price: none for a free deal, whose price already says "free". */
export function shownDiscountPercent(priceMinor: number, originalPriceMinor: number): number {
  return priceMinor > 0 ? discountPercent(priceMinor, originalPriceMinor) : 0;
}
