// Telegram's flood limits, when a test asks for them: about 30 messages a
// second overall and 1 a second per chat; over them a send gets 429 with
// retry_after. The real limits are unpublished; these are the known figures.
import { ApiError } from "./api-error.js";

/** The methods that post a message, and so count against the limits. */
const SEND_METHODS = new Set([
  "sendmessage",
  "sendphoto",
  "sendmediagroup",
  "senddocument",
  "sendlocation",
  "sendvenue",
  "sendinvoice",
]);

export interface RateLimit {
  globalPerSecond: number;
  perChatPerSecond: number;
}

export class SendRateLimit {
  private readonly sentAt: number[] = [];
  private readonly sentAtByChat = new Map<number, number[]>();

  constructor(private readonly limit: RateLimit) {}

  /** Counts a call to `method` (lower case) in `chatId`, or throws the 429 Telegram would answer. */
  check(method: string, chatId: number): void {
    if (!SEND_METHODS.has(method)) return;
    const now = Date.now();
    const recent = (list: number[]) => {
      while (list.length > 0 && list[0]! <= now - 1000) list.shift();
      return list;
    };
    const global = recent(this.sentAt);
    const perChat = recent(this.sentAtByChat.get(chatId) ?? []);
    this.sentAtByChat.set(chatId, perChat);
    const full = global.length >= this.limit.globalPerSecond ? global : perChat.length >= this.limit.perChatPerSecond ? perChat : null;
    if (full) {
      const retryAfter = Math.max(1, Math.ceil((full[0]! + 1000 - now) / 1000));
      throw new ApiError(429, `Too Many Requests: retry after ${retryAfter}`, { retry_after: retryAfter });
    }
    global.push(now);
    perChat.push(now);
  }
}
