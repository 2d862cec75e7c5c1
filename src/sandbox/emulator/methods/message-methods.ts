// Sending: text, photos, documents, places, chat actions and reactions.
import { optJson, optNumber, optString } from "../../request-body.js";
import { venueRefusal } from "../../telegram-rules.js";
import { badRequest, enforce } from "../api-error.js";
import type { ChatWorld } from "../chat-world.js";
import { inputFile, location, messageCaption, messageText, photoSizes } from "../request-fields.js";
import { postFromRequest, type Methods } from "./method.js";

export function messageMethods(world: ChatWorld): Methods {
  return {
    sendmessage: (p) => {
      const state = world.chatFor(p.fields.chat_id, { sending: true });
      const linkPreview = optJson<object>(p.fields, "link_preview_options");
      return postFromRequest(world, state, p, { ...messageText(p), ...(linkPreview ? { link_preview_options: linkPreview } : {}) });
    },
    sendphoto: (p) => {
      const state = world.chatFor(p.fields.chat_id, { sending: true });
      const caption = messageCaption(p);
      const file = inputFile(world.files, p, "photo", "photos");
      return postFromRequest(world, state, p, { photo: photoSizes(file), ...caption });
    },
    senddocument: (p) => {
      const state = world.chatFor(p.fields.chat_id, { sending: true });
      const caption = messageCaption(p);
      const file = inputFile(world.files, p, "document", "documents");
      const document = { file_id: file.fileId, file_unique_id: file.fileUniqueId, file_size: file.size, file_name: file.fileName ?? "file" };
      return postFromRequest(world, state, p, { document, ...caption });
    },
    sendlocation: (p) => {
      const state = world.chatFor(p.fields.chat_id, { sending: true });
      return postFromRequest(world, state, p, { location: location(p) });
    },
    sendvenue: (p) => {
      const state = world.chatFor(p.fields.chat_id, { sending: true });
      const place = location(p);
      const title = optString(p.fields, "title") ?? "";
      const address = optString(p.fields, "address") ?? "";
      enforce(venueRefusal(title, address));
      return postFromRequest(world, state, p, { location: place, venue: { location: place, title, address } });
    },
    sendchataction: (p) => {
      const state = world.chatFor(p.fields.chat_id, { sending: true });
      const action = optString(p.fields, "action") ?? "";
      if (!action) throw badRequest("wrong parameter action in request");
      world.record({ type: "chat-action", chatId: state.chat.id, action });
      return true;
    },
    setmessagereaction: (p) => {
      const state = world.chatFor(p.fields.chat_id, { sending: false });
      const message = state.messages.get(optNumber(p.fields, "message_id") ?? 0);
      if (!message) throw badRequest("MESSAGE_ID_INVALID");
      const reaction = optJson<unknown[]>(p.fields, "reaction") ?? [];
      world.record({ type: "reaction", chatId: state.chat.id, messageId: message.message_id, reaction });
      return true;
    },
  };
}
