// Turns a Bot API `parse_mode` text into plain text plus entities, the way
// Telegram does before it stores a message, and refuses what Telegram refuses
// (an unsupported tag, an unclosed tag, an unescaped MarkdownV2 character) so
// that formatting bugs fail in tests instead of in production.
// Offsets and lengths are UTF-16 code units, like JavaScript strings.
import type { MessageEntity } from "grammy/types";

export class ParseError extends Error {}

type Pending = { tag: string; entity: MessageEntity | null; start: number };

const SIMPLE_TAGS: Record<string, MessageEntity["type"]> = {
  b: "bold",
  strong: "bold",
  i: "italic",
  em: "italic",
  u: "underline",
  ins: "underline",
  s: "strikethrough",
  strike: "strikethrough",
  del: "strikethrough",
  "tg-spoiler": "spoiler",
  code: "code",
};

const NAMED_ENTITIES: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"' };

function byteOffset(source: string, index: number): number {
  return Buffer.byteLength(source.slice(0, index), "utf8");
}

function parseAttributes(raw: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  const re = /([a-zA-Z_-]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g;
  for (const m of raw.matchAll(re)) {
    attrs[m[1]!.toLowerCase()] = decodeHtml(m[2] ?? m[3] ?? m[4] ?? "");
  }
  return attrs;
}

function decodeHtml(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-zA-Z]+);/g, (whole, name: string) => {
    if (name.startsWith("#x") || name.startsWith("#X")) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith("#")) return String.fromCodePoint(parseInt(name.slice(1), 10));
    return NAMED_ENTITIES[name.toLowerCase()] ?? whole;
  });
}

export function parseHtml(source: string): { text: string; entities: MessageEntity[] } {
  let text = "";
  const entities: MessageEntity[] = [];
  const stack: Pending[] = [];
  let i = 0;
  while (i < source.length) {
    const ch = source[i]!;
    if (ch === "&") {
      const m = /^&(#x[0-9a-fA-F]+|#\d+|[a-zA-Z]+);/.exec(source.slice(i));
      if (m) {
        text += decodeHtml(m[0]);
        i += m[0].length;
      } else {
        text += ch;
        i++;
      }
      continue;
    }
    if (ch !== "<") {
      text += ch;
      i++;
      continue;
    }
    const end = source.indexOf(">", i);
    if (end < 0) throw new ParseError(`Unclosed start tag at byte offset ${byteOffset(source, i)}`);
    const inner = source.slice(i + 1, end);
    if (inner.startsWith("/")) {
      const name = inner.slice(1).trim().toLowerCase();
      const open = stack.pop();
      if (!open) throw new ParseError(`Unexpected end tag at byte offset ${byteOffset(source, i)}`);
      if (name !== "" && name !== open.tag) {
        throw new ParseError(
          `Unmatched end tag at byte offset ${byteOffset(source, i)}, expected "</${open.tag}>", found "</${name}>"`,
        );
      }
      if (open.entity && text.length > open.start) {
        entities.push({ ...open.entity, offset: open.start, length: text.length - open.start } as MessageEntity);
      }
      i = end + 1;
      continue;
    }
    const nameMatch = /^([a-zA-Z][a-zA-Z0-9-]*)/.exec(inner);
    if (!nameMatch) throw new ParseError(`Unsupported start tag "${inner}" at byte offset ${byteOffset(source, i)}`);
    const tag = nameMatch[1]!.toLowerCase();
    const attrs = parseAttributes(inner.slice(nameMatch[1]!.length));
    let entity: MessageEntity | null;
    const simple = SIMPLE_TAGS[tag];
    if (simple) entity = { type: simple, offset: 0, length: 0 } as MessageEntity;
    else if (tag === "span") {
      if (attrs.class !== "tg-spoiler") {
        throw new ParseError(`Tag "span" must have class "tg-spoiler" at byte offset ${byteOffset(source, i)}`);
      }
      entity = { type: "spoiler", offset: 0, length: 0 };
    } else if (tag === "a") {
      const href = attrs.href ?? "";
      entity = href ? { type: "text_link", url: href, offset: 0, length: 0 } : null;
    } else if (tag === "pre") {
      entity = { type: "pre", offset: 0, length: 0 };
    } else if (tag === "blockquote") {
      entity = { type: "expandable" in attrs ? "expandable_blockquote" : "blockquote", offset: 0, length: 0 };
    } else if (tag === "tg-emoji") {
      entity = { type: "custom_emoji", custom_emoji_id: attrs["emoji-id"] ?? "", offset: 0, length: 0 };
    } else {
      throw new ParseError(`Unsupported start tag "${tag}" at byte offset ${byteOffset(source, i)}`);
    }
    // <pre><code class="language-x"> is one pre entity with a language.
    const parent = stack[stack.length - 1];
    if (tag === "code" && parent?.tag === "pre" && parent.entity?.type === "pre") {
      const lang = attrs.class?.startsWith("language-") ? attrs.class.slice("language-".length) : undefined;
      if (lang) (parent.entity as MessageEntity.PreMessageEntity).language = lang;
      entity = null;
    }
    stack.push({ tag, entity, start: text.length });
    i = end + 1;
  }
  const unclosed = stack.pop();
  if (unclosed) throw new ParseError(`Can't find end tag corresponding to start tag "${unclosed.tag}"`);
  return trimmed(text, entities);
}

const MD_RESERVED = "_*[]()~`>#+-=|{}.!";

/** MarkdownV2, strict like Telegram: every reserved character outside an entity must be escaped. */
export function parseMarkdownV2(source: string): { text: string; entities: MessageEntity[] } {
  let text = "";
  const entities: MessageEntity[] = [];
  const stack: { marker: string; type: MessageEntity["type"]; start: number }[] = [];
  const markers: [string, MessageEntity["type"]][] = [
    ["||", "spoiler"],
    ["__", "underline"],
    ["*", "bold"],
    ["_", "italic"],
    ["~", "strikethrough"],
  ];
  let i = 0;
  outer: while (i < source.length) {
    const ch = source[i]!;
    if (ch === "\\") {
      const next = source[i + 1];
      if (next === undefined) throw new ParseError(`Character '\\' is reserved and must be escaped with the preceding '\\'`);
      text += next;
      i += 2;
      continue;
    }
    if (source.startsWith("```", i)) {
      const close = source.indexOf("```", i + 3);
      if (close < 0) throw new ParseError(`Can't find end of Pre entity at byte offset ${byteOffset(source, i)}`);
      let body = source.slice(i + 3, close);
      const nl = body.indexOf("\n");
      let language: string | undefined;
      if (nl >= 0 && /^[\w+-]+$/.test(body.slice(0, nl))) {
        language = body.slice(0, nl);
        body = body.slice(nl + 1);
      }
      body = body.replace(/\\([`\\])/g, "$1");
      entities.push({ type: "pre", offset: text.length, length: body.length, ...(language ? { language } : {}) });
      text += body;
      i = close + 3;
      continue;
    }
    if (ch === "`") {
      const close = source.indexOf("`", i + 1);
      if (close < 0) throw new ParseError(`Can't find end of Code entity at byte offset ${byteOffset(source, i)}`);
      const body = source.slice(i + 1, close).replace(/\\([`\\])/g, "$1");
      entities.push({ type: "code", offset: text.length, length: body.length });
      text += body;
      i = close + 1;
      continue;
    }
    if (ch === "[") {
      stack.push({ marker: "[", type: "text_link", start: text.length });
      i++;
      continue;
    }
    if (ch === "]" && stack[stack.length - 1]?.marker === "[") {
      const open = stack.pop()!;
      const m = /^\]\(((?:\\.|[^)\\])*)\)/.exec(source.slice(i));
      if (!m) throw new ParseError(`Can't find end of a URL at byte offset ${byteOffset(source, i)}`);
      const url = m[1]!.replace(/\\(.)/g, "$1");
      if (text.length > open.start) entities.push({ type: "text_link", url, offset: open.start, length: text.length - open.start });
      i += m[0].length;
      continue;
    }
    for (const [marker, type] of markers) {
      if (!source.startsWith(marker, i)) continue;
      const top = stack[stack.length - 1];
      if (top?.marker === marker) {
        stack.pop();
        if (text.length > top.start) entities.push({ type, offset: top.start, length: text.length - top.start } as MessageEntity);
      } else {
        stack.push({ marker, type, start: text.length });
      }
      i += marker.length;
      continue outer;
    }
    if (MD_RESERVED.includes(ch)) {
      throw new ParseError(`Character '${ch}' is reserved and must be escaped with the preceding '\\'`);
    }
    text += ch;
    i++;
  }
  const open = stack.pop();
  if (open) throw new ParseError(`Can't find end of the entity starting at byte offset ${open.start}`);
  return trimmed(text, entities);
}

/** Telegram drops leading and trailing whitespace of a message and shifts the entities. */
function trimmed(text: string, entities: MessageEntity[]) {
  const lead = text.length - text.trimStart().length;
  const out = text.trim();
  const kept = entities
    .map((e) => {
      const start = Math.max(0, e.offset - lead);
      const end = Math.min(out.length, e.offset - lead + e.length);
      return { ...e, offset: start, length: end - start };
    })
    .filter((e) => e.length > 0)
    .sort((a, b) => a.offset - b.offset || b.length - a.length);
  return { text: out, entities: kept };
}

export function parseFormatted(
  source: string,
  parseMode: string | undefined,
  explicit: MessageEntity[] | undefined,
): { text: string; entities: MessageEntity[] } {
  if (!parseMode) return { text: source, entities: explicit ?? [] };
  switch (parseMode.toLowerCase()) {
    case "html":
      return parseHtml(source);
    case "markdownv2":
      return parseMarkdownV2(source);
    case "markdown":
      return parseMarkdownV2(source.replace(/([.!#+=|{}>-])/g, "\\$1"));
    default:
      throw new ParseError(`Unsupported parse_mode`);
  }
}
