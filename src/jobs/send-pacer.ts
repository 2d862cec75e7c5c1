// Telegram takes about 30 messages a second from a bot overall. The pacer
// spaces sends evenly under that rate, and when Telegram still answers 429 it
// holds every send (not only the refused one) for the retry_after it asked.
// The refused request itself is repeated by the auto-retry plugin.
import type { Transformer } from "grammy";

export interface SendPacer {
  /** Resolves when the next message may go out. */
  wait(): Promise<void>;
  /** An API transformer, installed under auto-retry, that sees every 429. */
  readonly transformer: Transformer;
  /** 429 answers seen since start. */
  readonly tooManyRequests: number;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function createSendPacer(perSecond: number, now: () => number = Date.now): SendPacer {
  const interval = 1000 / perSecond;
  let next = 0;
  let pausedUntil = 0;
  let tooManyRequests = 0;
  return {
    async wait() {
      // Slots are planned one interval apart (a timer firing late does not
      // push the next slot back), but a longer delay is never made up by
      // sending faster afterwards: bursts are what Telegram refuses.
      for (;;) {
        const at = Math.max(now(), next, pausedUntil);
        const delay = at - now();
        if (delay > 0) await sleep(delay);
        if (now() >= pausedUntil) {
          next = Math.max(at, now() - interval) + interval;
          break;
        }
      }
    },
    transformer: async (prev, method, payload, signal) => {
      const result = await prev(method, payload, signal);
      if (!result.ok && result.error_code === 429) {
        tooManyRequests++;
        const seconds = result.parameters?.retry_after ?? 1;
        pausedUntil = Math.max(pausedUntil, now() + seconds * 1000);
      }
      return result;
    },
    get tooManyRequests() {
      return tooManyRequests;
    },
  };
}
