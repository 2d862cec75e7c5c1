// Lists that can grow (refunds, staff, pending shops, vouchers, offers) are
// shown a page at a time: one message, ◀ / ▶ buttons carrying the page
// number. A page holds at most `perPage` items and never more text than a
// message takes: Telegram refuses a longer text than TEXT_MAX, counted in UTF-16
// units of the text as shown (tags and entities parsed), so an emoji counts
// two. Pages are packed greedily from the first item, so the same list always
// pages the same way and a page number read back from a button means the
// same page (clamped when the list has shrunk).
import type { InlineKeyboard } from "grammy";
import { TEXT_MAX } from "../domain/telegram-text.js";
import { shownLength } from "./html.js";
import type { Translate } from "./i18n.js";

/** Under Telegram's limit, with a margin. */
export const MESSAGE_TEXT_LIMIT = TEXT_MAX - 96;

export interface PageLayout<T> {
  /** The items of the page shown, with their index in the whole list. */
  entries: { item: T; index: number }[];
  /** 0-based. */
  page: number;
  pages: number;
  /** The whole message: header, "Page x of y" when there are several, the page's lines. */
  text: string;
}

export interface PageOptions<T> {
  perPage: number;
  /** The list's title line(s); it should carry the total count. */
  header: string;
  /** One item's line(s), HTML. */
  line(item: T, index: number): string;
  t: Translate;
  /** Which page: a number (clamped), or the page holding the item at this index. */
  at: { page: number } | { index: number };
  limit?: number;
}

export function paginate<T>(items: readonly T[], { perPage, header, line, t, at, limit = MESSAGE_TEXT_LIMIT }: PageOptions<T>): PageLayout<T> {
  const lines = items.map((item, index) => line(item, index));
  // Room for the header and the widest "Page x of y" line, whatever the page.
  const pageLabel = (page: number, pages: number) => t("list-page", { page: page + 1, pages });
  const fixed = shownLength(header) + shownLength(pageLabel(items.length, items.length)) + 4;
  const starts: number[] = [];
  let used = Infinity;
  let count = 0;
  lines.forEach((text, index) => {
    const size = shownLength(text) + 1;
    if (count >= perPage || fixed + used + size > limit) {
      starts.push(index);
      used = 0;
      count = 0;
    }
    used += size;
    count++;
  });
  const pages = Math.max(1, starts.length);
  const wanted = "page" in at ? at.page : starts.filter((start) => start <= at.index).length - 1;
  const page = Math.min(Math.max(0, wanted), pages - 1);
  const from = starts[page] ?? 0;
  const to = starts[page + 1] ?? items.length;
  const entries = items.slice(from, to).map((item, i) => ({ item, index: from + i }));
  const body = lines.slice(from, to).join("\n");
  const text = [header, ...(pages > 1 ? [pageLabel(page, pages)] : []), ...(body ? ["", body] : [])].join("\n");
  return { entries, page, pages, text };
}

/** A row with ◀ and ▶ when there are several pages; `pack` makes a button's data from a page number. */
export function addPagerRow(keyboard: InlineKeyboard, { page, pages }: { page: number; pages: number }, pack: (page: number) => string): InlineKeyboard {
  if (pages <= 1) return keyboard;
  keyboard.row();
  if (page > 0) keyboard.text("◀", pack(page - 1));
  if (page < pages - 1) keyboard.text("▶", pack(page + 1));
  return keyboard.row();
}
