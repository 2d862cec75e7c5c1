// The demo data's shop owners never opened the bot's chat, yet the bot writes
// to them (their evening summaries): Telegram refuses those messages, and
// the terminal does not fill with the refusals, while a refusal in a chat of
// the sandbox's own users is still shown, with whose chat it was.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";
import { DEMO_USERS } from "../../src/seed/demo-data.js";
import { createSandbox, type Sandbox } from "../../src/sandbox/sandbox.js";

let dir: string;
let sandbox: Sandbox;
const printed: string[] = [];

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "nearbuy-other-chats-"));
  sandbox = await createSandbox(loadConfig({ SANDBOX_DIR: dir, LOG_LEVEL: "silent" }), { print: (line) => printed.push(line), color: false });
}, 60_000);

afterAll(async () => {
  await sandbox.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("the sandbox's terminal and chats nobody in it has", () => {
  it("keeps quiet about a message Telegram refused to someone who never opened the bot", async () => {
    printed.length = 0;
    await expect(sandbox.app.bot.api.sendMessage(424_242_424, "Your day at the shop")).rejects.toThrow(/chat not found/);
    expect(sandbox.emulator.events.some((e) => e.type === "api-error" && e.chatId === 424_242_424)).toBe(true);
    expect(printed).toEqual([]);
  });

  it("still shows a refusal in a chat of the sandbox's own users, saying whose", async () => {
    await sandbox.execute(":as sam");
    await sandbox.execute("/start");
    await sandbox.execute(":as ana");
    printed.length = 0;
    await expect(sandbox.app.bot.api.sendMessage(DEMO_USERS.find((u) => u.key === "sam")!.id, "x".repeat(5000))).rejects.toThrow(/too long/);
    expect(printed.join("\n")).toMatch(/\[to Sam\] ⚠️ Bot API error in sendMessage: 400 Bad Request: message is too long/);
  });
});
