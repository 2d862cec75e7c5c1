// `src/main.ts` in its own process with a BOT_TOKEN, as it ships, talking
// HTTP to whatever Bot API `apiRoot` names.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import type { BotApiEmulator } from "../../src/sandbox/bot-api-emulator.js";

const ROOT = path.resolve(import.meta.dirname, "../..");

export interface LogEntry {
  level: number;
  msg: string;
  [key: string]: unknown;
}

export interface BotProcess {
  child: ChildProcess;
  /** Resolves with the exit code. */
  exited: Promise<number | null>;
  stdout(): string;
  stderr(): string;
  /** The pino lines written so far. */
  logs(): LogEntry[];
}

export function spawnBot({
  token,
  apiRoot,
  dir,
  logLevel = "info",
  databaseUrl = `file:${path.join(dir, "bot.db")}`,
  env: extra = {},
}: {
  token: string;
  apiRoot: string;
  dir: string;
  logLevel?: string;
  /** A SQLite file in `dir` unless told otherwise. */
  databaseUrl?: string;
  /** More settings (webhook mode, schedules…). */
  env?: Record<string, string>;
}): BotProcess {
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    BOT_TOKEN: token,
    TELEGRAM_API_ROOT: apiRoot,
    DATABASE_URL: databaseUrl,
    LOG_LEVEL: logLevel,
    ...extra,
  };
  const child = spawn(path.join(ROOT, "node_modules/.bin/tsx"), ["src/main.ts"], { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  let err = "";
  child.stdout!.on("data", (d: Buffer) => (out += d.toString()));
  child.stderr!.on("data", (d: Buffer) => (err += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return {
    child,
    exited,
    stdout: () => out,
    stderr: () => err,
    logs: () =>
      out
        .split("\n")
        .filter((l) => l.startsWith("{"))
        .map((l) => JSON.parse(l) as LogEntry),
  };
}

/** Resolves with the exit code, or with "running" after `ms`. */
export function exitWithin(bot: BotProcess, ms: number): Promise<number | null | "running"> {
  return Promise.race([bot.exited, new Promise<"running">((resolve) => setTimeout(() => resolve("running"), ms))]);
}

/** Resolves once the bot is polling the emulator; fails with its output if it exits first. */
export function pollingStarted(bot: BotProcess, emulator: BotApiEmulator): Promise<void> {
  return Promise.race([
    emulator.waitForIdle({ timeoutMs: 30_000 }),
    bot.exited.then((code) => {
      throw new Error(`the bot exited with ${code} before polling:\n${bot.stdout()}\n${bot.stderr()}`);
    }),
  ]);
}
