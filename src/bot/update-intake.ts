// Updates handled concurrently, at most `concurrency` at once, whether they
// come from long polling (the runner's sink) or the webhook. Payments never
// wait for a free place: a pre-checkout query stuck behind a burst of other
// users' updates would miss Telegram's 10 seconds. And while one is handled
// no other update starts, so that it does not share the process with ever
// more of them. Updates of the same chat that were queued before a payment
// start with it, so that sequentialize still sees them in their order.
import type { UpdateSink } from "@grammyjs/runner";
import type { Update } from "grammy/types";
import { isPayment, orderKeys } from "./update-order.js";

/** The updates the bot asks Telegram for, by polling or webhook. */
export const HANDLED_UPDATES = [
  "message",
  "edited_message",
  "callback_query",
  "pre_checkout_query",
  "my_chat_member",
  "inline_query",
  "chosen_inline_result",
  // The groups' votes: the counts and closing of the bot's polls. Not
  // poll_answer: who chose what counts for nothing (the group sees it on the
  // poll), and it would be one more update for every vote.
  "poll",
] as const;

/** Updates waiting for a place, at most (unless the concurrency is higher): a few kilobytes each. */
const MAX_WAITING = 1000;

export interface UpdateIntakeOptions {
  handle(update: Update): Promise<void>;
  /** Told of an update whose handling failed (the bot's own error boundary already ran). */
  onError(error: unknown, update: Update): void;
  concurrency: number;
}

export interface UpdateIntake extends UpdateSink<Update> {
  /** Resolves when every update taken in so far has been handled. */
  idle(): Promise<void>;
}

export function createUpdateIntake({ handle, onError, concurrency }: UpdateIntakeOptions): UpdateIntake {
  const queued: Update[] = [];
  const active = new Map<Update, Promise<void>>();
  let payments = 0;
  /** Called when a place frees up: the intake takes more. */
  const roomListeners: (() => void)[] = [];

  function start(update: Update, done?: () => void): void {
    const handling = handle(update)
      .catch((error: unknown) => onError(error, update))
      .finally(() => {
        done?.();
        active.delete(update);
        pump();
        for (const listener of roomListeners.splice(0)) listener();
      });
    active.set(update, handling);
  }

  function pump(): void {
    while (payments === 0 && active.size < concurrency && queued.length > 0) start(queued.shift()!);
  }

  function startPayment(payment: Update): void {
    const keys = new Set(orderKeys(payment));
    const before = queued.filter((u) => orderKeys(u).some((k) => keys.has(k)));
    for (const u of before) queued.splice(queued.indexOf(u), 1);
    for (const u of before) start(u);
    payments++;
    start(payment, () => payments--);
  }

  /**
   * Room for more: waiting updates hold the source back only past a backlog
   * several bursts deep, since a payment Telegram holds behind a burst is
   * seen only once everything before it has been taken in.
   */
  const room = () => Math.max(concurrency, MAX_WAITING) - queued.length;

  return {
    async handle(updates) {
      for (const update of updates) {
        if (isPayment(update)) startPayment(update);
        else queued.push(update);
      }
      pump();
      while (room() <= 0) await new Promise<void>((resolve) => roomListeners.push(resolve));
      return room();
    },
    size: () => active.size + queued.length,
    snapshot: () => [...active.keys(), ...queued],
    async idle() {
      while (active.size > 0 || queued.length > 0) await Promise.allSettled([...active.values()]);
    },
  };
}
