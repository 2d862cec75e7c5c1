import path from "node:path";
import { I18n } from "@grammyjs/i18n";
import type { BotContext } from "./context.js";

export const LOCALES = ["en", "zh"] as const;
export type Locale = (typeof LOCALES)[number];

const LOCALES_DIR = path.resolve(import.meta.dirname, "../../locales");

/** Telegram sends IETF tags ("zh-hans", "en-US"); we speak English and Chinese. */
export function localeFor(languageCode: string | undefined | null): Locale {
  return languageCode?.toLowerCase().startsWith("zh") ? "zh" : "en";
}

export function createI18n(): I18n<BotContext> {
  return new I18n<BotContext>({
    defaultLocale: "en",
    directory: LOCALES_DIR,
    // Without this, Fluent wraps every variable in invisible Unicode isolation marks.
    fluentBundleOptions: { useIsolating: false },
    localeNegotiator: (ctx) => ctx.user?.language ?? localeFor(ctx.from?.language_code),
  });
}
