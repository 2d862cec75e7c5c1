// The nearby list as a group sees it: the deals around the pin a member
// shared, each number a link that opens the deal in the private chat with the
// bot (buying, vouchers and payments never happen in the group).
import { InlineKeyboard } from "grammy";
import type { DealPage } from "../../core/browse.service.js";
import type { BotContext } from "../context.js";
import { escapeHtml, localeOf } from "../format.js";
import { dealLink } from "./checkout/voucher-view.js";
import { nearbyLine } from "./nearby-view.js";

export async function groupListView(ctx: BotContext, found: DealPage, radiusKm: number, sharer: string) {
  if (found.total === 0) return { text: ctx.t("group-nearby-empty", { radius: radiusKm }), keyboard: undefined };
  const locale = await localeOf(ctx);
  const keyboard = new InlineKeyboard();
  const lines = found.items.map((deal, i) => {
    keyboard.url(String(i + 1), dealLink(ctx.me.username, deal.id));
    if (i % 5 === 4) keyboard.row();
    return nearbyLine(ctx, locale, deal, i + 1);
  });
  const header = ctx.t("group-nearby-header", { name: escapeHtml(sharer), radius: radiusKm });
  return { text: `${header}\n\n${lines.join("\n")}\n\n${ctx.t("group-nearby-private")}`, keyboard };
}
