// The built Mini App is served at /app/, the address MINI_APP_URL names.
import { mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Fastify from "fastify";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serveWebApp } from "../../src/http/app-static.js";

const app = Fastify();
let base: string;

beforeAll(async () => {
  const root = mkdtempSync(path.join(tmpdir(), "nearbuy-web-"));
  mkdirSync(path.join(root, "assets"));
  writeFileSync(path.join(root, "index.html"), "<!doctype html><title>Nearbuy</title>");
  writeFileSync(path.join(root, "assets", "app.js"), "console.log(1)");
  writeFileSync(path.join(root, ".stamp"), "the build's fingerprint");
  await serveWebApp(app, { root, logger: pino({ level: "silent" }) });
  base = await app.listen({ port: 0, host: "127.0.0.1" });
});
afterAll(() => app.close());

describe("serving the Mini App", () => {
  it("serves index.html at /app/ and the assets under it, and sends /app to /app/", async () => {
    const index = await fetch(`${base}/app/`);
    expect([index.status, index.headers.get("content-type"), await index.text()]).toEqual([200, "text/html; charset=utf-8", "<!doctype html><title>Nearbuy</title>"]);
    expect((await fetch(`${base}/app/assets/app.js`)).status).toBe(200);
    const bare = await fetch(`${base}/app`, { redirect: "manual" });
    expect([bare.status, bare.headers.get("location")]).toEqual([302, "/app/"]);
  });

  it("does not serve the build's own dotfiles", async () => {
    expect((await fetch(`${base}/app/.stamp`)).status).toBe(404);
  });
});
