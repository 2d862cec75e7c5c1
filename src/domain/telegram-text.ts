// Telegram limits its text fields (an invoice's title 1–32 and description
// 1–255, a callback answer 200, a caption 1024, …) in UTF-16 code units, which
// is what String.length counts: an emoji is two. Cutting by characters lets one
// emoji push a title past its limit, and Telegram refuses the whole request.

/** A message's text. */
export const TEXT_MAX = 4096;
/** A photo's or document's caption. */
export const CAPTION_MAX = 1024;
/** A callback query's answer (the toast or alert after a button press). */
export const CALLBACK_ANSWER_MAX = 200;
/** An inline button's callback_data, in bytes (at least 1): carry ids, never payloads. */
export const CALLBACK_DATA_MAX_BYTES = 64;
/** An invoice's title and description (each at least 1). */
export const INVOICE_TITLE_MAX = 32;
export const INVOICE_DESCRIPTION_MAX = 255;
/** An invoice's payload, in bytes (at least 1). */
export const INVOICE_PAYLOAD_MAX_BYTES = 128;
/** An album (sendMediaGroup): the docs say 2–10 items; Telegram sends a single one too. */
export const MEDIA_GROUP_MAX = 10;
/** "A message can only be deleted if it was sent less than 48 hours ago." */
export const DELETE_WINDOW_SECONDS = 48 * 60 * 60;

const graphemes = new Intl.Segmenter(undefined, { granularity: "grapheme" });
const ELLIPSIS = "…";

/** A text's length as Telegram counts it: UTF-16 code units. */
export function telegramLength(text: string): number {
  return text.length;
}

/**
 * The text cut to at most `max` UTF-16 units, "…" marking a cut. It cuts
 * between graphemes, so neither a surrogate pair nor an emoji sequence (a
 * flag, a family, a skin tone) is split into something Telegram would refuse
 * or show broken.
 */
export function fitTelegram(text: string, max: number): string {
  if (telegramLength(text) <= max) return text;
  const room = max - telegramLength(ELLIPSIS);
  if (room < 0) return "";
  let kept = "";
  for (const { segment } of graphemes.segment(text)) {
    if (telegramLength(kept) + telegramLength(segment) > room) break;
    kept += segment;
  }
  return kept + ELLIPSIS;
}

/** answerInlineQuery: results in one answer, and each result's id in bytes (at least 1). */
export const INLINE_RESULTS_MAX = 50;
export const INLINE_RESULT_ID_MAX_BYTES = 64;
/** An inline query's text, as Telegram sends it. */
export const INLINE_QUERY_MAX = 256;

/**
 * sendPoll, as the Bot API the bot is built on describes it (grammY's types):
 * a question of 1–300 characters, 1–12 options of 1–100 characters each
 * (older versions said 2–10).
 */
export const POLL_QUESTION_MAX = 300;
export const POLL_OPTION_MAX = 100;
export const POLL_OPTIONS_MIN = 1;
export const POLL_OPTIONS_MAX = 12;
/** sendPoll's open_period, and close_date counted from now: 5–2,628,000 seconds (30 days; once 5–600), or none. */
export const POLL_OPEN_PERIOD_MIN_SECONDS = 5;
export const POLL_OPEN_PERIOD_MAX_SECONDS = 2_628_000;
