// Telegram takes about 30 messages a second from a bot overall. Two lanes
// share that: replies (anything sent while handling an update) leave at once,
// never held by us, since a person is waiting for them; bulk messages
// (pushes, owner notices and summaries: what scheduled work sends, marked by
// `bulk()`) take evenly spaced slots at the configured rate and, right before
// each request leaves, wait until the last second holds fewer than 30
// messages of both lanes plus a margin, less the room kept for replies: they
// use only what replies leave, and replies that come while the second is
// full of pushes still fit (over the limit, Telegram would refuse them).
// Telegram counts a message when it arrives, somewhere between the moment
// it left and its answer: a message counts from when it leaves until a
// second after its answer, so requests that left evenly spaced and arrive
// bunched (a stalled event loop, the network) still fit. A 429 holds the
// bulk lane for the retry_after Telegram asked; auto-retry repeats the
// refused request, reply or not.
import { AsyncLocalStorage } from "node:async_hooks";
import type { Transformer } from "grammy";

export interface SendPacer {
  /** Resolves at the next bulk slot. */
  wait(): Promise<void>;
  /** Runs `work` with every message it sends on the bulk lane. */
  bulk<T>(work: () => Promise<T>): Promise<T>;
  /** An API transformer, installed under auto-retry: paces bulk message requests and sees every 429. */
  readonly transformer: Transformer;
  /** 429 answers seen since start. */
  readonly tooManyRequests: number;
  /** Bulk messages sent since start. */
  readonly bulkSent: number;
  /** Replies sent since start. */
  readonly repliesSent: number;
  /** Bulk messages waiting for their turn now. */
  readonly bulkWaiting: number;
}

export interface PacerTime {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export interface PacerOptions {
  /**
   * Bulk messages as Telegram's paid broadcasts (allow_paid_broadcast): up to
   * 1,000 a second, each charged in Stars beyond the free 30.
   */
  paidBroadcast?: boolean;
}

/** Telegram's limit: this many messages in any second. */
export const MESSAGES_PER_SECOND = 30;
/** The limit with paid broadcasts. */
export const PAID_MESSAGES_PER_SECOND = 1000;
/**
 * Added to the second: requests reach Telegram a little later than they
 * leave, by an amount that varies (the event loop, the network, the far
 * end's own scheduling), so two that left a second apart may arrive closer.
 */
export const SAFETY_MARGIN_MS = 50;
/**
 * Messages of the second the bulk lane leaves free for a reply that may come
 * next: replies leave at once, so room kept beforehand is the only room they
 * have. One is enough for replies that come apart; it costs the bulk lane
 * one message a second, and only when it would otherwise fill the second.
 * Replies already sent need no room of their own: they count in the second
 * like any message, so the bulk lane has only what they left.
 */
export const REPLY_ROOM = 1;
/** How often a bulk message waiting only for answers to messages still on their way looks again. */
const ANSWER_POLL_MS = 10;
/** The methods that count toward the limit: the ones that post a message. */
const MESSAGE_METHODS = /^(send(?!ChatAction)|copyMessage|forwardMessage)/;

const realTime: PacerTime = {
  now: () => performance.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

export function createSendPacer(perSecond: number, { now, sleep }: PacerTime = realTime, { paidBroadcast = false }: PacerOptions = {}): SendPacer {
  const limit = paidBroadcast ? PAID_MESSAGES_PER_SECOND : MESSAGES_PER_SECOND;
  const interval = 1000 / perSecond;
  const windowMs = 1000 + SAFETY_MARGIN_MS;
  const lane = new AsyncLocalStorage<"bulk">();
  let next = 0;
  let pausedUntil = 0;
  let tooManyRequests = 0;
  let bulkSent = 0;
  let repliesSent = 0;
  let bulkWaiting = 0;
  /**
   * Message requests on their way (not answered yet), and when those
   * answered within the last window were answered, oldest first: all of
   * them, and the bulk ones.
   */
  let onTheWay = 0;
  let bulkOnTheWay = 0;
  const answered: number[] = [];
  const answeredBulk: number[] = [];
  /** Bulk requests pass the check one at a time, in the order they came. */
  let queue = Promise.resolve();

  function forget(times: number[], t: number): void {
    while (times.length > 0 && t - times[0]! >= windowMs) times.shift();
  }

  /**
   * When `answered` and `pending` leave room under `cap` for one more: the
   * pending ones may arrive at any moment, so only answers can age out; if
   * the pending ones fill it alone, look again after a while.
   */
  function roomAt(answeredAt: number[], pending: number, cap: number, t: number): number {
    if (pending >= cap) return t + ANSWER_POLL_MS;
    const over = answeredAt.length + pending - cap + 1;
    return over <= 0 ? 0 : answeredAt[over - 1]! + windowMs;
  }

  /**
   * The earliest the next bulk message may leave: when the window has room
   * for it among all messages (replies included) less the room kept for a
   * reply, and among bulk messages at the configured rate, and no 429 holds
   * the lane.
   */
  function earliest(): number {
    const t = now();
    forget(answered, t);
    forget(answeredBulk, t);
    const total = roomAt(answered, onTheWay, limit - REPLY_ROOM, t);
    const own = roomAt(answeredBulk, bulkOnTheWay, perSecond, t);
    return Math.max(total, own, pausedUntil);
  }

  async function depart(): Promise<void> {
    for (let t = now(); t < earliest(); t = now()) await sleep(earliest() - t);
    onTheWay++;
    bulkOnTheWay++;
    bulkSent++;
  }

  const transformer: Transformer = async (prev, method, payload, signal) => {
    if (!MESSAGE_METHODS.test(method)) return watch(await prev(method, payload, signal));
    const bulk = lane.getStore() === "bulk";
    if (bulk) {
      bulkWaiting++;
      const turn = queue.then(depart);
      queue = turn;
      try {
        await turn;
      } finally {
        bulkWaiting--;
      }
      if (paidBroadcast) payload = { ...payload, allow_paid_broadcast: true };
    } else {
      onTheWay++;
      repliesSent++;
    }
    try {
      return watch(await prev(method, payload, signal));
    } finally {
      // Answered (or failed): it reached Telegram by now, if at all.
      const t = now();
      onTheWay--;
      answered.push(t);
      if (bulk) {
        bulkOnTheWay--;
        answeredBulk.push(t);
      }
    }
  };

  /** A 429 holds the bulk lane for its retry_after. */
  function watch<R>(result: R): R {
    const answer = result as { ok: boolean; error_code?: number; parameters?: { retry_after?: number } };
    if (!answer.ok && answer.error_code === 429) {
      tooManyRequests++;
      const seconds = answer.parameters?.retry_after ?? 1;
      pausedUntil = Math.max(pausedUntil, now() + seconds * 1000);
    }
    return result;
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
    bulk: (work) => lane.run("bulk", work),
    transformer,
    get tooManyRequests() {
      return tooManyRequests;
    },
    get bulkSent() {
      return bulkSent;
    },
    get repliesSent() {
      return repliesSent;
    },
    get bulkWaiting() {
      return bulkWaiting;
    },
  };
}
