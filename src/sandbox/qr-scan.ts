// What a phone camera does with a QR code: read the PNG, decode the text.
import { readFileSync } from "node:fs";
import jsqr from "jsqr";
import { PNG } from "pngjs";

export function decodeQr(png: Buffer): string | null {
  const image = PNG.sync.read(png);
  // jsqr is CommonJS: Node hands its exports object over as the default import.
  return jsqr.default(new Uint8ClampedArray(image.data), image.width, image.height)?.data ?? null;
}

export function scanQrFile(file: string): string | null {
  return decodeQr(readFileSync(file));
}

/** The /start payload of a t.me deep link to this bot, as Telegram would open it. */
export function startPayloadOf(link: string, botUsername: string): string | null {
  const match = /^https:\/\/t\.me\/([A-Za-z0-9_]+)\?start=([A-Za-z0-9_-]{1,64})$/.exec(link);
  return match && match[1]!.toLowerCase() === botUsername.toLowerCase() ? match[2]! : null;
}
