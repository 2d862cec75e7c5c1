// Typed callback data. Telegram allows 1–64 bytes, so buttons carry ids and
// small enums, never payloads. Whatever comes back is untrusted: `unpack`
// returns null for anything malformed, and handlers check ownership.
import { z } from "zod";

const MAX_BYTES = 64;

export interface CallbackCodec<T> {
  prefix: string;
  /** Matches this codec's buttons, for `bot.callbackQuery(codec.filter, …)`. */
  filter: RegExp;
  pack(value: T): string;
  unpack(data: string): T | null;
}

export function callbackCodec<S extends z.ZodRawShape>(prefix: string, shape: S): CallbackCodec<z.infer<z.ZodObject<S>>> {
  const keys = Object.keys(shape);
  const schema = z.object(shape).strict();
  return {
    prefix,
    filter: new RegExp(`^${prefix}(:|$)`),
    pack(value) {
      const record = value as Record<string, unknown>;
      const data = [prefix, ...keys.map((k) => String(record[k]))].join(":");
      if (Buffer.byteLength(data) > MAX_BYTES) throw new Error(`callback data over ${MAX_BYTES} bytes: ${data}`);
      return data;
    },
    unpack(data) {
      const [head, ...parts] = data.split(":");
      if (head !== prefix || parts.length !== keys.length) return null;
      const parsed = schema.safeParse(Object.fromEntries(keys.map((k, i) => [k, parts[i]])));
      return parsed.success ? parsed.data : null;
    },
  };
}

/** A whole number read back from a button. */
export const id = z.string().regex(/^\d{1,9}$/).transform(Number);
