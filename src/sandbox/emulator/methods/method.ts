// A Bot API method as the emulator implements it, and what the families of
// methods share: posting the bot's message with its markup and reply.
import type { Message } from "grammy/types";
import type { RequestParams } from "../../request-body.js";
import type { ChatState, ChatWorld } from "../chat-world.js";
import { repliedMessage, replyMarkup } from "../request-fields.js";

/** Answers one call: its result, or throws an ApiError. */
export type Method = (p: RequestParams) => unknown;
/** Methods by lower-case name, as the server looks them up. */
export type Methods = Record<string, Method>;

/** The bot's message from a send request: its markup and the message it replies to are read from the request. */
export function postFromRequest(world: ChatWorld, state: ChatState, p: RequestParams, content: Partial<Message>): Message {
  const markup = replyMarkup(p);
  const replied = repliedMessage(state, p);
  const reply = replied ? { reply_to_message: replied } : {};
  return world.postBotMessage(state, { ...reply, ...content } as Partial<Message>, markup);
}
