// Every scheduled job of the bot, in one list. To add one, add a line:
//
//   { name: "end-expired-deals", schedule: config.EXPIRE_DEALS_SCHEDULE, run: (now) => deals.endExpired(now) },
//
// (the schedule a cron expression from config; `run(now, signal)` returns a
// summary for the log). The runner gives each job a database lease so only one
// process runs it at a time.
import type { Config } from "../config.js";
import type { DealService } from "../core/deal.service.js";
import type { GroupVoteService } from "../core/group-vote.service.js";
import type { ReminderService } from "../core/reminder.service.js";
import type { SharedStateService } from "../core/shared-state.service.js";
import type { CheckoutJob } from "./checkout.job.js";
import type { Job } from "./job-runner.js";
import type { PushJob } from "./push.job.js";

export const PUSH_JOB = "push";
export const REMINDERS_JOB = "reminders";
/** Every hour: the shared tables it tidies keep far longer than that. */
const HOURLY = "23 * * * *";
/** Every minute: a group waits for its vote's result. */
const EVERY_MINUTE = "* * * * *";

export interface ScheduledWork {
  deals: Pick<DealService, "endExpired">;
  push: PushJob;
  /** Reservations, voucher expiry, group deals, missed deliveries: each its own job and lease. */
  checkout: CheckoutJob[];
  dailySummaries: (now: Date) => Promise<unknown>;
  reminders: Pick<ReminderService, "run">;
  sharedState: Pick<SharedStateService, "forgetOld">;
  /** Asks buyers a few hours after a redemption to review it. */
  reviewPrompts: (now: Date) => Promise<unknown>;
  /** Ends the groups' votes whose time has come and whose closing Telegram did not report. */
  groupVotes: Pick<GroupVoteService, "closeDue">;
}

export function scheduledJobs(
  config: Config,
  { deals, push, checkout, dailySummaries, reminders, sharedState, reviewPrompts, groupVotes }: ScheduledWork,
): Job[] {
  return [
    { name: PUSH_JOB, schedule: config.PUSH_SCHEDULE, run: (now, signal) => push.run(now, signal) },
    { name: "end-expired-deals", schedule: config.EXPIRE_DEALS_SCHEDULE, run: (now) => deals.endExpired(now) },
    ...checkout.map((job) => ({ name: job.name, schedule: config.CHECKOUT_SCHEDULE, run: () => job.run() })),
    { name: "daily-summaries", schedule: config.DAILY_SUMMARY_SCHEDULE, run: (now) => dailySummaries(now) },
    { name: "prompt-reviews", schedule: config.REVIEW_PROMPT_SCHEDULE, run: (now) => reviewPrompts(now) },
    { name: REMINDERS_JOB, schedule: config.REMINDER_SCHEDULE, run: (now) => reminders.run(now) },
    { name: "forget-old-records", schedule: HOURLY, run: (now) => sharedState.forgetOld(now) },
    { name: "end-votes", schedule: EVERY_MINUTE, run: () => groupVotes.closeDue() },
  ];
}
