import { sequentialize } from "@grammyjs/runner";
import { Bot, type MiddlewareFn } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import type { Services } from "../core/services.js";
import { displayName } from "../domain/validation.js";
import type { Logger } from "../logger.js";
import type { BotContext } from "./context.js";
import { domainErrors, unexpectedErrors } from "./error-boundary.js";
import { createI18n, translatorFor } from "./i18n.js";
import { commandList, groupCommandList } from "./commands.js";
import { createStartFeature } from "./features/start.js";
import { createForms } from "./forms/form-engine.js";
import { createRegisterFeature } from "./features/register.js";
import { createNewDealFeature } from "./features/new-deal.js";
import { createNearbyFeature, createShowNearby } from "./features/nearby.js";
import { createSearchFeature } from "./features/search.js";
import { createDealCardFeature, createShowDealCard } from "./features/deal-card.js";
import { createInlineSearchFeature } from "./features/inline-search.js";
import { createFriendsFeature } from "./features/friends.js";
import { createGroupFeature } from "./features/group.js";
import { createGroupVoteFeature, createPollUpdatesFeature } from "./features/group-vote.js";
import { VOTE_CLOSE_DATA } from "./features/group-vote-view.js";
import { createFallbackFeature } from "./features/fallback.js";
import { createBuyFeature } from "./features/checkout/buy.js";
import { createMyCodesFeature } from "./features/checkout/my-codes.js";
import { createReviewsFeature } from "./features/reviews.js";
import { createPaymentFeature } from "./features/checkout/payment.js";
import { createRedeemFeatures } from "./features/checkout/redeem.js";
import { createNotifier, type Notifier } from "./notifier.js";
import { createInvoiceLinks, type InvoiceLinks } from "./features/checkout/invoice.js";
import { createPreparedShares, type PreparedShares } from "./features/prepared-share.js";
import { orderKeys } from "./update-order.js";
import { createStaffFeature, createStaffInviteFeature } from "./features/staff.js";
import { createAdminFeature } from "./features/admin.js";
import { createMyDealsFeature } from "./features/my-deals.js";
import { createStatsFeature } from "./features/stats.js";
import { createExportFeature } from "./features/export.js";
import { createSummaryToggleFeature } from "./features/summary-toggle.js";
import { createShopFeature } from "./features/shop.js";
import { createBlockedStateFeature, createSubscriptionsFeature } from "./features/subscriptions.js";
import { createFollowFeature } from "./features/follow.js";

export interface CreateBotOptions {
  token: string;
  apiRoot: string;
  botInfo?: UserFromGetMe;
  services: Services;
  logger: Logger;
  /** Operators; when empty, merchants are approved at once. */
  adminIds: bigint[];
  /** The payment provider's token for invoices; without it only free coupons can be claimed. */
  paymentProviderToken?: string;
  /** The Mini App's address (MINI_APP_URL); without it no button opens the app. */
  miniAppUrl?: string;
}

export type NearbuyBot = Bot<BotContext> & {
  commandList(locale: string): ReturnType<typeof commandList>;
  /** The menu of the commands the bot answers in groups. */
  groupCommandList(locale: string): ReturnType<typeof groupCommandList>;
  /** Messages to users outside an update (scheduled work). */
  notifier: Notifier;
  /** Invoices as links, for the Mini App; absent when payments are not set up. */
  invoiceLinks?: InvoiceLinks;
  /** Deals prepared for the Mini App's share sheet. */
  preparedShares: PreparedShares;
};

export function createBot({ token, apiRoot, botInfo, services, logger, adminIds, paymentProviderToken, miniAppUrl }: CreateBotOptions): NearbuyBot {
  const bot = new Bot<BotContext>(token, { botInfo, client: { apiRoot } });
  const i18n = createI18n<BotContext>();
  const notifier = createNotifier({ api: bot.api, translator: (locale) => translatorFor(i18n, locale), users: services.users, logger });
  const forms = createForms({ store: services.forms });
  const { console, subscriptions } = services;
  const showDealCard = createShowDealCard({ deals: services.deals, follows: services.follows, miniAppUrl });
  const showNearby = createShowNearby({ browse: services.browse, miniAppUrl });
  const { checkout, vouchers } = services;
  const redeem = createRedeemFeatures({ vouchers, clock: services.clock });

  // Updates are handled concurrently; one chat's (and one payer's) still one after the other.
  bot.use(sequentialize((ctx) => orderKeys(ctx.update)));
  const loadSender: MiddlewareFn<BotContext> = async (ctx, next) => {
    if (!ctx.from || ctx.from.is_bot) return;
    ctx.user = await services.users.ensure({
      id: ctx.from.id,
      // Shown to merchants (who bought, who joined the staff) and operators.
      firstName: displayName(ctx.from.first_name, `#${ctx.from.id}`),
      username: ctx.from.username,
      languageCode: ctx.from.language_code,
    });
    await next();
  };
  // Deals shared into any chat; inline queries and chosen results have a sender but no chat.
  bot.on(["inline_query", "chosen_inline_result"]).use(loadSender, i18n, createInlineSearchFeature({ shares: services.shares, miniAppUrl }));
  // Groups the bot was added to: lists and votes for everyone, nothing
  // personal; other group chatter is not for the bot (and makes no account).
  const { groupPosts, groupVotes } = services;
  const votes = createGroupVoteFeature({ votes: groupVotes, groupPosts });
  bot
    .filter((ctx) => ctx.chat?.type === "group" || ctx.chat?.type === "supergroup")
    .filter((ctx) => ctx.hasCommand(["nearby", "vote", "help"]) || ctx.has("message:location") || ctx.callbackQuery?.data === VOTE_CLOSE_DATA)
    .use(loadSender, i18n, votes.feature, createGroupFeature({ browse: services.browse, groupPosts, votes: groupVotes, startVote: votes.startVote }));
  // The votes' polls: a poll's state has neither chat nor sender.
  bot.on("poll").use(createPollUpdatesFeature({ votes: groupVotes }));
  // Private chats, plus the pre-checkout query, which has a sender but no chat.
  const personal = bot.filter((ctx) => ctx.chat?.type === "private" || ctx.preCheckoutQuery !== undefined);
  personal.use(loadSender);
  personal.use(i18n);
  // Payments first: Telegram waits at most 10 seconds for the pre-checkout answer.
  personal.use(createPaymentFeature({ checkout, logger }));
  personal.use(domainErrors);
  // Order matters: an open form first (every command leaves it, but /cancel,
  // /skip and /language; other messages answer it), then the commands and
  // features, then the catch-all.
  personal.use(createBlockedStateFeature({ subscriptions }));
  personal.use(forms.feature);
  personal.use(createStaffInviteFeature({ console, notifier })); // before /start: it takes the staff invitation links
  personal.use(redeem.voucherLink); // before /start: it takes the vouchers' QR links
  personal.use(createStartFeature({ users: services.users, forms, showDealCard }));
  personal.use(createRegisterFeature({ forms, shops: services.shops, adminIds, notifier }));
  personal.use(createNewDealFeature({ forms, deals: services.deals, understanding: services.understanding, clock: services.clock }));
  // A voucher code typed alone by shop staff is a redemption, not a search.
  personal.use(redeem.typedCode);
  // Before the nearby list: a location may answer a waiting search.
  personal.use(createSearchFeature({ search: services.search, browse: services.browse, showNearby }));
  personal.use(createNearbyFeature({ browse: services.browse, showNearby, miniAppUrl }));
  personal.use(createDealCardFeature({ deals: services.deals, showDealCard }));
  personal.use(createBuyFeature({ checkout, paymentProviderToken, logger }));
  personal.use(createMyCodesFeature({ vouchers, reviews: services.reviews }));
  personal.use(createReviewsFeature({ forms, reviews: services.reviews, shops: services.shops, adminIds }));
  personal.use(createFriendsFeature({ shares: services.shares }));
  personal.use(redeem.redeem);
  personal.use(createSubscriptionsFeature({ forms, subscriptions }));
  personal.use(createFollowFeature({ follows: services.follows, reminders: services.reminders }));
  personal.use(
    createMyDealsFeature({ forms, console, referrals: services.referrals }),
    createStatsFeature({ console, reports: services.reports }),
    createExportFeature({ reports: services.reports }),
    createShopFeature({ forms, console }),
    createStaffFeature({ console }),
    createSummaryToggleFeature({ console }),
    createAdminFeature({ operator: services.operator, adminIds, notifier }),
  );
  personal.use(createFallbackFeature());

  bot.catch(unexpectedErrors(logger));
  const invoiceLinks = paymentProviderToken
    ? createInvoiceLinks({ api: bot.api, providerToken: paymentProviderToken, translator: (locale) => translatorFor(i18n, locale) })
    : undefined;
  const preparedShares = createPreparedShares({
    api: bot.api,
    translator: (locale) => translatorFor(i18n, locale),
    botUsername: () => bot.botInfo.username,
    withApp: miniAppUrl !== undefined,
  });
  return Object.assign(bot, {
    commandList: (locale: string) => commandList(i18n, locale),
    groupCommandList: (locale: string) => groupCommandList(i18n, locale),
    notifier,
    invoiceLinks,
    preparedShares,
  });
}
