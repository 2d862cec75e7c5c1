// The locale files as a whole: every message defined once, in both languages,
// and every key the code asks for defined. The bot loads the files with
// overrides allowed, so a duplicate key silently shows the later text (a buyer
// once read "it can't be paused"), and a missing key shows "{key}" to a user.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { FluentResource } from "@fluent/bundle";
import { describe, expect, it } from "vitest";
import { CATEGORIES } from "../src/domain/categories.js";
import { DOMAIN_ERROR_CODES } from "../src/domain/errors.js";

const ROOT = path.resolve(import.meta.dirname, "..");
const LOCALES = ["en", "zh"] as const;

/** Every message id in the order written, duplicates kept: a message starts at column 0 with "id =". */
function declaredIds(source: string): string[] {
  return [...source.matchAll(/^(-?[a-zA-Z][\w-]*)[ \t]*=/gm)].map((m) => m[1]!);
}

function source(locale: string): string {
  return readFileSync(path.join(ROOT, "locales", `${locale}.ftl`), "utf8");
}

const ids = Object.fromEntries(LOCALES.map((l) => [l, declaredIds(source(l))])) as Record<(typeof LOCALES)[number], string[]>;
const defined = new Set(LOCALES.flatMap((l) => ids[l]));

function duplicates(list: string[]): string[] {
  return [...new Set(list.filter((id, i) => list.indexOf(id) !== i))];
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === "generated" || e.name === "sandbox" ? [] : sourceFiles(full);
    return e.name.endsWith(".ts") && !e.name.endsWith(".test.ts") ? [full] : [];
  });
}

const code = sourceFiles(path.join(ROOT, "src")).map((file) => ({ file: path.relative(ROOT, file), text: readFileSync(file, "utf8") }));

describe("the locale files", () => {
  it.each(LOCALES)("%s.ftl parses without a broken entry", (locale) => {
    const parsed = new FluentResource(source(locale)).body.map((entry) => entry.id);
    // Fluent drops an entry it cannot parse: it would be missing from the parsed body.
    expect(parsed).toEqual(ids[locale].map((id) => id.replace(/^-/, "")));
  });

  it.each(LOCALES)("%s.ftl defines each key once", (locale) => {
    expect(duplicates(ids[locale])).toEqual([]);
  });

  it("both languages define the same keys", () => {
    const en = new Set(ids.en);
    const zh = new Set(ids.zh);
    expect({ missingInZh: ids.en.filter((k) => !zh.has(k)), missingInEn: ids.zh.filter((k) => !en.has(k)) }).toEqual({
      missingInZh: [],
      missingInEn: [],
    });
  });

  it.each(LOCALES)("%s.ftl has a message for every domain error code, and none for a code that is gone", (locale) => {
    const messages = ids[locale].filter((id) => id.startsWith("error-"));
    const expected = DOMAIN_ERROR_CODES.map((code) => `error-${code}`);
    expect({
      missing: expected.filter((key) => !messages.includes(key)),
      stale: messages.filter((key) => !expected.includes(key)),
    }).toEqual({ missing: [], stale: [] });
  });

  it("every key the code names is defined", () => {
    // A key-shaped literal whose first word is that of some key ("card-…",
    // "nearby-…") must be a key, or an error code whose message is "error-<code>".
    const heads = new Set([...defined].map((k) => k.split("-")[0]));
    const missing: string[] = [];
    for (const { file, text } of code) {
      for (const m of text.matchAll(/["'`]([a-z][a-z0-9]*(?:-[a-zA-Z0-9]+)+)["'`]/g)) {
        const key = m[1]!;
        if (heads.has(key.split("-")[0]) && !defined.has(key) && !defined.has(`error-${key}`)) missing.push(`${file}: ${key}`);
      }
      // A key built at run time, `prefix-${…}`: its family must exist.
      for (const m of text.matchAll(/\bt\(\s*`([a-z][a-z0-9-]*-)\$\{/g)) {
        if (![...defined].some((k) => k.startsWith(m[1]!))) missing.push(`${file}: ${m[1]}…`);
      }
    }
    expect(missing).toEqual([]);
  });

  it("every category has its name", () => {
    expect([...CATEGORIES, "all"].map((c) => `category-${c}`).filter((k) => !defined.has(k))).toEqual([]);
  });
});
