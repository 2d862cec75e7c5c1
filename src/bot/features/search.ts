// Deals asked for in plain words ("cheap hotpot for two under 150", "咖啡 附近
// 半价"): the bot says how it understood the request, then lists the nearby
// deals that fit, with buttons to widen the radius or drop a filter. Without a
// recent location it asks for one and runs the request when it comes.
import { Composer } from "grammy";
import { withoutFilters } from "../../domain/deal-query.js";
import type { Point } from "../../domain/geo.js";
import { DEFAULT_RADIUS_KM } from "../../domain/nearby.js";
import { smallTalkOf } from "../../domain/small-talk.js";
import { typedPoint } from "../../domain/validation.js";
import type { BrowseService, SearchPage } from "../../core/browse.service.js";
import type { SavedSearch, SearchService } from "../../core/search.service.js";
import type { BotContext } from "../context.js";
import { escapeHtml, localeOf } from "../format.js";
import { answerExpired, mainKeyboard } from "../keyboards.js";
import { showList, type ShowNearby } from "./nearby.js";
import { resultsView, searchButton, understood, type SearchView } from "./search-view.js";

/** A request is a few words; anything longer is not one (and would cost model tokens). */
const MAX_REQUEST_CHARS = 200;

const firstView = (search: SavedSearch): SearchView => ({ radiusKm: search.query.radiusKm ?? DEFAULT_RADIUS_KM, dropped: 0, page: 0 });
const request = (search: SavedSearch, view: SearchView) => ({
  radiusKm: view.radiusKm,
  query: withoutFilters(search.query, view.dropped),
  page: view.page,
});

async function sendResults(ctx: BotContext, search: SavedSearch, view: SearchView, found: SearchPage, mode: "send" | "edit") {
  const { text, keyboard } = await resultsView(ctx, search, view, found);
  await showList(ctx, text, keyboard, mode);
}

export function createSearchFeature({
  search,
  browse,
  showNearby,
}: {
  search: SearchService;
  browse: BrowseService;
  showNearby: ShowNearby;
}): Composer<BotContext> {
  /** The location a request was waiting for answers the request; any other location, `otherwise`. */
  async function locationArrived(ctx: BotContext, point: Point, otherwise: () => Promise<unknown>) {
    const answered = await browse.answerPending(ctx.user.id, point, (pending) => request(pending, firstView(pending)));
    if (!answered) return otherwise();
    await sendResults(ctx, answered.search, firstView(answered.search), answered.results, "send");
  }

  const feature = new Composer<BotContext>();

  feature.on("message:text", async (ctx, next) => {
    const text = ctx.message.text.trim();
    if (text.startsWith("/")) {
      // A command (/nearby) means the user moved on: their next location is not for the old request.
      await search.forgetPending(ctx.user.id);
      return next();
    }
    if ([...text].length > MAX_REQUEST_CHARS) return ctx.reply(ctx.t("search-too-long", { max: MAX_REQUEST_CHARS }));
    // "40.7081, -73.9571" is a place, as if shared: a waiting request, or the list around it.
    const typed = typedPoint(text);
    if (typed) return locationArrived(ctx, typed, () => showNearby(ctx, typed));
    // "hello" or "help" is no search: say what the bot can do (and ask no model).
    const talk = smallTalkOf(text);
    if (talk === "help") return ctx.reply(ctx.t("help"), { parse_mode: "HTML", reply_markup: mainKeyboard(ctx) });
    if (talk) {
      const name = escapeHtml(ctx.user.firstName);
      return ctx.reply(ctx.t(`search-small-talk-${talk}`, { name }), { parse_mode: "HTML", reply_markup: mainKeyboard(ctx) });
    }
    // A model may take a few seconds: show that something is happening.
    await ctx.replyWithChatAction("typing");
    const asked = await browse.ask(ctx.user, text, (created) => request(created, firstView(created)));
    if (!asked) return next(); // nothing in it to search for
    const { search: created, results } = asked;
    if (results) return sendResults(ctx, created, firstView(created), results, "send");
    await ctx.reply(`${understood(ctx, created.query, await localeOf(ctx))}\n${ctx.t("search-ask-location")}`, {
      parse_mode: "HTML",
      reply_markup: mainKeyboard(ctx),
    });
  });

  feature.on("message:location", (ctx, next) =>
    locationArrived(ctx, { lat: ctx.message.location.latitude, lng: ctx.message.location.longitude }, next),
  );

  feature.callbackQuery(searchButton.filter, async (ctx) => {
    const pressed = searchButton.unpack(ctx.callbackQuery.data);
    const saved = pressed && (await search.find(ctx.user.id, pressed.id));
    if (!pressed || !saved) return answerExpired(ctx);
    const point = browse.lastLocation(ctx.user);
    if (!point) return ctx.answerCallbackQuery({ text: ctx.t("error-no-location"), show_alert: true });
    await ctx.answerCallbackQuery();
    const view = { radiusKm: pressed.r, dropped: pressed.m, page: pressed.p };
    await sendResults(ctx, saved, view, await browse.search(ctx.user.id, point, request(saved, view)), "edit");
  });

  return feature;
}
