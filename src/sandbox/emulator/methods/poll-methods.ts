// Polls and groups: sendPoll, refused as Telegram refuses it (see
// telegram-rules.ts pollRefusal); stopPoll, only of the bot's own poll and
// only once, which also sends the bot the closed poll as a `poll` update;
// getChatMember, which says who administers a group.
import { randomBytes } from "node:crypto";
import type { Poll, Update } from "grammy/types";
import { optBool, optJson, optNumber, optString } from "../../request-body.js";
import { pollRefusal, stopPollRefusal } from "../../telegram-rules.js";
import { badRequest, enforce } from "../api-error.js";
import type { ChatWorld } from "../chat-world.js";
import { closePoll } from "../polls.js";
import { inlineMarkup } from "../request-fields.js";
import { postFromRequest, type Methods } from "./method.js";

/** An option as sent: InputPollOption ({ text }), or a plain string as older clients send it. */
function optionText(option: unknown): string {
  if (typeof option === "string") return option;
  const text = (option as { text?: unknown } | null)?.text;
  return typeof text === "string" ? text : "";
}

export function pollMethods(world: ChatWorld, deliver: (update: Omit<Update, "update_id">) => void): Methods {
  return {
    sendpoll: (p) => {
      // Polls, anonymous or not, may go to private chats and groups alike (only channels refuse non-anonymous ones).
      const state = world.chatFor(p.fields.chat_id, { sending: true });
      const raw = optJson<unknown[]>(p.fields, "options");
      const options = Array.isArray(raw) ? raw.map(optionText) : [];
      const question = optString(p.fields, "question") ?? "";
      const openPeriod = optNumber(p.fields, "open_period");
      const closeDate = optNumber(p.fields, "close_date");
      enforce(pollRefusal({ question, options, openPeriod, closeDate }, world.now()));
      const type = optString(p.fields, "type") ?? "regular";
      if (type !== "regular" && type !== "quiz") throw badRequest("unsupported poll type specified");
      const poll: Poll = {
        id: randomBytes(8).readBigUInt64BE().toString(),
        question: question.trim(),
        options: options.map((text, i) => ({ persistent_id: String(i), text: text.trim(), voter_count: 0 })),
        total_voter_count: 0,
        is_closed: false,
        is_anonymous: optBool(p.fields, "is_anonymous") ?? true,
        type,
        allows_multiple_answers: optBool(p.fields, "allows_multiple_answers") ?? false,
        allows_revoting: true,
        members_only: false,
        ...(openPeriod !== undefined ? { open_period: openPeriod } : {}),
        ...(closeDate !== undefined ? { close_date: closeDate } : {}),
      };
      const message = postFromRequest(world, state, p, { poll });
      const closesAt = closeDate ?? (openPeriod !== undefined ? world.now() + openPeriod : undefined);
      world.polls.set(poll.id, { chatId: state.chat.id, messageId: message.message_id, choices: new Map(), ...(closesAt ? { closesAt } : {}) });
      return message;
    },
    stoppoll: (p) => {
      const state = world.chatFor(p.fields.chat_id, { sending: false });
      const message = state.messages.get(optNumber(p.fields, "message_id") ?? 0);
      enforce(stopPollRefusal(message && { poll: message.poll, fromBot: message.from?.id === world.me.id }));
      const markup = inlineMarkup(p);
      if (markup) state.messages.set(message!.message_id, { ...message!, reply_markup: markup });
      const poll = closePoll(world, message!.poll!.id);
      // Telegram tells the bot of its own poll's new state.
      deliver({ poll });
      return poll;
    },
    getchatmember: (p) => {
      const state = world.chatFor(p.fields.chat_id, { sending: false });
      const userId = optNumber(p.fields, "user_id");
      if (userId === undefined) throw badRequest("user_id is empty");
      const user = state.group ? (state.group.members.has(userId) ? world.state(userId).user : undefined) : state.user.id === userId ? state.user : undefined;
      if (!user) return { status: "left", user: { id: userId, is_bot: false, first_name: String(userId) } };
      if (state.group?.admins.has(userId)) {
        return { status: "administrator", user, can_be_edited: false, is_anonymous: false, can_manage_chat: true, can_delete_messages: true };
      }
      return { status: "member", user };
    },
  };
}
