// A deal prepared for the Mini App's share sheet: the inline result a friend
// gets from "@bot deal:<id>", saved with Telegram for the sharer
// (savePreparedInlineMessage); the app hands its id to
// Telegram.WebApp.shareMessage. Sending it counts like an inline result sent
// (chosen_inline_result carries the same result id).
import type { Api } from "grammy";
import type { SharedDeal } from "../../core/share.service.js";
import type { Translate } from "../i18n.js";
import { FRIENDS_CHATS } from "./checkout/voucher-view.js";
import { sharedDealResult } from "./inline-view.js";

export interface PreparedShare {
  /** For Telegram.WebApp.shareMessage. */
  id: string;
  expiresAt: Date;
}

export type PreparedShares = (shared: SharedDeal, sharer: { id: bigint; locale: string }) => Promise<PreparedShare>;

export function createPreparedShares({
  api,
  translator,
  botUsername,
  withApp,
}: {
  api: Api;
  translator: (locale: string) => Translate;
  botUsername: () => string;
  /** Whether the card carries an Open in app link (a Mini App is served). */
  withApp: boolean;
}): PreparedShares {
  return async (shared, { id, locale }) => {
    const result = sharedDealResult({ locale, t: translator(locale), botUsername: botUsername() }, shared, withApp);
    const prepared = await api.savePreparedInlineMessage(Number(id), result, FRIENDS_CHATS);
    return { id: prepared.id, expiresAt: new Date(prepared.expiration_date * 1000) };
  };
}
