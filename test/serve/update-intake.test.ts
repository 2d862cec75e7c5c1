// The intake takes in far more updates than it handles at once: a payment
// that Telegram holds behind a burst of other users' updates is seen, and
// answered first, only once the updates before it have been taken in.
import type { Update } from "grammy/types";
import { describe, expect, it } from "vitest";
import { createUpdateIntake } from "../../src/bot/update-intake.js";

const text = (id: number): Update => ({ update_id: id, message: { message_id: id, date: 0, chat: { id, type: "private", first_name: "U" }, from: { id, is_bot: false, first_name: "U" }, text: "hi" } });
const preCheckout = (id: number): Update => ({
  update_id: id,
  pre_checkout_query: { id: String(id), from: { id, is_bot: false, first_name: "P" }, currency: "USD", total_amount: 500, invoice_payload: "order:1" },
});

describe("the update intake", () => {
  it("takes in a burst many times its concurrency, so that the payment behind it starts at once", async () => {
    const started: number[] = [];
    const release: (() => void)[] = [];
    let held = true;
    const intake = createUpdateIntake({
      concurrency: 2,
      onError: () => undefined,
      handle: (update) => {
        started.push(update.update_id);
        return held ? new Promise<void>((resolve) => release.push(resolve)) : Promise.resolve();
      },
    });
    // The source hands over the burst in batches of 100, as getUpdates does.
    for (let batch = 0; batch < 3; batch++) await intake.handle(Array.from({ length: 100 }, (_, i) => text(batch * 100 + i + 1)));
    await intake.handle([preCheckout(999)]);

    expect(started).toEqual([1, 2, 999]);
    held = false;
    for (const done of release) done();
    await intake.idle();
    expect(started).toHaveLength(301);
  });
});
