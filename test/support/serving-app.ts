// The app as main.ts runs it (createApp, then serve: the runner or the
// webhook, the intake, sequentialize, the HTTP server) against the Bot API
// emulator, in this process so a test can read its log and its intake.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Writable } from "node:stream";
import { pino } from "pino";
import { createApp, type App } from "../../src/app.js";
import { loadConfig } from "../../src/config.js";
import { BotApiEmulator, type EmulatorOptions } from "../../src/sandbox/bot-api-emulator.js";
import type { Clock } from "../../src/util/clock.js";
import type { LogEntry } from "./bot-process.js";
import type { OpenTestDb } from "./databases.js";

export const TOKEN = "1234567890:SERVE-test-token-not-real-aaaaaaaaaaaa";

export interface ServingApp {
  app: App;
  emulator: BotApiEmulator;
  logs: LogEntry[];
  /** Everything sent so far handled: the intake empty and the emulator quiet. */
  settle(): Promise<void>;
  close(): Promise<void>;
}

/**
 * `database` gives the app a fresh database of a suite's kind (see
 * describeEachDatabase); without it, the app gets a SQLite file of its own.
 */
export async function serveApp({
  env = {},
  emulator: emulatorOptions = {},
  clock,
  database,
}: { env?: Record<string, string>; emulator?: Partial<EmulatorOptions>; clock?: Clock; database?: OpenTestDb } = {}): Promise<ServingApp> {
  const dir = mkdtempSync(path.join(tmpdir(), "nearbuy-serve-"));
  // Only its URL is used: the app opens its own client; this one removes the database's file (SQLite) when closed.
  const given = await database?.();
  const emulator = await new BotApiEmulator({ token: TOKEN, filesDir: path.join(dir, "files"), ...emulatorOptions }).start();
  const logs: LogEntry[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split("\n").filter(Boolean)) logs.push(JSON.parse(line) as LogEntry);
      done();
    },
  });
  const config = loadConfig({ TELEGRAM_API_ROOT: emulator.url, DATABASE_URL: given?.url ?? `file:${path.join(dir, "bot.db")}`, ...env });
  const app = createApp(config, { token: TOKEN, logger: pino({ level: "info", base: undefined }, sink), clock });
  await app.serve();
  const settle = async () => {
    await emulator.waitForIdle();
    await app.intake.idle();
    await emulator.waitForIdle();
  };
  return {
    app,
    emulator,
    logs,
    settle,
    async close() {
      await app.close();
      await emulator.close();
      await given?.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
