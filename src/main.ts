// Composition root. With BOT_TOKEN: the real bot, long polling. Without: the
// local sandbox, the same bot against a Bot API emulation on this machine.
import { existsSync } from "node:fs";
import { createApp } from "./app.js";
import { ConfigError, loadConfig, type Config } from "./config.js";
import { createDailySummaryJob } from "./jobs/daily-summary.js";
import { createLogger } from "./logger.js";
import { runSandbox } from "./sandbox/sandbox.js";

const SUMMARY_EVERY_MS = 5 * 60_000;

async function runBot(config: Config, token: string): Promise<void> {
  const logger = createLogger(config.LOG_LEVEL);
  const app = createApp(config, { token, logger });
  // Until the shared job runner takes it over: every few minutes, the owners whose evening has come.
  const sendDailySummaries = createDailySummaryJob({
    summaries: app.repos.summaries,
    stats: app.services.stats,
    api: app.bot.api,
    logger,
    hour: config.DAILY_SUMMARY_HOUR,
    currency: config.DEFAULT_CURRENCY,
  });
  const summaryTimer = setInterval(() => {
    sendDailySummaries(new Date()).catch((err: unknown) => logger.error({ err }, "daily summaries failed"));
  }, SUMMARY_EVERY_MS);
  const stop = async (signal: string) => {
    logger.info({ signal }, "stopping");
    clearInterval(summaryTimer);
    await app.close();
    process.exit(0);
  };
  process.once("SIGINT", () => void stop("SIGINT"));
  process.once("SIGTERM", () => void stop("SIGTERM"));
  await app.bot.init();
  app.startJobs();
  await app.bot.api.setMyCommands(app.bot.commandList("en"));
  await app.bot.api.setMyCommands(app.bot.commandList("zh"), { language_code: "zh" });
  await app.bot.start({
    allowed_updates: ["message", "edited_message", "callback_query", "pre_checkout_query", "my_chat_member"],
    onStart: (me) => logger.info({ username: me.username, apiRoot: config.TELEGRAM_API_ROOT }, "bot started"),
  });
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
