// What a merchant may type into a shop or an offer. Each check throws a
// DomainError whose code names the message the user sees; limits keep every
// card within Telegram's 1024-character photo caption.
import { isCategory, type Category } from "./categories.js";
import { DomainError } from "./errors.js";
import { assertValidPoint, type Point } from "./geo.js";
import { parseMoney } from "./money.js";

export const LIMITS = {
  shopName: 64,
  address: 200,
  openingHours: 100,
  title: 80,
  description: 500,
  quantity: 100_000,
  perPersonLimit: 100,
  days: 365,
  voucherValidDays: 365,
  minBuyers: 1000,
} as const;

/**
 * When a buyer gets money back: ANYTIME while the voucher is unused,
 * ON_EXPIRY for vouchers left unused when they expire, or NONE.
 */
export const REFUND_POLICIES = ["ANYTIME", "ON_EXPIRY", "NONE"] as const;
export type RefundPolicy = (typeof REFUND_POLICIES)[number];
export const DEFAULT_REFUND_POLICY: RefundPolicy = "ANYTIME";

export function refundPolicy(value: string): RefundPolicy {
  const policy = REFUND_POLICIES.find((p) => p === value);
  if (!policy) throw new DomainError("bad-refund-policy");
  return policy;
}

/**
 * Characters that change how the text around them reads without showing
 * themselves: bidirectional overrides and isolates (U+202E turns "Pizza $5"
 * around, so a name or a price can pose as another), zero-width spaces, soft
 * hyphens, fillers that render blank (a "name" of Hangul fillers or Braille
 * blanks), musical formatting controls, Mongolian variation selectors away
 * from a Mongolian letter, and tag characters outside a flag (🏴 plus tags
 * spells England's flag; tags after anything else hide text).
 */
const INVISIBLE =
  /[\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180E\u200B\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\u2800\u3164\uFEFF\uFFA0\u{1D173}-\u{1D17A}]|(?<!\p{Script=Mongolian})[\u180B-\u180D\u180F]|(?<!\u{1F3F4}[\u{E0020}-\u{E007E}]*)[\u{E0000}-\u{E007F}]/gu;
/**
 * Joiners are kept only where they do their job: U+200D inside an emoji
 * sequence (👩‍💻), U+200C between letters (Persian, Indic scripts).
 */
const STRAY_JOINER =
  /(?<![\p{Extended_Pictographic}\p{Emoji_Modifier}]\uFE0F?)\u200D|\u200D(?!\p{Extended_Pictographic})|(?<!\p{L}\p{M}*)\u200C|\u200C(?!\p{L})/gu;

/**
 * Text a user typed, as others will read it: without invisible controls, on
 * one line, trimmed. Every field shown to other people passes through here.
 */
export function visibleText(value: string): string {
  return value.replace(INVISIBLE, "").replace(STRAY_JOINER, "").replace(/\s+/g, " ").trim();
}

/** A Telegram first name as merchants and operators see it; the fallback when nothing visible is left. */
export function displayName(value: string, fallback: string): string {
  return [...visibleText(value)].slice(0, 64).join("") || fallback;
}

export function text(value: string, field: keyof typeof LIMITS, { optional = false } = {}): string {
  const cleaned = visibleText(value);
  if (!optional && cleaned.length === 0) throw new DomainError("empty", { field });
  const max = LIMITS[field];
  if ([...cleaned].length > max) throw new DomainError("too-long", { field, max });
  return cleaned;
}

export function wholeNumber(value: string, field: keyof typeof LIMITS, min = 1): number {
  const cleaned = value.trim();
  const max = LIMITS[field];
  if (!/^\d{1,7}$/.test(cleaned)) throw new DomainError("not-a-number", { field, min, max });
  const n = Number(cleaned);
  if (n < min || n > max) throw new DomainError("out-of-range", { field, min, max });
  return n;
}

/**
 * How many units to buy: a whole number from 1 to what this buyer may take
 * now. Zero is refused like any other bad number: a zero-unit order would
 * open an invoice for nothing, or make a group deal's "buyer" of someone
 * holding nothing.
 */
export function orderQuantity(quantity: number, max: number): number {
  if (!Number.isInteger(quantity) || quantity < 1) throw new DomainError("quantity-invalid", { max });
  if (quantity > max) throw new DomainError("quantity-unavailable", { max });
  return quantity;
}

export function category(value: string): Category {
  const cleaned = value.trim().toLowerCase();
  if (!isCategory(cleaned)) throw new DomainError("bad-category");
  return cleaned;
}

const COORDINATES = /^\s*(-?\d{1,3}(?:\.\d+)?)\s*[,\s]\s*(-?\d{1,3}(?:\.\d+)?)\s*$/;

/**
 * As typed on any keyboard: NFKC makes a Chinese keyboard's full-width comma
 * and digits ("31.23，121.47") plain, and a copied minus sign is a minus.
 */
const plainCoordinates = (value: string) => value.normalize("NFKC").replace(/[−–]/g, "-").replace(/、/g, ",");

/** "31.23, 121.47" or "31.23 121.47". */
export function coordinates(value: string): Point {
  const match = COORDINATES.exec(plainCoordinates(value));
  // Words (an address, "near the park") are not a place on the map: say how to send one.
  if (!match) throw new DomainError("location-needed");
  const point = { lat: Number(match[1]), lng: Number(match[2]) };
  assertValidPoint(point);
  return point;
}

/**
 * A message that is only a position ("40.7081, -73.9571"), or null. Stricter
 * than a form's answer, where a position is expected: outside a form both
 * numbers need decimals, so "2 150" stays a request for deals.
 */
export function typedPoint(value: string): Point | null {
  const match = COORDINATES.exec(plainCoordinates(value));
  if (!match || !match[1]!.includes(".") || !match[2]!.includes(".")) return null;
  const point = { lat: Number(match[1]), lng: Number(match[2]) };
  return Math.abs(point.lat) <= 90 && Math.abs(point.lng) <= 180 ? point : null;
}

/** A price of 0 is a free coupon; the original price must be a real price. */
export function price(value: string, currency: string): number {
  return parseMoney(value, currency);
}

export function originalPrice(value: string, currency: string, priceMinor: number): number {
  const original = parseMoney(value, currency);
  if (original <= 0) throw new DomainError("original-not-positive");
  assertBelowUsual(priceMinor, original);
  return original;
}

/** A usual price is above the price customers pay: otherwise the offer's discount is none, or a lie. */
export function isBelowUsual(priceMinor: number, originalPriceMinor: number): boolean {
  return originalPriceMinor > priceMinor;
}

export function assertBelowUsual(priceMinor: number, originalPriceMinor: number): void {
  if (!isBelowUsual(priceMinor, originalPriceMinor)) throw new DomainError("original-below-price");
}

export interface ShopInput {
  name: string;
  category: Category;
  lat: number;
  lng: number;
  address: string;
  openingHours: string;
  /** ISO 4217; absent: the currency of the pin's country. */
  currency?: string;
}

export interface DealInput {
  title: string;
  description: string;
  photoFileId?: string;
  priceMinor: number;
  originalPriceMinor: number;
  quantity: number;
  perPersonLimit: number;
  days: number;
  voucherValidDays: number;
  refundPolicy?: RefundPolicy;
  /** A group deal's minimum number of buyers; 0 or absent for a normal deal. */
  minBuyers?: number;
}

/** `/register Shop name | category | latitude,longitude | address` */
export function parseShopLine(line: string): Omit<ShopInput, "openingHours"> {
  const parts = line.split("|").map((p) => p.trim());
  if (parts.length !== 4) throw new DomainError("register-line-format");
  const [name, cat, coords, address] = parts as [string, string, string, string];
  return {
    name: text(name, "shopName"),
    category: category(cat),
    ...coordinates(coords),
    address: text(address, "address"),
  };
}

export const DEFAULT_PER_PERSON_LIMIT = 5;
export const DEFAULT_VOUCHER_VALID_DAYS = 30;

/** The fields of a one-line /newdeal, in its order. */
export type DealLineField = "title" | "price" | "original" | "quantity" | "days";

/**
 * `/newdeal Title | price | original price | quantity | days`, field by
 * field: what is right is kept, and the first field that is not is named
 * with why (the form then asks for it, and for anything else missing).
 */
export function readDealLine(line: string, currency: string): { draft: Partial<DealInput>; wrong?: { field: DealLineField; error: DomainError } } {
  const parts = line.split("|").map((p) => p.trim());
  if (parts.length !== 5) throw new DomainError("newdeal-line-format");
  const [title, p, op, qty, days] = parts as [string, string, string, string, string];
  const draft: Partial<DealInput> = { description: "", voucherValidDays: DEFAULT_VOUCHER_VALID_DAYS };
  let wrong: { field: DealLineField; error: DomainError } | undefined;
  const read = (field: DealLineField, take: () => void) => {
    try {
      take();
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      wrong ??= { field, error };
    }
  };
  read("title", () => (draft.title = text(title, "title")));
  read("price", () => (draft.priceMinor = price(p, currency)));
  read("original", () => (draft.originalPriceMinor = draft.priceMinor === undefined ? parseMoney(op, currency) : originalPrice(op, currency, draft.priceMinor)));
  read("quantity", () => {
    draft.quantity = wholeNumber(qty, "quantity");
    draft.perPersonLimit = Math.min(DEFAULT_PER_PERSON_LIMIT, draft.quantity);
  });
  read("days", () => (draft.days = wholeNumber(days, "days")));
  return wrong ? { draft, wrong } : { draft };
}
