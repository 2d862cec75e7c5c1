// The one place that decides which language someone reads, and the one
// translator type: replies in an update, notices to other users, pushes and
// daily summaries all translate through a `Translate` for that language.
import path from "node:path";
import type { Context } from "grammy";
import { I18n } from "@grammyjs/i18n";

export const LOCALES = ["en", "zh"] as const;
export type Locale = (typeof LOCALES)[number];

/** A key and its variables, in one language. */
export type Translate = (key: string, params?: Record<string, string | number>) => string;

/** What is known of a user's language: the one chosen with /language, and their Telegram app's. */
export interface LanguageOf {
  language: string | null;
  telegramLanguage?: string | null;
}

const LOCALES_DIR = path.resolve(import.meta.dirname, "../../locales");

/** Telegram sends IETF tags ("zh-hans", "en-US"); we speak English and Chinese. */
export function localeFor(languageCode: string | undefined | null): Locale {
  return languageCode?.toLowerCase().startsWith("zh") ? "zh" : "en";
}

/**
 * The language a user reads: the one they chose, else their Telegram app's.
 * Where the app's is not known (a push), `fallback` (the language the user
 * read when they subscribed).
 */
export function userLocale(user: LanguageOf | null | undefined, fallback?: string): string {
  if (user?.language) return user.language;
  if (user?.telegramLanguage || fallback === undefined) return localeFor(user?.telegramLanguage);
  return fallback;
}

export function createI18n<C extends Context & { user?: LanguageOf }>(): I18n<C> {
  const i18n = new I18n<C>({
    defaultLocale: "en",
    directory: LOCALES_DIR,
    // Without this, Fluent wraps every variable in invisible Unicode isolation marks.
    fluentBundleOptions: { useIsolating: false },
    localeNegotiator: (ctx) => userLocale(ctx.user ?? { language: null, telegramLanguage: ctx.from?.language_code }),
  });
  rememberBundleMatches(i18n.fluent as unknown as MatchesBundles);
  return i18n;
}

interface MatchesBundles {
  matchBundles?: (locales: string[]) => unknown;
}

/**
 * The plugin negotiates the locale against every bundle (BCP 47 subtags and
 * all) on each translation: a list shown takes a few dozen, and that was a
 * fifth of what an update allocated (measured). The bundles are loaded once,
 * when the plugin is made (a directory, read synchronously), so the answer
 * for a locale never changes: it is kept. Where a later version of the
 * plugin has no such method, nothing changes.
 */
function rememberBundleMatches(fluent: MatchesBundles): void {
  const match = fluent.matchBundles?.bind(fluent);
  if (!match) return;
  const matched = new Map<string, unknown>();
  fluent.matchBundles = (locales) => {
    const key = locales.join("\n");
    if (!matched.has(key)) matched.set(key, match(locales));
    return matched.get(key);
  };
}

/** Translations in one language, for messages sent outside the recipient's own update. */
export function translatorFor(i18n: Pick<I18n, "t">, locale: string): Translate {
  return (key, params) => i18n.t(locale, key, params);
}
