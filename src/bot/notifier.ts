// Messages to someone other than the sender of the current update: the buyer
// when their voucher is redeemed, the merchant when a refund is due, every
// buyer of a group deal. Each reads in the recipient's own language.
import type { Api, InlineKeyboard } from "grammy";
import type { Logger } from "../logger.js";
import { userLocale, type LanguageOf, type Translate } from "./i18n.js";

export type { Translate };

export interface Recipient {
  id: bigint;
  locale: string;
  t: Translate;
}

export interface NotifierDeps {
  api: Api;
  /** Translations in one language. */
  translator(locale: string): Translate;
  users: { find(id: bigint): Promise<LanguageOf | null> };
  logger: Logger;
}

export function createNotifier({ api, translator, users, logger }: NotifierDeps) {
  async function recipient(userId: bigint): Promise<Recipient> {
    const locale = userLocale(await users.find(userId));
    return { id: userId, locale, t: translator(locale) };
  }

  return {
    api,
    recipient,
    /**
     * Sends a translated HTML message. A user who blocked the bot cannot be
     * told; that is logged and never fails the work that triggered the message.
     */
    async tell(
      userId: bigint,
      key: string,
      params: Record<string, string | number> = {},
      keyboard?: (t: Translate) => InlineKeyboard,
    ): Promise<boolean> {
      const { t } = await recipient(userId);
      try {
        await api.sendMessage(Number(userId), t(key, params), {
          parse_mode: "HTML",
          ...(keyboard ? { reply_markup: keyboard(t) } : {}),
        });
        return true;
      } catch (error) {
        logger.warn({ err: error, userId: String(userId), key }, "could not notify a user");
        return false;
      }
    },
  };
}

export type Notifier = ReturnType<typeof createNotifier>;
