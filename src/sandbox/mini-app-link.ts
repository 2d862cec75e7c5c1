// The sandbox's Mini App in a browser: the address with launch data in the
// hash, as Telegram opens it, signed for a sandbox user with the emulator's
// token, so the real server accepts it.
import { createServer } from "node:net";
import type { User } from "grammy/types";
import { launchDataFor } from "../http/init-data.js";

export function sandboxAppLink(appUrl: string, user: User, token: string, now: Date): string {
  const initData = launchDataFor({ id: user.id, firstName: user.first_name, username: user.username, languageCode: user.language_code }, token, now);
  const params = new URLSearchParams({ tgWebAppData: initData, tgWebAppVersion: "8.0", tgWebAppPlatform: "tdesktop" });
  return `${appUrl}#${params.toString()}`;
}

/** A port free right now, for the sandbox's HTTP server (the app's address must be known before the bot starts). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
