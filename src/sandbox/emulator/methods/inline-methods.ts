// Inline mode: the answer to an inline query, once, refused as Telegram
// refuses it (more than 50 results, an id over 64 bytes or repeated, a result
// without what its type needs, a web_app button, a bad start parameter); the
// texts and captions a friend would receive are parsed as a sent message's.
// A prepared message (savePreparedInlineMessage, for a Mini App's share sheet)
// is one such result, kept for one user and some kinds of chat until it expires.
import { randomBytes } from "node:crypto";
import type { InlineKeyboardMarkup, MessageEntity } from "grammy/types";
import { optBool, optJson, optNumber, optString, type RequestParams } from "../../request-body.js";
import {
  inlineAnswerRefusal,
  PREPARED_CHAT_TYPES,
  preparedMessageRefusal,
  REFUSAL,
  type InlineResultFields,
  type PreparedChatType,
} from "../../telegram-rules.js";
import { badRequest, enforce } from "../api-error.js";
import type { ChatWorld } from "../chat-world.js";
import type { InlineAnswerResult } from "../events.js";
import { messageCaption, messageText } from "../request-fields.js";
import type { Methods } from "./method.js";

/** Telegram does not say how long a prepared message lasts; the emulator keeps one a day. */
export const PREPARED_MESSAGE_TTL_SECONDS = 24 * 3600;

/** The request's field that allows each kind of chat. */
const ALLOW_FIELD: Record<PreparedChatType, string> = {
  users: "allow_user_chats",
  bots: "allow_bot_chats",
  groups: "allow_group_chats",
  channels: "allow_channel_chats",
};

type RawResult = InlineResultFields & {
  description?: string;
  caption?: string;
  parse_mode?: string;
  caption_entities?: MessageEntity[];
};

/** The part of a request the shared field readers look at. */
const fieldsOf = (fields: Record<string, unknown>): RequestParams => ({ fields, files: new Map() });

function shownResult(r: RawResult): InlineAnswerResult {
  const content = r.input_message_content as { message_text?: string; parse_mode?: string; entities?: MessageEntity[] } | undefined;
  const shown =
    content?.message_text !== undefined
      ? messageText(fieldsOf({ text: content.message_text, parse_mode: content.parse_mode, entities: content.entities }))
      : (() => {
          const c = messageCaption(fieldsOf({ caption: r.caption ?? "", parse_mode: r.parse_mode, caption_entities: r.caption_entities }));
          return { text: c.caption ?? "", entities: c.caption_entities };
        })();
  return {
    id: String(r.id),
    type: String(r.type),
    title: typeof r.title === "string" ? r.title : "",
    description: r.description ?? "",
    text: shown.text,
    ...(shown.entities?.length ? { entities: shown.entities } : {}),
    ...(typeof r.photo_file_id === "string" ? { photoFileId: r.photo_file_id } : {}),
    ...(r.reply_markup ? { replyMarkup: r.reply_markup as InlineKeyboardMarkup } : {}),
  };
}

export function inlineMethods(world: ChatWorld): Methods {
  return {
    answerinlinequery: (p) => {
      const id = optString(p.fields, "inline_query_id") ?? "";
      const query = world.inlineQueries.get(id);
      if (!query || query.answered) throw badRequest(REFUSAL.queryTooOld);
      const results = optJson<RawResult[]>(p.fields, "results");
      if (!Array.isArray(results)) throw badRequest("results must be an Array of InlineQueryResult");
      const button = optJson<{ text?: string; start_parameter?: string }>(p.fields, "button");
      enforce(inlineAnswerRefusal(results, button));
      const shown = results.map(shownResult);
      query.answered = true;
      world.record({
        type: "inline-answer",
        userId: query.userId,
        queryId: id,
        query: query.query,
        results: shown,
        ...(button?.text ? { button: { text: button.text, startParameter: button.start_parameter } } : {}),
      });
      return true;
    },
    savepreparedinlinemessage: (p) => {
      const userId = optNumber(p.fields, "user_id") ?? 0;
      if (!(userId > 0)) throw badRequest(REFUSAL.userIdMissing);
      const result = optJson<RawResult>(p.fields, "result");
      const chatTypes = PREPARED_CHAT_TYPES.filter((type) => optBool(p.fields, ALLOW_FIELD[type]) === true);
      enforce(preparedMessageRefusal(result, chatTypes));
      const shown = shownResult(result!);
      // Telegram's servers, after the request's own checks: a user who never wrote to the bot is nobody it can reach.
      if (!world.knows(userId)) throw badRequest(REFUSAL.userIdInvalid);
      const prepared = {
        id: randomBytes(12).toString("base64url"),
        userId,
        result: shown,
        chatTypes,
        expiresAt: world.now() + PREPARED_MESSAGE_TTL_SECONDS,
      };
      world.preparedMessages.set(prepared.id, prepared);
      world.record({ type: "prepared-message", userId, prepared });
      return { id: prepared.id, expiration_date: prepared.expiresAt };
    },
  };
}
