// Messages to someone other than the sender (an owner told of an approval, the
// daily summary) are written in that person's language, outside their update.
import { createI18n, localeFor, type Locale } from "../i18n.js";
import type { Translate } from "./stats-view.js";

const i18n = createI18n();

/** The language we write to a user in: their choice, else their Telegram app's. */
export function localeOfUser(user: { language: string | null; telegramLanguage?: string | null } | null): Locale {
  return localeFor(user?.language ?? user?.telegramLanguage);
}

export function translatorFor(locale: string): Translate {
  return (key, vars) => i18n.t(locale, key, vars);
}
