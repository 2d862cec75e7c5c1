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
import { blockedStateFeature, subscriptionsFeature } from "./features/subscriptions.js";

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
  privateChats.use(blockedStateFeature);
  privateChats.use(startFeature);
  privateChats.use(formsFeature);
  privateChats.use(registerFeature);
  privateChats.use(newDealFeature);
  privateChats.use(nearbyFeature);
  privateChats.use(dealCardFeature);
  privateChats.use(subscriptionsFeature);
  privateChats.use(fallbackFeature);

  bot.catch(unexpectedErrors(deps.logger));
  return Object.assign(bot, { commandList: (locale: string) => commandList(i18n, locale) });
}
