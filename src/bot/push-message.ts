// A push digest as the subscriber sees it: the top offers near one of their
// places and from the shops they follow ("from a shop you follow"), each a
// button that opens the card credited to this push, then "Stop these" (the
// places) and the settings, or the followed shops. Rendered when sent, in the
// user's language.
import { InlineKeyboard, type Api } from "grammy";
import type { PushItemToSend, PushToSend } from "../domain/push.js";
import { distanceMeters } from "../domain/geo.js";
import { callbackCodec, id } from "./callback-data.js";
import { dealButton } from "./features/deal-view.js";
import { distanceText, escapeHtml, priceText } from "./format.js";
import { createI18n, translatorFor, userLocale } from "./i18n.js";

/** "Stop these": the places behind this push. */
export const pushStopButton = callbackCodec("ps", { id });
/** Opens the list of places (as /subscriptions does). */
export const SUBSCRIPTIONS_DATA = "subs";
/** Opens the followed shops (as /following does). */
export const FOLLOWING_DATA = "fl";

/** What a digest looks like on screen. */
export type RenderPush = (push: PushToSend, items: PushItemToSend[]) => {
  text: string;
  options: Parameters<Api["sendMessage"]>[2];
};

export function createPushRenderer(): RenderPush {
  const i18n = createI18n();
  return (push, items) => {
    const place = items.find((i) => i.subscription)?.subscription ?? null;
    // The language the user read when they subscribed, unless they chose one since.
    const locale = userLocale(push.user, place?.locale);
    const tr = { t: translatorFor(i18n, locale) };
    const lines = items.map(({ deal, subscription, followedShopId }, i) => {
      const { price, original } = priceText(tr, locale, deal, "nearby-line-discount");
      if (followedShopId !== null) {
        return tr.t("push-line-followed", { n: i + 1, title: escapeHtml(deal.title), shop: escapeHtml(deal.shop.name), price, original });
      }
      return tr.t("push-line", {
        n: i + 1,
        title: escapeHtml(deal.title),
        shop: escapeHtml(deal.shop.name),
        price,
        original,
        distance: subscription ? distanceText(tr, distanceMeters(subscription, deal)) : "none",
      });
    });
    const keyboard = new InlineKeyboard();
    items.forEach(({ deal }, i) => keyboard.text(String(i + 1), dealButton.pack({ id: deal.id, s: "p", r: push.id })));
    keyboard.row();
    const fromPlaces = items.some((i) => i.followedShopId === null);
    if (fromPlaces) keyboard.text(tr.t("push-stop"), pushStopButton.pack({ id: push.id })).text(tr.t("push-settings"), SUBSCRIPTIONS_DATA);
    if (items.some((i) => i.followedShopId !== null)) keyboard.text(tr.t("push-following"), FOLLOWING_DATA);
    const header = fromPlaces
      ? tr.t("push-header", { count: items.length, place: tr.t(`subscription-label-${place?.label ?? "other"}`) })
      : tr.t("push-header-followed", { count: items.length });
    return {
      text: `${header}\n\n${lines.join("\n")}`,
      options: { parse_mode: "HTML", reply_markup: keyboard, link_preview_options: { is_disabled: true } },
    };
  };
}
