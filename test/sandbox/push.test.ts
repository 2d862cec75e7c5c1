// Trying pushes in the sandbox: subscribe, run the push job with :push, open
// the digest's deal; a user who blocked the bot gets nothing.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";
import { createSandbox, type Sandbox } from "../../src/sandbox/sandbox.js";

let dir: string;
let sandbox: Sandbox;
let printed: string[] = [];

async function run(line: string): Promise<string> {
  printed = [];
  await sandbox.execute(line);
  return printed.join("\n");
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "nearbuy-push-sandbox-"));
  sandbox = await createSandbox(loadConfig({ SANDBOX_DIR: dir, LOG_LEVEL: "silent" }), {
    print: (line) => printed.push(line),
    color: false,
  });
}, 60_000);

afterAll(async () => {
  await sandbox.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("the sandbox's :push", () => {
  it("sends a subscriber a digest of new deals near their place, whose buttons open the cards", async () => {
    expect(await run("/subscribe")).toContain("Which place should I watch");
    const subscribed = await run(":here times-square");
    expect(subscribed).toContain("✅ Subscribed!");
    // The pushes must not depend on the hour the test runs at: no quiet hours for this place.
    expect(await run(`[${/\[(\d+)\] No quiet hours/.exec(subscribed)![1]}]`)).toContain("Quiet hours: none");
    const pushed = await run(":push");
    expect(pushed).toMatch(/🔔 push run: 1 digest planned, 1 sent/);
    expect(pushed).toMatch(/🤖 🔔 New near Place: 3 deals/);
    expect(pushed).toContain("🔕 Stop these");
    const first = pushed.split("\n").find((l) => l.includes("1. "))!;
    const card = await run("[1]");
    expect(card).toMatch(/🛒 Buy/);
    // The next run brings the next best deals, never the same ones.
    const next = await run(":push");
    expect(next).toMatch(/1 sent/);
    expect(next).not.toContain(first.trim());
  });

  it("sends nothing to a user who blocked the bot", async () => {
    await run(":as sam");
    await run("/subscribe");
    await run(":here soho");
    await run(":block");
    const pushed = await run(":push");
    expect(pushed).toMatch(/1 digest planned, 1 sent/); // Ana's, not Sam's
    expect(pushed).not.toMatch(/^🤖/m);
  });
});
