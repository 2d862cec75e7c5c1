// /export: the orders and redemptions as CSV documents (owner only), with
// headers in the owner's language and named after the shop's local date.
import { Composer, InputFile } from "grammy";
import { csvFile } from "../../domain/csv.js";
import type { BotContext } from "../context.js";

/** The columns of each file, in the order of the service's rows; dated ones name the time zone. */
const ORDER_COLUMNS = ["order", "created", "status", "paid", "refunded", "offer", "offer-title", "customer", "quantity", "unit-price", "usual-price", "total", "currency", "source"];
const REDEMPTION_COLUMNS = ["voucher", "code", "redeemed", "order", "offer", "offer-title", "customer", "price-paid", "discount", "currency"];

export const exportFeature = new Composer<BotContext>();

exportFeature.command("export", async (ctx) => {
  const shop = await ctx.deps.services.console.ownedShop(ctx.user.id);
  const data = await ctx.deps.services.exports.rows(shop);
  const header = (columns: string[]) => columns.map((c) => ctx.t(`export-column-${c}`, { zone: data.zone }));
  await ctx.replyWithDocument(new InputFile(csvFile([header(ORDER_COLUMNS), ...data.orders]), `orders-${data.day}.csv`), {
    caption: ctx.t("export-orders", { count: data.orders.length }),
  });
  await ctx.replyWithDocument(new InputFile(csvFile([header(REDEMPTION_COLUMNS), ...data.redemptions]), `redemptions-${data.day}.csv`), {
    caption: ctx.t("export-redemptions", { count: data.redemptions.length }),
  });
});
