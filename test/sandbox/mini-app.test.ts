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

  it("listens on the loopback address only: the sandbox's token is public", async () => {
    const link = await appLink();
    const outside = Object.values(networkInterfaces())
      .flat()
      .find((i) => i && i.family === "IPv4" && !i.internal);
    if (!outside) return; // a machine with no other address cannot be reached from outside anyway
    await expect(fetch(`http://${outside.address}:${link.port}/healthz`)).rejects.toThrow();
  });
});
