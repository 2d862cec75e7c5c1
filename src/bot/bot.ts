import { Bot } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import type { BotContext, BotDependencies } from "./context.js";
import { domainErrors, unexpectedErrors } from "./error-boundary.js";
import { createI18n } from "./i18n.js";
import { commandList } from "./commands.js";
import { startFeature } from "./features/start.js";
import { formsFeature } from "./forms/form-engine.js";
import { registerFeature } from "./features/register.js";
import { newDealFeature } from "./features/new-deal.js";
import { nearbyFeature } from "./features/nearby.js";
import { dealCardFeature } from "./features/deal-card.js";
import { fallbackFeature } from "./features/fallback.js";
import { staffFeature, staffInviteFeature } from "./features/staff.js";
import { adminFeature } from "./features/admin.js";
import { myDealsFeature } from "./features/my-deals.js";
import { statsFeature } from "./features/stats.js";
import { exportFeature } from "./features/export.js";
import { summaryToggleFeature } from "./features/summary-toggle.js";
import { shopFeature } from "./features/shop.js";

export interface CreateBotOptions extends BotDependencies {
  token: string;
  apiRoot: string;
  botInfo?: UserFromGetMe;
}

export type NearbuyBot = Bot<BotContext> & { commandList(locale: string): ReturnType<typeof commandList> };

export function createBot({ token, apiRoot, botInfo, ...deps }: CreateBotOptions): NearbuyBot {
  const bot = new Bot<BotContext>(token, { botInfo, client: { apiRoot } });
  const i18n = createI18n();

  const privateChats = bot.chatType("private");
  privateChats.use(async (ctx, next) => {
    if (!ctx.from || ctx.from.is_bot) return;
    ctx.deps = deps;
    ctx.user = await deps.services.users.ensure({
      id: ctx.from.id,
      firstName: ctx.from.first_name,
      username: ctx.from.username,
    });
    await next();
  });
  privateChats.use(i18n);
  privateChats.use(domainErrors);
  // Order matters: commands first, then an open form claims the message,
  // then the features, then the catch-all.
  privateChats.use(staffInviteFeature); // before /start: it takes the staff invitation links
  privateChats.use(startFeature);
  privateChats.use(formsFeature);
  privateChats.use(registerFeature);
  privateChats.use(newDealFeature);
  privateChats.use(nearbyFeature);
  privateChats.use(dealCardFeature);
  privateChats.use(myDealsFeature, statsFeature, exportFeature, shopFeature, staffFeature, summaryToggleFeature, adminFeature);
  privateChats.use(fallbackFeature);

  bot.catch(unexpectedErrors(deps.logger));
  return Object.assign(bot, { commandList: (locale: string) => commandList(i18n, locale) });
}
