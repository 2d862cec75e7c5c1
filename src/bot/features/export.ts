// /export: the orders and redemptions as CSV documents (owner only), with
// headers in the owner's language and named after the shop's local date.
import { Composer, InputFile } from "grammy";
import { csvFile } from "../../domain/csv.js";
import type { ReportService } from "../../core/report.service.js";
import type { BotContext } from "../context.js";

/** The headers of each file, in the order of the service's rows; dated ones name the time zone. */
const ORDER_COLUMNS = [
  "export-column-order",
  "export-column-created",
  "export-column-status",
  "export-column-paid",
  "export-column-refunded",
  "export-column-offer",
  "export-column-offer-title",
  "export-column-customer",
  "export-column-quantity",
  "export-column-unit-price",
  "export-column-usual-price",
  "export-column-total",
  "export-column-currency",
  "export-column-source",
];
const REDEMPTION_COLUMNS = [
  "export-column-voucher",
  "export-column-code",
  "export-column-redeemed",
  "export-column-order",
  "export-column-offer",
  "export-column-offer-title",
  "export-column-customer",
  "export-column-price-paid",
  "export-column-discount",
  "export-column-currency",
];
const REVIEW_COLUMNS = [
  "export-column-written",
  "export-column-offer-title",
  "export-column-customer",
  "export-column-stars",
  "export-column-quality",
  "export-column-service",
  "export-column-value",
  "export-column-text",
  "export-column-photos",
  "export-column-helpful",
  "export-column-reply",
  "export-column-hidden",
];

export function createExportFeature({ reports }: { reports: ReportService }): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  feature.command("export", async (ctx) => {
    const data = await reports.export(ctx.user.id);
    const header = (columns: string[]) => columns.map((key) => ctx.t(key, { zone: data.zone }));
    await ctx.replyWithDocument(new InputFile(csvFile([header(ORDER_COLUMNS), ...data.orders]), `orders-${data.day}.csv`), {
      caption: ctx.t("export-orders", { count: data.orders.length }),
    });
    await ctx.replyWithDocument(new InputFile(csvFile([header(REDEMPTION_COLUMNS), ...data.redemptions]), `redemptions-${data.day}.csv`), {
      caption: ctx.t("export-redemptions", { count: data.redemptions.length }),
    });
    await ctx.replyWithDocument(new InputFile(csvFile([header(REVIEW_COLUMNS), ...data.reviews]), `reviews-${data.day}.csv`), {
      caption: ctx.t("export-reviews", { count: data.reviews.length }),
    });
  });

  return feature;
}
