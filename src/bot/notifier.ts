// Messages to someone other than the sender of the current update: the buyer
// when their voucher is redeemed, the merchant when a refund is due, every
// buyer of a group deal. Each reads in the recipient's own language.
import type { Api, InlineKeyboard } from "grammy";
import type { I18n } from "@grammyjs/i18n";
import type { UserRepository } from "../core/ports/user.port.js";
import type { Logger } from "../logger.js";
import type { BotContext } from "./context.js";
import { localeFor } from "./i18n.js";

export type Translate = (key: string, params?: Record<string, string | number>) => string;

export interface Recipient {
  id: bigint;
  locale: string;
  t: Translate;
}

export function createNotifier(api: Api, i18n: I18n<BotContext>, users: UserRepository, logger: Logger) {
  async function recipient(userId: bigint): Promise<Recipient> {
    const user = await users.find(userId);
    const locale = user?.language ?? localeFor(user?.telegramLanguage);
    return { id: userId, locale, t: (key, params) => i18n.t(locale, key, params) };
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
