// /subscribe, /subscriptions, /unsubscribe, the settings buttons and "Stop
// these" on a push; and the blocked state from my_chat_member.
import { Composer, InlineKeyboard } from "grammy";
import { DomainError } from "../../domain/errors.js";
import { assertValidPoint } from "../../domain/geo.js";
import { parseQuietHours, QUIET_PRESETS, type Label } from "../../domain/subscription.js";
import * as validate from "../../domain/validation.js";
import type { SubscriptionChange, SubscriptionService } from "../../core/subscription.service.js";
import type { BotContext } from "../context.js";
import { ignoreUnchanged } from "../console/unchanged.js";
import { formButton, pickedValue, type Forms } from "../forms/form-engine.js";
import { pushStopButton, SUBSCRIPTIONS_DATA } from "../push-message.js";
import {
  ADD_PLACE_DATA,
  categoryPicker,
  listView,
  settingsButton,
  settingsView,
  STOP_ALL_DATA,
} from "./subscription-view.js";
import { answerExpired } from "../keyboards.js";

const LAST_LOCATION = "last";

/** Edits the screen the button is on; a push digest is left as it is and the screen comes as a new message. */
async function editShown(ctx: BotContext, text: string, keyboard?: InlineKeyboard) {
  const options = { parse_mode: "HTML" as const, ...(keyboard ? { reply_markup: keyboard } : {}) };
  const onScreen = ctx.callbackQuery?.message;
  if (!onScreen || onScreen.reply_markup?.inline_keyboard.flat().some((b) => "callback_data" in b && pushStopButton.filter.test(b.callback_data))) {
    await ctx.reply(text, options);
    return;
  }
  await ctx.editMessageText(text, options).catch(ignoreUnchanged);
}

function changeFor(action: string, value: string): SubscriptionChange | null {
  switch (action) {
    case "l":
      return { kind: "label", label: value as Label };
    case "r":
      return { kind: "radius", radiusM: Number(value) * 1000 };
    case "t":
      return value === "all" ? { kind: "all-categories" } : { kind: "category", category: value };
    case "m":
      return { kind: "daily-max", dailyMax: Number(value) };
    case "q": {
      const preset = QUIET_PRESETS[Number(value)];
      if (!preset) throw new DomainError("subscription-not-found");
      return { kind: "quiet", start: preset[0], end: preset[1] };
    }
    default:
      return null;
  }
}

export function createSubscriptionsFeature({
  forms,
  subscriptions,
}: {
  forms: Forms;
  subscriptions: SubscriptionService;
}): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  /** A new place, or (`moving`) a new position for the subscription with that id. */
  const subscribeForm = forms.define<{ lat: number; lng: number; moving?: number }>({
    name: "subscribe",
    steps: [
      {
        id: "place",
        reminder: "subscribe-expects-location",
        prompt: (ctx, data, keyboard) => {
          const rows = ctx.user.lastLat === null ? [] : [[{ text: ctx.t("subscribe-use-last"), callback_data: formButton(LAST_LOCATION) }]];
          const question = data.moving ? "subscribe-move-place" : "subscribe-place";
          return ctx.reply(ctx.t(question), { reply_markup: { inline_keyboard: [...rows, ...keyboard.inline_keyboard] } });
        },
        accept: (ctx) => {
          const location = ctx.message?.location;
          if (location) {
            const point = { lat: location.latitude, lng: location.longitude };
            assertValidPoint(point);
            return point;
          }
          if (pickedValue(ctx) === LAST_LOCATION) {
            const { lastLat, lastLng } = ctx.user;
            if (lastLat === null || lastLng === null) throw new DomainError("no-location");
            return { lat: lastLat, lng: lastLng };
          }
          const text = ctx.message?.text;
          return text === undefined ? null : validate.coordinates(text);
        },
      },
    ],
    finish: async (ctx, { lat, lng, moving }) => {
      const sub = moving
        ? await subscriptions.change(ctx.user.id, moving, { kind: "place", point: { lat, lng } })
        : await subscriptions.subscribe(ctx.user.id, { lat, lng }, await ctx.i18n.getLocale());
      const { text, keyboard } = settingsView(ctx, sub, ctx.t(moving ? "subscription-moved" : "subscribe-saved"));
      await ctx.reply(text, { parse_mode: "HTML", reply_markup: keyboard });
    },
    // Back: the place's settings when moving it, else the list of places.
    exit: (ctx, { moving }) => (moving ? showSettings(ctx, moving) : showList(ctx, "send")),
  });

  const quietHoursForm = forms.define<{ id: number; quietStart: number; quietEnd: number }>({
    name: "quiethours",
    steps: [
      {
        id: "hours",
        prompt: (ctx, _data, keyboard) => ctx.reply(ctx.t("subscription-quiet-ask"), { reply_markup: keyboard }),
        accept: (ctx) => {
          const text = ctx.message?.text;
          return text === undefined ? null : parseQuietHours(text);
        },
      },
    ],
    finish: async (ctx, { id, quietStart, quietEnd }) => {
      const sub = await subscriptions.change(ctx.user.id, id, { kind: "quiet", start: quietStart, end: quietEnd });
      const { text, keyboard } = settingsView(ctx, sub, ctx.t("subscription-quiet-saved"));
      await ctx.reply(text, { parse_mode: "HTML", reply_markup: keyboard });
    },
    exit: (ctx, { id }) => showSettings(ctx, id!),
  });

  /** A place's settings as they are, in a new message (Back from a question about it). */
  async function showSettings(ctx: BotContext, id: number) {
    const { text, keyboard } = settingsView(ctx, await subscriptions.owned(ctx.user.id, id));
    await ctx.reply(text, { parse_mode: "HTML", reply_markup: keyboard });
  }

  async function showList(ctx: BotContext, mode: "send" | "edit") {
    const { text, keyboard } = listView(ctx, await subscriptions.list(ctx.user.id));
    if (mode === "edit") await editShown(ctx, text, keyboard);
    else await ctx.reply(text, { parse_mode: "HTML", reply_markup: keyboard });
  }



  feature.command("subscribe", (ctx) => forms.start(ctx, subscribeForm));
  feature.command("subscriptions", (ctx) => showList(ctx, "send"));

  /** What stopping everything did, in words. */
  const stoppedText = (ctx: BotContext, { places, shops }: { places: number; shops: number }) =>
    places + shops > 0 ? ctx.t("unsubscribed", { places, shops }) : ctx.t("unsubscribe-nothing");

  feature.command("unsubscribe", async (ctx) => {
    await ctx.reply(stoppedText(ctx, await subscriptions.unsubscribeAll(ctx.user.id)));
  });

  feature.callbackQuery(SUBSCRIPTIONS_DATA, async (ctx) => {
    await ctx.answerCallbackQuery();
    await showList(ctx, "edit");
  });

  feature.callbackQuery(ADD_PLACE_DATA, async (ctx) => {
    await ctx.answerCallbackQuery();
    await forms.start(ctx, subscribeForm);
  });

  feature.callbackQuery(STOP_ALL_DATA, async (ctx) => {
    const stopped = await subscriptions.unsubscribeAll(ctx.user.id);
    await ctx.answerCallbackQuery();
    await editShown(ctx, stoppedText(ctx, stopped));
  });

  feature.callbackQuery(settingsButton.filter, async (ctx) => {
    const pressed = settingsButton.unpack(ctx.callbackQuery.data);
    if (!pressed) return answerExpired(ctx);
    if (pressed.a === "x") {
      await subscriptions.remove(ctx.user.id, pressed.id);
      await ctx.answerCallbackQuery({ text: ctx.t("subscription-deleted") });
      return showList(ctx, "edit");
    }
    if (pressed.a === "p" || pressed.a === "h") {
      // What is typed next answers a form about this place.
      await subscriptions.owned(ctx.user.id, pressed.id);
      await ctx.answerCallbackQuery();
      return pressed.a === "p" ? forms.start(ctx, subscribeForm, { moving: pressed.id }) : forms.start(ctx, quietHoursForm, { id: pressed.id });
    }
    const change = changeFor(pressed.a, pressed.v);
    // Checked before anything is shown: someone else's place reads as gone.
    const sub = change ? await subscriptions.change(ctx.user.id, pressed.id, change) : await subscriptions.owned(ctx.user.id, pressed.id);
    await ctx.answerCallbackQuery();
    const view = pressed.a === "c" || pressed.a === "t" ? categoryPicker(ctx, sub) : settingsView(ctx, sub);
    await editShown(ctx, view.text, view.keyboard);
  });

  feature.callbackQuery(pushStopButton.filter, async (ctx) => {
    const pressed = pushStopButton.unpack(ctx.callbackQuery.data);
    if (!pressed) return answerExpired(ctx);
    const removed = await subscriptions.stopPush(ctx.user.id, pressed.id);
    await ctx.answerCallbackQuery();
    await ctx.reply(removed ? ctx.t("push-stopped", { count: removed }) : ctx.t("push-stopped-already"));
  });

  return feature;
}

/**
 * Blocking and unblocking the bot arrive as my_chat_member; a user who writes
 * again has unblocked it too. Registered before the other features, since
 * those answer messages without passing them on.
 */
export function createBlockedStateFeature({
  subscriptions,
}: {
  subscriptions: Pick<SubscriptionService, "blocked" | "unblocked">;
}): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  feature.on("my_chat_member", async (ctx) => {
    const status = ctx.myChatMember.new_chat_member.status;
    if (status === "kicked") await subscriptions.blocked(ctx.user.id);
    else if (status === "member") await subscriptions.unblocked(ctx.user.id);
  });

  feature.use(async (ctx, next) => {
    if (ctx.user.blockedAt && (ctx.message || ctx.callbackQuery)) {
      await subscriptions.unblocked(ctx.user.id);
    }
    await next();
  });

  return feature;
}
