// Deals shared into any chat through inline mode. "@<bot> pizza" lists the
// deals near the sharer that match (the location Telegram sends with the
// query when the bot asks for it, BotFather /setinlinegeo, else the last one
// the user shared, else a button to share one); "@<bot> deal:<id>" (the Send
// to a friend button, the Mini App's Share) is that deal. Each result carries
// the sharer's share, so what the friend does with it is credited to them;
// sending one (chosen_inline_result, BotFather /setinlinefeedback) counts a
// share. Inline mode must be on (BotFather /setinline).
import { Composer } from "grammy";
import type { ShareService } from "../../core/share.service.js";
import type { BotContext } from "../context.js";
import { inlineResult } from "./inline-view.js";

/** Answers are personal (they carry the sharer's shares); Telegram may reuse one this long. */
const CACHE_SECONDS = 30;

export function createInlineSearchFeature({
  shares,
  miniAppUrl,
}: {
  shares: ShareService;
  miniAppUrl?: string;
}): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  feature.on("inline_query", async (ctx) => {
    const { query, location } = ctx.inlineQuery;
    const sent = location ? { lat: location.latitude, lng: location.longitude } : undefined;
    const answer = await shares.inline(ctx.user, query, sent);
    const options = { cache_time: CACHE_SECONDS, is_personal: true };
    if (answer.kind === "needs-location") {
      return ctx.answerInlineQuery([], { ...options, button: { text: ctx.t("inline-share-location"), start_parameter: "inline" } });
    }
    const results = await Promise.all(answer.deals.map((shared) => inlineResult(ctx, shared, miniAppUrl !== undefined)));
    await ctx.answerInlineQuery(results, {
      ...options,
      // Nothing matched: a way into the bot, where the whole list and its filters are.
      ...(results.length === 0 ? { button: { text: ctx.t("inline-find-deals"), start_parameter: "inline" } } : {}),
    });
  });

  feature.on("chosen_inline_result", async (ctx) => {
    await shares.sent(ctx.user.id, ctx.chosenInlineResult.result_id);
  });

  return feature;
}
