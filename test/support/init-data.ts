// Telegram's Mini App launch data, signed as Telegram signs it: the fields
// sorted as key=value lines, HMAC-SHA256 under HMAC-SHA256("WebAppData", token).
import { createHmac } from "node:crypto";

export interface LaunchUser {
  id: number;
  firstName: string;
  languageCode?: string;
}

export function signInitData(token: string, user: LaunchUser, authDate = new Date()): string {
  const fields = new URLSearchParams({
    auth_date: String(Math.floor(authDate.getTime() / 1000)),
    query_id: `AAH${user.id}`,
    user: JSON.stringify({ id: user.id, first_name: user.firstName, language_code: user.languageCode ?? "en", allows_write_to_pm: true }),
  });
  const lines = [...fields.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, v]) => `${k}=${v}`)
    .join("\n");
  const secret = createHmac("sha256", "WebAppData").update(token).digest();
  fields.set("hash", createHmac("sha256", secret).update(lines).digest("hex"));
  return fields.toString();
}
