// Inline mode in the sandbox, played as a user would: `:inline pizza` types
// "@bot pizza" in a chat, `:pick 1` sends the first result, and a friend
// opens the card's link.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../..");

let dir: string;
let transcript = "";
let stderr = "";

/** What the sandbox printed after the input line typed as `user`, up to the next prompt. */
function after(user: string, input: string): string {
  const start = transcript.indexOf(`${user}> ${input}\n`);
  if (start < 0) throw new Error(`no step "${input}" in:\n${transcript}`);
  const rest = transcript.slice(start + user.length + input.length + 3);
  const next = /^[a-z0-9_-]+> /m.exec(rest);
  return next ? rest.slice(0, next.index) : rest;
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "nearbuy-inline-"));
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, SANDBOX_DIR: dir, LOG_LEVEL: "warn" };
  const child = spawn(path.join(ROOT, "node_modules/.bin/tsx"), ["src/main.ts"], { cwd: ROOT, env, stdio: ["pipe", "pipe", "pipe"] });
  child.stdout.on("data", (d: Buffer) => (transcript += d.toString()));
  child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
  child.stdin.end([":as newbie", ":inline pizza", ":as ana", ":here times-square", ":inline pizza", ":pick 1", ":quit", ""].join("\n"));
  await new Promise((resolve) => child.once("exit", resolve));
}, 90_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("inline mode in the sandbox", () => {
  it("offers a user with no location a button to share one", () => {
    expect(after("newbie", ":inline pizza")).toContain("0 results");
    expect(after("newbie", ":inline pizza")).toContain("📍 Share a location to see deals near you");
  });

  it("lists the pizza deals near the user's shared location, with price, discount and distance", () => {
    const listed = after("ana", ":inline pizza");
    expect(listed).toMatch(/🔎 inline “pizza”: \d+ results/);
    expect(listed).toMatch(/1\. .*pizza.* · \$[\d.]+ — −\d+% · \d+ m · /i);
  });

  it("sends the first result as the card a friend sees, with links that carry the sharer's share", () => {
    const sent = after("ana", ":pick 1");
    expect(sent).toContain("💰");
    expect(sent).toMatch(/🔗 🛒 See the deal: https:\/\/t\.me\/nearbuy_sandbox_bot\?start=d-\d+-s\d+/);
    expect(transcript).not.toMatch(/💥|Bot API error|did not go idle/);
    expect(stderr).toBe("");
  });
});
