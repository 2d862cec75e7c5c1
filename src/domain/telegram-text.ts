// Telegram limits its text fields (an invoice's title 1–32 and description
// 1–255, a callback answer 200, a caption 1024, …) in UTF-16 code units, which
// is what String.length counts: an emoji is two. Cutting by characters lets one
// emoji push a title past its limit, and Telegram refuses the whole request.

/** A callback query's answer (the toast or alert after a button press). */
export const CALLBACK_ANSWER_MAX = 200;

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
