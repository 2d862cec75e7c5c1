// The app's texts come from locales/*.ftl, like the bot's: the build embeds the
// messages the app uses (app-*, category-*, error-*), and the server's
// /api/me says which language the user gets (the bot's one rule).
import { FluentBundle, FluentResource, type FluentVariable } from "@fluent/bundle";
import { messages } from "virtual:messages";

export type Locale = keyof typeof messages;
let bundle = bundleFor("en");

function bundleFor(locale: Locale): FluentBundle {
  const created = new FluentBundle(locale, { useIsolating: false });
  created.addResource(new FluentResource(messages[locale]));
  return created;
}

export function setLocale(locale: string): void {
  const chosen: Locale = locale in messages ? (locale as Locale) : "en";
  bundle = bundleFor(chosen);
  document.documentElement.lang = chosen;
}

export function has(id: string): boolean {
  return bundle.hasMessage(id);
}

/** Plain text: the bot's HTML markup (<b>, <code>) is dropped. */
export function t(id: string, args: Record<string, FluentVariable> = {}): string {
  const message = bundle.getMessage(id);
  if (!message?.value) return id;
  return bundle.formatPattern(message.value, args).replace(/<[^>]+>/g, "");
}
