// The Bot API client's network policy, around a Bot API that fails: a few
// short retries on network errors, never for getUpdates (the polling loop
// asks again itself), and nothing left waiting once the process stops.
import { HttpError, type Transformer } from "grammy";
import { pino } from "pino";
import { describe, expect, it } from "vitest";
import { createNetworkPolicy } from "../../src/bot/api-network.js";

type Prev = Parameters<Transformer>[0];
const logger = pino({ level: "silent" });

function failingApi() {
  const calls: string[] = [];
  const prev = (async (method: string) => {
    calls.push(method);
    throw new HttpError(`Network request for '${method}' failed!`, new Error("ECONNREFUSED"));
  }) as unknown as Prev;
  return { calls, prev };
}

describe("the network policy", () => {
  it("retries a message a bounded number of times, within seconds, then gives up", async () => {
    const policy = createNetworkPolicy({ logger, retryDelaysMs: [10, 20, 40] });
    const api = failingApi();
    const started = Date.now();
    await expect(policy.transformer(api.prev, "sendMessage", { chat_id: 1, text: "hi" })).rejects.toBeInstanceOf(HttpError);
    expect(api.calls).toEqual(["sendMessage", "sendMessage", "sendMessage", "sendMessage"]);
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it("does not retry a poll: the polling loop asks again on its own", async () => {
    const policy = createNetworkPolicy({ logger });
    const api = failingApi();
    await expect(policy.transformer(api.prev, "getUpdates", { timeout: 30 })).rejects.toBeInstanceOf(HttpError);
    expect(api.calls).toEqual(["getUpdates"]);
  });

  it("ends a request waiting between retries, and refuses new ones, once everything is aborted", async () => {
    const policy = createNetworkPolicy({ logger, retryDelaysMs: [60_000] });
    const api = failingApi();
    const waiting = policy.transformer(api.prev, "sendMessage", { chat_id: 1, text: "hi" });
    await new Promise((r) => setTimeout(r, 20));
    const started = Date.now();
    policy.abortAll();
    await expect(waiting).rejects.toBeInstanceOf(HttpError);
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it("abandons a long poll that never answers after its timeout and a margin", async () => {
    const policy = createNetworkPolicy({ logger, pollSlackMs: 50 });
    const hanging = (async (_method: string, _payload: unknown, signal?: AbortSignal) =>
      new Promise((_, reject) => signal?.addEventListener("abort", () => reject(new HttpError("aborted", new Error("aborted")))))) as unknown as Prev;
    const started = Date.now();
    await expect(policy.transformer(hanging, "getUpdates", { timeout: 0 })).rejects.toBeInstanceOf(HttpError);
    expect(Date.now() - started).toBeLessThan(1_000);
  });
});
