// The sandbox serves the Mini App on this machine only, and :app gives an
// address whose launch data the sandbox's API accepts for the current user.
import { mkdtempSync, rmSync } from "node:fs";
import { networkInterfaces, tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";
import { createSandbox, type Sandbox } from "../../src/sandbox/sandbox.js";

let dir: string;
let sandbox: Sandbox;
let printed: string[] = [];

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "nearbuy-app-sandbox-"));
  sandbox = await createSandbox(loadConfig({ SANDBOX_DIR: dir, LOG_LEVEL: "silent" }), { print: (line) => printed.push(line), color: false });
}, 60_000);

afterAll(async () => {
  await sandbox.close();
  rmSync(dir, { recursive: true, force: true });
});

async function appLink(): Promise<URL> {
  printed = [];
  await sandbox.execute(":app");
  const line = printed.find((l) => l.startsWith("http://"));
  expect(line, printed.join("\n")).toBeDefined();
  return new URL(line!);
}

describe("the Mini App in the sandbox", () => {
  it("prints the app's local address with launch data the API accepts, for whoever is the current user", async () => {
    const link = await appLink();
    expect(link.pathname).toBe("/app/");
    const initData = new URLSearchParams(link.hash.slice(1)).get("tgWebAppData")!;
    const me = await fetch(new URL("/api/me", link), { headers: { authorization: `tma ${initData}` } });
    expect(me.status).toBe(200);
    expect(((await me.json()) as { user: { firstName: string } }).user.firstName).toBe(sandbox.current.firstName);

    await sandbox.execute(":as joe");
    const joe = new URLSearchParams((await appLink()).hash.slice(1)).get("tgWebAppData")!;
    const asJoe = await fetch(new URL("/api/me", link), { headers: { authorization: `tma ${joe}` } });
    expect(((await asJoe.json()) as { shops: unknown[] }).shops).toHaveLength(1);
  });

  it("sends what the app's Send to a friend prepared into a chat with :share, showing the card a friend gets", async () => {
    await sandbox.execute(":as ana");
    await sandbox.execute("/start");
    printed = [];
    await sandbox.execute(":share");
    expect(printed).toEqual(["Press Send to a friend on a deal's page in the app (:app) first."]);

    const link = await appLink();
    const authorization = `tma ${new URLSearchParams(link.hash.slice(1)).get("tgWebAppData")}`;
    const { deals } = (await (await fetch(new URL("/api/deals?lat=40.758&lng=-73.9855", link), { headers: { authorization } })).json()) as {
      deals: { id: number; title: string }[];
    };
    const [deal] = deals;
    printed = [];
    const prepared = await fetch(new URL(`/api/deals/${deal!.id}/share`, link), { method: "POST", headers: { authorization } });
    expect(prepared.status).toBe(200);
    await sandbox.execute(":share");
    const shown = printed.join("\n");
    expect(shown).toContain(":share sends it into a chat");
    expect(shown).toContain("your friend sees (via @nearbuy_sandbox_bot)");
    expect(shown).toContain(deal!.title);
    expect(shown).toMatch(new RegExp(`🔗 .*: https://t\\.me/nearbuy_sandbox_bot\\?start=d-${deal!.id}-s\\d+`));
  });

  it("listens on the loopback address only: the sandbox's token is public", async () => {
    const link = await appLink();
    const outside = Object.values(networkInterfaces())
      .flat()
      .find((i) => i && i.family === "IPv4" && !i.internal);
    if (!outside) return; // a machine with no other address cannot be reached from outside anyway
    await expect(fetch(`http://${outside.address}:${link.port}/healthz`)).rejects.toThrow();
  });
});
