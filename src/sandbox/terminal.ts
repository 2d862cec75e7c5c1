// What the sandbox prints and what it understands: pure functions from the
// bot's messages to terminal lines, and from typed lines to sandbox inputs.
import type { InlineKeyboardButton, Message, MessageEntity, ReplyKeyboardMarkup } from "grammy/types";
import type { BotEvent } from "./bot-api-emulator.js";
import { minorDigits } from "../domain/money.js";

export interface RenderOptions {
  /** ANSI styles on a terminal; plain text (with ~~strikethrough~~ kept readable) otherwise. */
  color: boolean;
  /** Local path of a file the bot sent, for photos and documents. */
  filePath?: (fileId: string) => string | undefined;
}

/** A numbered inline button of the message that carries the current keyboard. */
export interface NumberedButton {
  n: number;
  text: string;
  button: InlineKeyboardButton;
}

export interface Rendered {
  lines: string[];
  /** Set when the message carries an inline keyboard (empty when an edit removed it). */
  buttons?: NumberedButton[];
}

const ANSI: Partial<Record<MessageEntity["type"], [string, string]>> = {
  bold: ["\x1b[1m", "\x1b[22m"],
  italic: ["\x1b[3m", "\x1b[23m"],
  underline: ["\x1b[4m", "\x1b[24m"],
  strikethrough: ["\x1b[9m", "\x1b[29m"],
  spoiler: ["\x1b[2m", "\x1b[22m"],
  code: ["\x1b[36m", "\x1b[39m"],
  pre: ["\x1b[36m", "\x1b[39m"],
  text_link: ["\x1b[4m", "\x1b[24m"],
  blockquote: ["\x1b[3m", "\x1b[23m"],
  expandable_blockquote: ["\x1b[3m", "\x1b[23m"],
};

const PLAIN: Partial<Record<MessageEntity["type"], [string, string]>> = {
  strikethrough: ["~~", "~~"],
};

export const dim = (s: string, color: boolean) => (color ? `\x1b[2m${s}\x1b[22m` : s);

/** Text with its entities shown as styles; a link's URL follows its text. */
export function renderEntities(text: string, entities: MessageEntity[] | undefined, color: boolean): string {
  if (!entities?.length) return text;
  const opens = new Map<number, string[]>();
  const closes = new Map<number, string[]>();
  const sorted = [...entities].sort((a, b) => a.offset - b.offset || b.length - a.length);
  for (const e of sorted) {
    const style = (color ? ANSI : PLAIN)[e.type];
    const open = style?.[0] ?? "";
    let close = style?.[1] ?? "";
    if (e.type === "text_link") close += ` (${e.url})`;
    if (!open && !close) continue;
    opens.set(e.offset, [...(opens.get(e.offset) ?? []), open]);
    closes.set(e.offset + e.length, [close, ...(closes.get(e.offset + e.length) ?? [])]);
  }
  let out = "";
  for (let i = 0; i <= text.length; i++) {
    out += (closes.get(i) ?? []).join("");
    out += (opens.get(i) ?? []).join("");
    if (i < text.length) out += text[i];
  }
  return out;
}

/** An invoice's total as Telegram's payment form shows it, in the currency's minor units as Telegram counts them. */
export function formatAmount(minor: number, currency: string): string {
  const exp = minorDigits(currency);
  const value = (minor / 10 ** exp).toFixed(exp);
  return currency === "XTR" ? `${value} ⭐` : `${value} ${currency}`;
}

function buttonLabel(b: NumberedButton, color: boolean): string {
  const button = b.button;
  let extra = "";
  if ("url" in button) extra = ` ↗ ${button.url}`;
  else if ("web_app" in button) extra = " (opens a Mini App)";
  else if ("pay" in button) extra = " (:pay)";
  else if ("copy_text" in button) extra = ` (copies "${button.copy_text.text}")`;
  return `${color ? "\x1b[1m" : ""}[${b.n}]${color ? "\x1b[22m" : ""} ${b.text}${extra}`;
}

export function numberButtons(rows: InlineKeyboardButton[][]): NumberedButton[] {
  return rows.flat().map((button, i) => ({ n: i + 1, text: button.text, button }));
}

function keyboardLines(rows: InlineKeyboardButton[][], color: boolean): { lines: string[]; buttons: NumberedButton[] } {
  const buttons = numberButtons(rows);
  const lines: string[] = [];
  let n = 0;
  for (const row of rows) {
    lines.push(row.map(() => buttonLabel(buttons[n++]!, color)).join("   "));
  }
  return { lines, buttons };
}

export function replyKeyboardLine(markup: ReplyKeyboardMarkup, color: boolean): string {
  const labels = markup.keyboard.flat().map((b) => {
    const button = typeof b === "string" ? { text: b } : b;
    let note = "";
    if ("request_location" in button && button.request_location) note = " → :here PLACE or :loc LAT LNG";
    else if ("request_contact" in button && button.request_contact) note = " (shares your phone number)";
    return `« ${button.text} »${note}`;
  });
  return dim(`⌨ keyboard: ${labels.join("  ")}`, color);
}

/** The visible content of a message, without its keyboard. */
export function messageBody(message: Message, options: RenderOptions): string[] {
  const { color } = options;
  const lines: string[] = [];
  if (message.photo) {
    const largest = message.photo.at(-1)!;
    lines.push(`🖼 photo: ${options.filePath?.(largest.file_id) ?? largest.file_id}`);
  }
  if (message.document) {
    lines.push(`📄 ${message.document.file_name ?? "file"}: ${options.filePath?.(message.document.file_id) ?? message.document.file_id}`);
  }
  if (message.venue) {
    const { location, title, address } = message.venue;
    lines.push(`📍 ${location.latitude}, ${location.longitude} (${title}, ${address})`);
  } else if (message.location) {
    const live = message.location.live_period ? " (live)" : "";
    lines.push(`📍 ${message.location.latitude}, ${message.location.longitude}${live}`);
  }
  if (message.poll) {
    const { question, options, is_anonymous } = message.poll;
    lines.push(`📊 ${is_anonymous ? "anonymous poll" : "poll"}: ${question}`, ...options.map((o, i) => `${i + 1}. ${o.text}`), dim(":vote N votes for option N", color));
  }
  if (message.invoice) {
    const { title, description, total_amount, currency } = message.invoice;
    lines.push(`🧾 Invoice: ${title}`, description, `Total: ${formatAmount(total_amount, currency)} · type :pay to pay`);
  }
  if (message.text !== undefined) lines.push(...renderEntities(message.text, message.entities, color).split("\n"));
  if (message.caption !== undefined) lines.push(...renderEntities(message.caption, message.caption_entities, color).split("\n"));
  if (lines.length === 0) lines.push(dim("(a message the sandbox cannot show)", color));
  return lines;
}

const BOT = "🤖 ";
const INDENT = "   ";

/** Lines for one thing the bot did; `buttons` tells the caller which keyboard is now numbered. */
export function renderEvent(event: BotEvent, options: RenderOptions): Rendered | null {
  const { color } = options;
  switch (event.type) {
    case "message":
    case "edit": {
      const body = messageBody(event.message, options);
      const head = event.type === "edit" ? `${BOT}${dim("(edited)", color)} ` : BOT;
      const lines = [head + body[0], ...body.slice(1).map((l) => (l ? INDENT + l : ""))];
      const inline = event.message.reply_markup?.inline_keyboard;
      let buttons: NumberedButton[] | undefined = event.type === "edit" ? [] : undefined;
      if (inline?.length) {
        const kb = keyboardLines(inline, color);
        lines.push(...kb.lines.map((l) => INDENT + l));
        buttons = kb.buttons;
      }
      if (event.type === "message") {
        const markup = event.replyMarkup as Record<string, unknown> | undefined;
        if (markup && "keyboard" in markup) lines.push(INDENT + replyKeyboardLine(markup as unknown as ReplyKeyboardMarkup, color));
        if (markup && "remove_keyboard" in markup) lines.push(INDENT + dim("⌨ keyboard removed", color));
      }
      return { lines, ...(buttons ? { buttons } : {}) };
    }
    case "delete":
      return { lines: [dim("🗑 the bot deleted a message", color)] };
    case "callback-answer":
      if (!event.text && !event.url) return null;
      if (event.url) return { lines: [`🔗 the button opens ${event.url}`] };
      return { lines: [event.showAlert ? `⚠️ alert: ${event.text}` : `💬 ${event.text}`] };
    case "pre-checkout-answer":
      return event.ok ? null : { lines: [`❌ payment refused: ${event.errorMessage ?? ""}`] };
    case "refund":
      return { lines: [`↩️ the bot refunded payment ${event.telegramPaymentChargeId}`] };
    case "api-error":
      return { lines: [`⚠️ Bot API error in ${event.method}: ${event.code} ${event.description}`] };
    case "poll-closed": {
      const { question, options, total_voter_count: voters } = event.poll;
      const counts = options.map((o, i) => `${INDENT}${i + 1}. ${o.text}: ${o.voter_count} vote${o.voter_count === 1 ? "" : "s"}`);
      return { lines: [`📊 the poll closed (${voters} voter${voters === 1 ? "" : "s"}): ${question}`, ...counts] };
    }
    case "inline-answer": {
      const head = `🔎 ${dim(`inline “${event.query}”:`, color)} ${event.results.length} result${event.results.length === 1 ? "" : "s"}`;
      const lines = [head, ...event.results.map((r, i) => `${INDENT}${i + 1}. ${r.title}${r.description ? dim(` — ${r.description}`, color) : ""}`)];
      if (event.button) lines.push(`${INDENT}${dim(`button above the results: ${event.button.text} (opens the bot: /start ${event.button.startParameter ?? ""})`, color)}`);
      if (event.results.length) lines.push(`${INDENT}${dim(":pick N sends result N into a chat", color)}`);
      return { lines };
    }
    case "prepared-message":
      return { lines: [dim(`📤 the app prepared “${event.prepared.result.title}” for Telegram's share sheet: :share sends it into a chat`, color)] };
    case "reaction":
    case "chat-action":
    case "commands":
      return null;
  }
}

export type SandboxInput =
  | { kind: "empty" }
  | { kind: "comment" }
  | { kind: "text"; text: string }
  | { kind: "press"; n: number }
  | { kind: "loc"; lat: number; lng: number }
  | { kind: "here"; name: string }
  | { kind: "as"; name: string }
  | { kind: "pay"; link?: true }
  | { kind: "scan" }
  | { kind: "photo"; path: string; caption?: string }
  | { kind: "time"; ms: number }
  | { kind: "block"; blocked: boolean }
  | { kind: "push" }
  | { kind: "remind" }
  | { kind: "app" }
  | { kind: "inline"; query: string }
  | { kind: "pick"; n: number }
  | { kind: "group" }
  | { kind: "private" }
  | { kind: "vote"; n: number }
  | { kind: "share" }
  | { kind: "help" }
  | { kind: "quit" }
  | { kind: "invalid"; message: string };

const UNITS: Record<string, number> = { m: 60_000, h: 3_600_000, d: 86_400_000 };

/** "+2h", "+30m", "+1d", "+1d12h" → milliseconds; null when it is not a shift forward. */
export function parseTimeShift(raw: string): number | null {
  const m = /^\+((?:\d+(?:\.\d+)?[mhd])+)$/.exec(raw.trim());
  if (!m) return null;
  let ms = 0;
  for (const part of m[1]!.matchAll(/(\d+(?:\.\d+)?)([mhd])/g)) ms += Number(part[1]) * UNITS[part[2]!]!;
  return Math.round(ms);
}

/**
 * One typed line. `[3]` presses the button labelled [3]; anything else that
 * does not start with ":" is text for the bot, a bare number included (a form
 * asking for "3" must get 3, never the third button).
 */
export function parseInput(line: string): SandboxInput {
  const trimmed = line.trim();
  if (trimmed === "") return { kind: "empty" };
  if (trimmed.startsWith("#")) return { kind: "comment" };
  const pressed = /^\[\s*(\d{1,3})\s*\]$/.exec(trimmed);
  if (pressed) return { kind: "press", n: Number(pressed[1]) };
  if (!trimmed.startsWith(":")) return { kind: "text", text: line.replace(/^\s+|\s+$/g, "") };
  const [command = "", ...rest] = trimmed.slice(1).split(/\s+/);
  const arg = trimmed.slice(1 + command.length).trim();
  switch (command.toLowerCase()) {
    case "say":
      return arg ? { kind: "text", text: arg } : { kind: "invalid", message: "Usage: :say TEXT" };
    case "loc": {
      const m = /^(-?\d+(?:\.\d+)?)\s*[,\s]\s*(-?\d+(?:\.\d+)?)$/.exec(arg);
      if (!m) return { kind: "invalid", message: "Usage: :loc LAT LNG   (for example :loc 31.2304 121.4737)" };
      const lat = Number(m[1]);
      const lng = Number(m[2]);
      if (Math.abs(lat) > 90 || Math.abs(lng) > 180) {
        return { kind: "invalid", message: "Latitude is between -90 and 90, longitude between -180 and 180." };
      }
      return { kind: "loc", lat, lng };
    }
    case "here":
      return { kind: "here", name: arg };
    case "as":
      return arg ? { kind: "as", name: arg } : { kind: "invalid", message: "Usage: :as NAME   (a demo user, or any new name)" };
    case "pay":
      if (arg === "app") return { kind: "pay", link: true };
      return arg ? { kind: "invalid", message: "Usage: :pay   or   :pay app" } : { kind: "pay" };
    case "scan":
      return { kind: "scan" };
    case "photo": {
      if (!arg) return { kind: "invalid", message: "Usage: :photo PATH [caption]" };
      const [path = "", ...caption] = rest;
      return caption.length ? { kind: "photo", path, caption: caption.join(" ") } : { kind: "photo", path };
    }
    case "time": {
      if (!arg) return { kind: "time", ms: 0 };
      const ms = parseTimeShift(arg);
      return ms === null ? { kind: "invalid", message: "Usage: :time +2h   (also +30m, +1d, +1d6h)" } : { kind: "time", ms };
    }
    case "block":
      return { kind: "block", blocked: true };
    case "unblock":
      return { kind: "block", blocked: false };
    case "push":
      return { kind: "push" };
    case "remind":
      return { kind: "remind" };
    case "app":
      return { kind: "app" };
    case "inline":
      return { kind: "inline", query: arg };
    case "pick":
      return /^\d+$/.test(arg) ? { kind: "pick", n: Number(arg) } : { kind: "invalid", message: "Usage: :pick N   (a result of the last :inline)" };
    case "group":
      return { kind: "group" };
    case "private":
      return { kind: "private" };
    case "vote":
      return /^\d+$/.test(arg) ? { kind: "vote", n: Number(arg) } : { kind: "invalid", message: "Usage: :vote N   (option N of the newest poll in the group)" };
    case "share":
      return arg ? { kind: "invalid", message: "Usage: :share   (the message the app prepared last)" } : { kind: "share" };
    case "help":
    case "h":
    case "?":
      return { kind: "help" };
    case "quit":
    case "q":
    case "exit":
      return { kind: "quit" };
    default:
      return { kind: "invalid", message: `Unknown sandbox command :${command}. Type :help.` };
  }
}

export const HELP = [
  "Type text to send it to the bot as the current user (/start, /nearby, /newdeal …);",
  "a plain number is text too (an answer such as 3).",
  "Type a button's label number in brackets to press it: [3] presses the button shown as [3].",
  "",
  "Sandbox commands:",
  "  :here PLACE      share the location of a demo place (:here alone lists them)",
  "  :loc LAT LNG     share any location",
  "  :as NAME         become a demo user, or a new user with that name",
  "  :pay             pay the last invoice (pre-checkout and successful payment)",
  "  :pay app         pay the last invoice opened in the Mini App (openInvoice), as the current user",
  "  :scan            scan the last QR code the bot sent, as a phone camera would",
  "  :photo PATH [c]  send a photo from this machine, with an optional caption",
  "  :time [+2h]      show the sandbox clock, or move it forward (+30m, +1d)",
  "  :say TEXT        send TEXT as it is (e.g. [3] or :x as text)",
  "  :block, :unblock block or unblock the bot as the current user",
  "  :push            run the push job now (subscribers get new deals near their places)",
  "  :remind          run the reminders job now (saved deals ending, vouchers expiring)",
  "  :app             the Mini App's address for a browser, signed in as the current user",
  "  :inline [WORDS]  type @bot WORDS in a chat (inline mode): the deals near you that match",
  "  :pick N          send result N of the last :inline into a chat; the card shows as a friend gets it",
  "  :group           go into the demo group (Lunch crew, with two demo friends): what you type goes there;",
  "                   /nearby or /vote, then :here PLACE answers the bot's question as a reply",
  "  :vote N          vote for option N of the newest poll in the group, as the current user",
  "  :private         back to the private chat with the bot",
  "  :share           send the deal the app's Send to a friend prepared last (shareMessage) into a chat",
  "  :help            this help",
  "  :quit            leave (Ctrl-C or Ctrl-D too)",
];
