/** An order as the merchant's export lists it. */
export interface ExportedOrder {
  id: number;
  createdAt: Date;
  status: string;
  paidAt: Date | null;
  refundedAt: Date | null;
  dealId: number;
  dealTitle: string;
  buyerId: bigint;
  quantity: number;
  unitPriceMinor: number;
  unitOriginalMinor: number;
  totalMinor: number;
  currency: string;
  source: string;
}

/** A redeemed voucher, with what its order paid for it. */
export interface ExportedRedemption {
  id: number;
  code: string;
  redeemedAt: Date | null;
  orderId: number;
  dealId: number;
  dealTitle: string;
  holderId: bigint;
  unitPriceMinor: number;
  unitOriginalMinor: number;
  currency: string;
}

/** The rows of a merchant's export: every order and every redemption of the offers, oldest first. */
export interface ExportQueries {
  orders(dealIds: number[]): Promise<ExportedOrder[]>;
  redemptions(dealIds: number[]): Promise<ExportedRedemption[]>;
}
