// The bot's command menu (setMyCommands, in each language): every command the
// bot answers that a user should find there, described in both languages, and
// each one in the README.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { commandList } from "../../src/bot/commands.js";
import { createI18n, LOCALES } from "../../src/bot/i18n.js";

const readme = readFileSync(path.resolve(import.meta.dirname, "../../README.md"), "utf8");
const i18n = createI18n();

describe("the command menu", () => {
  it("offers the owner's /reviews, in English and Chinese", () => {
    expect(commandList(i18n, "en").find((c) => c.command === "reviews")).toEqual({ command: "reviews", description: "Your shop's reviews: reply to them" });
    expect(commandList(i18n, "zh").find((c) => c.command === "reviews")).toEqual({ command: "reviews", description: "店铺评价：回复顾客" });
  });

  it.each(LOCALES)("describes every command in %s, not with its message key", (locale) => {
    for (const { command, description } of commandList(i18n, locale)) {
      expect(description, command).not.toMatch(/cmd-/);
      expect(description.length, command).toBeGreaterThan(2);
    }
  });

  it("names every command of the menu in the README", () => {
    expect(commandList(i18n, "en").map((c) => c.command).filter((command) => !readme.includes(`/${command}`))).toEqual([]);
  });
});
