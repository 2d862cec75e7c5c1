// What the README says about the code, checked against the code.
import { readFileSync } from "node:fs";
import path from "node:path";
import { pino } from "pino";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../src/config.js";
import type { DealService } from "../src/core/deal.service.js";
import type { SharedStateService } from "../src/core/shared-state.service.js";
import { createCheckoutJobs } from "../src/jobs/checkout.job.js";
import { scheduledJobs } from "../src/jobs/jobs.js";
import type { PushJob } from "../src/jobs/push.job.js";

const ROOT = path.resolve(import.meta.dirname, "..");
const readme = readFileSync(path.join(ROOT, "README.md"), "utf8");

describe("the README's scheduled jobs", () => {
  const section = readme.slice(readme.indexOf("## Scheduled jobs"), readme.indexOf("**The push outbox.**"));

  it("lists every job the bot schedules, and no other", () => {
    // Only names are read: the jobs are never run here.
    const checkout = createCheckoutJobs({ checkout: {}, vouchers: {}, subscriptions: {}, logger: pino({ level: "silent" }) } as never);
    const jobs = scheduledJobs(loadConfig({}), {
      deals: {} as DealService,
      push: {} as PushJob,
      checkout,
      dailySummaries: async () => null,
      reminders: { run: async () => null as never },
      sharedState: {} as SharedStateService,
      reviewPrompts: async () => null,
      groupVotes: { closeDue: async () => ({ closed: 0, waiting: 0 }) },
    });
    const listed = section.slice(section.indexOf("Jobs today:")).match(/`([a-z-]+)`/g)!.map((n) => n.slice(1, -1));
    expect(new Set(listed)).toEqual(new Set(jobs.map((j) => j.name)));
  });

  it("shows as its example a line of the real list", () => {
    const example = /```ts\n(.*)\n```/.exec(section)![1]!;
    expect(readFileSync(path.join(ROOT, "src/jobs/jobs.ts"), "utf8")).toContain(`    ${example}\n`);
  });
});
