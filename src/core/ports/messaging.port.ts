// Messages the core sends outside a conversation (push digests, daily
// summaries), rendered and sent by a front in the recipient's language.
import type { PushItemToSend, PushToSend } from "../../domain/push.js";
import type { Shop } from "../../domain/shop.js";
import type { Figures } from "../../domain/stats.js";

export type SendOutcome =
  | { sent: true; messageId: number }
  | {
      sent: false;
      /** The recipient blocked the bot, or their account is gone. */
      blocked: boolean;
      /** Worth another try later: a rate limit, a server error, the network. */
      passing: boolean;
      /** What went wrong, as the messenger said it. */
      description: string;
      error: unknown;
    };

/** A message rendered ahead of its send, so that the request leaves right at its slot. */
export interface PreparedMessage {
  send(): Promise<SendOutcome>;
}

export interface Messaging {
  /** A push digest with these of its offers. */
  pushDigest(push: PushToSend, items: PushItemToSend[]): PreparedMessage;
  /** The owner's figures of the day, with a button to stop these summaries. */
  sendDailySummary(shop: Shop, figures: Figures): Promise<SendOutcome>;
}
