import type { BotCommand } from "grammy/types";
import type { I18n } from "@grammyjs/i18n";
import type { BotContext } from "./context.js";

const COMMANDS = [
  "nearby",
  "mycodes",
  "friends",
  "saved",
  "following",
  "subscribe",
  "subscriptions",
  "unsubscribe",
  "register",
  "newdeal",
  "mydeals",
  "redeem",
  "stats",
  "reviews",
  "refunds",
  "export",
  "shop",
  "staff",
  "language",
  "help",
  "cancel",
] as const;

/** What the bot answers in a group (group.ts, group-vote.ts): the menu of every group's members. */
const GROUP_COMMANDS = ["nearby", "vote"] as const;

/** The command menu in one language, for setMyCommands. */
export function commandList(i18n: I18n<BotContext>, locale: string): BotCommand[] {
  return COMMANDS.map((command) => ({ command, description: i18n.t(locale, `cmd-${command}`) }));
}

/** The groups' command menu in one language, for setMyCommands with the all_group_chats scope. */
export function groupCommandList(i18n: I18n<BotContext>, locale: string): BotCommand[] {
  return GROUP_COMMANDS.map((command) => ({ command, description: i18n.t(locale, `cmd-group-${command}`) }));
}
