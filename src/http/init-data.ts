// Telegram Mini App launch data (initData): signed by Telegram with a key
// derived from the bot token, so only Telegram (or whoever holds the token)
// can name the user. The signature and the age are the whole of the trust.
import { createHmac, timingSafeEqual } from "node:crypto";

export interface LaunchUser {
  id: number;
  firstName: string;
  username?: string;
  languageCode?: string;
}

export interface LaunchData {
  user: LaunchUser;
  authDate: Date;
}

export type InitDataRefusal = "missing" | "malformed" | "forged" | "expired";

/** How far ahead of ours Telegram's clock may be (both keep time by NTP). */
const CLOCK_SKEW_SECONDS = 300;

export type InitDataCheck = { ok: true; data: LaunchData } | { ok: false; reason: InitDataRefusal };

function secretKey(botToken: string): Buffer {
  return createHmac("sha256", "WebAppData").update(botToken).digest();
}

/** The lines Telegram signs: every field but the hash, sorted, `key=value`. */
function checkString(params: URLSearchParams): string {
  return [...params.entries()]
    .filter(([key]) => key !== "hash")
    .map(([key, value]) => `${key}=${value}`)
    .sort()
    .join("\n");
}

/** Signs launch data as Telegram does: the sandbox and tests open the app with it. */
export function signInitData(fields: Record<string, string>, botToken: string): string {
  const params = new URLSearchParams(fields);
  params.delete("hash");
  params.set("hash", createHmac("sha256", secretKey(botToken)).update(checkString(params)).digest("hex"));
  return params.toString();
}

/** Launch data for a user, signed now: what Telegram would give the app. */
export function launchDataFor(user: LaunchUser, botToken: string, now: Date): string {
  const telegramUser = { id: user.id, first_name: user.firstName, username: user.username, language_code: user.languageCode };
  return signInitData({ auth_date: String(Math.floor(now.getTime() / 1000)), user: JSON.stringify(telegramUser) }, botToken);
}

export function checkInitData(raw: string | undefined, { botToken, maxAgeSeconds, now }: { botToken: string; maxAgeSeconds: number; now: Date }): InitDataCheck {
  if (!raw) return { ok: false, reason: "missing" };
  const params = new URLSearchParams(raw);
  const hash = params.get("hash");
  if (!hash || !/^[0-9a-f]{64}$/.test(hash)) return { ok: false, reason: "malformed" };
  const expected = createHmac("sha256", secretKey(botToken)).update(checkString(params)).digest();
  if (!timingSafeEqual(expected, Buffer.from(hash, "hex"))) return { ok: false, reason: "forged" };
  const authDate = Number(params.get("auth_date"));
  if (!Number.isInteger(authDate) || authDate <= 0) return { ok: false, reason: "malformed" };
  // Launch data never expires by itself: a copy that leaked would name the user forever.
  const age = now.getTime() / 1000 - authDate;
  if (age > maxAgeSeconds) return { ok: false, reason: "expired" };
  // Telegram signs it when the app opens: a date further ahead than clocks drift was never Telegram's.
  if (age < -CLOCK_SKEW_SECONDS) return { ok: false, reason: "malformed" };
  const user = parseUser(params.get("user"));
  if (!user) return { ok: false, reason: "malformed" };
  return { ok: true, data: { user, authDate: new Date(authDate * 1000) } };
}

function parseUser(json: string | null): LaunchUser | null {
  if (!json) return null;
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return null;
  }
  if (typeof value !== "object" || value === null) return null;
  const { id, first_name, username, language_code } = value as Record<string, unknown>;
  if (typeof id !== "number" || !Number.isSafeInteger(id) || id <= 0) return null;
  return {
    id,
    firstName: typeof first_name === "string" ? first_name : "",
    username: typeof username === "string" ? username : undefined,
    languageCode: typeof language_code === "string" ? language_code : undefined,
  };
}
