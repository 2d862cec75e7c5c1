// Changing what the bot sent: edits of text, caption, media, buttons and live
// locations, and deletes. An edit that changes nothing is refused, and so is
// a delete after Telegram's 48 hours.
import type { InlineKeyboardMarkup, Message } from "grammy/types";
import { optJson, optNumber, type RequestParams } from "../../request-body.js";
import { deleteRefusal, REFUSAL } from "../../telegram-rules.js";
import { badRequest, enforce } from "../api-error.js";
import type { ChatState, ChatWorld } from "../chat-world.js";
import { inlineMarkup, inputFile, location, mediaParams, messageCaption, messageText, photoSizes, type InputMedia } from "../request-fields.js";
import type { Methods } from "./method.js";

export function editMethods(world: ChatWorld): Methods {
  const storedMessage = (state: ChatState, p: RequestParams, action: "edit" | "delete"): Message => {
    if (p.fields.inline_message_id !== undefined) throw badRequest("inline messages are not supported by the emulator");
    const id = optNumber(p.fields, "message_id");
    if (id === undefined) throw badRequest("message identifier is not specified");
    const message = state.messages.get(id);
    if (!message) throw badRequest(action === "edit" ? REFUSAL.editTargetMissing : REFUSAL.deleteTargetMissing);
    if (action === "edit" && message.from?.id !== world.me.id) throw badRequest("message can't be edited");
    return message;
  };

  const edited = (state: ChatState, before: Message, changes: Partial<Message>, markup: InlineKeyboardMarkup | undefined): Message => {
    const next = { ...before, ...changes, edit_date: world.now() } as Message & { reply_markup?: InlineKeyboardMarkup };
    if (markup) next.reply_markup = markup;
    else delete next.reply_markup;
    const sameContent = (m: Message) =>
      JSON.stringify([m.text, m.entities ?? [], m.caption, m.caption_entities ?? [], m.photo?.[0]?.file_unique_id, m.location, m.reply_markup ?? null]);
    if (sameContent(before) === sameContent(next)) throw badRequest(REFUSAL.notModified);
    state.messages.set(next.message_id, next);
    world.record({ type: "edit", chatId: state.chat.id, message: next });
    return next;
  };

  /** The chat and the bot's message an edit names. */
  const target = (p: RequestParams) => {
    const state = world.chatFor(p.fields.chat_id, { sending: false });
    return { state, message: storedMessage(state, p, "edit") };
  };

  return {
    editmessagetext: (p) => {
      const { state, message } = target(p);
      if (message.text === undefined) throw badRequest(REFUSAL.noTextToEdit);
      const { text, entities } = messageText(p);
      const linkPreview = optJson<object>(p.fields, "link_preview_options");
      const changes = { text, entities, ...(linkPreview ? { link_preview_options: linkPreview } : {}) } as Partial<Message>;
      return edited(state, message, changes, inlineMarkup(p));
    },
    editmessagecaption: (p) => {
      const { state, message } = target(p);
      if (!message.photo && !message.document) throw badRequest(REFUSAL.noCaptionToEdit);
      const changes = { caption: undefined, caption_entities: undefined, ...messageCaption(p) } as Partial<Message>;
      return edited(state, message, changes, inlineMarkup(p));
    },
    editmessagemedia: (p) => {
      const { state, message } = target(p);
      if (!message.photo && !message.document) throw badRequest("there is no media in the message to edit");
      const media = optJson<InputMedia>(p.fields, "media");
      if (!media || media.type !== "photo") throw badRequest("the emulator edits photo media only");
      const item = mediaParams(media, p);
      const file = inputFile(world.files, item, "photo", "photos");
      const changes = { photo: photoSizes(file), caption: undefined, caption_entities: undefined, ...messageCaption(item) } as Partial<Message>;
      return edited(state, message, changes, inlineMarkup(p));
    },
    editmessagereplymarkup: (p) => {
      const { state, message } = target(p);
      return edited(state, message, {}, inlineMarkup(p));
    },
    editmessagelivelocation: (p) => {
      const { state, message } = target(p);
      if (!message.location?.live_period) throw badRequest("message can't be edited");
      const { latitude, longitude } = location(p);
      return edited(state, message, { location: { ...message.location, latitude, longitude } } as Partial<Message>, inlineMarkup(p));
    },
    stopmessagelivelocation: (p) => {
      const { state, message } = target(p);
      if (!message.location?.live_period) throw badRequest("message can't be edited");
      return edited(state, message, { location: { ...message.location, live_period: 0 } } as Partial<Message>, inlineMarkup(p));
    },
    deletemessage: (p) => {
      const state = world.chatFor(p.fields.chat_id, { sending: false });
      const message = storedMessage(state, p, "delete");
      enforce(deleteRefusal(message.date, world.now()));
      state.messages.delete(message.message_id);
      world.record({ type: "delete", chatId: state.chat.id, messageId: message.message_id });
      return true;
    },
  };
}
