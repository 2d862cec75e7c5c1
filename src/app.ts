// Wires config → db → services → bot → jobs. Used by main.ts for the real bot
// and by the sandbox, so both run exactly the same code.
import { autoRetry } from "@grammyjs/auto-retry";
import type { UserFromGetMe } from "grammy/types";
import { createNetworkPolicy, exceptPolling } from "./bot/api-network.js";
import { createBot } from "./bot/bot.js";
import { createBotMessaging, createCheckoutMessaging } from "./bot/messaging.js";
import type { Config } from "./config.js";
import { openDatabase } from "./db/client.js";
import { createRepositories } from "./db/repositories.js";
import { createOpenAiModel } from "./llm/language-model.js";
import { createJobRunner } from "./jobs/job-runner.js";
import { scheduledJobs } from "./jobs/jobs.js";
import { createPushJob } from "./jobs/push.job.js";
import { createSendPacer } from "./jobs/send-pacer.js";
import type { Logger } from "./logger.js";
import { systemClock, type Clock } from "./util/clock.js";
import { createServices } from "./core/services.js";
import { createCheckoutJobs } from "./jobs/checkout.job.js";
import { createDailySummaryJob } from "./jobs/daily-summary.job.js";

export interface AppOptions {
  token: string;
  logger: Logger;
  clock?: Clock;
  /** Skips the getMe call at start (tests). */
  botInfo?: UserFromGetMe;
}

/** How long a stop waits on the network before it aborts the requests still out. */
export const STOP_GRACE_MS = 5_000;

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
  // The core's messages leave through the bot, which is built on the core: read at send time.
  const checkoutMessaging = createCheckoutMessaging({ bot: () => bot, clock });
  const services = createServices(repos, {
    clock,
    messaging: checkoutMessaging,
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
  // on a 429, holds them all for its retry_after; auto-retry (around it)
  // repeats the refused request after it, and a 5xx a few times. Network
  // errors and the shutdown are the network policy's (outermost): auto-retry
  // would retry them forever, with pauses doubling up to an hour.
  const pacer = createSendPacer(config.PUSH_RATE_PER_SECOND);
  const network = createNetworkPolicy({ logger });
  bot.api.config.use(
    pacer.transformer,
    exceptPolling(autoRetry({ maxRetryAttempts: 5, maxDelaySeconds: 120, rethrowHttpErrors: true })),
    network.transformer,
  );
  const messaging = createBotMessaging(bot.notifier);
  const push = createPushJob({
    subscriptions: repos.subscriptions,
    pushes: repos.pushes,
    users: repos.users,
    messaging,
    pacer,
    clock,
    logger,
  });
  const jobs = createJobRunner({ leases: repos.jobLeases, clock, logger });
  const dailySummaries = createDailySummaryJob({
    summaries: repos.summaries,
    stats: services.stats,
    messaging,
    logger,
    hour: config.DAILY_SUMMARY_HOUR,
  });
  const checkout = createCheckoutJobs({ ...services, logger });
  for (const job of scheduledJobs(config, { deals: services.deals, push, checkout, dailySummaries })) jobs.register(job);
  return {
    db,
    repos,
    services,
    bot,
    jobs,
    pacer,
    /**
     * Stops polling and the jobs (a running job finishes its current message).
     * Past `graceMs`, requests still waiting on the network are aborted: a
     * stop must not hang on an API that does not answer.
     */
    async close({ graceMs = STOP_GRACE_MS }: { graceMs?: number } = {}) {
      const abandon = setTimeout(() => network.abortAll(), graceMs);
      try {
        const [, polling] = await Promise.allSettled([jobs.stop(), bot.isRunning() ? bot.stop() : undefined]);
        // bot.stop() confirms the last update to Telegram; without it that update comes again at the next start.
        if (polling.status === "rejected") logger.warn({ err: polling.reason }, "could not confirm the last update");
      } finally {
        clearTimeout(abandon);
      }
      await db.$disconnect();
    },
  };
}

export type App = ReturnType<typeof createApp>;
