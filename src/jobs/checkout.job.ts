// Scheduled work of checkout: unpaid reservations give their units back,
// vouchers expire (and are refunded where the policy says so), group deals
// that ended short are refunded, and paid orders whose vouchers never reached
// the buyer (a crash between payment and reply) are delivered.
import { GrammyError } from "grammy";
import type { NearbuyBot } from "../bot/bot.js";
import { deliverOrder } from "../bot/features/checkout/delivery.js";
import { notifyRefundDue } from "../bot/features/checkout/refund-notices.js";
import type { OrderWithVouchers } from "../db/order.repository.js";
import { OrderStatus, VoucherStatus } from "../domain/lifecycles.js";
import { formatMoney } from "../domain/money.js";
import type { Logger } from "../logger.js";
import type { Services } from "../core/services.js";
import { escapeHtml } from "../bot/html.js";

/** A unit of checkout's scheduled work; the job runner gives it its schedule and lease. */
export interface CheckoutJob {
  name: string;
  run(): Promise<unknown>;
}

export function checkoutJobs(services: Services, bot: NearbuyBot, logger: Logger): CheckoutJob[] {
  const { notifier } = bot;

  async function tellRefunded(orders: OrderWithVouchers[], key: string) {
    for (const order of orders) {
      const buyer = await notifier.recipient(order.buyerId);
      await notifier.tell(order.buyerId, key, {
        title: escapeHtml(order.deal.title),
        needed: order.deal.minBuyers,
        count: order.vouchers.filter((v) => v.status === VoucherStatus.REFUNDED).length,
        amount: formatMoney(order.refundMinor, order.currency, buyer.locale),
      });
      if (order.status === OrderStatus.REFUND_DUE) await notifyRefundDue(notifier, order);
    }
  }

  return [
    { name: "release-reservations", run: () => services.checkout.releaseLapsed() },
    {
      name: "expire-vouchers",
      run: async () => tellRefunded(await services.vouchers.expireAndRefund(), "refund-expired-notice"),
    },
    {
      name: "resolve-group-deals",
      run: async () => tellRefunded(await services.vouchers.refundFailedGroups(), "group-failed-notice"),
    },
    {
      name: "deliver-vouchers",
      run: async () => {
        for (const order of await services.checkout.undelivered()) {
          const buyer = await notifier.recipient(order.buyerId);
          try {
            await deliverOrder(
              {
                api: bot.api,
                t: buyer.t,
                locale: buyer.locale,
                botUsername: bot.botInfo.username,
                now: services.clock(),
                buyersSoFar: await services.checkout.buyersSoFar(order.dealId),
              },
              order,
            );
            await services.checkout.markDelivered(order.id);
          } catch (error) {
            if (error instanceof GrammyError && error.error_code === 403) {
              // Blocked, as for pushes: wait until they come back instead of trying every run.
              await services.subscriptions.blocked(order.buyerId);
              continue;
            }
            logger.warn({ err: error, order: order.id }, "could not deliver vouchers; will retry");
          }
        }
      },
    },
  ];
}
