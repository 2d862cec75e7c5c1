// What the emulator records of the bot's side: every event a user could
// notice, and the invoices and payments a driver pays or refunds.
import type { BotCommand, InlineKeyboardMarkup, LabeledPrice, Message, MessageEntity, Poll } from "grammy/types";
import type { PreparedChatType } from "../telegram-rules.js";

/** Everything the bot does that a user could notice, in order. */
export type BotEvent =
  | { type: "message"; chatId: number; message: Message; replyMarkup?: unknown }
  | { type: "edit"; chatId: number; message: Message }
  | { type: "delete"; chatId: number; messageId: number }
  | { type: "callback-answer"; chatId: number; queryId: string; text?: string; showAlert: boolean; url?: string }
  | { type: "chat-action"; chatId: number; action: string }
  | { type: "reaction"; chatId: number; messageId: number; reaction: unknown[] }
  | { type: "pre-checkout-answer"; chatId: number; queryId: string; ok: boolean; errorMessage?: string }
  | { type: "refund"; chatId: number; telegramPaymentChargeId: string }
  | { type: "commands"; commands: BotCommand[]; scope: string; languageCode: string }
  /** A call the emulator refused; `chatId`, the chat it named, if any. */
  | { type: "api-error"; method: string; code: number; description: string; chatId?: number }
  | { type: "poll-closed"; chatId: number; messageId: number; poll: Poll }
  | {
      type: "inline-answer";
      userId: number;
      queryId: string;
      query: string;
      results: InlineAnswerResult[];
      button?: { text: string; startParameter?: string };
    }
  | { type: "prepared-message"; userId: number; prepared: PreparedMessage };

/** One inline result as the user picking it sees it, and as the chat would show it once sent. */
export interface InlineAnswerResult {
  id: string;
  type: string;
  title: string;
  description: string;
  /** The message's text or the photo's caption, formatting parsed. */
  text: string;
  entities?: MessageEntity[];
  photoFileId?: string;
  replyMarkup?: InlineKeyboardMarkup;
}

/** A message the bot prepared for a Mini App user to send (savePreparedInlineMessage), until it expires. */
export interface PreparedMessage {
  id: string;
  /** The only user who may send it. */
  userId: number;
  result: InlineAnswerResult;
  chatTypes: PreparedChatType[];
  /** Unix seconds, as in PreparedInlineMessage.expiration_date. */
  expiresAt: number;
}

/** What the share sheet tells the Mini App: the message as sent, or Telegram's reason (shareMessageFailed's error). */
export type PreparedShareResult =
  | { ok: true; message: Message }
  | { ok: false; error: "MESSAGE_EXPIRED" | "MESSAGE_SEND_FAILED" | "UNKNOWN_ERROR" };

export interface InvoiceRecord {
  chatId: number;
  messageId: number;
  title: string;
  description: string;
  payload: string;
  currency: string;
  prices: LabeledPrice[];
  totalAmount: number;
  providerToken: string;
}

export interface PaymentRecord {
  userId: number;
  invoice: InvoiceRecord;
  telegramPaymentChargeId: string;
  providerPaymentChargeId: string;
  refunded: boolean;
}

export type PaymentResult =
  | { ok: true; telegramPaymentChargeId: string; providerPaymentChargeId: string; message: Message }
  | { ok: false; errorMessage: string };
