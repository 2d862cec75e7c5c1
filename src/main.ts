// Composition root. With BOT_TOKEN: the real bot, long polling. Without: the
// local sandbox, the same bot against a Bot API emulation on this machine.
import { existsSync } from "node:fs";
import { createApp } from "./app.js";
import { ConfigError, loadConfig, type Config } from "./config.js";
import { createLogger } from "./logger.js";
import { runSandbox } from "./sandbox/sandbox.js";

async function runBot(config: Config, token: string): Promise<void> {
  const logger = createLogger(config.LOG_LEVEL);
  const app = createApp(config, { token, logger });
  const stop = async (signal: string) => {
    logger.info({ signal }, "stopping");
    await app.close();
    process.exit(0);
  };
  process.once("SIGINT", () => void stop("SIGINT"));
  process.once("SIGTERM", () => void stop("SIGTERM"));
  const settled = await app.services.shops.settleCurrencies();
  if (settled > 0) logger.info({ shops: settled }, "shops registered before currencies now sell in their pin's");
  // The jobs send links to the bot: they need its username first.
  await app.bot.init();
  app.jobs.start();
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
