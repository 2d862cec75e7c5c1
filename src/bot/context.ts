import type { Context } from "grammy";
import type { I18nFlavor } from "@grammyjs/i18n";
import type { User } from "../domain/user.js";

export type BotContext = Context &
  I18nFlavor & {
    /** The sender, loaded (or created) before any feature runs. */
    user: User;
  };
