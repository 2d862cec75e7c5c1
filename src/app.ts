// Wires config → db → services → bot → jobs. Used by main.ts for the real bot
// and by the sandbox, so both run exactly the same code.
import { autoRetry } from "@grammyjs/auto-retry";
import type { UserFromGetMe } from "grammy/types";
import { createBot } from "./bot/bot.js";
import { createPushRenderer } from "./bot/push-message.js";
import type { Config } from "./config.js";
import { openDatabase } from "./db/client.js";
import { createRepositories } from "./db/repositories.js";
import { createOpenAiModel } from "./llm/language-model.js";
import { createJobRunner } from "./jobs/job-runner.js";
import { scheduledJobs } from "./jobs/jobs.js";
import { createPushJob } from "./jobs/push.job.js";
import { createSendPacer } from "./jobs/send-pacer.js";
import type { Logger } from "./logger.js";
import { systemClock, type Clock } from "./services/clock.js";
import { createServices } from "./services/services.js";
import { checkoutJobs } from "./jobs/checkout.jobs.js";
import { createDailySummaryJob } from "./jobs/daily-summary.js";

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
  // The pacer (inner) keeps every message under Telegram's 30 a second and,
  // on a 429, holds them all for its retry_after; auto-retry (outer) repeats
  // the refused request after it.
  const pacer = createSendPacer(config.PUSH_RATE_PER_SECOND);
  bot.api.config.use(pacer.transformer, autoRetry({ maxRetryAttempts: 5, maxDelaySeconds: 120 }));
  const push = createPushJob({
    subscriptions: repos.subscriptions,
    pushes: repos.pushes,
    users: repos.users,
    api: bot.api,
    render: createPushRenderer(),
    pacer,
    clock,
    logger,
  });
  const jobs = createJobRunner({ leases: repos.jobLeases, clock, logger });
  const dailySummaries = createDailySummaryJob({
    summaries: repos.summaries,
    stats: services.stats,
    notifier: bot.notifier,
    logger,
    hour: config.DAILY_SUMMARY_HOUR,
  });
  const checkout = checkoutJobs(services, bot, logger);
  for (const job of scheduledJobs(config, { repos, push, checkout, dailySummaries })) jobs.register(job);
  return {
    db,
    repos,
    services,
    bot,
    jobs,
    pacer,
    async close() {
      await jobs.stop();
      if (bot.isRunning()) await bot.stop();
      await db.$disconnect();
    },
  };
}

export type App = ReturnType<typeof createApp>;
