// Many users at once, through the path main.ts runs: grammY's runner, the
// update intake, sequentialize. Orders of events are asserted, never times.
import { afterEach, describe, expect, it } from "vitest";
import type { BotEvent } from "../../src/sandbox/bot-api-emulator.js";
import { reply, startChatServer, TEST_API_KEY, type ChatServer } from "../support/chat-completions-server.js";
import { serveApp, type ServingApp } from "../support/serving-app.js";

let serving: ServingApp | undefined;
let chat: ChatServer | undefined;
afterEach(async () => {
  await serving?.close();
  await chat?.close();
  serving = chat = undefined;
});

type MessageEvent = Extract<BotEvent, { type: "message" }>;
const isMessage = (e: BotEvent): e is MessageEvent => e.type === "message";

describe("updates of many chats at once", () => {
  it("answers other users while one waits for a slow language model, and keeps that user's own updates in order", async () => {
    chat = await startChatServer();
    chat.answer = () => reply.hang();
    serving = await serveApp({ env: { OPENAI_API_KEY: TEST_API_KEY, OPENAI_BASE_URL: chat.url, OPENAI_TIMEOUT_MS: "1000" } });
    const { emulator } = serving;
    const ana = emulator.addUser({ firstName: "Ana", languageCode: "en" });
    const bob = emulator.addUser({ firstName: "Bob", languageCode: "en" });
    emulator.sendText(ana.id, "/start");
    emulator.sendText(bob.id, "/start");
    await serving.settle();
    const start = emulator.events.length;

    emulator.sendText(ana.id, "cheap coffee for two");
    await emulator.nextEvent((e) => e.type === "chat-action" && e.chatId === ana.id); // the model is asked, and hangs
    emulator.sendText(ana.id, "/help");
    emulator.sendText(bob.id, "/help");
    await emulator.nextEvent((e) => isMessage(e) && e.chatId === ana.id && e.message.text === helpOf(bob.id));
    await serving.settle();

    const messages = emulator.events.slice(start).filter(isMessage);
    const anas = messages.filter((m) => m.chatId === ana.id);
    const bobsHelp = messages.findIndex((m) => m.chatId === bob.id);
    const anasSearch = messages.indexOf(anas[0]!);
    expect(chat.requests).toHaveLength(1);
    // Bob did not wait for Ana's model; Ana's /help waited for her search.
    expect(bobsHelp).toBeLessThan(anasSearch);
    expect(anas.map((m) => m.message.text === helpOf(bob.id))).toEqual([false, true]);

    function helpOf(chatId: number): string | undefined {
      return emulator.events.slice(start).filter(isMessage).find((m) => m.chatId === chatId)?.message.text;
    }
  });

  it("answers a pre-checkout query ahead of a burst of other users' updates that came before it", async () => {
    serving = await serveApp({ env: { UPDATE_CONCURRENCY: "2" }, emulator: { roundTripMs: 20 } });
    const { emulator } = serving;
    const burst = Array.from({ length: 40 }, (_, i) => emulator.addUser({ firstName: `User${i}`, languageCode: "en" }));
    const payer = emulator.addUser({ firstName: "Payer", languageCode: "en" });
    for (const user of burst) emulator.sendText(user.id, "/start");
    const paid = emulator.pay(payer.id, {
      invoice: { chatId: payer.id, messageId: 1, title: "Coffee", description: "", payload: "order:unknown", currency: "USD", totalAmount: 500, prices: [], providerToken: "" },
      timeoutMs: 60_000,
    });
    await paid;
    await serving.settle();

    const answered = emulator.events.findIndex((e) => e.type === "pre-checkout-answer");
    const greetingsAfter = emulator.events.slice(answered).filter((e) => isMessage(e) && burst.some((u) => u.id === e.chatId));
    expect(answered).toBeGreaterThan(-1);
    // With two updates at a time, a query waiting its turn would come after nearly all of them.
    expect(greetingsAfter.length).toBeGreaterThan(burst.length / 2);
  });
});
