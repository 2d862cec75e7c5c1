// The bot process when the Bot API goes away: it hears again within seconds
// of the API's return, and SIGTERM ends it whatever the network does.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EXIT } from "../../src/exit-codes.js";
import { BotApiEmulator, type BotEvent } from "../../src/sandbox/bot-api-emulator.js";
import { exitWithin, pollingStarted, spawnBot, type BotProcess } from "../support/bot-process.js";
import { FlakyApi } from "../support/flaky-api.js";

const TOKEN = "1234567890:OUTAGE-test-token-not-real-aaaaaaaaaaa";

let dir: string;
let emulator: BotApiEmulator;
let api: FlakyApi;
let bot: BotProcess;

const messageTo = (chatId: number) => (e: BotEvent) => e.type === "message" && e.chatId === chatId;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "nearbuy-outage-"));
  emulator = await new BotApiEmulator({ token: TOKEN, filesDir: path.join(dir, "files") }).start();
  api = await new FlakyApi(emulator.url).start();
  bot = spawnBot({ token: TOKEN, apiRoot: api.url, dir });
  await pollingStarted(bot, emulator);
});

afterAll(async () => {
  if (bot.child.exitCode === null) bot.child.kill("SIGKILL");
  await api.close();
  await emulator.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("when the Bot API goes away and comes back", () => {
  it("answers a message sent during a 10 s outage within seconds of the API's return", async () => {
    const ana = emulator.addUser({ firstName: "Ana", languageCode: "en" });
    emulator.sendText(ana.id, "/start");
    await emulator.nextEvent(messageTo(ana.id));
    await emulator.waitForIdle();

    // Connections cut for 5 s, then 502 Bad Gateway for 5 s, as Telegram's front answers in an outage.
    api.set("refuse");
    emulator.sendText(ana.id, "/help");
    await sleep(5_000);
    api.set("502");
    await sleep(5_000);
    const answer = emulator.nextEvent(messageTo(ana.id), 60_000);
    api.set("up");
    const back = Date.now();
    await answer;

    // The target is 5 s; the margin is for a busy machine. A backoff that
    // doubles its pauses (3, 6, 12 s…) answers about 11 s late here.
    expect(Date.now() - back).toBeLessThan(6_500);
    const warnings = bot.logs().filter((l) => l.msg.startsWith("Bot API unreachable"));
    expect(warnings).toHaveLength(1);
    expect(bot.logs().some((l) => l.msg === "Bot API reachable again")).toBe(true);
  }, 60_000);

  it("stops within 10 s of SIGTERM while the API takes requests and never answers", async () => {
    api.set("hang");
    await sleep(1_000);
    const sent = Date.now();
    bot.child.kill("SIGTERM");
    expect(await exitWithin(bot, 20_000)).toBe(EXIT.stopped);
    expect(Date.now() - sent).toBeLessThan(10_000);
    expect(bot.stderr()).toBe("");
  }, 30_000);
});
