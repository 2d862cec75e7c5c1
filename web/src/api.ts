// The Mini App's API (docs/mini-app-api.md): every request carries Telegram's
// initData; a refusal comes back as a domain error code the app translates.
import { telegram } from "./telegram.js";

export interface Money {
  minor: number;
  currency: string;
  text: string;
}

export interface Me {
  user: { id: string; firstName: string; locale: string };
  location: { lat: number; lng: number } | null;
  shops: { id: number; name: string; role: "owner" | "staff" }[];
}

export interface DealSummary {
  id: number;
  title: string;
  category: string;
  price: Money;
  usualPrice: Money | null;
  discountPercent: number | null;
  distanceM: number | null;
  lat: number;
  lng: number;
  stockLeft: number | null;
  endsAt: string | null;
  shop: { id: number; name: string } & ShopRating;
  photoUrl: string | null;
}

/** The shop's average stars over its visible reviews (null without any), and how many. */
export interface ShopRating {
  rating: number | null;
  reviews: number;
}

export interface Review {
  id: number;
  stars: number;
  quality: number | null;
  service: number | null;
  value: number | null;
  text: string;
  author: string;
  dealTitle: string;
  createdAtLocal: string;
  helpful: number;
  reply: string | null;
  photos: string[];
}

export type ReviewOrder = "newest" | "helpful";

export interface ShopReviews {
  shop: { id: number; name: string; address: string; following: boolean } & ShopRating;
  reviews: Review[];
  order: ReviewOrder;
  page: number;
  pages: number;
  total: number;
}

export interface DealPage extends DealSummary {
  description: string;
  refundPolicyText: string;
  perPersonLimit: number | null;
  shop: { id: number; name: string; address: string; hours: string | null; lat: number; lng: number; distanceM: number | null; following: boolean } & ShopRating;
  /** Saved (♡) by the user. */
  saved: boolean;
  /** On sale now: only then can it be bought or sent to a friend. */
  onSale: boolean;
  endsAtLocal: string | null;
  photos: string[];
  routeUrl: string;
}

export interface Voucher {
  code: string;
  state: string;
  expiresAt: string | null;
  deal: { id: number; title: string };
  shop: { id: number; name: string };
  qrUrl: string;
  refundable: boolean;
  /** Redeemed and not reviewed yet: "Rate this visit". */
  reviewable: boolean;
  /** The review written for this visit, if any. */
  review: { stars: number } | null;
}

export type SubScore = "quality" | "service" | "value";
/** The sub-scores, in the order the chat and the app show them. */
export const SUB_SCORES: readonly SubScore[] = ["quality", "service", "value"];

/** A review as the app sends it; photos are JPEG data URLs. */
export interface ReviewDraft {
  stars: number;
  quality: number | null;
  service: number | null;
  value: number | null;
  text: string;
  photos: string[];
}

export interface SavedDeal extends DealSummary {
  onSale: boolean;
  endsAtLocal: string | null;
}

export interface FollowedShop {
  id: number;
  name: string;
  category: string;
  address: string;
  /** Its offers on sale now. */
  onSale: number;
}

export interface ScannedVoucher {
  token: string;
  voucher: { code: string; deal?: { title: string }; title?: string; state?: string };
}

export interface MerchantDeal {
  id: number;
  title: string;
  status: string;
  price?: Money;
  stockLeft?: number | null;
}

/** One local day of the stats chart. */
export interface ChartPoint {
  day: string;
  purchases: number;
  redemptions: number;
}

export interface MerchantStats {
  figures?: Record<string, unknown>;
  chart?: ChartPoint[];
  [key: string]: unknown;
}

export interface DealFilter {
  lat: number;
  lng: number;
  radiusKm: number;
  category?: string;
  q?: string;
  maxPrice?: number;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly field?: string,
    readonly params: Record<string, string | number> = {},
  ) {
    super(code);
  }
}

const headers = (): Record<string, string> => ({ Authorization: `tma ${telegram.initData}` });

async function request<T>(method: "GET" | "POST" | "PUT" | "DELETE", path: string, body?: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetch(`/api${path}`, {
      method,
      headers: body === undefined ? headers() : { ...headers(), "Content-Type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, "network");
  }
  if (response.ok) return (await response.json()) as T;
  const error = ((await response.json().catch(() => ({}))) as { error?: { code?: string; field?: string; params?: Record<string, string | number> } }).error;
  throw new ApiError(response.status, error?.code ?? "generic", error?.field, error?.params);
}

function query(filter: DealFilter): string {
  const params = new URLSearchParams({ lat: String(filter.lat), lng: String(filter.lng), radiusKm: String(filter.radiusKm) });
  if (filter.category) params.set("category", filter.category);
  if (filter.q) params.set("q", filter.q);
  if (filter.maxPrice !== undefined) params.set("maxPrice", String(filter.maxPrice));
  return params.toString();
}

/** An image the API serves only to its owner: fetched with initData, shown from memory. */
export async function imageUrl(url: string): Promise<string> {
  const response = await fetch(url, { headers: headers() });
  if (!response.ok) throw new ApiError(response.status, "not-found");
  return URL.createObjectURL(await response.blob());
}

export const api = {
  me: () => request<Me>("GET", "/me"),
  deals: (filter: DealFilter) => request<{ deals: DealSummary[] }>("GET", `/deals?${query(filter)}`),
  deal: (id: number, at?: { lat: number; lng: number }) =>
    request<DealPage>("GET", `/deals/${id}${at ? `?lat=${at.lat}&lng=${at.lng}` : ""}`),
  share: (id: number) => request<{ preparedMessageId: string; expiresAt: string }>("POST", `/deals/${id}/share`, {}),
  invoice: (id: number, quantity: number) => request<{ invoiceUrl?: string; claimed?: boolean }>("POST", `/deals/${id}/invoice`, { quantity }),
  vouchers: () => request<{ vouchers: Voucher[] }>("GET", "/vouchers"),
  refund: (code: string) => request<unknown>("POST", `/vouchers/${encodeURIComponent(code)}/refund`, {}),
  review: (code: string, draft: ReviewDraft) => request<{ review: Review; shop: { id: number } }>("POST", `/vouchers/${encodeURIComponent(code)}/review`, draft),
  scan: (text: string) => request<ScannedVoucher>("POST", "/redeem/scan", { text }),
  confirm: (token: string) => request<{ redeemed: { outcome: string } }>("POST", "/redeem/confirm", { token }),
  merchantDeals: () => request<{ deals: MerchantDeal[] }>("GET", "/merchant/deals"),
  pause: (id: number) => request<unknown>("POST", `/merchant/deals/${id}/pause`, {}),
  resume: (id: number) => request<unknown>("POST", `/merchant/deals/${id}/resume`, {}),
  /** The shop's offers on sale now, for its page. */
  shopDeals: (shopId: number) => request<{ deals: DealSummary[] }>("GET", `/shops/${shopId}/deals`),
  reviews: (shopId: number, order: ReviewOrder, page = 0) => request<ShopReviews>("GET", `/shops/${shopId}/reviews?order=${order}&page=${page}`),
  helpful: (reviewId: number) => request<{ counted: boolean }>("POST", `/reviews/${reviewId}/helpful`, {}),
  stats: (period: "7d" | "30d") => request<MerchantStats>("GET", `/merchant/stats?period=${period}`),
  follow: (shopId: number, on: boolean) => request<{ following: boolean }>(on ? "PUT" : "DELETE", `/shops/${shopId}/follow`),
  save: (dealId: number, on: boolean) => request<{ saved: boolean }>(on ? "PUT" : "DELETE", `/deals/${dealId}/save`),
  following: () => request<{ shops: FollowedShop[] }>("GET", "/following"),
  saved: () => request<{ deals: SavedDeal[] }>("GET", "/saved"),
};
