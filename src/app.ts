// Wires config → db → services → bot. Used by main.ts for the real bot and by
// the sandbox, so both run exactly the same code.
import type { UserFromGetMe } from "grammy/types";
import { createBot } from "./bot/bot.js";
import type { Config } from "./config.js";
import { openDatabase } from "./db/client.js";
import { createRepositories } from "./db/repositories.js";
import { createOpenAiModel } from "./llm/language-model.js";
import type { Logger } from "./logger.js";
import { systemClock, type Clock } from "./services/clock.js";
import { createServices } from "./services/services.js";
import { checkoutJobs, runEveryMinute } from "./jobs/checkout.jobs.js";

export interface AppOptions {
  token: string;
  logger: Logger;
  clock?: Clock;
  /** Skips the getMe call at start (tests). */
  botInfo?: UserFromGetMe;
}

export function createApp(config: Config, { token, logger, clock = systemClock, botInfo }: AppOptions) {
  const db = openDatabase(config.DATABASE_URL);
  const repos = createRepositories(db);
  // A local model server needs no key; the client insists on one all the same.
  const languageModel =
    config.OPENAI_API_KEY || config.OPENAI_BASE_URL
      ? createOpenAiModel({
          apiKey: config.OPENAI_API_KEY ?? "none",
          baseURL: config.OPENAI_BASE_URL,
          model: config.OPENAI_MODEL,
          timeoutMs: config.OPENAI_TIMEOUT_MS,
          logger,
        })
      : undefined;
  const services = createServices(repos, {
    clock,
    currency: config.DEFAULT_CURRENCY,
    needsApproval: config.ADMIN_IDS.length > 0,
    reservationMinutes: config.RESERVATION_MINUTES,
    languageModel,
    modelRequestsPerHour: config.OPENAI_REQUESTS_PER_USER_HOUR,
  });
  const bot = createBot({
    token,
    apiRoot: config.TELEGRAM_API_ROOT,
    botInfo,
    services,
    logger,
    adminIds: config.ADMIN_IDS,
    paymentProviderToken: config.PAYMENT_PROVIDER_TOKEN,
  });
  const jobs = checkoutJobs(services, bot, logger);
  let stopJobs = () => {};
  return {
    db,
    repos,
    services,
    bot,
    jobs,
    /** Scheduled work; needs the bot's identity (`bot.init()`) for the links it sends. */
    startJobs() {
      stopJobs = runEveryMinute(jobs, logger);
    },
    async close() {
      stopJobs();
      if (bot.isRunning()) await bot.stop();
      await db.$disconnect();
    },
  };
}

export type App = ReturnType<typeof createApp>;
