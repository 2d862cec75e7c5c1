// What the Bot API client does when the network or Telegram fails. Long
// polling must come back soon after the API does, so getUpdates is never
// held in a growing backoff: a failed poll fails at once and grammY's polling
// loop asks again 3 seconds later. Other requests get a few short retries
// on network errors and then fail (the upkeep jobs redo what matters, such
// as a voucher delivery). And a stopping process must not wait on a dead
// network: `abortAll` ends every request in flight or still to come.
import { setMaxListeners } from "node:events";
import { HttpError, type Transformer } from "grammy";
import type { Logger } from "../logger.js";

export interface NetworkPolicyOptions {
  logger: Logger;
  /** Pauses before each retry of a request that failed on the network (not getUpdates). */
  retryDelaysMs?: readonly number[];
  /** How long a long poll may take beyond its own timeout before it counts as lost (a connection that never answers). */
  pollSlackMs?: number;
}

export interface NetworkPolicy {
  /** Install outermost, so that the signal it adds reaches every transformer under it. */
  readonly transformer: Transformer;
  /** Aborts every request in flight, and every later one at once. */
  abortAll(): void;
}

export function createNetworkPolicy({ logger, retryDelaysMs = [500, 1000, 2000], pollSlackMs = 10_000 }: NetworkPolicyOptions): NetworkPolicy {
  const stopping = new AbortController();
  // Every request in flight listens to it: with updates handled concurrently, far more than Node's default 10.
  setMaxListeners(0, stopping.signal);
  let pollingFails = 0;

  function pollFailed(reason: string): void {
    // One line when the API goes away and one when it is back, not one a poll.
    if (pollingFails++ === 0) logger.warn({ reason }, "Bot API unreachable: polling again every 3 s");
  }

  const transformer: Transformer = async (prev, method, payload, signal) => {
    const polling = method === "getUpdates";
    const timeoutSeconds = polling ? Number((payload as { timeout?: number }).timeout ?? 0) : 0;
    const link = linkSignals([signal, stopping.signal], polling ? timeoutSeconds * 1000 + pollSlackMs : undefined);
    // grammY types its signals as its polyfill's; a native one works the same.
    const linked = link.signal as unknown as typeof signal;
    try {
      if (polling) {
        try {
          const result = await prev(method, payload, linked);
          if (!result.ok && result.error_code >= 500) pollFailed(`${result.error_code} ${result.description}`);
          else if (result.ok && pollingFails > 0) {
            logger.info({ failedPolls: pollingFails }, "Bot API reachable again");
            pollingFails = 0;
          }
          return result;
        } catch (error) {
          // A poll that grammY or the shutdown cancelled did not fail.
          if (!signal?.aborted && !stopping.signal.aborted) pollFailed(String((error as Error).message));
          throw error;
        }
      }
      for (let attempt = 0; ; attempt++) {
        try {
          return await prev(method, payload, linked);
        } catch (error) {
          const delay = retryDelaysMs[attempt];
          if (!(error instanceof HttpError) || delay === undefined || link.signal.aborted) throw error;
          if (!(await pause(delay, link.signal))) throw error;
        }
      }
    } finally {
      link.dispose();
    }
  };

  return { transformer, abortAll: () => stopping.abort() };
}

/**
 * Leaves getUpdates out of a transformer: auto-retry's backoff doubles up to
 * minutes, and a poll held in it keeps the bot deaf long after the API is back.
 */
export function exceptPolling(inner: Transformer): Transformer {
  return (prev, method, payload, signal) => (method === "getUpdates" ? prev(method, payload, signal) : inner(prev, method, payload, signal));
}

/** Resolves true after `ms`, or false as soon as the signal aborts. */
function pause(ms: number, signal: AbortSignal): Promise<boolean> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve(false);
    const timer = setTimeout(() => {
      signal.removeEventListener("abort", onAbort);
      resolve(true);
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      resolve(false);
    };
    signal.addEventListener("abort", onAbort, { once: true });
  });
}

/**
 * One signal that aborts when any of the given ones does, or after `timeoutMs`.
 * By hand, because grammY's own signals come from a polyfill that
 * `AbortSignal.any` refuses.
 */
interface Abortable {
  readonly aborted: boolean;
  addEventListener(type: "abort", listener: () => void): void;
  removeEventListener(type: "abort", listener: () => void): void;
}

function linkSignals(signals: (Abortable | undefined)[], timeoutMs?: number): { signal: AbortSignal; dispose(): void } {
  const controller = new AbortController();
  const abort = () => controller.abort();
  const sources = signals.filter((s): s is Abortable => s !== undefined);
  for (const s of sources) {
    if (s.aborted) controller.abort();
    else s.addEventListener("abort", abort);
  }
  const timer = timeoutMs === undefined ? undefined : setTimeout(abort, timeoutMs);
  return {
    signal: controller.signal,
    dispose() {
      if (timer) clearTimeout(timer);
      for (const s of sources) s.removeEventListener("abort", abort);
    },
  };
}
