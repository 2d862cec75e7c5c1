// The job runner: one process runs a job at a time across processes sharing
// the database, each schedule slot runs once, and a crashed holder's lease
// runs out. Two runners here are two processes: separate clients on one file.
import { pino } from "pino";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { openDatabase } from "../../src/db/client.js";
import { createRepositories } from "../../src/db/repositories.js";
import { createJobRunner, LEASE_MS, type Job } from "../../src/jobs/job-runner.js";
import { describeEachDatabase } from "../support/databases.js";
import type { TestDb } from "../support/test-db.js";

const silent = pino({ level: "silent" });

let db: TestDb;
let now: Date;
const clock = () => new Date(now.getTime());
function runnerFor(repos: ReturnType<typeof createRepositories>, holder: string, job: Job) {
  const runner = createJobRunner({ leases: repos.jobLeases, clock, logger: silent, holder });
  runner.register(job);
  return runner;
}

describeEachDatabase("scheduled jobs", (open) => {
  beforeEach(async () => {
    db = await open();
    now = new Date("2026-05-04T09:00:00Z");
  });
  afterEach(() => db.close());

  describe("the job runner", () => {
    it("runs a slot in one of two processes that reach it at once", async () => {
      const other = openDatabase(db.url);
      try {
        let runs = 0;
        let release!: () => void;
        const gate = new Promise<void>((resolve) => (release = resolve));
        let running!: () => void;
        const started = new Promise<void>((resolve) => (running = resolve));
        const job: Job = { name: "push", schedule: "*/10 * * * *", run: async () => { runs++; running(); await gate; return "ok"; } };
        const a = runnerFor(db.repos, "a", job);
        const b = runnerFor(createRepositories(other), "b", job);
        const slot = "2026-05-04T09:00:00.000Z";
        const both = Promise.all([a.runSlot("push", slot), b.runSlot("push", slot)]);
        // While one runs, the other process cannot start the job for another slot either.
        await started;
        expect(await b.runSlot("push", "2026-05-04T09:10:00.000Z")).toEqual({ ran: false });
        release();
        const outcomes = await both;
        expect(outcomes.filter((o) => o.ran)).toHaveLength(1);
        expect(runs).toBe(1);
        // The slot that ran does not run again, even once the lease is free; the next slot does.
        expect(await b.runSlot("push", slot)).toEqual({ ran: false });
        expect(await b.runSlot("push", "2026-05-04T09:20:00.000Z")).toEqual({ ran: true, result: "ok" });
        expect(runs).toBe(2);
      } finally {
        await other.$disconnect();
      }
    });

    it("takes over a lease that a crashed process left, once it has expired", async () => {
      await db.repos.jobLeases.acquire("push", "slot-1", "crashed", clock(), LEASE_MS);
      let runs = 0;
      const runner = runnerFor(db.repos, "b", { name: "push", schedule: "* * * * *", run: async () => ++runs });
      expect(await runner.runNow("push")).toEqual({ ran: false });
      now = new Date(now.getTime() + LEASE_MS);
      expect(await runner.runNow("push")).toEqual({ ran: true, result: 1 });
    });

    it("logs the scheduler's own warnings with the job's name instead of printing them to the console", async () => {
      const lines: { level: number; msg: string; job?: string }[] = [];
      const logger = pino({ level: "warn" }, { write: (line: string) => void lines.push(JSON.parse(line)) });
      const printed = (["log", "info", "warn", "error", "debug"] as const).map((m) => vi.spyOn(console, m).mockImplementation(() => {}));
      // Slower than its every-second schedule: the scheduler skips the next seconds and says so.
      const runner = createJobRunner({ leases: db.repos.jobLeases, clock, logger, holder: "a" });
      runner.register({ name: "slow", schedule: "* * * * * *", run: () => new Promise((r) => setTimeout(r, 2_500)) });
      try {
        runner.start();
        await new Promise((r) => setTimeout(r, 3_500));
        await runner.stop();
        expect(lines.some((l) => l.level === 40 && l.job === "slow" && /overlap/.test(l.msg))).toBe(true);
        expect(printed.flatMap((spy) => spy.mock.calls)).toEqual([]);
      } finally {
        printed.forEach((spy) => spy.mockRestore());
      }
    }, 10_000);

    it("refuses a bad schedule or a name registered twice", () => {
      const runner = createJobRunner({ leases: db.repos.jobLeases, clock, logger: silent });
      expect(() => runner.register({ name: "x", schedule: "every minute", run: async () => 0 })).toThrow(/invalid cron/);
      runner.register({ name: "x", schedule: "* * * * *", run: async () => 0 });
      expect(() => runner.register({ name: "x", schedule: "* * * * *", run: async () => 0 })).toThrow(/twice/);
    });

    it("asks a running job to stop and waits for it on stop()", async () => {
      let sawAbort = false;
      let running!: () => void;
      const started = new Promise<void>((resolve) => (running = resolve));
      const runner = runnerFor(db.repos, "a", {
        name: "long",
        schedule: "* * * * *",
        run: (_now, signal) => {
          running();
          return new Promise((resolve) => signal.addEventListener("abort", () => ((sawAbort = true), resolve("stopped"))));
        },
      });
      const run = runner.runNow("long");
      await started;
      await runner.stop();
      expect(sawAbort).toBe(true);
      expect(await run).toEqual({ ran: true, result: "stopped" });
      expect(await runner.runNow("long")).toEqual({ ran: false });
    });

    it("neither runs a scheduled slot that was being claimed when stop() came, nor returns before its lease is released", async () => {
      const steps: string[] = [];
      let claiming!: () => void;
      const claimed = new Promise<void>((resolve) => (claiming = resolve));
      const leases = {
        ...db.repos.jobLeases,
        async acquire(...args: Parameters<typeof db.repos.jobLeases.acquire>) {
          claiming();
          await new Promise((r) => setTimeout(r, 300));
          return db.repos.jobLeases.acquire(...args);
        },
        async release(...args: Parameters<typeof db.repos.jobLeases.release>) {
          steps.push("released");
          return db.repos.jobLeases.release(...args);
        },
      };
      const runner = createJobRunner({ leases, clock, logger: silent, holder: "a" });
      runner.register({ name: "tick", schedule: "* * * * * *", run: async () => steps.push("ran") });
      runner.start();
      await claimed;
      await runner.stop();
      steps.push("stopped");
      await new Promise((r) => setTimeout(r, 400));
      expect(steps).toEqual(["released", "stopped"]);
    });
  });

  describe("the job that ends expired offers", () => {
    it("moves ACTIVE offers past their end to ENDED, and only those", async () => {
      const { createHarness } = await import("../support/bot-harness.js");
      const h = createHarness({ now: new Date("2026-05-04T09:00:00Z") });
      try {
        await h.shop(601, { lat: 31.23, lng: 121.47 });
        const short = await h.publish(601, { days: 1 });
        const long = await h.publish(601, { days: 7 });
        h.advance(86_400_000);
        expect(await h.db.repos.deals.endExpired(h.clock())).toBe(1);
        expect((await h.db.repos.deals.findWithShop(short.id))!.status).toBe("ENDED");
        expect((await h.db.repos.deals.findWithShop(long.id))!.status).toBe("ACTIVE");
      } finally {
        await h.close();
      }
    });
  });
});
