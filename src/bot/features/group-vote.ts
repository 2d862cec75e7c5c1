// /vote in a group: the best deals near the group's pin (a member's, shared
// in the last half hour; else the bot asks for one as a reply) go to a
// native poll, non-anonymous so that friends see who wants what. Its Close
// button ends it early, for the member who started it or an admin only.
// How the vote ends (Telegram's closing, Close, the job) and the winner's
// post are the use case's (core/group-vote.service.ts); `poll` updates carry
// the counts.
import { Composer } from "grammy";
import type { CloseOutcome, GroupVoteService } from "../../core/group-vote.service.js";
import type { RateLimiter } from "../../core/rate-limit.service.js";
import type { Point } from "../../domain/geo.js";
import { DEFAULT_RADIUS_KM } from "../../domain/nearby.js";
import type { BotContext } from "../context.js";
import { localeOf } from "../format.js";
import { votePoll, VOTE_CLOSE_DATA } from "./group-vote-view.js";

const CLOSE_ANSWERS: Record<CloseOutcome, string> = {
  closed: "vote-closed",
  "not-allowed": "vote-close-not-allowed",
  "already-closed": "vote-close-already",
  unknown: "vote-close-unknown",
};

/** A member's status that may close anyone's vote. */
const ADMINS = new Set(["creator", "administrator"]);

/** Whether the group's messages of this minute leave room for one more (Telegram's ~20 a minute per group), taking it if so. */
export function groupMayPost(groupPosts: RateLimiter): (ctx: BotContext) => Promise<boolean> {
  return async (ctx) => (await groupPosts.take(String(ctx.chat!.id))) !== null;
}

export function createGroupVoteFeature({ votes, groupPosts }: { votes: GroupVoteService; groupPosts: RateLimiter }) {
  const feature = new Composer<BotContext>();
  const mayPost = groupMayPost(groupPosts);

  /** Posts the poll of the deals near `point`, or says there are too few to choose from. */
  async function startVote(ctx: BotContext, point: Point): Promise<void> {
    if (!(await mayPost(ctx))) return;
    const options = await votes.options(point);
    if (!options) {
      await ctx.reply(ctx.t("vote-too-few", { radius: DEFAULT_RADIUS_KM }));
      return;
    }
    const { closesAt, openPeriod, minutes } = votes.schedule();
    const poll = votePoll(ctx.t.bind(ctx), await localeOf(ctx), options, ctx.user.firstName, minutes);
    const sent = await ctx.replyWithPoll(
      poll.question,
      poll.options.map((text) => ({ text })),
      { is_anonymous: false, ...(openPeriod ? { open_period: openPeriod } : {}), reply_markup: poll.keyboard },
    );
    await votes.opened({
      pollId: sent.poll.id,
      chatId: BigInt(sent.chat.id),
      messageId: sent.message_id,
      starterId: ctx.user.id,
      dealIds: options.map((deal) => deal.id),
      lat: point.lat,
      lng: point.lng,
      closesAt,
    });
  }

  feature.command("vote", async (ctx) => {
    const point = await votes.pinToVoteAround(BigInt(ctx.chat.id));
    if (point) return startVote(ctx, point);
    if (!(await mayPost(ctx))) return;
    const ask = await ctx.reply(ctx.t("vote-ask"), {
      reply_parameters: { message_id: ctx.msg.message_id },
      reply_markup: { force_reply: true, selective: true },
    });
    await votes.askedForPin(BigInt(ctx.chat.id), ask.message_id);
  });

  feature.callbackQuery(VOTE_CLOSE_DATA, async (ctx) => {
    // The poll is the message the button is on: Telegram says which, so no id in the button can be forged.
    const message = ctx.callbackQuery.message;
    const outcome = message
      ? await votes.closeEarly(BigInt(message.chat.id), message.message_id, ctx.user.id, async () => ADMINS.has((await ctx.getChatMember(ctx.from.id)).status))
      : "unknown";
    await ctx.answerCallbackQuery({ text: ctx.t(CLOSE_ANSWERS[outcome]), show_alert: outcome === "not-allowed" });
  });

  return { feature, startVote };
}

/**
 * A poll's state (a vote, a retracted vote, its closing): the counts, which
 * are Telegram's own and so the ones kept. Telegram sends these for the bot's
 * own polls whether or not it asks for poll_answer, which the bot does not.
 */
export function createPollUpdatesFeature({ votes }: { votes: Pick<GroupVoteService, "counted"> }): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  feature.on("poll", async (ctx) => {
    const { id, options, is_closed } = ctx.poll;
    await votes.counted(id, options.map((o) => o.voter_count), is_closed);
  });
  return feature;
}
