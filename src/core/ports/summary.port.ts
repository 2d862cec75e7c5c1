import type { Shop } from "../../domain/shop.js";

/** The owners' daily summary: who opted out, and which local day each shop last got. */
export interface DailySummaryRepository {
  isOptedOut(shopId: number): Promise<boolean>;
  setOptedOut(shopId: number, optedOut: boolean): Promise<void>;
  /** Open shops whose owner has not opted out, with the day each last got a summary. */
  candidates(): Promise<{ shop: Shop; lastSentOn: string | null }[]>;
  /**
   * Claims the day's summary for a shop before it is sent: false when it was
   * already claimed (another run, or another process), so none goes twice.
   */
  claimDay(shopId: number, day: string): Promise<boolean>;
}
