// GET /healthz: the database answers and the scheduled jobs run. A job's last
// outcome is shown, not judged: a failing job is in the log and /metrics,
// and restarting the process would not mend it.
import type { Clock } from "../util/clock.js";
import type { Health } from "./server.js";

export function createHealth({ ping, clock }: { ping(): Promise<unknown>; clock: Clock }) {
  let jobsRunning = false;
  const lastRuns = new Map<string, { at: string; outcome: "done" | "failed" }>();
  return {
    jobsRunning(running: boolean): void {
      jobsRunning = running;
    },
    jobRan(job: string, outcome: "done" | "failed"): void {
      lastRuns.set(job, { at: clock().toISOString(), outcome });
    },
    async check(): Promise<Health> {
      const database = await ping().then(
        () => "ok",
        (error: unknown) => `down: ${(error as Error).message}`,
      );
      return {
        ok: database === "ok" && jobsRunning,
        database,
        jobs: { running: jobsRunning, lastRuns: Object.fromEntries(lastRuns) },
      };
    },
  };
}
