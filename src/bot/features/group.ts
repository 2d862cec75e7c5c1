// The bot added to a group: /nearby asks a member to share a location (as a
// reply to the bot, which a bot in privacy mode still receives), and a
// location lists the deals around it for everyone. Nothing personal is
// posted here: each deal opens in the member's private chat with the bot.
// Telegram allows a bot about 20 messages a minute in one group: beyond that
// the bot stays silent rather than be refused. The count is shared by every
// instance (domain/rate-limit.ts GROUP_POSTS). The pin is kept for the
// group's /vote, and a pin that answers /vote's question starts the vote.
import { Composer, InlineKeyboard } from "grammy";
import type { BrowseService } from "../../core/browse.service.js";
import type { GroupVoteService } from "../../core/group-vote.service.js";
import type { RateLimiter } from "../../core/rate-limit.service.js";
import type { Point } from "../../domain/geo.js";
import { DEFAULT_RADIUS_KM } from "../../domain/nearby.js";
import type { BotContext } from "../context.js";
import { groupListView } from "./group-view.js";
import { groupMayPost } from "./group-vote.js";

/** A group's list: one message, ten deals. */
const GROUP_LIST_SIZE = 10;

export function createGroupFeature({
  browse,
  groupPosts,
  votes,
  startVote,
}: {
  browse: Pick<BrowseService, "shared">;
  groupPosts: RateLimiter;
  votes: Pick<GroupVoteService, "pinShared">;
  /** Puts the deals near a pin to a vote (./group-vote.ts). */
  startVote: (ctx: BotContext, point: Point) => Promise<void>;
}): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  const mayPost = groupMayPost(groupPosts);

  // What the bot does here, and the way to the private chat for everything else.
  feature.command("help", async (ctx) => {
    if (!(await mayPost(ctx))) return;
    await ctx.reply(ctx.t("group-help"), { reply_markup: new InlineKeyboard().url(ctx.t("group-help-open"), `https://t.me/${ctx.me.username}`) });
  });

  feature.command("nearby", async (ctx) => {
    if (!(await mayPost(ctx))) return;
    await ctx.reply(ctx.t("group-nearby-ask"), {
      reply_parameters: { message_id: ctx.msg.message_id },
      reply_markup: { force_reply: true, selective: true },
    });
  });

  feature.on("message:location", async (ctx) => {
    const { latitude: lat, longitude: lng } = ctx.message.location;
    if (await votes.pinShared(BigInt(ctx.chat.id), { lat, lng }, ctx.message.reply_to_message?.message_id)) return startVote(ctx, { lat, lng });
    if (!(await mayPost(ctx))) return;
    const found = await browse.shared(ctx.user.id, { lat, lng }, { radiusKm: DEFAULT_RADIUS_KM, page: 0, pageSize: GROUP_LIST_SIZE });
    const { text, keyboard } = await groupListView(ctx, found, DEFAULT_RADIUS_KM, ctx.user.firstName);
    await ctx.reply(text, { parse_mode: "HTML", ...(keyboard ? { reply_markup: keyboard } : {}) });
  });

  return feature;
}
