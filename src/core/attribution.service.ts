// Where a card view or an order came from, for the merchant's funnel. The
// button that led there claims its source, and anyone can forge a button: a
// claim to a push is believed only when that push carried this offer to this
// user, and a claim to a friend's share only when that share is of this offer
// and someone else's; otherwise it counts as "other" (nobody is their own friend:
// a sharer opening their own link is a plain link).
import type { PushRepository } from "./ports/push.port.js";
import type { ShareRepository } from "./ports/share.port.js";
import { creditsSharer, shareOfSource } from "../domain/share.js";
import { channelOf } from "../domain/stats.js";

/** The source of a claim nobody can vouch for: the console counts it under "other". */
export const UNVERIFIED_SOURCE = "other";

const PUSH_SOURCE = /^push:(\d{1,9})$/;

export function createAttribution({
  pushes,
  shares,
}: {
  pushes: Pick<PushRepository, "delivered">;
  shares: Pick<ShareRepository, "find">;
}) {
  return {
    async verified(source: string, userId: bigint, dealId: number): Promise<string> {
      const channel = channelOf(source);
      if (channel === "friends") {
        const shareId = shareOfSource(source);
        const share = shareId === null ? null : await shares.find(shareId);
        if (share && share.sharerId === userId && share.dealId === dealId) return "link";
        return creditsSharer(share, dealId, userId) ? source : UNVERIFIED_SOURCE;
      }
      if (channel !== "push") return source;
      const match = PUSH_SOURCE.exec(source);
      return match && (await pushes.delivered(Number(match[1]), userId, dealId)) ? source : UNVERIFIED_SOURCE;
    },
  };
}

export type Attribution = ReturnType<typeof createAttribution>;
