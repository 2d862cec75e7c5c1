import type { Box, CellPrecision, Ellipse, Point } from "../../domain/geo.js";
import type { Deal, DealPatch, DealSales, DealWithShop, ListedDeal, NewDeal } from "../../domain/deal.js";
import type { DealStatus } from "../../domain/lifecycles.js";

/** Where to look (a geo.ts Cover fits). */
export interface CellCover {
  precision: CellPrecision;
  cells: string[];
  /** When given, rows outside every box are left out as well. */
  boxes?: Box[];
  /** When given, rows outside it are left out as well. */
  ellipse?: Ellipse;
}

/**
 * Offers, for buyers and for their merchant. Each change is one conditional
 * write, so a purchase happening at the same moment is never oversold or lost.
 */
export interface DealRepository {
  create(deal: NewDeal): Promise<Deal>;
  findWithShop(id: number): Promise<DealWithShop | null>;
  /** Those of the deals that exist, in no particular order. */
  findManyWithShop(ids: number[]): Promise<DealWithShop[]>;
  /** Deals on sale at `now` inside the cells (and the cover's boxes and ellipse), in one category or all. */
  findOnSaleInCells(cover: CellCover, filter: { category?: string; now: Date }): Promise<ListedDeal[]>;
  /**
   * Where the database finds the nearest itself (PostGIS): the deals on sale
   * within the circle that are as near as the `limit`-th nearest or nearer
   * (all of them if fewer), with their shops' rating totals, in one query
   * (two when many deals tie at the edge).
   * Absent elsewhere: the search then plans with the cell counts.
   */
  findNearestOnSale?(center: Point, radiusM: number, limit: number, filter: { category?: string; now: Date }): Promise<ListedDeal[]>;
  /** The shops' rating totals (visible reviews' stars summed, and counted), by shop id. */
  shopRatings(shopIds: number[]): Promise<Map<number, { ratingSum: number; ratingCount: number }>>;
  /** ACTIVE deals per cell (of any precision), in one category or all; cells without any are left out. */
  countActiveInCells(cells: string[], category?: string): Promise<Map<string, number>>;
  /** A shop's offers, newest first. */
  listByShop(shopId: number): Promise<Deal[]>;
  idsOfShop(shopId: number): Promise<number[]>;
  salesOf(dealIds: number[]): Promise<Map<number, DealSales>>;
  /** ACTIVE offers whose sale time is over become ENDED; returns how many. */
  endExpired(now: Date): Promise<number>;
  /** Moves a deal between states; false when it was not in one of `from` any more. */
  setStatus(id: number, from: DealStatus[], to: DealStatus): Promise<boolean>;
  /**
   * Sets the total quantity; what is on sale moves by the same amount. False
   * when more than `quantity` is already sold or reserved (checked in the same
   * write, against concurrent purchases).
   */
  setQuantity(id: number, quantity: number, now: Date): Promise<boolean>;
  /** Orders keep the unit price they were sold at: only new orders pay this. */
  setPrice(id: number, priceMinor: number): Promise<Deal>;
  edit(id: number, patch: DealPatch): Promise<Deal>;
  /** Vouchers carry their own expiry: only the sale's end moves. */
  setEndsAt(id: number, endsAt: Date): Promise<Deal>;
}
