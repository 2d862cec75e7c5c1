// The bot's own settings and lookups: getMe, commands, webhook (recorded, not
// called: the emulator serves long polling; deleting it is what a polling bot
// does), chats and files.
import type { BotCommand } from "grammy/types";
import { optBool, optJson, optString, type RequestParams } from "../../request-body.js";
import { commandsRefusal } from "../../telegram-rules.js";
import { badRequest, enforce } from "../api-error.js";
import type { ChatWorld } from "../chat-world.js";
import type { UpdateQueue } from "../update-queue.js";
import type { Methods } from "./method.js";

/** The key of a command list: scope type and language ("" for all languages). */
export const commandsKey = (scope: string, languageCode: string) => `${scope}|${languageCode}`;

const requestedCommandsKey = (p: RequestParams) =>
  commandsKey(optJson<{ type: string }>(p.fields, "scope")?.type ?? "default", optString(p.fields, "language_code") ?? "");

export function botSettingsMethods(world: ChatWorld, queue: UpdateQueue): Methods {
  return {
    getme: () => world.me,
    logout: () => true,
    close: () => true,
    setwebhook: (p) => {
      const url = optString(p.fields, "url") ?? "";
      if (url !== "" && !url.startsWith("https://")) throw badRequest("bad webhook: An HTTPS URL must be provided for webhook");
      queue.webhook = url === "" ? null : { url, secretToken: optString(p.fields, "secret_token") };
      if (optBool(p.fields, "drop_pending_updates")) queue.drop();
      return true;
    },
    deletewebhook: (p) => {
      queue.webhook = null;
      if (optBool(p.fields, "drop_pending_updates")) queue.drop();
      return true;
    },
    getwebhookinfo: () => ({ url: queue.webhook?.url ?? "", has_custom_certificate: false, pending_update_count: queue.pending }),
    setmycommands: (p) => {
      const commands = optJson<BotCommand[]>(p.fields, "commands") ?? [];
      enforce(commandsRefusal(commands));
      const scope = optJson<{ type: string }>(p.fields, "scope")?.type ?? "default";
      const languageCode = optString(p.fields, "language_code") ?? "";
      world.commands.set(commandsKey(scope, languageCode), commands);
      world.record({ type: "commands", commands, scope, languageCode });
      return true;
    },
    getmycommands: (p) => world.commands.get(requestedCommandsKey(p)) ?? [],
    deletemycommands: (p) => {
      world.commands.delete(requestedCommandsKey(p));
      return true;
    },
    setmydescription: () => true,
    setmyshortdescription: () => true,
    setmyname: () => true,
    setchatmenubutton: (p) => {
      world.menuButton = optJson(p.fields, "menu_button") ?? { type: "default" };
      return true;
    },
    getchatmenubutton: () => world.menuButton,
    getchat: (p) => {
      const state = world.chatFor(p.fields.chat_id, { sending: false });
      return { ...state.chat, accent_color_id: 0, max_reaction_count: 11, accepted_gift_types: {} };
    },
    getfile: (p) => {
      const file = world.files.get(optString(p.fields, "file_id") ?? "");
      if (!file) throw badRequest("invalid file_id");
      return { file_id: file.fileId, file_unique_id: file.fileUniqueId, file_size: file.size, file_path: file.filePath };
    },
  };
}
