// A Telegram user as the core knows them; the id is Telegram's own.
export interface User {
  id: bigint;
  firstName: string;
  username: string | null;
  /** Chosen with /language; null means "follow Telegram's language". */
  language: string | null;
  /** The deep-link payload of the user's first /start (attribution). */
  source: string | null;
  lastLat: number | null;
  lastLng: number | null;
  lastLocationAt: Date | null;
  /** Set when the user blocked the bot (pushes stop); cleared when they come back. */
  blockedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  /** The language of the user's Telegram app, for messages sent outside a conversation. */
  telegramLanguage: string | null;
  /** When they turned off the reminders of vouchers about to expire (null: on). */
  voucherRemindersOffAt: Date | null;
}

/** Who sent an update, as Telegram describes them. */
export interface TelegramProfile {
  id: number;
  firstName: string;
  username?: string;
  languageCode?: string;
}
