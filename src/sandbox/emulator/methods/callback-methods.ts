// Answering a button press: once, within Telegram's length for the toast.
import { optBool, optString } from "../../request-body.js";
import { callbackAnswerRefusal, REFUSAL } from "../../telegram-rules.js";
import { badRequest, enforce } from "../api-error.js";
import type { ChatWorld } from "../chat-world.js";
import type { Methods } from "./method.js";

export function callbackMethods(world: ChatWorld): Methods {
  return {
    answercallbackquery: (p) => {
      const id = optString(p.fields, "callback_query_id") ?? "";
      const query = world.callbackQueries.get(id);
      if (!query || query.answered) throw badRequest(REFUSAL.queryTooOld);
      const text = optString(p.fields, "text");
      enforce(callbackAnswerRefusal(text));
      query.answered = true;
      const url = optString(p.fields, "url");
      world.record({
        type: "callback-answer",
        chatId: query.chatId,
        queryId: id,
        ...(text ? { text } : {}),
        showAlert: optBool(p.fields, "show_alert") ?? false,
        ...(url ? { url } : {}),
      });
      return true;
    },
  };
}
