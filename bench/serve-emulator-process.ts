// The Bot API emulator in its own process for the serving benchmark: its work
// (parsing, formatting checks, events) is not counted against the bot's
// thread, as Telegram's is not. It takes users' actions from the parent and
// reports, for each chat, when the bot's first message (or pre-checkout
// answer) arrived since the last "mark"; times are this process' clock.
import path from "node:path";
import { BotApiEmulator, type InvoiceRecord } from "../src/sandbox/bot-api-emulator.js";

const { token, dir, roundTripMs, rateLimit } = JSON.parse(process.argv[2]!) as { token: string; dir: string; roundTripMs: number; rateLimit: boolean };
const emulator = await new BotApiEmulator({
  token,
  filesDir: path.join(dir, "files"),
  roundTripMs,
  ...(rateLimit ? { rateLimit: { globalPerSecond: 30, perChatPerSecond: 1 } } : {}),
}).start();
let answered = new Set<number>();
emulator.on("event", (e) => {
  if ((e.type === "message" || e.type === "pre-checkout-answer") && !answered.has(e.chatId)) {
    answered.add(e.chatId);
    process.send!({ type: "reply", chatId: e.chatId, at: performance.now() });
  }
});

type Op =
  | { op: "addUser"; args: Parameters<BotApiEmulator["addUser"]> }
  | { op: "sendLocation"; args: [number, number, number] }
  | { op: "sendLocations"; args: [number[], number, number] }
  | { op: "sendText"; args: [number, string] }
  | { op: "pay"; args: [InvoiceRecord[]] }
  | { op: "mark" | "waitForIdle" | "close"; args: [] };

process.on("message", async (message: Op & { id: number }) => {
  const reply = (result: unknown) => process.send!({ type: "result", id: message.id, result });
  switch (message.op) {
    case "addUser":
      return reply(emulator.addUser(...message.args).id);
    case "sendLocation":
      emulator.sendLocation(...message.args);
      return reply(performance.now());
    case "sendLocations": {
      const [ids, lat, lng] = message.args;
      return reply(ids.map((id) => (emulator.sendLocation(id, lat, lng), performance.now())));
    }
    case "sendText":
      emulator.sendText(...message.args);
      return reply(performance.now());
    case "pay":
      // Each payer's pre-checkout query enters the queue at once; the answers are reported as replies.
      return reply(message.args[0].map((invoice) => (void emulator.pay(invoice.chatId, { invoice, timeoutMs: 120_000 }), performance.now())));
    case "mark":
      answered = new Set();
      return reply(null);
    case "waitForIdle":
      await emulator.waitForIdle({ timeoutMs: 120_000 });
      return reply(null);
    case "close":
      await emulator.close();
      reply(null);
      return process.exit(0);
  }
});
process.send!({ type: "ready", url: emulator.url });
