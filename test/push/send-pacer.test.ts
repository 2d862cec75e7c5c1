// The pacer against the rule Telegram enforces: at most 30 messages in any
// second, and no bulk message while a 429's retry_after runs; replies, which
// someone is waiting for, are never held. Time is simulated (timers
// that fire late, database work between a slot and its request), so the
// figures are exact and the test takes no real time.
import type { Transformer } from "grammy";
import { describe, expect, it } from "vitest";
import { createSendPacer, MESSAGES_PER_SECOND, REPLY_ROOM, SAFETY_MARGIN_MS, type PacerTime, type SendPacer } from "../../src/jobs/send-pacer.js";
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
  const all: { at: number; method: string; chatId?: number }[] = [];
  const prev = (async (method: string, payload: { chat_id?: number }) => {
    all.push({ at: time.now(), method, chatId: payload.chat_id });
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

/** One push as the push job sends it: a slot, a claim in the database, the request, on the bulk lane. */
function pushSender(pacer: SendPacer, time: PacerTime, prev: Parameters<Transformer>[0], dbWork: () => number = () => 0) {
  return () =>
    pacer.bulk(async () => {
      await pacer.wait();
      await time.sleep(dbWork());
      await pacer.transformer(prev, "sendMessage", { chat_id: 1, text: "push" } as never);
    });
}

describe("the send pacer", () => {
  it("keeps every second to 30 messages, with late timers, slow database work and replies in between, and still sends at over 90% of the limit", async () => {
    const random = createRandom(20261124).next;
    const clock = simulatedTime(() => random() * 20);
    // Pushes at 28 a second leave replies 2 of every second.
    const pacer = createSendPacer(28, clock.time);
    const { arrivals, prev } = telegram(clock.time);
    const pushes = 600;
    let taken = 0;
    const push = pushSender(pacer, clock.time, prev, () => random() * 40);
    // Eight senders as the push job runs them.
    const sender = async () => {
      while (taken < pushes) {
        taken++;
        await push();
      }
    };
    // Replies to users (two in any second) share the budget; answers to button presses are not messages.
    const replies = async () => {
      for (let i = 0; i < 40; i++) {
        await clock.time.sleep(550);
        await pacer.transformer(prev, "sendMessage", { chat_id: 2, text: "reply" } as never);
        await pacer.transformer(prev, "answerCallbackQuery", { callback_query_id: "1" } as never);
      }
    };
    await clock.run([...Array.from({ length: 8 }, sender), replies()]);

    expect(arrivals).toHaveLength(pushes + 40);
    expect(busiestSecond(arrivals, 1000 + SAFETY_MARGIN_MS)).toBeLessThanOrEqual(MESSAGES_PER_SECOND);
    const seconds = (arrivals.at(-1)! - arrivals[0]!) / 1000;
    expect(arrivals.length / seconds / MESSAGES_PER_SECOND).toBeGreaterThan(0.9);
    expect(pacer.tooManyRequests).toBe(0);
  });

  it("keeps every second to 30 messages as Telegram receives them, when the way there takes anywhere from 10 to 400 ms", async () => {
    const random = createRandom(20261130).next;
    const clock = simulatedTime(() => random() * 20);
    const pacer = createSendPacer(28, clock.time);
    // A request reaches Telegram after a delay that varies (a stalled event
    // loop, the network) and is answered after another: what left evenly
    // spaced can arrive bunched.
    const arrivals: number[] = [];
    const prev = (async () => {
      await clock.time.sleep(10 + random() * random() * 390);
      arrivals.push(clock.time.now());
      await clock.time.sleep(10 + random() * 40);
      return ok;
    }) as unknown as Parameters<Transformer>[0];
    let taken = 0;
    const push = pushSender(pacer, clock.time, prev, () => random() * 40);
    const sender = async () => {
      while (taken < 600) {
        taken++;
        await push();
      }
    };
    // Four people a second wait for a reply, from the start.
    const replies = async (chat: number) => {
      for (let i = 0; i < 20; i++) {
        await clock.time.sleep(800 + random() * 400);
        await pacer.transformer(prev, "sendMessage", { chat_id: chat, text: "reply" } as never);
      }
    };
    await clock.run([...Array.from({ length: 8 }, sender), ...[2, 3, 4, 5].map(replies)]);

    expect(arrivals).toHaveLength(600 + 80);
    expect(busiestSecond(arrivals.sort((a, b) => a - b), 1000)).toBeLessThanOrEqual(MESSAGES_PER_SECOND);
    expect(pacer.bulkSent).toBe(600);
  });

  it("never holds a reply, even when pushes have used the whole second; the pushes then wait for the room the replies took", async () => {
    const clock = simulatedTime();
    const pacer = createSendPacer(30, clock.time);
    const { all, prev } = telegram(clock.time);
    const push = pushSender(pacer, clock.time, prev);
    const pushes = Array.from({ length: 40 }, push);
    const replies = (async () => {
      await clock.time.sleep(100);
      for (let i = 0; i < 10; i++) await pacer.transformer(prev, "sendMessage", { chat_id: 2, text: "reply" } as never);
    })();
    await clock.run([...pushes, replies]);

    expect(all.filter((r) => r.chatId === 2).map((r) => r.at)).toEqual(Array(10).fill(100));
    // From the replies on, the pushes fit in what the replies left.
    const fromReplies = all.filter((r) => r.at >= 100).map((r) => r.at);
    expect(busiestSecond(fromReplies, 1000 + SAFETY_MARGIN_MS)).toBeLessThanOrEqual(MESSAGES_PER_SECOND);
    expect(pacer.bulkSent).toBe(40);
  });

  it("keeps room in every second for a reply that comes while pushes run at the full limit, so the reply does not overfill it", async () => {
    const random = createRandom(20261129).next;
    const clock = simulatedTime();
    const pacer = createSendPacer(MESSAGES_PER_SECOND, clock.time);
    const { arrivals, prev } = telegram(clock.time);
    let taken = 0;
    const push = pushSender(pacer, clock.time, prev);
    const sender = async () => {
      while (taken < 300) {
        taken++;
        await push();
      }
    };
    const replies = async () => {
      for (let i = 0; i < 25; i++) {
        await clock.time.sleep(300 + random() * 200);
        await pacer.transformer(prev, "sendMessage", { chat_id: 2, text: "reply" } as never);
      }
    };
    await clock.run([...Array.from({ length: 8 }, sender), replies()]);

    expect(arrivals).toHaveLength(300 + 25);
    expect(busiestSecond(arrivals, 1000 + SAFETY_MARGIN_MS)).toBeLessThanOrEqual(MESSAGES_PER_SECOND);
  });

  it("counts only messages toward the limit", async () => {
    const clock = simulatedTime();
    const pacer = createSendPacer(30, clock.time);
    const { arrivals, all, prev } = telegram(clock.time);
    await clock.run([
      ...Array.from({ length: 100 }, () => pacer.bulk(() => pacer.transformer(prev, "answerCallbackQuery", {} as never))),
      ...Array.from({ length: 31 }, () => pacer.bulk(() => pacer.transformer(prev, "copyMessage", {} as never))),
    ]);
    expect(all.filter((r) => r.method === "answerCallbackQuery").map((r) => r.at)).toEqual(Array(100).fill(0));
    // The second keeps room for a reply: 29 now, the rest when it has passed.
    expect(arrivals).toEqual([...Array(MESSAGES_PER_SECOND - REPLY_ROOM).fill(0), 1000 + SAFETY_MARGIN_MS, 1000 + SAFETY_MARGIN_MS]);
  });

  it("holds the pushes, not the replies, for the retry_after of a 429", async () => {
    const clock = simulatedTime();
    const pacer = createSendPacer(28, clock.time);
    let refusedAt = -1;
    const { all, prev } = telegram(clock.time, (n) => {
      if (n !== 10) return ok;
      refusedAt = clock.time.now();
      return { ok: false, error_code: 429, description: "Too Many Requests: retry after 3", parameters: { retry_after: 3 } } as Answer;
    });
    const pushes = pacer.bulk(async () => {
      for (let i = 0; i < 40; i++) {
        await pacer.wait();
        await pacer.transformer(prev, "sendMessage", { chat_id: 1, text: "push" } as never);
      }
    });
    let repliedAt = -1;
    const reply = async () => {
      await clock.time.sleep(400);
      await pacer.transformer(prev, "sendMessage", { chat_id: 2, text: "reply" } as never);
      repliedAt = clock.time.now();
    };
    await clock.run([pushes, reply()]);

    expect(pacer.tooManyRequests).toBe(1);
    expect(refusedAt).toBeGreaterThan(0);
    expect(repliedAt).toBeGreaterThan(refusedAt);
    expect(repliedAt).toBeLessThan(refusedAt + 3000);
    const pushesAfter = all.filter((r) => r.at > refusedAt && r.at !== repliedAt);
    expect(pushesAfter.length).toBeGreaterThan(25);
    expect(Math.min(...pushesAfter.map((r) => r.at))).toBeGreaterThanOrEqual(refusedAt + 3000);
  });

  it("sends pushes as paid broadcasts, past 30 a second, only when the operator turns them on", async () => {
    const clock = simulatedTime();
    const payloads: Record<string, unknown>[] = [];
    const prev = (async (_method: string, payload: Record<string, unknown>) => {
      payloads.push(payload);
      return ok;
    }) as unknown as Parameters<Transformer>[0];
    const paid = createSendPacer(500, clock.time, { paidBroadcast: true });
    await clock.run(Array.from({ length: 100 }, pushSender(paid, clock.time, prev)));
    expect(clock.time.now()).toBeLessThan(1000);
    expect(payloads.every((p) => p.allow_paid_broadcast === true)).toBe(true);

    payloads.length = 0;
    const free = createSendPacer(28, clock.time);
    await clock.run([pushSender(free, clock.time, prev)(), free.transformer(prev, "sendMessage", { chat_id: 2 } as never)]);
    expect(payloads.some((p) => "allow_paid_broadcast" in p)).toBe(false);
  });
});
