/**
 * Every rule a user can break or state they can hit, by its stable code. The
 * bot shows each as the message `error-<code>` in locales/ (a test checks that
 * every code has one in each language and that no message outlives its code).
 */
export const DOMAIN_ERROR_CODES = [
  "bad-category",
  "bad-coordinates",
  "bad-currency",
  "bad-price",
  "bad-quiet-hours",
  "bad-refund-policy",
  "code-malformed",
  "code-typo",
  "code-unknown",
  "currency-not-payable",
  "deal-ended",
  "deal-not-found",
  "deal-not-on-sale",
  "deal-not-pausable",
  "deal-not-paused",
  "deal-sold-out",
  "describe-too-long",
  "empty",
  "invite-already-staff",
  "invite-expired",
  "invite-invalid",
  "invite-own-shop",
  "invite-shop-unavailable",
  "invite-used",
  "limit-above-quantity",
  "limit-reached",
  "location-needed",
  "newdeal-line-format",
  "no-location",
  "not-a-merchant",
  "not-a-number",
  "not-a-redeemer",
  "not-following",
  "not-your-deal",
  "order-already-paid",
  "order-amount-changed",
  "order-expired",
  "order-unknown",
  "original-below-price",
  "original-not-positive",
  "out-of-range",
  "payments-off",
  "quantity-invalid",
  "quantity-unavailable",
  "redeem-confirmation-invalid",
  "redeem-rate-limited",
  "redeem-shop-suspended",
  "refund-not-allowed",
  "refund-not-due",
  "register-line-format",
  "review-already-replied",
  "review-already-written",
  "review-not-found",
  "review-not-redeemed",
  "review-photo-failed",
  "review-photo-refused",
  "review-too-many-photos",
  "review-vote-own",
  "review-vote-own-shop",
  "reward-cap-invalid",
  "reward-offer-invalid",
  "share-rate-limited",
  "shop-not-approved",
  "shop-not-found",
  "shop-pending",
  "shop-status-changed",
  "shop-suspended",
  "staff-not-found",
  "staff-not-owner",
  "stock-below-taken",
  "subscription-not-found",
  "too-long",
  "too-many-follows",
  "too-many-saved",
  "too-many-subscriptions",
  "voucher-not-found",
] as const;

export type DomainErrorCode = (typeof DOMAIN_ERROR_CODES)[number];

/**
 * A rule the user broke or a state they hit, with `params` as the message's
 * variables. Anything that is not a DomainError is a bug and reaches the log.
 */
export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    readonly params: Record<string, string | number> = {},
  ) {
    super(code);
    this.name = "DomainError";
  }
}
