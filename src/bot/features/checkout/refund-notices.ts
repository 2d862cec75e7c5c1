// Provider payments cannot be refunded through the Bot API: the merchant pays
// the money back through their provider and confirms here.
import { InlineKeyboard } from "grammy";
import { formatMoney } from "../../../domain/money.js";
import type { OrderWithVouchers } from "../../../domain/order.js";
import { callbackCodec, id } from "../../callback-data.js";
import { escapeHtml } from "../../html.js";
import type { Notifier } from "../../notifier.js";

export const settleRefundButton = callbackCodec("rfd", { order: id });

export async function notifyRefundDue(notifier: Notifier, order: OrderWithVouchers): Promise<void> {
  const owner = order.deal.shop.ownerId;
  const merchant = await notifier.recipient(owner);
  await notifier.tell(
    owner,
    "refund-due-merchant",
    {
      order: order.id,
      title: escapeHtml(order.deal.title),
      amount: formatMoney(order.refundMinor, order.currency, merchant.locale),
      charge: order.providerChargeId ?? order.telegramChargeId ?? "—",
    },
    (t) => new InlineKeyboard().text(t("refund-mark-done"), settleRefundButton.pack({ order: order.id })),
  );
}
