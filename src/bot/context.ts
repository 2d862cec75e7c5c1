import type { Context } from "grammy";
import type { I18nFlavor } from "@grammyjs/i18n";
import type { User } from "../domain/user.js";
import type { Services } from "../core/services.js";
import type { Logger } from "../logger.js";
import type { Notifier } from "./notifier.js";

/**
 * What the checkout features still read from the context. Every other feature
 * receives its dependencies when it is created; these go once checkout's do.
 */
export interface CheckoutContextDeps {
  deps: {
    services: Services;
    logger: Logger;
    paymentProviderToken?: string;
  };
  notifier: Notifier;
}

export type BotContext = Context &
  I18nFlavor &
  CheckoutContextDeps & {
    /** The sender, loaded (or created) before any feature runs. */
    user: User;
  };
