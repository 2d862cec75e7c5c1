// What the bot counts for Prometheus (GET /metrics): the updates it handles,
// its Bot API calls, the bulk lane and the scheduled jobs.
import type { Transformer } from "grammy";
import type { Update } from "grammy/types";
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";
import type { SendPacer } from "../jobs/send-pacer.js";

/** Seconds: from a few milliseconds to past Telegram's 10 s for a pre-checkout answer. */
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

export type Metrics = ReturnType<typeof createMetrics>;

export function createMetrics({ pacer }: { pacer: SendPacer }) {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "nearbuy_" });
  const registers = [registry];

  const updates = new Counter({ name: "nearbuy_updates_total", help: "Updates handled, by type", labelNames: ["type"], registers });
  const updateFailures = new Counter({ name: "nearbuy_update_failures_total", help: "Updates whose handling failed, by type", labelNames: ["type"], registers });
  const handling = new Histogram({
    name: "nearbuy_update_handling_seconds",
    help: "Time to handle an update, waiting for earlier updates of its chat included, by type",
    labelNames: ["type"],
    buckets: LATENCY_BUCKETS,
    registers,
  });
  const preCheckout = new Histogram({
    name: "nearbuy_pre_checkout_answer_seconds",
    help: "Time to answer a pre-checkout query once taken in (Telegram waits 10 s)",
    buckets: LATENCY_BUCKETS,
    registers,
  });
  const apiCalls = new Counter({ name: "nearbuy_bot_api_calls_total", help: "Bot API requests, by method", labelNames: ["method"], registers });
  const apiErrors = new Counter({
    name: "nearbuy_bot_api_errors_total",
    help: "Bot API requests that failed, by method and error code (network: no answer)",
    labelNames: ["method", "code"],
    registers,
  });
  const retryAfter = new Histogram({
    name: "nearbuy_bot_api_retry_after_seconds",
    help: "The retry_after of each 429 (Too Many Requests)",
    buckets: [1, 2, 5, 10, 30, 60, 120, 300],
    registers,
  });
  new Counter({
    name: "nearbuy_bulk_messages_sent_total",
    help: "Bulk messages (pushes, owner notices, summaries) sent",
    registers,
    collect() {
      this.reset();
      this.inc(pacer.bulkSent);
    },
  });
  new Gauge({
    name: "nearbuy_bulk_messages_waiting",
    help: "Bulk messages waiting for their turn",
    registers,
    collect() {
      this.set(pacer.bulkWaiting);
    },
  });
  const jobRuns = new Counter({ name: "nearbuy_job_runs_total", help: "Scheduled job runs, by job and outcome", labelNames: ["job", "outcome"], registers });

  const apiTransformer: Transformer = async (prev, method, payload, signal) => {
    apiCalls.inc({ method });
    try {
      const result = await prev(method, payload, signal);
      if (!result.ok) {
        apiErrors.inc({ method, code: String(result.error_code) });
        if (result.error_code === 429) retryAfter.observe(result.parameters?.retry_after ?? 1);
      }
      return result;
    } catch (error) {
      apiErrors.inc({ method, code: "network" });
      throw error;
    }
  };

  return {
    registry,
    /** Install innermost: it counts every request that leaves, retries included. */
    apiTransformer,
    /** Times an update's handling; call the result when it ends. */
    updateStarted(update: Update): (ok: boolean) => void {
      const type = updateType(update);
      const end = handling.startTimer({ type });
      const endPreCheckout = type === "pre_checkout_query" ? preCheckout.startTimer() : undefined;
      return (ok) => {
        end();
        endPreCheckout?.();
        updates.inc({ type });
        if (!ok) updateFailures.inc({ type });
      };
    },
    jobRan(job: string, outcome: "done" | "failed"): void {
      jobRuns.inc({ job, outcome });
    },
  };
}

function updateType(update: Update): string {
  return Object.keys(update).find((key) => key !== "update_id") ?? "unknown";
}
