// Which currency a shop sells in. Its pin gives the country (country borders
// ship with country-coder, so this works offline) and the country its ISO 4217
// currency; the owner confirms or changes it at /register.
import { iso1A2Code } from "@rapideditor/country-coder";
import countryToCurrency from "country-to-currency";
import { DomainError } from "./errors.js";
import type { Point } from "./geo.js";

const KNOWN = new Set(Intl.supportedValuesOf("currency"));

/**
 * The currencies Telegram's payments take (core.telegram.org/bots/payments,
 * "Supported currencies"). An invoice in any other (the Kuwaiti dinar, say)
 * is refused, so a shop must never sell in one.
 */
const PAYABLE = new Set(
  `AED AFN ALL AMD ARS AUD AZN BAM BDT BGN BND BOB BRL BYN CAD CHF CLP CNY COP CRC CZK DKK DOP DZD EGP ETB EUR
   GBP GEL GTQ HKD HNL HRK HUF IDR ILS INR ISK JMD JPY KES KGS KRW KZT LBP LKR MAD MDL MNT MUR MVR MXN MYR MZN
   NGN NIO NOK NPR NZD PAB PEN PHP PKR PLN PYG QAR RON RSD RUB SAR SEK SGD THB TJS TRY TTD TWD TZS UAH UGX USD
   UYU UZS VND YER ZAR`.split(/\s+/),
);

/** An ISO 4217 code in current use that Telegram takes payments in, such as "CNY" (not "XYZ", not "KWD", not "cny"). */
export function isCurrency(code: string): boolean {
  return KNOWN.has(code) && PAYABLE.has(code);
}

/** What a merchant types or taps ("eur", " EUR "), as a code; throws when it is no currency, or one Telegram does not take. */
export function currencyCode(value: string): string {
  const code = value.trim().toUpperCase();
  if (KNOWN.has(code) && !PAYABLE.has(code)) throw new DomainError("currency-not-payable", { code });
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
