// Voucher codes: 12 symbols of Crockford base32 shown as 7KQ2-M9XD-4HT3.
// Eleven symbols are random (55 bits from the system's CSPRNG); the twelfth is
// a Luhn mod 32 check symbol, so a single mistyped symbol or two swapped
// neighbours is caught as a typo before any lookup (no database oracle).
import { randomInt } from "node:crypto";
import { DomainError } from "./errors.js";

const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const BASE = ALPHABET.length;
const RANDOM_SYMBOLS = 11;
export const CODE_LENGTH = RANDOM_SYMBOLS + 1;

/** Luhn mod N over the symbols' values, from the right, doubling every other one. */
function luhnSum(symbols: string, doubleFirst: boolean): number {
  let sum = 0;
  let double = doubleFirst;
  for (let i = symbols.length - 1; i >= 0; i--) {
    let addend = ALPHABET.indexOf(symbols[i]!) * (double ? 2 : 1);
    addend = Math.floor(addend / BASE) + (addend % BASE);
    sum += addend;
    double = !double;
  }
  return sum;
}

function checkSymbol(body: string): string {
  return ALPHABET[(BASE - (luhnSum(body, true) % BASE)) % BASE]!;
}

/** A fresh code, stored in this compact form (no hyphens). */
export function newVoucherCode(random: (max: number) => number = randomInt): string {
  let body = "";
  for (let i = 0; i < RANDOM_SYMBOLS; i++) body += ALPHABET[random(BASE)];
  return body + checkSymbol(body);
}

/** 7KQ2M9XD4HT3 → 7KQ2-M9XD-4HT3 */
export function formatVoucherCode(code: string): string {
  return code.match(/.{1,4}/g)!.join("-");
}

/**
 * Reads a code as a person types it: any case, with or without hyphens or
 * spaces, O for 0 and I or L for 1. Throws `code-malformed` when it cannot be a
 * code and `code-typo` when the check symbol does not match.
 */
export function parseVoucherCode(typed: string): string {
  const code = typed
    .toUpperCase()
    .replace(/[\s-]/g, "")
    .replace(/O/g, "0")
    .replace(/[IL]/g, "1");
  if (code.length !== CODE_LENGTH || [...code].some((c) => !ALPHABET.includes(c))) {
    throw new DomainError("code-malformed");
  }
  if (luhnSum(code, false) % BASE !== 0) throw new DomainError("code-typo");
  return code;
}
