// A second process polling with the same token: Telegram answers the first
// one's poll with 409 Conflict. The first says so in one line, stops its
// jobs and exits with its own code, without a stack trace.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EXIT } from "../../src/exit-codes.js";
import { BotApiEmulator } from "../../src/sandbox/bot-api-emulator.js";
import { exitWithin, pollingStarted, spawnBot, type BotProcess } from "../support/bot-process.js";

const TOKEN = "1234567890:CONFLICT-test-token-not-real-aaaaaaaaa";

let dir: string;
let emulator: BotApiEmulator;
let bot: BotProcess;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "nearbuy-conflict-"));
  emulator = await new BotApiEmulator({ token: TOKEN, filesDir: path.join(dir, "files") }).start();
  bot = spawnBot({ token: TOKEN, apiRoot: emulator.url, dir });
  await pollingStarted(bot, emulator);
});

afterAll(async () => {
  if (bot.child.exitCode === null) bot.child.kill("SIGKILL");
  await emulator.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("a second instance on the same token", () => {
  it("makes the first say what happened in one line and exit with the conflict code, jobs stopped", async () => {
    // The second instance's long poll ends the first one's, as on Telegram.
    const second = fetch(`${emulator.url}/bot${TOKEN}/getUpdates`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ timeout: 5 }),
      signal: AbortSignal.timeout(10_000),
    }).catch(() => undefined);

    expect(await exitWithin(bot, 15_000)).toBe(EXIT.conflict);
    await second;
    const errors = bot.logs().filter((l) => l.level >= 50);
    expect(errors.map((l) => l.msg)).toEqual([
      "Another process is polling Telegram with this bot token (409 Conflict): this one stops. Run one instance per token.",
    ]);
    expect(bot.logs().some((l) => l.msg === "stopping" && l.reason === "conflict")).toBe(true);
    expect(bot.stderr()).toBe("");
  });
});
