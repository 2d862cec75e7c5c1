import { Bot } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import { displayName } from "../domain/validation.js";
import type { BotContext, BotDependencies } from "./context.js";
import { domainErrors, unexpectedErrors } from "./error-boundary.js";
import { createI18n } from "./i18n.js";
import { commandList } from "./commands.js";
import { startFeature } from "./features/start.js";
import { formsFeature } from "./forms/form-engine.js";
import { registerFeature } from "./features/register.js";
import { newDealFeature } from "./features/new-deal.js";
import { nearbyFeature } from "./features/nearby.js";
import { searchFeature } from "./features/search.js";
import { dealCardFeature } from "./features/deal-card.js";
import { fallbackFeature } from "./features/fallback.js";
import { createBuyFeature } from "./features/checkout/buy.js";
import { createMyCodesFeature } from "./features/checkout/my-codes.js";
import { createPaymentFeature } from "./features/checkout/payment.js";
import { createRedeemFeatures } from "./features/checkout/redeem.js";
import { createNotifier, type Notifier } from "./notifier.js";
import { staffFeature, staffInviteFeature } from "./features/staff.js";
import { adminFeature } from "./features/admin.js";
import { myDealsFeature } from "./features/my-deals.js";
import { statsFeature } from "./features/stats.js";
import { exportFeature } from "./features/export.js";
import { summaryToggleFeature } from "./features/summary-toggle.js";
import { shopFeature } from "./features/shop.js";
import { blockedStateFeature, subscriptionsFeature } from "./features/subscriptions.js";

export interface CreateBotOptions extends BotDependencies {
  token: string;
  apiRoot: string;
  botInfo?: UserFromGetMe;
}

export type NearbuyBot = Bot<BotContext> & {
  commandList(locale: string): ReturnType<typeof commandList>;
  /** Messages to users outside an update (scheduled work). */
  notifier: Notifier;
};

export function createBot({ token, apiRoot, botInfo, ...deps }: CreateBotOptions): NearbuyBot {
  const bot = new Bot<BotContext>(token, { botInfo, client: { apiRoot } });
  const i18n = createI18n();

  const notifier = createNotifier(bot.api, i18n, deps.services.users, deps.logger);
  const { checkout, vouchers, clock } = deps.services;
  const redeem = createRedeemFeatures({ vouchers, clock });

  // Private chats, plus the pre-checkout query, which has a sender but no chat.
  const personal = bot.filter((ctx) => ctx.chat?.type === "private" || ctx.preCheckoutQuery !== undefined);
  personal.use(async (ctx, next) => {
    if (!ctx.from || ctx.from.is_bot) return;
    ctx.deps = deps;
    ctx.notifier = notifier;
    ctx.user = await deps.services.users.ensure({
      id: ctx.from.id,
      // Shown to merchants (who bought, who joined the staff) and operators.
      firstName: displayName(ctx.from.first_name, `#${ctx.from.id}`),
      username: ctx.from.username,
      languageCode: ctx.from.language_code,
    });
    await next();
  });
  personal.use(i18n);
  // Payments first: Telegram waits at most 10 seconds for the pre-checkout answer.
  personal.use(createPaymentFeature({ checkout, logger: deps.logger }));
  personal.use(domainErrors);
  // Order matters: an open form first (every command leaves it, but /cancel,
  // /skip and /language; other messages answer it), then the commands and
  // features, then the catch-all.
  personal.use(blockedStateFeature);
  personal.use(formsFeature);
  personal.use(staffInviteFeature); // before /start: it takes the staff invitation links
  personal.use(redeem.voucherLink); // before /start: it takes the vouchers' QR links
  personal.use(startFeature);
  personal.use(registerFeature);
  personal.use(newDealFeature);
  // A voucher code typed alone by shop staff is a redemption, not a search.
  personal.use(redeem.typedCode);
  // Before the nearby list: a location may answer a waiting search.
  personal.use(searchFeature);
  personal.use(nearbyFeature);
  personal.use(dealCardFeature);
  personal.use(createBuyFeature({ checkout, paymentProviderToken: deps.paymentProviderToken, logger: deps.logger }));
  personal.use(createMyCodesFeature({ vouchers }));
  personal.use(redeem.redeem);
  personal.use(subscriptionsFeature);
  personal.use(myDealsFeature, statsFeature, exportFeature, shopFeature, staffFeature, summaryToggleFeature, adminFeature);
  personal.use(fallbackFeature);

  bot.catch(unexpectedErrors(deps.logger));
  return Object.assign(bot, { commandList: (locale: string) => commandList(i18n, locale), notifier });
}
