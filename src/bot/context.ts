import type { Context } from "grammy";
import type { I18nFlavor } from "@grammyjs/i18n";
import type { User } from "../domain/user.js";
import type { Services } from "../core/services.js";
import type { Logger } from "../logger.js";
import type { Notifier } from "./notifier.js";

export interface BotDependencies {
  services: Services;
  logger: Logger;
  /** Operators; when empty, merchants are approved at once. */
  adminIds: bigint[];
  /** The payment provider's token for invoices; without it only free coupons can be claimed. */
  paymentProviderToken?: string;
}

export type BotContext = Context &
  I18nFlavor & {
    deps: BotDependencies;
    /** The sender, loaded (or created) before any feature runs. */
    user: User;
    /** Messages to other users (buyers, merchants), in their language. */
    notifier: Notifier;
  };
