// :app in the sandbox: an address a browser opens as Telegram would open the
// Mini App, with launch data the server accepts for the current user.
import { describe, expect, it } from "vitest";
import { checkInitData } from "../../src/http/init-data.js";
import { sandboxAppLink } from "../../src/sandbox/mini-app-link.js";
import { SANDBOX_TOKEN } from "../../src/sandbox/sandbox.js";
import { parseInput } from "../../src/sandbox/terminal.js";

describe("the sandbox's Mini App address", () => {
  it("is read from :app, and :pay app pays the invoice the app opened", () => {
    expect(parseInput(":app")).toEqual({ kind: "app" });
    expect(parseInput(":pay app")).toEqual({ kind: "pay", link: true });
    expect(parseInput(":pay")).toEqual({ kind: "pay" });
  });

  it("carries launch data signed for the current user, as Telegram puts it in the hash", () => {
    const now = new Date("2026-06-01T10:00:00Z");
    const link = sandboxAppLink("http://127.0.0.1:8123/app/", { id: 1001, is_bot: false, first_name: "Mei", language_code: "zh" }, SANDBOX_TOKEN, now);
    const [base, hash] = link.split("#");
    expect(base).toBe("http://127.0.0.1:8123/app/");
    const params = new URLSearchParams(hash);
    expect([params.get("tgWebAppVersion"), params.get("tgWebAppPlatform")]).toEqual(["8.0", "tdesktop"]);
    const check = checkInitData(params.get("tgWebAppData")!, { botToken: SANDBOX_TOKEN, maxAgeSeconds: 3600, now });
    expect(check).toMatchObject({ ok: true, data: { user: { id: 1001, firstName: "Mei", languageCode: "zh" } } });
  });
});
