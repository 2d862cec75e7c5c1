import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { checkInitData, launchDataFor, signInitData } from "./init-data.js";

const TOKEN = "1234567890:init-data-test-token-aaaaaaaaaaaaaaaa";
const NOW = new Date("2026-11-28T12:00:00Z");
const options = { botToken: TOKEN, maxAgeSeconds: 3600, now: NOW };
const AUTH_DATE = Math.floor(NOW.getTime() / 1000) - 60;
const USER = '{"id":42,"first_name":"Ana","language_code":"zh-hans"}';

/** Signed by hand, exactly as Telegram's documentation says, independent of signInitData. */
function telegramSigned(fields: Record<string, string>, token = TOKEN): string {
  const secret = createHmac("sha256", "WebAppData").update(token).digest();
  const lines = Object.entries(fields).map(([k, v]) => `${k}=${v}`).sort().join("\n");
  const hash = createHmac("sha256", secret).update(lines).digest("hex");
  return new URLSearchParams({ ...fields, hash }).toString();
}

describe("Mini App launch data", () => {
  it("accepts launch data Telegram signed, naming its user", () => {
    const raw = telegramSigned({ auth_date: String(AUTH_DATE), query_id: "AAE", user: USER });
    const check = checkInitData(raw, options);
    expect(check).toEqual({ ok: true, data: { user: { id: 42, firstName: "Ana", languageCode: "zh-hans" }, authDate: new Date(AUTH_DATE * 1000) } });
  });

  it("refuses a forged hash, another user swapped in, or another bot's signature", () => {
    const raw = telegramSigned({ auth_date: String(AUTH_DATE), user: USER });
    const forgedHash = raw.replace(/hash=([0-9a-f])/, (_m, c: string) => `hash=${c === "0" ? "1" : "0"}`);
    const swapped = raw.replace(encodeURIComponent('"id":42'), encodeURIComponent('"id":43'));
    const otherBot = telegramSigned({ auth_date: String(AUTH_DATE), user: USER }, "999:another-bot-token-aaaaaaaaaaaaaaaaaaaaa");
    for (const bad of [forgedHash, swapped, otherBot]) expect(checkInitData(bad, options)).toEqual({ ok: false, reason: "forged" });
  });

  it("refuses launch data older than the allowed age", () => {
    const old = telegramSigned({ auth_date: String(Math.floor(NOW.getTime() / 1000) - 3601), user: USER });
    expect(checkInitData(old, options)).toEqual({ ok: false, reason: "expired" });
    expect(checkInitData(old, { ...options, maxAgeSeconds: 7200 }).ok).toBe(true);
  });

  it("refuses missing launch data and data without a hash or a user", () => {
    expect(checkInitData(undefined, options)).toEqual({ ok: false, reason: "missing" });
    expect(checkInitData("", options)).toEqual({ ok: false, reason: "missing" });
    expect(checkInitData(`auth_date=${AUTH_DATE}`, options)).toEqual({ ok: false, reason: "malformed" });
    expect(checkInitData(telegramSigned({ auth_date: String(AUTH_DATE) }), options)).toEqual({ ok: false, reason: "malformed" });
  });

  it("signs as Telegram does, so the sandbox's launch data passes the check", () => {
    expect(signInitData({ auth_date: String(AUTH_DATE), user: USER }, TOKEN)).toBe(telegramSigned({ auth_date: String(AUTH_DATE), user: USER }));
    const launch = launchDataFor({ id: 7, firstName: "Bo", languageCode: "en" }, TOKEN, NOW);
    expect(checkInitData(launch, options)).toMatchObject({ ok: true, data: { user: { id: 7, firstName: "Bo" } } });
  });
});
