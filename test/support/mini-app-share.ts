// Telegram's share sheet for a message the app prepared
// (Telegram.WebApp.shareMessage posts web_app_send_prepared_message): the
// user picks a chat and the emulator sends the message there, then the app
// hears prepared_message_sent; or the user closes the sheet, or Telegram
// cannot send it, and the app hears prepared_message_failed with the reason.
import type { Message } from "grammy/types";
import type { BotApiEmulator } from "../../src/sandbox/bot-api-emulator.js";
import type { PreparedChatType } from "../../src/sandbox/telegram-rules.js";
import type { MiniApp } from "./mini-app-browser.js";

export interface ShareSheet {
  /** The messages sent from the sheet, as the friends' chats got them. */
  sent: Message[];
}

export function answerShareSheet(
  app: MiniApp,
  emulator: BotApiEmulator,
  userId: number,
  { choice = "send", into = "users" }: { choice?: "send" | "close"; into?: PreparedChatType } = {},
): ShareSheet {
  const sheet: ShareSheet = { sent: [] };
  app.answer("web_app_send_prepared_message", async (event) => {
    if (choice === "close") return app.send("prepared_message_failed", { error: "USER_DECLINED" });
    const shared = emulator.sharePreparedMessage(userId, String(event.data["id"]), { into });
    if (!shared.ok) return app.send("prepared_message_failed", { error: shared.error });
    sheet.sent.push(shared.message);
    await app.send("prepared_message_sent", {});
  });
  return sheet;
}
