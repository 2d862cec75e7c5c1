// Scheduled work. A job is a name, a cron schedule and `run(now)`; the runner
// schedules it with node-cron and makes sure only one process runs it at a
// time when several bot processes share the database: node-cron asks our run
// coordinator before each run, and the coordinator takes a lease in the
// database (node-cron's default coordinator only reads an environment variable).
import { randomUUID } from "node:crypto";
import cron, { type RunCoordinator, type ScheduledTask } from "node-cron";
import type { JobLeaseRepository } from "../core/ports/job-lease.port.js";
import type { Logger } from "../logger.js";
import type { Clock } from "../util/clock.js";

export interface Job {
  /** Unique, without ":". */
  name: string;
  /** A cron expression (node-cron syntax, server time), from config. */
  schedule: string;
  /** Does the work; should return soon after `signal` aborts (the process is stopping). */
  run(now: Date, signal: AbortSignal): Promise<unknown>;
}

/** How long a lease lasts without renewal: a crashed holder blocks the job at most this long. */
export const LEASE_MS = 60_000;

export interface JobRunnerOptions {
  leases: JobLeaseRepository;
  clock: Clock;
  logger: Logger;
  /** This process, in the lease table. */
  holder?: string;
}

export type RunOutcome = { ran: true; result: unknown } | { ran: false };

export function createJobRunner({ leases, clock, logger, holder = `${process.pid}-${randomUUID().slice(0, 8)}` }: JobRunnerOptions) {
  const jobs = new Map<string, Job>();
  const tasks: ScheduledTask[] = [];
  const running = new Set<Promise<unknown>>();
  const stopping = new AbortController();

  /**
   * A slot from its claim to its lease's release: stop() waits for these too,
   * so a tick that began before the stop neither runs its job nor touches the
   * database after the process has closed it.
   */
  const claims = new Map<string, () => void>();
  function settle(key: string): void {
    claims.get(key)?.();
    claims.delete(key);
  }

  /**
   * node-cron asks this before each scheduled run, with the key "<job>:<slot>":
   * the process that takes the job's lease runs it, the others skip the slot.
   */
  const coordinator: RunCoordinator = {
    async shouldRun(key, ttlMs) {
      if (stopping.signal.aborted) return false;
      const claim = new Promise<void>((resolve) => claims.set(key, resolve));
      running.add(claim);
      void claim.then(() => running.delete(claim));
      const [name, slot] = splitKey(key);
      try {
        const won = await leases.acquire(name, slot, holder, clock(), ttlMs);
        if (!won) settle(key);
        return won;
      } catch (error) {
        settle(key);
        throw error;
      }
    },
    async onComplete(key) {
      try {
        await leases.release(splitKey(key)[0], holder, clock());
      } finally {
        settle(key);
      }
    },
  };

  /** Runs a job whose lease this process holds, renewing the lease while it runs. */
  async function execute(job: Job): Promise<unknown> {
    const renewal = setInterval(() => {
      leases
        .renew(job.name, holder, clock(), LEASE_MS)
        .catch((err: unknown) => logger.warn({ err, job: job.name }, "lease renewal failed"));
    }, LEASE_MS / 3);
    const started = Date.now();
    const run = job.run(clock(), stopping.signal);
    running.add(run);
    try {
      const result = await run;
      logger.info({ job: job.name, ms: Date.now() - started, result }, "job done");
      return result;
    } catch (err) {
      logger.error({ err, job: job.name }, "job failed");
      throw err;
    } finally {
      running.delete(run);
      clearInterval(renewal);
    }
  }

  /** One slot, through the same coordinator as the schedule. */
  async function runSlot(job: Job, slot: string): Promise<RunOutcome> {
    const key = `${job.name}:${slot}`;
    if (!(await coordinator.shouldRun(key, LEASE_MS))) return { ran: false };
    try {
      return { ran: true, result: await execute(job) };
    } finally {
      await coordinator.onComplete?.(key);
    }
  }

  function jobNamed(name: string): Job {
    const job = jobs.get(name);
    if (!job) throw new Error(`no job called ${name}`);
    return job;
  }

  return {
    holder,
    /** Adds a job; call before start(). */
    register(job: Job): void {
      if (job.name.includes(":")) throw new Error(`job ${job.name}: a name without ":", please`);
      if (!cron.validate(job.schedule)) throw new Error(`job ${job.name}: invalid cron schedule "${job.schedule}"`);
      if (jobs.has(job.name)) throw new Error(`job ${job.name} is registered twice`);
      jobs.set(job.name, job);
    },
    names: () => [...jobs.keys()],
    start(): void {
      for (const job of jobs.values()) {
        // A tick claimed just before stop() does not start the job any more.
        const task = cron.schedule(job.schedule, () => (stopping.signal.aborted ? undefined : execute(job).catch(() => undefined)), {
          name: job.name,
          logger: cronLogger(logger, job.name),
          noOverlap: true,
          distributed: true,
          runCoordinator: coordinator,
          distributedLease: LEASE_MS,
        });
        tasks.push(task);
      }
    },
    /** Runs one schedule slot of a job now, if this process wins it (tests). */
    runSlot: (name: string, slot: string) => runSlot(jobNamed(name), slot),
    /** Runs a job at once, outside its schedule (the sandbox's :push); skipped while another process runs it. */
    runNow: (name: string) => runSlot(jobNamed(name), `manual:${clock().toISOString()}:${randomUUID().slice(0, 8)}`),
    /** Stops scheduling, asks running jobs to stop, and waits for them. */
    async stop(): Promise<void> {
      for (const task of tasks.splice(0)) await task.destroy();
      stopping.abort();
      await Promise.allSettled([...running]);
    },
  };
}

/**
 * node-cron prints its own notices ("missed execution", an overlap skipped)
 * to the console; they belong in our log with the job's name, not on a
 * terminal, where the sandbox's chat is.
 */
function cronLogger(logger: Logger, job: string) {
  return {
    info: (message: string) => logger.debug({ job }, message),
    debug: (message: string | Error) => logger.debug({ job }, String(message)),
    warn: (message: string) => logger.warn({ job }, message),
    error: (message: string | Error, err?: Error) =>
      logger.error({ job, err: err ?? (message instanceof Error ? message : undefined) }, String(message instanceof Error ? message.message : message)),
  };
}

function splitKey(key: string): [name: string, slot: string] {
  const at = key.indexOf(":");
  return [key.slice(0, at), key.slice(at + 1)];
}

export type JobRunner = ReturnType<typeof createJobRunner>;
