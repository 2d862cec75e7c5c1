// The demo group in the sandbox, played as its members would: `:group` puts
// Ana in "Lunch crew" with two friends, /vote and a pin start a poll of the
// deals near it, `:vote N` votes as the current user, only the starter's
// Close ends it, and the winner's card opens the private chat to buy.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../..");

let dir: string;
let transcript = "";
let stderr = "";

/** What the sandbox printed after the input line typed at `prompt`, up to the next prompt. */
function after(prompt: string, input: string): string {
  const start = transcript.indexOf(`${prompt}> ${input}\n`);
  if (start < 0) throw new Error(`no step "${prompt}> ${input}" in:\n${transcript}`);
  const rest = transcript.slice(start + prompt.length + input.length + 3);
  const next = /^[a-z0-9_@-]+> /m.exec(rest);
  return next ? rest.slice(0, next.index) : rest;
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "nearbuy-group-"));
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, SANDBOX_DIR: dir, LOG_LEVEL: "warn" };
  const child = spawn(path.join(ROOT, "node_modules/.bin/tsx"), ["src/main.ts"], { cwd: ROOT, env, stdio: ["pipe", "pipe", "pipe"] });
  child.stdout.on("data", (d: Buffer) => (transcript += d.toString()));
  child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
  const script = [":vote 1", ":group", "/vote", ":here times-square", ":vote 2", ":as sam", ":vote 2", "[1]", ":as ana", "[1]", ":private", "/help", ":quit", ""];
  child.stdin.end(script.join("\n"));
  await new Promise((resolve) => child.once("exit", resolve));
}, 90_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the demo group in the sandbox", () => {
  it("has no poll to vote in before one is started", () => {
    expect(after("ana", ":vote 1")).toContain("There is no poll in Lunch crew yet");
  });

  it("puts the current user in the group with two friends, where the bot asks for a pin to vote around", () => {
    expect(after("ana", ":group")).toContain("you are in the group Lunch crew with Li and Sam");
    expect(after("ana@group", "/vote")).toContain("Reply to this message with a location");
  });

  it("answers the bot with a pin and gets a poll of the deals near it, with a Close button", () => {
    const poll = after("ana@group", ":here times-square");
    expect(poll).toContain("replying to the bot");
    expect(poll).toContain("📊 poll: 🗳 Ana asks: which deal shall we go for?");
    expect(poll).toMatch(/\n {3}1\. .+ · \$[\d.]+/);
    expect(poll).toContain("[1] 🔒 Close vote");
  });

  it("counts each member's vote, and lets only the starter close the vote", () => {
    expect(after("ana@group", ":vote 2")).toMatch(/🗳 you vote for 2\. .+ \(votes now: 0, 1, 0, 0, 0\)/);
    expect(after("sam@group", ":vote 2")).toContain("(votes now: 0, 2, 0, 0, 0)");
    expect(after("sam@group", "[1]")).toContain("⚠️ alert: Only the member who started this vote, or a group admin, can close it.");
  });

  it("posts the winner once, with Buy opening the private chat, and no invoice in the group", () => {
    const closed = after("ana@group", "[1]");
    expect(closed).toContain("📊 the poll closed (2 voters)");
    expect(closed).toContain("(2 of 2 votes)");
    expect(closed.match(/🏆 The vote is in/g)).toHaveLength(1);
    // Telegram's update of the stopped poll may post the result first: the closer still reads that they closed it.
    expect(closed).toContain("💬 🔒 Vote closed: the result follows.");
    expect(closed).not.toContain("closed already");
    expect(closed).toMatch(/\[1\] 🛒 Buy ↗ https:\/\/t\.me\/nearbuy_sandbox_bot\?start=d-\d+/);
    expect(transcript).not.toContain("🧾 Invoice");
  });

  it("goes back to the private chat", () => {
    expect(after("ana", "/help")).not.toContain("[in Lunch crew]");
    expect(transcript).not.toMatch(/💥|Bot API error|did not go idle/);
    expect(stderr).toBe("");
  });
});
