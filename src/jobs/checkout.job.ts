// Scheduled work of checkout: unpaid reservations give their units back,
// vouchers expire (and are refunded where the policy says so), group deals
// that ended short are refunded, and paid orders whose vouchers never reached
// the buyer (a crash between payment and reply) are delivered.
import type { CheckoutService } from "../core/checkout.service.js";
import type { SubscriptionService } from "../core/subscription.service.js";
import type { VoucherService } from "../core/voucher.service.js";
import type { Logger } from "../logger.js";

/** A unit of checkout's scheduled work; the job runner gives it its schedule and lease. */
export interface CheckoutJob {
  name: string;
  run(): Promise<unknown>;
}

export function createCheckoutJobs({
  checkout,
  vouchers,
  subscriptions,
  logger,
}: {
  checkout: Pick<CheckoutService, "releaseLapsed" | "redeliver">;
  vouchers: Pick<VoucherService, "expireAndRefund" | "refundFailedGroups">;
  subscriptions: Pick<SubscriptionService, "blocked">;
  logger: Logger;
}): CheckoutJob[] {
  return [
    { name: "release-reservations", run: () => checkout.releaseLapsed() },
    { name: "expire-vouchers", run: () => vouchers.expireAndRefund() },
    { name: "resolve-group-deals", run: () => vouchers.refundFailedGroups() },
    {
      name: "deliver-vouchers",
      run: async () => {
        for (const { order, result } of await checkout.redeliver()) {
          // Blocked, as for pushes: wait until they come back instead of trying every run.
          if (result === "blocked") await subscriptions.blocked(order.buyerId);
          else if (result !== "delivered") logger.warn({ err: result.error, order: order.id }, "could not deliver vouchers; will retry");
        }
      },
    },
  ];
}
