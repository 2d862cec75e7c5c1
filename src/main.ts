// Composition root. With BOT_TOKEN: the real bot, long polling. Without: the
// local sandbox, the same bot against a Bot API emulation on this machine.
import { existsSync } from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";
import { GrammyError, HttpError } from "grammy";
import { createApp, STOP_GRACE_MS } from "./app.js";
import { ConfigError, loadConfig, type Config } from "./config.js";
import { EXIT } from "./exit-codes.js";
import { createLogger, type Logger } from "./logger.js";
import { runSandbox } from "./sandbox/sandbox.js";

/** A stop ends the process within this, whatever the network does (supervisors kill at 10 s). */
const STOP_DEADLINE_MS = STOP_GRACE_MS + 4_000;

async function runBot(config: Config, token: string): Promise<void> {
  const logger = createLogger(config.LOG_LEVEL);
  const app = createApp(config, { token, logger });
  let stopping: Promise<never> | undefined;
  const stop = (reason: Record<string, unknown>, code: number): Promise<never> =>
    (stopping ??= (async () => {
      setTimeout(() => {
        logger.error({ ms: STOP_DEADLINE_MS }, "the stop took too long: exiting anyway");
        process.exit(EXIT.stopTimedOut);
      }, STOP_DEADLINE_MS).unref();
      logger.info(reason, "stopping");
      await app.close();
      process.exit(code);
    })());
  process.once("SIGINT", () => void stop({ signal: "SIGINT" }, EXIT.stopped));
  process.once("SIGTERM", () => void stop({ signal: "SIGTERM" }, EXIT.stopped));
  const settled = await app.services.shops.settleCurrencies();
  if (settled > 0) logger.info({ shops: settled }, "shops registered before currencies now sell in their pin's");
  await whenReachable(logger, () => app.bot.init());
  await whenReachable(logger, async () => {
    await app.bot.api.setMyCommands(app.bot.commandList("en"));
    await app.bot.api.setMyCommands(app.bot.commandList("zh"), { language_code: "zh" });
    await app.bot.api.setMyCommands(app.bot.groupCommandList("en"), { scope: { type: "all_group_chats" } });
    await app.bot.api.setMyCommands(app.bot.groupCommandList("zh"), { scope: { type: "all_group_chats" }, language_code: "zh" });
  });
  let serving: { ended: Promise<void> } | undefined;
  await whenReachable(logger, async () => {
    serving = await app.serve({
      onStart: (me) =>
        logger.info({ username: me.username, apiRoot: config.TELEGRAM_API_ROOT, mode: config.WEBHOOK_URL ? "webhook" : "long polling" }, "bot started"),
    });
  });
  try {
    await serving!.ended;
  } catch (error) {
    if (!isConflict(error)) throw error;
    // Telegram serves one long poll per token and ends the older one with 409:
    // two processes would keep cutting each other off. Scaling out needs
    // another way to share the updates (webhook mode); this one gives way, saying why.
    logger.error(
      { code: EXIT.conflict, telegram: error.description },
      "Another process is polling Telegram with this bot token (409 Conflict): this one stops. Run one instance per token.",
    );
    await stop({ reason: "conflict" }, EXIT.conflict);
  }
}

function isConflict(error: unknown): error is GrammyError {
  return error instanceof GrammyError && error.error_code === 409;
}

/** At start, an unreachable API is waited for (a stop still ends the wait), not a crash. */
async function whenReachable(logger: Logger, task: () => Promise<void>): Promise<void> {
  for (;;) {
    try {
      return await task();
    } catch (error) {
      const down = error instanceof HttpError || (error instanceof GrammyError && error.error_code >= 500);
      if (!down) throw error;
      // The request itself was already retried for a few seconds: ask again soon.
      logger.warn({ err: error.message }, "Bot API unreachable at start: trying again in 1 s");
      await sleep(1_000);
    }
  }
}

async function main(): Promise<void> {
  if (existsSync(".env")) process.loadEnvFile(".env");
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  if (config.BOT_TOKEN) await runBot(config, config.BOT_TOKEN);
  else await runSandbox(config);
}

await main();
