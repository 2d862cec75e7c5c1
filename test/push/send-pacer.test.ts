// The pacer against the rule Telegram enforces: at most 30 messages in any
// second, and nothing while a 429's retry_after runs. Time is simulated (timers
// that fire late, database work between a slot and its request), so the
// figures are exact and the test takes no real time.
import type { Transformer } from "grammy";
import { describe, expect, it } from "vitest";
import { createSendPacer, MESSAGES_PER_SECOND, SAFETY_MARGIN_MS, type PacerTime } from "../../src/jobs/send-pacer.js";
import { createRandom } from "../../src/seed/random.js";

/** A clock that moves only when every task is waiting on a timer; timers fire late by `lateness()`. */
function simulatedTime(lateness: () => number = () => 0) {
  let t = 0;
  const timers: { at: number; fire: () => void }[] = [];
  const time: PacerTime = {
    now: () => t,
    sleep: (ms) => new Promise<void>((fire) => timers.push({ at: t + Math.max(0, ms) + lateness(), fire })),
  };
  return {
    time,
    /** Runs the tasks to their end, moving the clock from timer to timer. */
    async run(tasks: Promise<unknown>[]): Promise<void> {
      let done = false;
      const all = Promise.all(tasks).finally(() => (done = true));
      for (;;) {
        await new Promise((resolve) => setImmediate(resolve)); // let everything runnable run
        if (done) return all.then(() => undefined);
        timers.sort((a, b) => a.at - b.at);
        const timer = timers.shift();
        if (!timer) throw new Error("every task waits on something that never comes");
        t = Math.max(t, timer.at);
        timer.fire();
      }
    },
  };
}

type Answer = Awaited<ReturnType<Parameters<Transformer>[0]>>;
const ok = { ok: true, result: { message_id: 1 } } as unknown as Answer;

/** When each request reached "Telegram" (the message requests, and all of them), with what it answered. */
function telegram(time: PacerTime, answer: (n: number) => Answer = () => ok) {
  const arrivals: number[] = [];
  const all: { at: number; method: string }[] = [];
  const prev = (async (method: string) => {
    all.push({ at: time.now(), method });
    return method === "answerCallbackQuery" ? ok : answer(arrivals.push(time.now()));
  }) as unknown as Parameters<Transformer>[0];
  return { arrivals, all, prev };
}

function busiestSecond(arrivals: number[], windowMs = 1000): number {
  let most = 0;
  for (let i = 0, j = 0; j < arrivals.length; j++) {
    while (arrivals[j]! - arrivals[i]! >= windowMs) i++;
    most = Math.max(most, j - i + 1);
  }
  return most;
}

describe("the send pacer", () => {
  it("keeps every second to 30 messages, with late timers, slow database work and replies in between, and still sends at over 90% of the limit", async () => {
    const random = createRandom(20261124).next;
    const clock = simulatedTime(() => random() * 20);
    const pacer = createSendPacer(30, clock.time); // asking for the full limit: the margin must still hold
    const { arrivals, prev } = telegram(clock.time);
    const pushes = 600;
    let taken = 0;
    // Eight senders as the push job runs them: a slot, a claim in the database, the request.
    const sender = async () => {
      while (taken < pushes) {
        taken++;
        await pacer.wait();
        await clock.time.sleep(random() * 40);
        await pacer.transformer(prev, "sendMessage", { chat_id: 1, text: "push" } as never);
      }
    };
    // Replies to users share the budget; answers to button presses are not messages.
    const replies = async () => {
      for (let i = 0; i < 40; i++) {
        await clock.time.sleep(500);
        await pacer.transformer(prev, "sendMessage", { chat_id: 2, text: "reply" } as never);
        await pacer.transformer(prev, "answerCallbackQuery", { callback_query_id: "1" } as never);
      }
    };
    await clock.run([...Array.from({ length: 8 }, sender), replies()]);

    expect(arrivals).toHaveLength(pushes + 40);
    expect(busiestSecond(arrivals, 1000 + SAFETY_MARGIN_MS)).toBe(MESSAGES_PER_SECOND);
    const seconds = (arrivals.at(-1)! - arrivals[0]!) / 1000;
    expect(arrivals.length / seconds / MESSAGES_PER_SECOND).toBeGreaterThan(0.9);
    expect(pacer.tooManyRequests).toBe(0);
  });

  it("counts only messages toward the limit", async () => {
    const clock = simulatedTime();
    const pacer = createSendPacer(30, clock.time);
    const { arrivals, all, prev } = telegram(clock.time);
    await clock.run([
      ...Array.from({ length: 100 }, () => pacer.transformer(prev, "answerCallbackQuery", {} as never)),
      ...Array.from({ length: 31 }, () => pacer.transformer(prev, "copyMessage", {} as never)),
    ]);
    expect(all.filter((r) => r.method === "answerCallbackQuery").map((r) => r.at)).toEqual(Array(100).fill(0));
    expect(arrivals).toEqual([...Array(30).fill(0), 1000 + SAFETY_MARGIN_MS]);
  });

  it("holds every message, pushes and replies, for the retry_after of a 429", async () => {
    const clock = simulatedTime();
    const pacer = createSendPacer(28, clock.time);
    let refusedAt = -1;
    const { arrivals, prev } = telegram(clock.time, (n) => {
      if (n !== 10) return ok;
      refusedAt = clock.time.now();
      return { ok: false, error_code: 429, description: "Too Many Requests: retry after 3", parameters: { retry_after: 3 } } as Answer;
    });
    const pushes = async () => {
      for (let i = 0; i < 40; i++) {
        await pacer.wait();
        await pacer.transformer(prev, "sendMessage", { chat_id: 1, text: "push" } as never);
      }
    };
    const reply = async () => {
      await clock.time.sleep(400);
      await pacer.transformer(prev, "sendMessage", { chat_id: 2, text: "reply" } as never);
    };
    await clock.run([pushes(), reply()]);

    expect(pacer.tooManyRequests).toBe(1);
    expect(refusedAt).toBeGreaterThan(0);
    const after = arrivals.filter((at) => at > refusedAt);
    expect(after.length).toBeGreaterThan(30); // the reply and the pushes after the refusal
    expect(Math.min(...after)).toBeGreaterThanOrEqual(refusedAt + 3000);
  });
});
