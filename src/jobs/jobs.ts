// Every scheduled job of the bot, in one list. To add one, add a line:
//
//   { name: "release-reservations", schedule: config.RELEASE_SCHEDULE, run: (now) => services.orders.releaseStale(now) },
//
// (the schedule a cron expression from config; `run(now, signal)` returns a
// summary for the log). The runner gives each job a database lease so only one
// process runs it at a time.
import type { Config } from "../config.js";
import type { Repositories } from "../db/repositories.js";
import type { Job } from "./job-runner.js";
import type { PushJob } from "./push.job.js";

export const PUSH_JOB = "push";

export function scheduledJobs(config: Config, { repos, push }: { repos: Repositories; push: PushJob }): Job[] {
  return [
    { name: PUSH_JOB, schedule: config.PUSH_SCHEDULE, run: (now, signal) => push.run(now, signal) },
    { name: "end-expired-deals", schedule: config.EXPIRE_DEALS_SCHEDULE, run: (now) => repos.deals.endExpired(now) },
  ];
}
