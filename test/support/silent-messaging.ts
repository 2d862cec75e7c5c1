// For tests that run the core without a bot: every message is taken and dropped.
import type { CheckoutMessages } from "../../src/core/ports/messaging.port.js";

export const silentMessaging: CheckoutMessages = {
  deliverVouchers: async () => "delivered",
  latePaymentRefused: async () => undefined,
  groupReached: async () => undefined,
  refundDue: async () => undefined,
  refundedAutomatically: async () => undefined,
  refundPaid: async () => undefined,
  voucherRedeemed: async () => undefined,
  referralRewarded: async () => "delivered",
  strayPaymentToOwner: async () => undefined,
  strayPaymentToOperators: async () => undefined,
};
