// Telegram takes about 30 messages a second from a bot overall. The pacer
// offers pushes evenly spaced send slots under that rate, and, right before
// each message request leaves (pushes and replies alike), checks that no more
// than 30 have left in the last second plus a margin: that is what Telegram
// counts, whatever the database work between a slot and its request took.
// When Telegram still answers 429 it holds every send (not only the refused
// one) for the retry_after it asked; auto-retry repeats the refused request.
import type { Transformer } from "grammy";

export interface SendPacer {
  /** Resolves at the next push slot. */
  wait(): Promise<void>;
  /** An API transformer, installed under auto-retry: spaces every message request and sees every 429. */
  readonly transformer: Transformer;
  /** 429 answers seen since start. */
  readonly tooManyRequests: number;
}

export interface PacerTime {
  now(): number;
  sleep(ms: number): Promise<void>;
}

/** Telegram's limit: this many messages in any second. */
export const MESSAGES_PER_SECOND = 30;
/**
 * Added to the second: requests reach Telegram a little later than they
 * leave, by an amount that varies (the event loop, the network, the far
 * end's own scheduling), so two that left a second apart may arrive closer.
 */
export const SAFETY_MARGIN_MS = 50;
/** The methods that count toward the limit: the ones that post a message. */
const MESSAGE_METHODS = /^(send(?!ChatAction)|copyMessage|forwardMessage)/;

const realTime: PacerTime = {
  now: () => performance.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

export function createSendPacer(perSecond: number, { now, sleep }: PacerTime = realTime): SendPacer {
  const interval = 1000 / perSecond;
  const windowMs = 1000 + SAFETY_MARGIN_MS;
  let next = 0;
  let pausedUntil = 0;
  let tooManyRequests = 0;
  /** When the last 30 message requests left, oldest first. */
  const departures: number[] = [];
  /** Requests pass the check one at a time, in the order they came. */
  let queue = Promise.resolve();

  /** The earliest a message may leave: the 31st after the oldest of the last 30 waits out the window. */
  function earliest(): number {
    const full = departures.length >= MESSAGES_PER_SECOND ? departures[0]! + windowMs : 0;
    return Math.max(full, pausedUntil);
  }

  async function depart(): Promise<void> {
    for (let t = now(); t < earliest(); t = now()) await sleep(earliest() - t);
    departures.push(now());
    if (departures.length > MESSAGES_PER_SECOND) departures.shift();
  }

  return {
    async wait() {
      // Slots are planned one interval apart (a timer firing late does not
      // push the next slot back), but a longer delay is not made up by
      // sending faster afterwards: bursts are what Telegram refuses. A slot
      // also waits for the window, so that a claimed push does not then wait
      // at the check before its request.
      for (;;) {
        const at = Math.max(next, earliest());
        const t = now();
        if (t >= at) {
          next = Math.max(at + interval, t);
          return;
        }
        await sleep(at - t);
      }
    },
    transformer: async (prev, method, payload, signal) => {
      if (MESSAGE_METHODS.test(method)) {
        const turn = queue.then(depart);
        queue = turn;
        await turn;
      }
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
