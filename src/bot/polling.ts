// Long polling through grammY's runner: updates are fetched while earlier
// ones are still being handled, into the update intake. A failed poll is
// asked again after 3 seconds, never in a growing backoff (the API must be
// heard again soon after it is back); 401 and 409 end the polling.
import { createRunner, createSource, createUpdateFetcher } from "@grammyjs/runner";
import type { Bot, Context } from "grammy";
import type { Update, UserFromGetMe } from "grammy/types";
import type { UpdateIntake } from "./update-intake.js";

export type UpdateType = Exclude<keyof Update, "update_id">;

export interface PollingOptions {
  allowedUpdates: readonly UpdateType[];
  onStart?(me: UserFromGetMe): void;
}

export interface Polling {
  /** Settles when polling ends: rejects when Telegram refused it (409, 401). */
  readonly task: Promise<void>;
  /** Stops fetching, waits for the updates taken in, and confirms the last to Telegram. */
  stop(): Promise<void>;
}

const RETRY_MS = 3_000;

export async function startPolling<C extends Context>(bot: Bot<C>, intake: UpdateIntake, { allowedUpdates, onStart }: PollingOptions): Promise<Polling> {
  await bot.init();
  // Telegram refuses getUpdates while a webhook is set (left by a webhook run).
  await bot.api.deleteWebhook();
  const fetchUpdates = createUpdateFetcher(bot, {
    fetch: { timeout: 30, allowed_updates: [...allowedUpdates] },
    retryInterval: RETRY_MS,
    maxRetryTime: Number.POSITIVE_INFINITY,
    // The network policy logs an unreachable API, once.
    silent: true,
  });
  let lastId: number | undefined;
  const source = createSource({
    async supply(batchSize, signal) {
      const updates = await fetchUpdates(batchSize, signal);
      if (updates.length > 0) lastId = updates.at(-1)!.update_id;
      return updates;
    },
  });
  const runner = createRunner(source, intake);
  runner.start();
  onStart?.(bot.botInfo);
  const task = runner.task() ?? Promise.resolve();
  return {
    task,
    async stop() {
      await runner.stop();
      await intake.idle();
      // Without this the last batch comes again at the next start.
      if (lastId !== undefined) await bot.api.getUpdates({ offset: lastId + 1, limit: 1, timeout: 0 });
    },
  };
}
