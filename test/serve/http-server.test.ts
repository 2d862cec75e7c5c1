// The bot's HTTP server in webhook mode, over real HTTP: Telegram's secret
// token checked, a repeated update_id dropped, /healthz and /metrics.
import { connect } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Update } from "grammy/types";
import { SECRET_HEADER } from "../../src/http/webhook.route.js";
import { serveApp, type ServingApp } from "../support/serving-app.js";

const SECRET = "webhook-secret_0123456789abcdef";
const WEBHOOK_URL = "https://bot.example.com/telegram/hook";

let serving: ServingApp;
let base: string;
let nextUpdateId = 1000;

beforeAll(async () => {
  serving = await serveApp({ env: { WEBHOOK_URL, WEBHOOK_SECRET: SECRET, PORT: "0" } });
  base = serving.app.httpUrl!;
});
afterAll(() => serving.close());

function post(body: unknown, headers: Record<string, string> = { [SECRET_HEADER]: SECRET }): Promise<Response> {
  return fetch(`${base}/telegram/hook`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) });
}

/** What the bot sent to a chat. */
function sentTo(chatId: number): string[] {
  return serving.emulator.events.flatMap((e) => (e.type === "message" && e.chatId === chatId ? [e.message.text ?? ""] : []));
}

function textUpdate(userId: number, text: string): Update {
  const from = { id: userId, is_bot: false, first_name: "Ana", language_code: "en" };
  return {
    update_id: nextUpdateId++,
    message: { message_id: nextUpdateId, date: Math.floor(Date.now() / 1000), chat: { id: userId, type: "private", first_name: "Ana" }, from, text,
      entities: text.startsWith("/") ? [{ type: "bot_command", offset: 0, length: text.split(" ")[0]!.length }] : undefined },
  } as Update;
}

describe("webhook mode", () => {
  it("sets the webhook with its secret at start", () => {
    expect(serving.emulator.webhook).toEqual({ url: WEBHOOK_URL, secretToken: SECRET });
  });

  it("handles an update Telegram posts with the secret token", async () => {
    const ana = serving.emulator.addUser({ firstName: "Ana", languageCode: "en", started: true });
    const response = await post(textUpdate(ana.id, "/start"));
    expect(response.status).toBe(200);
    await serving.app.intake.idle();
    expect(sentTo(ana.id).some((text) => text.includes("Nearbuy"))).toBe(true);
  });

  it("refuses, and logs, a request without the secret token or with a wrong one, handling nothing", async () => {
    const eve = serving.emulator.addUser({ firstName: "Eve", languageCode: "en", started: true });
    const missing = await post(textUpdate(eve.id, "/start"), {});
    const wrong = await post(textUpdate(eve.id, "/start"), { [SECRET_HEADER]: "guessed-secret_0123456789abcdef" });
    expect([missing.status, wrong.status]).toEqual([401, 401]);
    await serving.app.intake.idle();
    expect(sentTo(eve.id)).toEqual([]);
    const refusals = serving.logs.filter((l) => l.msg.startsWith("webhook request refused"));
    expect(refusals.map((l) => l.hasToken)).toEqual([false, true]);
  });

  it("answers a stranger 401 before reading its body, so one that never sends it holds nothing open", async () => {
    const { hostname, port } = new URL(base);
    const socket = connect(Number(port), hostname);
    const answer = new Promise<string>((resolve, reject) => {
      socket.once("data", (data) => resolve(data.toString()));
      socket.once("error", reject);
      // Without an answer the socket would stay open and keep the server from closing.
      setTimeout(() => resolve("no answer within 10 s"), 10_000).unref();
    });
    // A body announced as 1,000 bytes, of which one is ever sent.
    socket.write(`POST /telegram/hook HTTP/1.1\r\nHost: ${hostname}\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{`);
    try {
      expect(await answer).toMatch(/^HTTP\/1\.1 401 /);
    } finally {
      socket.destroy();
    }
  });

  it("refuses an update whose update_id is not a whole number Telegram could give", async () => {
    const eve = serving.emulator.addUser({ firstName: "Eve", languageCode: "en", started: true });
    const statuses = [];
    for (const id of [1.5, -1, 1e300]) statuses.push((await post({ ...textUpdate(eve.id, "/start"), update_id: id })).status);
    expect(statuses).toEqual([400, 400, 400]);
  });

  it("handles an update Telegram sends again only once", async () => {
    const bob = serving.emulator.addUser({ firstName: "Bob", languageCode: "en", started: true });
    const update = textUpdate(bob.id, "/start");
    const answers = await Promise.all([post(update), post(update)]);
    await serving.app.intake.idle();
    expect((await post(update)).status).toBe(200);
    await serving.app.intake.idle();
    expect(answers.map((r) => r.status)).toEqual([200, 200]);
    expect(sentTo(bob.id).filter((text) => text.includes("Nearbuy"))).toHaveLength(1);
  });

  it("says on /healthz that the database answers and the jobs run", async () => {
    const response = await fetch(`${base}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ ok: true, database: "ok", jobs: { running: true } });
  });

  it("counts on /metrics the updates by type, the Bot API calls, the bulk lane and the pre-checkout latency", async () => {
    const response = await fetch(`${base}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/plain/);
    const text = await response.text();
    expect(text).toMatch(/^nearbuy_updates_total\{type="message"\} [1-9]/m);
    expect(text).toMatch(/^nearbuy_update_handling_seconds_count\{type="message"\} [1-9]/m);
    expect(text).toMatch(/^nearbuy_bot_api_calls_total\{method="sendMessage"\} [1-9]/m);
    for (const name of [
      "nearbuy_bot_api_errors_total",
      "nearbuy_bot_api_retry_after_seconds",
      "nearbuy_bulk_messages_sent_total",
      "nearbuy_bulk_messages_waiting",
      "nearbuy_job_runs_total",
      "nearbuy_pre_checkout_answer_seconds",
    ]) {
      expect(text).toContain(`# TYPE ${name} `);
    }
  });

  it("leaves the webhook set when it stops, for the other instances behind it", async () => {
    const { app, emulator } = serving;
    await app.close();
    expect(emulator.webhook).toEqual({ url: WEBHOOK_URL, secretToken: SECRET });
    // Closing twice (afterAll) must be harmless.
  });
});
