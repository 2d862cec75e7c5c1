// The bot as it ships: `src/main.ts` in its own process with a BOT_TOKEN,
// talking HTTP to a local Bot API emulator through TELEGRAM_API_ROOT.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BotApiEmulator, type BotEvent } from "../../src/sandbox/bot-api-emulator.js";

const ROOT = path.resolve(import.meta.dirname, "../..");
const TOKEN = "1234567890:PROCESS-test-token-not-real-aaaaaaaaaa";

let dir: string;
let emulator: BotApiEmulator;
let child: ChildProcess;
let stdout = "";
let stderr = "";
let exited: Promise<number | null>;
let anaId = 0;

function sentTo(chatId: number): Extract<BotEvent, { type: "message" }>[] {
  return emulator.events.filter((e): e is Extract<BotEvent, { type: "message" }> => e.type === "message" && e.chatId === chatId);
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "nearbuy-process-"));
  emulator = await new BotApiEmulator({ token: TOKEN, filesDir: path.join(dir, "files") }).start();
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    BOT_TOKEN: TOKEN,
    TELEGRAM_API_ROOT: emulator.url,
    DATABASE_URL: `file:${path.join(dir, "bot.db")}`,
    LOG_LEVEL: "warn",
  };
  child = spawn(path.join(ROOT, "node_modules/.bin/tsx"), ["src/main.ts"], { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
  child.stdout!.on("data", (d: Buffer) => (stdout += d.toString()));
  child.stderr!.on("data", (d: Buffer) => (stderr += d.toString()));
  exited = new Promise((resolve) => child.once("exit", (code) => resolve(code)));
  // Started means: commands set, webhook removed, a long poll waiting.
  await Promise.race([
    emulator.waitForIdle({ timeoutMs: 30_000 }),
    exited.then((code) => {
      throw new Error(`the bot exited with ${code} before polling:\n${stdout}\n${stderr}`);
    }),
  ]);
});

afterAll(async () => {
  if (child.exitCode === null) child.kill("SIGKILL");
  await emulator.close();
  rmSync(dir, { recursive: true, force: true });
});

/**
 * Updates are handled concurrently: the emulator sees one confirmed as soon as
 * the next poll leaves, before the answer. The answer, then quiet, is the end.
 */
async function handled(chatId: number): Promise<void> {
  await emulator.nextEvent((e) => e.type === "message" && e.chatId === chatId);
  await emulator.waitForIdle({ quietMs: 300 });
}

describe("the bot process against a local Bot API emulator", () => {
  it("registers its command menu, in English and Chinese, at start", () => {
    expect(emulator.myCommands().map((c) => c.command)).toContain("nearby");
    expect(emulator.myCommands("default", "zh").length).toBe(emulator.myCommands().length);
    // Groups get a menu of their own: what the bot answers there.
    expect(emulator.myCommands("all_group_chats").map((c) => c.command)).toEqual(["nearby", "vote"]);
    expect(emulator.myCommands("all_group_chats", "zh").map((c) => c.command)).toEqual(["nearby", "vote"]);
  });

  it("greets /start with the product name and a share-location keyboard", async () => {
    const ana = emulator.addUser({ firstName: "Ana", languageCode: "en" });
    anaId = ana.id;
    emulator.sendText(ana.id, "/start");
    await handled(ana.id);

    const [greeting] = sentTo(ana.id);
    expect(greeting?.message.text).toContain("Nearbuy");
    expect(greeting?.message.text).toContain("Ana");
    const button = emulator.replyKeyboard(ana.id)?.keyboard.flat()[0];
    expect(button).toMatchObject({ text: expect.stringContaining("Share location"), request_location: true });
  });

  it("answers a shared location", async () => {
    const ana = emulator.user(anaId);
    const before = sentTo(ana.id).length;
    emulator.sendLocation(ana.id, 40.758, -73.9855);
    await handled(ana.id);

    const answers = sentTo(ana.id).slice(before);
    expect(answers.length).toBeGreaterThan(0);
    expect(answers.map((a) => a.message.text ?? "").join("\n")).not.toMatch(/Something went wrong/);
    expect(emulator.events.filter((e) => e.type === "api-error")).toEqual([]);
  });

  it("stops cleanly on SIGTERM, with exit code 0 and no error logged", async () => {
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
    const errors = stdout
      .split("\n")
      .filter((l) => l.startsWith("{"))
      .map((l) => JSON.parse(l) as { level: number; msg: string })
      .filter((l) => l.level >= 50);
    expect(errors).toEqual([]);
    expect(stderr).toBe("");
  });
});
