import type { FriendsBrought, Share } from "../../domain/share.js";

export interface ShareRepository {
  /** The sharer's share of each deal (deal id → share id), created where missing. */
  forDeals(sharerId: bigint, dealIds: number[], at: Date): Promise<Map<number, number>>;
  find(id: number): Promise<Share | null>;
  /**
   * What a sharer's shares brought: deals sent, and the different people who
   * opened a card, bought (a paid order) or redeemed a voucher through them.
   */
  broughtBy(sharerId: bigint): Promise<FriendsBrought>;
}
