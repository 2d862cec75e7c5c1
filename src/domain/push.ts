// A digest in the push outbox, as it is sent.
import type { DealWithShop } from "./deal.js";
import type { PushStatus } from "./lifecycles.js";

export interface Push {
  id: number;
  userId: bigint;
  status: PushStatus;
  plannedAt: Date;
  attempts: number;
  sentAt: Date | null;
  messageId: number | null;
  error: string | null;
}

/**
 * An offer of a digest, with the place that matched it (null once that place
 * is deleted, or when a followed shop brought it: `followedShopId`).
 */
export interface PushItemToSend {
  dealId: number;
  position: number;
  subscription: { label: string; locale: string; lat: number; lng: number } | null;
  followedShopId: number | null;
  deal: DealWithShop;
}

export type PushToSend = Push & {
  user: { id: bigint; language: string | null; telegramLanguage: string | null; blockedAt: Date | null };
  items: PushItemToSend[];
};

/** A digest with the places behind its offers ("stop these"). */
export type PushWithPlaces = Push & { items: { subscriptionId: number | null }[] };
