// Which updates must wait for each other. One chat's updates are handled in
// the order they came (a reply to a form must not overtake the form), and so
// are one user's payments, whose pre-checkout query has a sender but no chat.
// In a private chat the chat id is the user's id: both name the same queue.
import { Context } from "grammy";
import type { Update } from "grammy/types";

/** Payment updates: Telegram waits at most 10 seconds for the pre-checkout answer. */
export function isPayment(update: Update): boolean {
  return update.pre_checkout_query !== undefined || update.message?.successful_payment !== undefined;
}

/** The queues an update waits in (sequentialize's constraint); none for an update without a chat or payer. */
export function orderKeys(update: Update): string[] {
  // grammY's own getters know where each update type keeps its chat and sender.
  const { chat, from } = new Context(update, undefined as never, undefined as never);
  const keys = new Set<string>();
  if (chat) keys.add(String(chat.id));
  if (from && isPayment(update)) keys.add(String(from.id));
  return [...keys];
}
