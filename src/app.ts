// Wires config → db → services → bot → jobs. Used by main.ts for the real bot
// and by the sandbox, so both run exactly the same code.
import { autoRetry } from "@grammyjs/auto-retry";
import type { UserFromGetMe } from "grammy/types";
import { createNetworkPolicy, exceptPolling } from "./bot/api-network.js";
import { createBot } from "./bot/bot.js";
import { createFileFetcher } from "./bot/files.js";
import { createBotMessaging, createCheckoutMessaging } from "./bot/messaging.js";
import { createReviewMessaging, createReviewPhotoStore } from "./bot/review-messaging.js";
import { createReminderMessaging } from "./bot/reminder-messages.js";
import { createGroupVoteMessaging } from "./bot/group-vote-messaging.js";
import { httpPort, type Config } from "./config.js";
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
import type { Job } from "./jobs/job-runner.js";
import { HANDLED_UPDATES, createUpdateIntake } from "./bot/update-intake.js";
import { startPolling, type Polling } from "./bot/polling.js";
import { createMetrics } from "./http/metrics.js";
import { createHealth } from "./http/health.js";
import { startHttpServer, type HttpServer } from "./http/server.js";

export interface AppOptions {
  token: string;
  logger: Logger;
  clock?: Clock;
  /** Skips the getMe call at start (tests). */
  botInfo?: UserFromGetMe;
  /** Where the HTTP server listens: all interfaces unless told otherwise. */
  httpHost?: string;
}

/** How long a stop waits on the network before it aborts the requests still out. */
export const STOP_GRACE_MS = 5_000;

export function createApp(config: Config, { token, logger, clock = systemClock, botInfo, httpHost }: AppOptions) {
  const db = openDatabase(config.DATABASE_URL);
  const repos = createRepositories(db, {
    onEventsLost: (err, events) => logger.error({ err, events }, "impressions could not be written: the merchants' numbers miss them"),
  });
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
  const checkoutMessaging = createCheckoutMessaging({ bot: () => bot, clock, adminIds: config.ADMIN_IDS });
  const services = createServices(repos, {
    clock,
    messaging: checkoutMessaging,
    currency: config.DEFAULT_CURRENCY,
    needsApproval: config.ADMIN_IDS.length > 0,
    reservationMinutes: config.RESERVATION_MINUTES,
    languageModel,
    modelRequestsPerHour: config.OPENAI_REQUESTS_PER_USER_HOUR,
    reviewMessages: createReviewMessaging({ bot: () => bot }),
    reviewPhotos: createReviewPhotoStore({ bot: () => bot }),
    reviewPromptHours: config.REVIEW_PROMPT_HOURS,
    reminderMessaging: createReminderMessaging({ bot: () => bot }),
    groupVoteMessaging: createGroupVoteMessaging({ bot: () => bot }),
    onRewardFailed: (err, voucher) => logger.error({ err, voucher }, "a referral reward could not be given; the redemption stands"),
  });
  const bot = createBot({
    token,
    apiRoot: config.TELEGRAM_API_ROOT,
    botInfo,
    services,
    logger,
    adminIds: config.ADMIN_IDS,
    paymentProviderToken: config.PAYMENT_PROVIDER_TOKEN,
    miniAppUrl: config.MINI_APP_URL,
  });
  // The pacer (inner, under the metrics that count each request that leaves)
  // gives bulk messages what replies leave of Telegram's 30 a second and,
  // on a 429, holds them for its retry_after; auto-retry (around it)
  // repeats the refused request after it, and a 5xx a few times. Network
  // errors and the shutdown are the network policy's (outermost): auto-retry
  // would retry them forever, with pauses doubling up to an hour.
  const pacer = createSendPacer(config.PUSH_RATE_PER_SECOND, undefined, { paidBroadcast: config.PAID_BROADCAST });
  const metrics = createMetrics({ pacer });
  const network = createNetworkPolicy({ logger });
  bot.api.config.use(
    metrics.apiTransformer,
    pacer.transformer,
    exceptPolling(autoRetry({ maxRetryAttempts: 5, maxDelaySeconds: 120, rethrowHttpErrors: true })),
    network.transformer,
  );
  const messaging = createBotMessaging(bot.notifier);
  const push = createPushJob({
    subscriptions: repos.subscriptions,
    follows: repos.follows,
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
  const health = createHealth({ ping: () => db.$queryRawUnsafe("SELECT 1"), clock });
  // Everything scheduled work sends is bulk: it waits while people wait for replies.
  const observed = (job: Job): Job => ({
    ...job,
    run: async (now, signal) => {
      let outcome: "done" | "failed" = "failed";
      try {
        const result = await pacer.bulk(() => job.run(now, signal));
        outcome = "done";
        return result;
      } finally {
        metrics.jobRan(job.name, outcome);
        health.jobRan(job.name, outcome);
      }
    },
  });
  for (const job of scheduledJobs(config, {
    deals: services.deals,
    push,
    checkout,
    dailySummaries,
    reminders: services.reminders,
    sharedState: services.sharedState,
    reviewPrompts: (now) => services.reviews.askDue(now),
    groupVotes: services.groupVotes,
  })) jobs.register(observed(job));

  const intake = createUpdateIntake({
    concurrency: config.UPDATE_CONCURRENCY,
    async handle(update) {
      const done = metrics.updateStarted(update);
      let ok = false;
      try {
        await bot.handleUpdate(update);
        ok = true;
      } finally {
        done(ok);
      }
    },
    onError: (err, update) => logger.error({ err, updateId: update.update_id }, "an update failed past the error boundary"),
  });
  const webhook = config.WEBHOOK_URL && config.WEBHOOK_SECRET ? { url: config.WEBHOOK_URL, secret: config.WEBHOOK_SECRET } : undefined;
  let http: HttpServer | undefined;
  let polling: Polling | undefined;
  let jobsStarted = false;

  return {
    db,
    repos,
    services,
    bot,
    jobs,
    pacer,
    metrics,
    intake,
    /** The HTTP server's address, once serving with one (PORT, or webhook mode). */
    get httpUrl() {
      return http?.url;
    },
    /**
     * Starts the jobs, the HTTP server (when configured) and taking updates:
     * by webhook when WEBHOOK_URL is set, else by long polling. Safe to call
     * again after a failure (an unreachable API). `ended` settles when
     * polling ends by itself: it rejects when Telegram refuses it (409).
     */
    async serve({ onStart }: { onStart?: (me: UserFromGetMe) => void } = {}): Promise<{ ended: Promise<void> }> {
      // The jobs send links to the bot: they need its username first.
      await bot.init();
      // The menu button beside the message box opens the app; the name needs no translation.
      if (config.MINI_APP_URL) {
        await bot.api.setChatMenuButton({ menu_button: { type: "web_app", text: "Nearbuy", web_app: { url: config.MINI_APP_URL } } });
      }
      if (!jobsStarted) {
        jobs.start();
        jobsStarted = true;
        health.jobsRunning(true);
      }
      const port = httpPort(config);
      if (port !== undefined && !http) {
        http = await startHttpServer({
          port,
          host: httpHost,
          logger,
          clock,
          metrics,
          health: () => health.check(),
          webhook: webhook && {
            path: new URL(webhook.url).pathname,
            secret: webhook.secret,
            claim: (updateId) => services.sharedState.claimUpdate(updateId),
            accept: (update) => intake.handle([update]),
          },
          miniApp: {
            services,
            botToken: token,
            maxAgeSeconds: config.MINI_APP_MAX_AGE_SECONDS,
            invoiceLinks: bot.invoiceLinks,
            preparedShares: bot.preparedShares,
            botUsername: () => bot.botInfo.username,
            fetchFile: createFileFetcher({ api: bot.api, token, apiRoot: config.TELEGRAM_API_ROOT }),
          },
        });
      }
      if (webhook) {
        await bot.api.setWebhook(webhook.url, {
          secret_token: webhook.secret,
          allowed_updates: [...HANDLED_UPDATES],
          max_connections: 100,
        });
        onStart?.(bot.botInfo);
        // Nothing ends a webhook but close().
        return { ended: new Promise<void>(() => {}) };
      }
      polling = await startPolling(bot, intake, { allowedUpdates: HANDLED_UPDATES, onStart });
      return { ended: polling.task };
    },
    /**
     * Stops taking updates, lets those taken in finish, and stops the jobs (a
     * running job finishes its current message). Past `graceMs`, requests
     * still waiting on the network are aborted: a stop must not hang on an
     * API that does not answer. The webhook stays set: other instances behind
     * the same address go on taking updates, and while none answers Telegram
     * keeps them and tries again (long polling removes it when it starts).
     */
    async close({ graceMs = STOP_GRACE_MS }: { graceMs?: number } = {}) {
      const abandon = setTimeout(() => network.abortAll(), graceMs);
      try {
        const stopped = await Promise.allSettled([
          jobs.stop().then(() => health.jobsRunning(false)),
          polling?.stop(),
        ]);
        await http?.close();
        await intake.idle();
        // Impressions of the last lists shown, before the connection closes.
        await repos.events.flush();
        for (const result of stopped) if (result.status === "rejected") logger.warn({ err: result.reason }, "stopping: could not tell Telegram");
      } finally {
        clearTimeout(abandon);
      }
      await db.$disconnect();
    },
  };
}

export type App = ReturnType<typeof createApp>;
