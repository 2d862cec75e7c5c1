// Where a card view or an order came from, for the merchant's funnel. The
// button that led there claims its source, and anyone can forge a button: a
// claim to a push is believed only when that push carried this offer to this
// user, so a forged button credits no push (it counts as "other").
import type { PushRepository } from "./ports/push.port.js";
import { channelOf } from "../domain/stats.js";

/** The source of a claim nobody can vouch for: the console counts it under "other". */
export const UNVERIFIED_SOURCE = "other";

const PUSH_SOURCE = /^push:(\d{1,9})$/;

export function createAttribution({ pushes }: { pushes: Pick<PushRepository, "delivered"> }) {
  return {
    async verified(source: string, userId: bigint, dealId: number): Promise<string> {
      if (channelOf(source) !== "push") return source;
      const match = PUSH_SOURCE.exec(source);
      return match && (await pushes.delivered(Number(match[1]), userId, dealId)) ? source : UNVERIFIED_SOURCE;
    },
  };
}

export type Attribution = ReturnType<typeof createAttribution>;
