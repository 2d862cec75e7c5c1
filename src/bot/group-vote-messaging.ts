// How a group's vote ends in the group (the group vote messaging port): the
// poll stopped, then the winner's card or a word that nobody voted, in the
// language of the member who started the vote (a group has none of its own).
import { GrammyError } from "grammy";
import type { GroupVoteMessaging } from "../core/ports/group-vote.port.js";
import { winnerCard } from "./features/group-vote-view.js";
import type { MessagingChannel } from "./messaging.js";

/** `bot` is read at send time: the core is built before the bot that serves it. */
export function createGroupVoteMessaging({ bot }: { bot: () => MessagingChannel }): GroupVoteMessaging {
  return {
    async stopPoll(vote) {
      try {
        const poll = await bot().api.stopPoll(Number(vote.chatId), vote.messageId);
        return { counts: poll.options.map((o) => o.voter_count) };
      } catch (error) {
        // Closed already (Telegram's own closing, another instance), or the message is gone: the counts kept stand.
        if (error instanceof GrammyError && error.error_code === 400) return { gone: true };
        throw error;
      }
    },
    async announceWinner(vote, deal, votes) {
      const { api, notifier, botInfo } = bot();
      const { t, locale } = await notifier.recipient(vote.starterId);
      const { text, keyboard } = winnerCard(t, locale, botInfo.username, vote, deal, votes);
      await api.sendMessage(Number(vote.chatId), text, {
        parse_mode: "HTML",
        reply_markup: keyboard,
        reply_parameters: { message_id: vote.messageId, allow_sending_without_reply: true },
      });
    },
    async announceNoVotes(vote) {
      const { api, notifier } = bot();
      const { t } = await notifier.recipient(vote.starterId);
      await api.sendMessage(Number(vote.chatId), t("vote-no-votes"), {
        reply_parameters: { message_id: vote.messageId, allow_sending_without_reply: true },
      });
    },
  };
}
