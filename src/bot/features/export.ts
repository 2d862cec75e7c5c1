// /export: the orders and redemptions as CSV documents (owner only).
import { Composer, InputFile } from "grammy";
import type { BotContext } from "../context.js";

export const exportFeature = new Composer<BotContext>();

exportFeature.command("export", async (ctx) => {
  const shop = await ctx.deps.services.console.ownedShop(ctx.user.id);
  const csv = await ctx.deps.services.exports.csv(shop);
  const day = ctx.deps.services.clock().toISOString().slice(0, 10);
  await ctx.replyWithDocument(new InputFile(Buffer.from(csv.orders, "utf8"), `orders-${day}.csv`), {
    caption: ctx.t("export-orders", { count: csv.orderCount }),
  });
  await ctx.replyWithDocument(new InputFile(Buffer.from(csv.redemptions, "utf8"), `redemptions-${day}.csv`), {
    caption: ctx.t("export-redemptions", { count: csv.redemptionCount }),
  });
});
