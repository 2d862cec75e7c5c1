// Wires config → db → services → bot → jobs. Used by main.ts for the real bot
// and by the sandbox, so both run exactly the same code.
import { autoRetry } from "@grammyjs/auto-retry";
import type { UserFromGetMe } from "grammy/types";
import { createBot } from "./bot/bot.js";
import { createPushRenderer } from "./bot/push-message.js";
import type { Config } from "./config.js";
import { openDatabase } from "./db/client.js";
import { createRepositories } from "./db/repositories.js";
import { createJobRunner } from "./jobs/job-runner.js";
import { scheduledJobs } from "./jobs/jobs.js";
import { createPushJob } from "./jobs/push.job.js";
import { createSendPacer } from "./jobs/send-pacer.js";
import type { Logger } from "./logger.js";
import { systemClock, type Clock } from "./services/clock.js";
import { createServices } from "./services/services.js";

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
  const services = createServices(repos, {
    clock,
    currency: config.DEFAULT_CURRENCY,
    needsApproval: config.ADMIN_IDS.length > 0,
  });
  const bot = createBot({
    token,
    apiRoot: config.TELEGRAM_API_ROOT,
    botInfo,
    services,
    logger,
    adminIds: config.ADMIN_IDS,
  });
  // Telegram's 429 carries retry_after: the pacer (inner) holds every push for
  // it, and auto-retry (outer) repeats the refused request after it.
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
  for (const job of scheduledJobs(config, { repos, push })) jobs.register(job);
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
