// Albums: sendMediaGroup posts its photos as messages sharing a media_group_id.
import { optJson } from "../../request-body.js";
import { mediaGroupRefusal } from "../../telegram-rules.js";
import { badRequest, enforce } from "../api-error.js";
import type { ChatWorld } from "../chat-world.js";
import { inputFile, mediaParams, messageCaption, photoSizes, type InputMedia } from "../request-fields.js";
import { postFromRequest, type Methods } from "./method.js";

export function mediaGroupMethods(world: ChatWorld): Methods {
  return {
    sendmediagroup: (p) => {
      const state = world.chatFor(p.fields.chat_id, { sending: true });
      const media = optJson<InputMedia[]>(p.fields, "media");
      enforce(mediaGroupRefusal(Array.isArray(media) ? media.length : 0));
      if (media!.some((m) => m.type !== "photo")) throw badRequest("the emulator sends albums of photos only");
      const items = media!.map((m) => {
        const item = mediaParams(m, p);
        return { item, file: inputFile(world.files, item, "photo", "photos"), caption: messageCaption(item) };
      });
      const group = `${state.chat.id}-${state.nextMessageId}`;
      return items.map(({ item, file, caption }) =>
        postFromRequest(world, state, item, { photo: photoSizes(file), ...caption, media_group_id: group }),
      );
    },
  };
}
