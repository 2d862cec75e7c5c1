// The core's outbound messages (messaging port), rendered in the recipient's
// language and sent through the Bot API.
import { GrammyError, InlineKeyboard, type Api } from "grammy";
import type { AutomaticRefund, CheckoutMessages, Delivery, Messaging, SendOutcome } from "../core/ports/messaging.port.js";
import { VoucherStatus } from "../domain/lifecycles.js";
import { formatMoney } from "../domain/money.js";
import type { ChargeFields, FoundVoucher, LateRefusal, OrderWithVouchers } from "../domain/order.js";
import { formatVoucherCode } from "../domain/voucher-code.js";
import type { Clock } from "../util/clock.js";
import { renderFigures } from "./console/stats-view.js";
import { deliverOrder } from "./features/checkout/delivery.js";
import { notifyRefundDue } from "./features/checkout/refund-notices.js";
import { summaryButton } from "./features/summary-toggle.js";
import { escapeHtml } from "./html.js";
import type { Notifier } from "./notifier.js";
import { createPushRenderer } from "./push-message.js";

/**
 * Telegram will not deliver to this user's chat: they blocked the bot (403),
 * never started it (403, or 400 "chat not found" for one the bot has never
 * met, such as a Mini App user who opened it from a link), or are gone.
 */
export function isUnreachable(error: unknown): error is GrammyError {
  return error instanceof GrammyError && (error.error_code === 403 || (error.error_code === 400 && /chat not found/i.test(error.description)));
}

/** What Telegram's answer to a refused send means for the sender. */
export function notSent(error: unknown): SendOutcome {
  const blocked = isUnreachable(error);
  return {
    sent: false,
    blocked,
    passing: !(error instanceof GrammyError) || error.error_code === 429 || error.error_code >= 500,
    description: blocked ? error.description : error instanceof Error ? error.message : String(error),
    error,
  };
}

export function createBotMessaging({ api, recipient }: Pick<Notifier, "api" | "recipient">): Messaging {
  const renderPush = createPushRenderer();

  async function send(chatId: bigint, text: string, options: Parameters<Api["sendMessage"]>[2]): Promise<SendOutcome> {
    try {
      return { sent: true, messageId: (await api.sendMessage(Number(chatId), text, options)).message_id };
    } catch (error) {
      return notSent(error);
    }
  }

  return {
    pushDigest(push, items) {
      const { text, options } = renderPush(push, items);
      return { send: () => send(push.userId, text, options) };
    },
    async sendDailySummary(shop, figures) {
      const { locale, t } = await recipient(shop.ownerId);
      const text = `${t("summary-intro")}\n\n${renderFigures(t, locale, { name: escapeHtml(shop.name), period: "today", figures, currency: shop.currency })}`;
      const keyboard = new InlineKeyboard().text(t("summary-stop"), summaryButton.pack({ on: "0" }));
      return send(shop.ownerId, text, { parse_mode: "HTML", reply_markup: keyboard });
    },
  };
}

/** What of the bot the messages go through. */
export interface MessagingChannel {
  api: Api;
  notifier: Notifier;
  botInfo: { username: string };
}

const AUTOMATIC_REFUND_KEYS: Record<AutomaticRefund, string> = {
  expiry: "refund-expired-notice",
  "unmet-group": "group-failed-notice",
};

/**
 * `bot` is read at send time: the core is built before the bot that serves
 * it, and its messages leave through the bot's Api (with its pacing and retries).
 */
export function createCheckoutMessaging({
  bot,
  clock,
  adminIds,
}: {
  bot: () => MessagingChannel;
  clock: Clock;
  /** The operators, told of a payment that bought nothing and names no order. */
  adminIds: readonly bigint[];
}): CheckoutMessages {
  async function deliverVouchers(order: OrderWithVouchers, buyersSoFar: number | undefined): Promise<Delivery> {
    const { api, notifier, botInfo } = bot();
    const { t, locale } = await notifier.recipient(order.buyerId);
    try {
      await deliverOrder({ api, t, locale, botUsername: botInfo.username, now: clock(), buyersSoFar }, order);
      return "delivered";
    } catch (error) {
      if (isUnreachable(error)) return "blocked";
      throw error;
    }
  }

  return {
    deliverVouchers,

    async referralRewarded(order: OrderWithVouchers, earnedWith: { title: string }): Promise<Delivery> {
      await bot().notifier.tell(order.buyerId, "referral-reward-notice", {
        title: escapeHtml(earnedWith.title),
        shop: escapeHtml(order.deal.shop.name),
        reward: escapeHtml(order.deal.title),
      });
      return deliverVouchers(order, 0);
    },

    // A buyer who cannot be told (blocked the bot) must not keep the owner from hearing of the refund due.
    async latePaymentRefused(order: OrderWithVouchers, reason: LateRefusal): Promise<void> {
      const { notifier } = bot();
      const { locale } = await notifier.recipient(order.buyerId);
      await notifier.tell(order.buyerId, `payment-${reason}`, {
        title: escapeHtml(order.deal.title),
        total: formatMoney(order.totalMinor, order.currency, locale),
        limit: order.deal.perPersonLimit,
      });
    },

    async groupReached(buyerId: bigint, order: OrderWithVouchers): Promise<void> {
      await bot().notifier.tell(buyerId, "group-reached", { title: escapeHtml(order.deal.title), needed: order.deal.minBuyers });
    },

    refundDue: (order: OrderWithVouchers) => notifyRefundDue(bot().notifier, order),

    async refundedAutomatically(order: OrderWithVouchers, reason: AutomaticRefund): Promise<void> {
      const { notifier } = bot();
      const buyer = await notifier.recipient(order.buyerId);
      await notifier.tell(order.buyerId, AUTOMATIC_REFUND_KEYS[reason], {
        title: escapeHtml(order.deal.title),
        needed: order.deal.minBuyers,
        count: order.vouchers.filter((v) => v.status === VoucherStatus.REFUNDED).length,
        amount: formatMoney(order.refundMinor, order.currency, buyer.locale),
      });
    },

    async refundPaid(order: OrderWithVouchers): Promise<void> {
      const { notifier } = bot();
      const buyer = await notifier.recipient(order.buyerId);
      await notifier.tell(order.buyerId, "refund-paid-notice", {
        order: order.id,
        title: escapeHtml(order.deal.title),
        amount: formatMoney(order.refundMinor, order.currency, buyer.locale),
      });
    },

    async strayPaymentToOwner(payment: ChargeFields, order: OrderWithVouchers): Promise<void> {
      const { notifier } = bot();
      const owner = order.deal.shop.ownerId;
      const { locale } = await notifier.recipient(owner);
      await notifier.tell(owner, "payment-stray-owner", {
        order: order.id,
        title: escapeHtml(order.deal.title),
        total: formatMoney(payment.totalMinor, payment.currency, locale),
        charge: escapeHtml(payment.providerChargeId || payment.telegramChargeId),
      });
    },

    async strayPaymentToOperators(payment: ChargeFields): Promise<void> {
      const { notifier } = bot();
      for (const adminId of adminIds) {
        const { locale } = await notifier.recipient(adminId);
        await notifier.tell(adminId, "payment-stray-operator", {
          buyer: String(payment.buyerId),
          payload: escapeHtml(payment.payload),
          total: formatMoney(payment.totalMinor, payment.currency, locale),
          charge: escapeHtml(payment.telegramChargeId),
          provider: escapeHtml(payment.providerChargeId || "—"),
        });
      }
    },

    async voucherRedeemed(voucher: FoundVoucher): Promise<void> {
      await bot().notifier.tell(voucher.holderId, "voucher-redeemed-notice", {
        code: formatVoucherCode(voucher.code),
        title: escapeHtml(voucher.deal.title),
        shop: escapeHtml(voucher.deal.shop.name),
      });
    },
  };
}
