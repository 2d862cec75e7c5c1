import type { Share } from "../../domain/share.js";

export interface ShareRepository {
  /** The sharer's share of each deal (deal id → share id), created where missing. */
  forDeals(sharerId: bigint, dealIds: number[], at: Date): Promise<Map<number, number>>;
  find(id: number): Promise<Share | null>;
}
