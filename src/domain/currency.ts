// Which currency a shop sells in. Its pin gives the country (country borders
// ship with country-coder, so this works offline) and the country its ISO 4217
// currency; the owner confirms or changes it at /register.
import { iso1A2Code } from "@rapideditor/country-coder";
import countryToCurrency from "country-to-currency";
import { DomainError } from "./errors.js";
import type { Point } from "./geo.js";

const KNOWN = new Set(Intl.supportedValuesOf("currency"));

/** An ISO 4217 code in current use, such as "CNY" (not "XYZ", not "cny"). */
export function isCurrency(code: string): boolean {
  return KNOWN.has(code);
}

/** What a merchant types or taps ("eur", " EUR "), as a code; throws when it is no currency. */
export function currencyCode(value: string): string {
  const code = value.trim().toUpperCase();
  if (!isCurrency(code)) throw new DomainError("bad-currency");
  return code;
}

/**
 * The currency of the territory at a point (Hong Kong's dollar, not the
 * mainland's yuan), or null at sea and where no currency is known.
 */
export function currencyAt({ lat, lng }: Point): string | null {
  const place = iso1A2Code([lng, lat], { level: "territory" }) ?? iso1A2Code([lng, lat]);
  const currency = place ? (countryToCurrency as Record<string, string | undefined>)[place] : undefined;
  return currency && isCurrency(currency) ? currency : null;
}

/** "Chinese Yuan", "人民币": the currency's name in the reader's language. */
export function currencyName(code: string, locale: string): string {
  return new Intl.DisplayNames([locale === "zh" ? "zh-CN" : "en"], { type: "currency" }).of(code) ?? code;
}
