// An offer drafted from a merchant's description. Each proposed value goes
// through the same check as the value typed into /newdeal's form; a value that
// fails is left out, and the form asks for it.
import { DomainError } from "./errors.js";
import * as validate from "./validation.js";
import { DEFAULT_PER_PERSON_LIMIT, DEFAULT_VOUCHER_VALID_DAYS, type DealInput } from "./validation.js";

export interface RawDraft {
  title?: string | null;
  description?: string | null;
  price?: number | null;
  originalPrice?: number | null;
  quantity?: number | null;
  perPersonLimit?: number | null;
  days?: number | null;
  /** YYYY-MM-DD, the last day on sale. */
  saleEndsOn?: string | null;
  voucherValidDays?: number | null;
}

const DAY_MS = 86_400_000;

/** The value, or undefined when it breaks a rule. */
function attempt<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch (error) {
    if (error instanceof DomainError) return undefined;
    throw error;
  }
}

/** Whole days from today until the end of `date` (both as calendar days in UTC). */
export function daysUntil(date: string, now: Date): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return undefined;
  const end = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  if (Number.isNaN(end) || new Date(end).getUTCDate() !== Number(m[3])) return undefined;
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return Math.round((end - today) / DAY_MS) + 1;
}

/** A number is checked as the text a merchant would type, so 2.999 fails as "2.999" does in the form. */
function checked<T>(n: number | null | undefined, check: (typed: string) => T): T | undefined {
  return typeof n === "number" && Number.isFinite(n) ? attempt(() => check(String(n))) : undefined;
}

export function draftFields(raw: RawDraft, { currency, now }: { currency: string; now: Date }): Partial<DealInput> {
  const title = raw.title ? attempt(() => validate.text(raw.title!, "title")) : undefined;
  const description = attempt(() => validate.text(raw.description ?? "", "description", { optional: true })) ?? "";
  const priceMinor = checked(raw.price, (v) => validate.price(v, currency));
  const originalPriceMinor =
    priceMinor === undefined ? undefined : checked(raw.originalPrice, (v) => validate.originalPrice(v, currency, priceMinor));
  const quantity = checked(raw.quantity, (v) => validate.wholeNumber(v, "quantity"));
  const limit = checked(raw.perPersonLimit, (v) => validate.wholeNumber(v, "perPersonLimit"));
  const perPersonLimit =
    quantity === undefined ? undefined : limit !== undefined && limit <= quantity ? limit : Math.min(DEFAULT_PER_PERSON_LIMIT, quantity);
  const days = checked(raw.days ?? (raw.saleEndsOn ? daysUntil(raw.saleEndsOn, now) : undefined), (v) =>
    validate.wholeNumber(v, "days"),
  );
  const voucherValidDays =
    checked(raw.voucherValidDays, (v) => validate.wholeNumber(v, "voucherValidDays")) ?? DEFAULT_VOUCHER_VALID_DAYS;
  const draft = { title, description, priceMinor, originalPriceMinor, quantity, perPersonLimit, days, voucherValidDays };
  // Absent fields are left out, not set to undefined: the draft is stored as JSON.
  return Object.fromEntries(Object.entries(draft).filter(([, v]) => v !== undefined)) as Partial<DealInput>;
}

/** The first field a publishable offer still lacks or breaks, in the form's order; undefined when none. */
export function firstGap(d: Partial<DealInput>): keyof DealInput | undefined {
  if (!d.title) return "title";
  if (d.description === undefined) return "description";
  if (d.priceMinor === undefined) return "priceMinor";
  if (d.originalPriceMinor === undefined || d.originalPriceMinor <= 0 || !validate.isBelowUsual(d.priceMinor, d.originalPriceMinor)) {
    return "originalPriceMinor";
  }
  if (d.quantity === undefined) return "quantity";
  if (d.perPersonLimit === undefined || d.perPersonLimit > d.quantity) return "perPersonLimit";
  if (d.days === undefined) return "days";
  if (d.voucherValidDays === undefined) return "voucherValidDays";
  return undefined;
}
