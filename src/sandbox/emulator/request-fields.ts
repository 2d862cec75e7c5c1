// Reading the parts of a Bot API request that many methods share (formatted
// text and captions, reply markup, files, locations, the message replied to),
// refused with Telegram's descriptions where Telegram would refuse them.
import type { InlineKeyboardButton, InlineKeyboardMarkup, Message, MessageEntity, PhotoSize, ReplyKeyboardMarkup } from "grammy/types";
import type { FileStore, StoredFile } from "../file-store.js";
import { ParseError, parseFormatted } from "../formatting.js";
import { optJson, optNumber, optString, type RequestParams } from "../request-body.js";
import { captionRefusal, entitiesRefusal, inlineKeyboardRefusal, locationRefusal, textRefusal } from "../telegram-rules.js";
import { badRequest, enforce } from "./api-error.js";
import type { ChatState } from "./chat-world.js";

export type ReplyMarkup = InlineKeyboardMarkup | ReplyKeyboardMarkup | { remove_keyboard: true } | { force_reply: true };

/** The kinds of inline button; a button must be exactly one of them. */
const BUTTON_ACTIONS = [
  "url",
  "callback_data",
  "web_app",
  "login_url",
  "switch_inline_query",
  "switch_inline_query_current_chat",
  "switch_inline_query_chosen_chat",
  "copy_text",
  "callback_game",
  "pay",
];

function formatted(p: RequestParams, field: "text" | "caption"): { text: string; entities: MessageEntity[] } {
  const source = optString(p.fields, field) ?? "";
  const parseMode = optString(p.fields, "parse_mode");
  const explicit = optJson<MessageEntity[]>(p.fields, field === "text" ? "entities" : "caption_entities");
  if (parseMode && !["html", "markdown", "markdownv2"].includes(parseMode.toLowerCase())) throw badRequest("unsupported parse_mode");
  try {
    return parseFormatted(source, parseMode, explicit);
  } catch (error) {
    if (error instanceof ParseError) throw badRequest(entitiesRefusal(error.message));
    throw error;
  }
}

/** A message's text and entities as shown, formatting parsed. */
export function messageText(p: RequestParams): { text: string; entities?: MessageEntity[] } {
  const { text, entities } = formatted(p, "text");
  enforce(textRefusal(text));
  return { text, ...(entities.length ? { entities } : {}) };
}

/** A caption's fields for the message, none when the request has no caption. */
export function messageCaption(p: RequestParams): { caption?: string; caption_entities?: MessageEntity[] } {
  if (p.fields.caption === undefined) return {};
  const { text, entities } = formatted(p, "caption");
  enforce(captionRefusal(text));
  return text ? { caption: text, ...(entities.length ? { caption_entities: entities } : {}) } : {};
}

export function replyMarkup(p: RequestParams): ReplyMarkup | undefined {
  let markup: Record<string, unknown> | undefined;
  try {
    markup = optJson<Record<string, unknown>>(p.fields, "reply_markup");
  } catch {
    throw badRequest("can't parse reply keyboard markup JSON object");
  }
  if (!markup) return undefined;
  if ("inline_keyboard" in markup) {
    const rows = markup.inline_keyboard;
    if (!Array.isArray(rows) || rows.some((r) => !Array.isArray(r))) {
      throw badRequest('field "inline_keyboard" of the InlineKeyboardMarkup must be an Array of Arrays');
    }
    const buttons = (rows as InlineKeyboardButton[][]).flat();
    for (const b of buttons) checkButtonShape(b);
    enforce(inlineKeyboardRefusal(buttons));
    return markup as unknown as InlineKeyboardMarkup;
  }
  if ("keyboard" in markup) {
    const rows = markup.keyboard;
    if (!Array.isArray(rows) || rows.some((r) => !Array.isArray(r))) {
      throw badRequest('field "keyboard" of the ReplyKeyboardMarkup must be an Array of Arrays');
    }
    for (const b of rows.flat() as unknown[]) {
      const text = typeof b === "string" ? b : (b as { text?: unknown }).text;
      if (typeof text !== "string" || text === "") throw badRequest("keyboard button text is empty");
    }
    return markup as unknown as ReplyKeyboardMarkup;
  }
  if (markup.remove_keyboard === true) return { remove_keyboard: true };
  if (markup.force_reply === true) return { force_reply: true };
  throw badRequest("unsupported reply markup");
}

/** The markup of an edit: only an inline keyboard can be edited in. */
export function inlineMarkup(p: RequestParams): InlineKeyboardMarkup | undefined {
  const markup = replyMarkup(p);
  if (markup && !("inline_keyboard" in markup)) throw badRequest("only inline keyboards can be edited in");
  return markup;
}

/** What the emulator checks of a button beyond Telegram's shared rules: that it is a button at all, and its URL. */
function checkButtonShape(b: InlineKeyboardButton): void {
  if (typeof b !== "object" || b === null || typeof b.text !== "string") throw badRequest("can't parse inline keyboard button");
  if (!BUTTON_ACTIONS.some((a) => a in b)) throw badRequest("text buttons are unallowed in the inline keyboard");
  if ("url" in b && !/^(https?|tg):\/\/\S+$/.test(b.url ?? "")) throw badRequest(`inline keyboard button URL '${b.url}' is invalid: Wrong HTTP URL`);
}

export function inlineButtons(markup: unknown): InlineKeyboardButton[] {
  if (!markup || typeof markup !== "object" || !("inline_keyboard" in markup)) return [];
  return (markup as InlineKeyboardMarkup).inline_keyboard.flat();
}

/** The message a send replies to, if any; one that is gone is refused unless the bot allowed that. */
export function repliedMessage(state: ChatState, p: RequestParams): Message | undefined {
  const parameters = optJson<{ message_id: number; allow_sending_without_reply?: boolean }>(p.fields, "reply_parameters");
  const replyTo = parameters?.message_id ?? optNumber(p.fields, "reply_to_message_id");
  if (replyTo === undefined) return undefined;
  const replied = state.messages.get(replyTo);
  if (!replied && !parameters?.allow_sending_without_reply) throw badRequest("message to be replied not found");
  return replied;
}

/** One item of an album or of editMessageMedia. */
export type InputMedia = { type: string; media: string; caption?: string; parse_mode?: string; caption_entities?: MessageEntity[] };

/** An album item read as the request of a single photo, its files shared with the whole request. */
export function mediaParams(m: InputMedia, p: RequestParams): RequestParams {
  return {
    fields: { photo: m.media, caption: m.caption, parse_mode: m.parse_mode, caption_entities: m.caption_entities },
    files: p.files,
  };
}

/** A file the request sends: an upload, an attach:// part, a URL or a known file_id. */
export function inputFile(files: FileStore, p: RequestParams, field: string, kind: "photos" | "documents"): StoredFile {
  const direct = p.files.get(field);
  if (direct) return files.saveUpload(kind, direct.data, direct.filename);
  const value = optString(p.fields, field);
  if (!value) throw badRequest(`there is no ${field} in the request`);
  if (value.startsWith("attach://")) {
    const file = p.files.get(value.slice("attach://".length));
    if (!file) throw badRequest(`file "${value}" is not found in the request`);
    return files.saveUpload(kind, file.data, file.filename);
  }
  if (/^https?:\/\//.test(value)) return files.registerUrl(value);
  const known = files.get(value);
  if (!known) throw badRequest("wrong file identifier/HTTP URL specified");
  return known;
}

export function location(p: RequestParams): { latitude: number; longitude: number; live_period?: number } {
  const latitude = optNumber(p.fields, "latitude") ?? NaN;
  const longitude = optNumber(p.fields, "longitude") ?? NaN;
  enforce(locationRefusal(latitude, longitude));
  const livePeriod = optNumber(p.fields, "live_period");
  return { latitude, longitude, ...(livePeriod ? { live_period: livePeriod } : {}) };
}

/** The sizes Telegram gives a photo: a thumbnail and the original. */
export function photoSizes(file: StoredFile): PhotoSize[] {
  const scale = Math.min(1, 90 / Math.max(file.width, file.height, 1));
  return [
    // The thumbnail's id stands for the same stored file, so either can be sent back.
    { file_id: file.thumbnailId, file_unique_id: `${file.fileUniqueId}_s`, width: Math.round(file.width * scale), height: Math.round(file.height * scale) },
    { file_id: file.fileId, file_unique_id: file.fileUniqueId, width: file.width, height: file.height, file_size: file.size },
  ];
}
