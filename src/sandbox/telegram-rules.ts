// What Telegram refuses, and in which words. The sandbox's emulator and the
// tests' in-process harness both check a bot's requests against these, so a
// request either refuses is refused by both, with the description Telegram
// returns (after "Bad Request: " or "Forbidden: "). Each check returns that
// description, or undefined when Telegram would accept. The limits the bot fits
// its texts to are in the domain; the few only the emulator checks are here.
import type { InlineKeyboardButton } from "grammy/types";
import {
  CALLBACK_ANSWER_MAX,
  CALLBACK_DATA_MAX_BYTES,
  CAPTION_MAX,
  DELETE_WINDOW_SECONDS,
  INVOICE_DESCRIPTION_MAX,
  INVOICE_PAYLOAD_MAX_BYTES,
  INLINE_RESULT_ID_MAX_BYTES,
  INLINE_RESULTS_MAX,
  INVOICE_TITLE_MAX,
  MEDIA_GROUP_MAX,
  POLL_OPEN_PERIOD_MAX_SECONDS,
  POLL_OPEN_PERIOD_MIN_SECONDS,
  POLL_OPTION_MAX,
  POLL_OPTIONS_MAX,
  POLL_OPTIONS_MIN,
  POLL_QUESTION_MAX,
  TEXT_MAX,
  telegramLength,
} from "../domain/telegram-text.js";

/** Buttons in one inline keyboard. */
const INLINE_KEYBOARD_MAX_BUTTONS = 100;
/** setMyCommands: commands in one list, and a description's length. */
const COMMANDS_MAX = 100;
const COMMAND_DESCRIPTION_MAX = 256;

/** Telegram's descriptions, without the "Bad Request: " or "Forbidden: " before them. */
export const REFUSAL = {
  textEmpty: "message text is empty",
  textTooLong: "message is too long",
  captionTooLong: "message caption is too long",
  buttonData: "BUTTON_DATA_INVALID",
  buttonText: "BUTTON_TEXT_INVALID",
  tooManyButtons: "reply markup is too long",
  callbackAnswerTooLong: "MESSAGE_TOO_LONG",
  queryTooOld: "query is too old and response timeout expired or query ID is invalid",
  preCheckoutErrorMissing: "error_message must be non-empty when ok is false",
  mediaGroupEmpty: "media to send are not specified",
  mediaGroupTooBig: "too many messages to send as an album",
  notDeletable: "message can't be deleted for everyone",
  editTargetMissing: "message to edit not found",
  deleteTargetMissing: "message to delete not found",
  latitude: "wrong latitude",
  longitude: "wrong longitude",
  venueTitle: "venue title is empty",
  venueAddress: "venue address is empty",
  notModified:
    "message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message",
  noTextToEdit: "there is no text in the message to edit",
  noCaptionToEdit: "there is no caption in the message to edit",
  invoiceTitle: "INVOICE_TITLE_INVALID",
  invoiceDescription: "INVOICE_DESCRIPTION_INVALID",
  invoicePayload: "INVOICE_PAYLOAD_INVALID",
  currency: "CURRENCY_INVALID",
  totalAmount: "CURRENCY_TOTAL_AMOUNT_INVALID",
  starsInvoice: "payments in Telegram Stars take exactly one price and an empty provider_token",
  paymentProvider: "PAYMENT_PROVIDER_INVALID",
  tooManyCommands: "too many commands",
  command: "BOT_COMMAND_INVALID",
  commandDescription: "BOT_COMMAND_DESCRIPTION_INVALID",
  inlineResultsTooMany: "RESULTS_TOO_MUCH",
  inlineResultId: "RESULT_ID_INVALID",
  inlineResultIdDuplicate: "RESULT_ID_DUPLICATE",
  inlineResultType: "RESULT_TYPE_INVALID",
  inlineResultTitle: "RESULT_TITLE_EMPTY",
  inlineMessageEmpty: "MESSAGE_EMPTY",
  inlineButtonType: "BUTTON_TYPE_INVALID",
  startParam: "START_PARAM_INVALID",
  pollTextEmpty: "text must be non-empty",
  pollQuestionTooLong: `poll question length must not exceed ${POLL_QUESTION_MAX}`,
  pollNoOptions: "poll must have at least one answer option",
  pollTooManyOptions: `poll can't have more than ${POLL_OPTIONS_MAX} options`,
  pollOptionTooLong: `poll options length must not exceed ${POLL_OPTION_MAX}`,
  pollOpenPeriod: "POLL_OPEN_PERIOD_INVALID",
  pollCloseDate: "POLL_CLOSE_DATE_INVALID",
  pollPeriodAndDate: "can't use open_period and close_date together",
  pollNotFound: "message with poll to stop not found",
  notAPoll: "message is not a poll",
  pollClosed: "poll has already been closed",
  userIdMissing: "Invalid user_id specified",
  userIdInvalid: "USER_ID_INVALID",
  resultMissing: "Result isn't specified",
  noChatTypeAllowed: "At least one chat type must be allowed",
  /** 403 */
  blocked: "bot was blocked by the user",
  /** 403 */
  notStarted: "bot can't initiate conversation with a user",
} as const;

/** When the text's formatting (HTML or Markdown tags, entities) cannot be parsed. */
export const entitiesRefusal = (why: string) => `can't parse entities: ${why}`;

export function textRefusal(text: string): string | undefined {
  if (text.trim() === "") return REFUSAL.textEmpty;
  if (telegramLength(text) > TEXT_MAX) return REFUSAL.textTooLong;
  return undefined;
}

export function captionRefusal(caption: string): string | undefined {
  return telegramLength(caption) > CAPTION_MAX ? REFUSAL.captionTooLong : undefined;
}

/** The checks every inline button gets, whatever its kind. */
export function inlineButtonRefusal(button: InlineKeyboardButton): string | undefined {
  if ("callback_data" in button) {
    const bytes = Buffer.byteLength(button.callback_data ?? "", "utf8");
    if (bytes < 1 || bytes > CALLBACK_DATA_MAX_BYTES) return REFUSAL.buttonData;
  }
  if (button.text.trim() === "") return REFUSAL.buttonText;
  return undefined;
}

export function inlineKeyboardRefusal(buttons: InlineKeyboardButton[]): string | undefined {
  if (buttons.length > INLINE_KEYBOARD_MAX_BUTTONS) return REFUSAL.tooManyButtons;
  for (const button of buttons) {
    const refusal = inlineButtonRefusal(button);
    if (refusal) return refusal;
  }
  return undefined;
}

export function callbackAnswerRefusal(text: string | undefined): string | undefined {
  return text && telegramLength(text) > CALLBACK_ANSWER_MAX ? REFUSAL.callbackAnswerTooLong : undefined;
}

export function preCheckoutAnswerRefusal(ok: boolean, errorMessage: string | undefined): string | undefined {
  return !ok && !errorMessage ? REFUSAL.preCheckoutErrorMissing : undefined;
}

export function mediaGroupRefusal(size: number): string | undefined {
  if (size === 0) return REFUSAL.mediaGroupEmpty;
  if (size > MEDIA_GROUP_MAX) return REFUSAL.mediaGroupTooBig;
  return undefined;
}

/** NaN stands for a coordinate missing or not a number. */
export function locationRefusal(latitude: number, longitude: number): string | undefined {
  if (Number.isNaN(latitude) || Math.abs(latitude) > 90) return REFUSAL.latitude;
  if (Number.isNaN(longitude) || Math.abs(longitude) > 180) return REFUSAL.longitude;
  return undefined;
}

export function venueRefusal(title: string, address: string): string | undefined {
  if (!title) return REFUSAL.venueTitle;
  if (!address) return REFUSAL.venueAddress;
  return undefined;
}

/** `sentAt` and `now` in Unix seconds, as in a message's `date`. */
export function deleteRefusal(sentAt: number, now: number): string | undefined {
  return now - sentAt >= DELETE_WINDOW_SECONDS ? REFUSAL.notDeletable : undefined;
}

export interface InvoiceRequest {
  title: string;
  description: string;
  payload: string;
  currency: string;
  providerToken: string;
  prices: { label: string; amount: number }[];
}

/** Telegram counts title and description in UTF-16 units, as String.length does: an emoji is two. */
export function invoiceRefusal(invoice: InvoiceRequest): string | undefined {
  const { title, description, payload, currency, providerToken, prices } = invoice;
  if (telegramLength(title) < 1 || telegramLength(title) > INVOICE_TITLE_MAX) return REFUSAL.invoiceTitle;
  if (telegramLength(description) < 1 || telegramLength(description) > INVOICE_DESCRIPTION_MAX) return REFUSAL.invoiceDescription;
  const payloadBytes = Buffer.byteLength(payload);
  if (payloadBytes < 1 || payloadBytes > INVOICE_PAYLOAD_MAX_BYTES) return REFUSAL.invoicePayload;
  if (!/^[A-Z]{3}$/.test(currency)) return REFUSAL.currency;
  if (prices.length === 0 || prices.some((x) => !Number.isInteger(x.amount) || !x.label)) return REFUSAL.totalAmount;
  if (currency === "XTR" && (prices.length !== 1 || providerToken !== "")) return REFUSAL.starsInvoice;
  if (currency !== "XTR" && providerToken === "") return REFUSAL.paymentProvider;
  if (invoiceTotal(prices) <= 0) return REFUSAL.totalAmount;
  return undefined;
}

export function invoiceTotal(prices: { amount: number }[]): number {
  return prices.reduce((sum, x) => sum + x.amount, 0);
}

/** A command is 1–32 of a-z, 0-9 and _; its description is not empty. */
export function commandsRefusal(commands: { command?: string; description?: string }[]): string | undefined {
  if (commands.length > COMMANDS_MAX) return REFUSAL.tooManyCommands;
  for (const c of commands) {
    if (!/^[a-z0-9_]{1,32}$/.test(c.command ?? "")) return REFUSAL.command;
    if (!c.description || telegramLength(c.description) > COMMAND_DESCRIPTION_MAX) return REFUSAL.commandDescription;
  }
  return undefined;
}

/** What the checks of an inline answer read of one result. */
export interface InlineResultFields {
  type?: unknown;
  id?: unknown;
  title?: unknown;
  photo_file_id?: unknown;
  photo_url?: unknown;
  thumbnail_url?: unknown;
  input_message_content?: { message_text?: unknown };
  reply_markup?: { inline_keyboard?: InlineKeyboardButton[][] };
}

/**
 * answerInlineQuery: at most 50 results, each id 1–64 bytes and unique, an
 * article with a title and a message, a photo with its file or its URL and
 * thumbnail, buttons that an inline message can carry (no web_app: those work
 * only in the bot's own chat), and a button's start parameter as a deep link's.
 * Texts and captions are checked by the caller, after parsing their formatting.
 */
export function inlineAnswerRefusal(results: InlineResultFields[], button?: { text?: unknown; start_parameter?: unknown }): string | undefined {
  if (results.length > INLINE_RESULTS_MAX) return REFUSAL.inlineResultsTooMany;
  const ids = new Set<string>();
  for (const r of results) {
    const id = typeof r.id === "string" ? r.id : "";
    const bytes = Buffer.byteLength(id);
    if (bytes < 1 || bytes > INLINE_RESULT_ID_MAX_BYTES) return REFUSAL.inlineResultId;
    if (ids.has(id)) return REFUSAL.inlineResultIdDuplicate;
    ids.add(id);
    if (r.type === "article") {
      if (typeof r.title !== "string" || r.title.trim() === "") return REFUSAL.inlineResultTitle;
      if (typeof r.input_message_content?.message_text !== "string") return REFUSAL.inlineMessageEmpty;
    } else if (r.type === "photo") {
      if (typeof r.photo_file_id !== "string" && (typeof r.photo_url !== "string" || typeof r.thumbnail_url !== "string")) {
        return REFUSAL.inlineResultType;
      }
    } else {
      return REFUSAL.inlineResultType;
    }
    const buttons = r.reply_markup?.inline_keyboard?.flat() ?? [];
    if (buttons.some((b) => "web_app" in b || "pay" in b)) return REFUSAL.inlineButtonType;
    const refusal = inlineKeyboardRefusal(buttons);
    if (refusal) return refusal;
  }
  if (button) {
    if (typeof button.text !== "string" || button.text.trim() === "") return REFUSAL.buttonText;
    if (button.start_parameter !== undefined && !/^[A-Za-z0-9_-]{1,64}$/.test(String(button.start_parameter))) return REFUSAL.startParam;
  }
  return undefined;
}

/** What the checks of sendPoll read of a request. */
export interface PollRequest {
  question: string;
  options: string[];
  openPeriod?: number;
  /** Unix seconds. */
  closeDate?: number;
}

/**
 * sendPoll as the current Bot API checks it: a question of 1–300 and 1–12
 * options of 1–100 each, counted in characters (code points, not UTF-16
 * units) after trimming; an open_period or a close_date within 5 seconds to
 * 30 days, not both. `now` in Unix seconds.
 */
export function pollRefusal({ question, options, openPeriod, closeDate }: PollRequest, now: number): string | undefined {
  const length = (text: string) => [...text.trim()].length;
  if (length(question) === 0) return REFUSAL.pollTextEmpty;
  if (length(question) > POLL_QUESTION_MAX) return REFUSAL.pollQuestionTooLong;
  if (options.length < POLL_OPTIONS_MIN) return REFUSAL.pollNoOptions;
  if (options.length > POLL_OPTIONS_MAX) return REFUSAL.pollTooManyOptions;
  for (const option of options) {
    if (length(option) === 0) return REFUSAL.pollTextEmpty;
    if (length(option) > POLL_OPTION_MAX) return REFUSAL.pollOptionTooLong;
  }
  const allowed = (seconds: number) => seconds >= POLL_OPEN_PERIOD_MIN_SECONDS && seconds <= POLL_OPEN_PERIOD_MAX_SECONDS;
  if (openPeriod !== undefined && closeDate !== undefined) return REFUSAL.pollPeriodAndDate;
  if (openPeriod !== undefined && !allowed(openPeriod)) return REFUSAL.pollOpenPeriod;
  if (closeDate !== undefined && !allowed(closeDate - now)) return REFUSAL.pollCloseDate;
  return undefined;
}

/** stopPoll: a message of the bot's that holds a poll still open. */
export function stopPollRefusal(message: { poll?: { is_closed: boolean }; fromBot: boolean } | undefined): string | undefined {
  if (!message || !message.fromBot) return REFUSAL.pollNotFound;
  if (!message.poll) return REFUSAL.notAPoll;
  if (message.poll.is_closed) return REFUSAL.pollClosed;
  return undefined;
}

/** The kinds of chat a prepared message may be sent to (savePreparedInlineMessage's allow_* fields). */
export const PREPARED_CHAT_TYPES = ["users", "bots", "groups", "channels"] as const;
export type PreparedChatType = (typeof PREPARED_CHAT_TYPES)[number];

/**
 * savePreparedInlineMessage: one result, checked as an inline answer's (so
 * no web_app button either), for some kind of chat. The user is checked by
 * the caller (USER_ID_INVALID for one the bot cannot reach).
 */
export function preparedMessageRefusal(result: InlineResultFields | undefined, chatTypes: PreparedChatType[]): string | undefined {
  if (!result) return REFUSAL.resultMissing;
  const refusal = inlineAnswerRefusal([result]);
  if (refusal) return refusal;
  return chatTypes.length === 0 ? REFUSAL.noChatTypeAllowed : undefined;
}
