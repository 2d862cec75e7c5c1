// The sandbox over two runs on one folder, as a developer uses it day to day:
// typed numbers are answers, buttons are pressed in brackets, and a restart
// keeps who has chatted and never reuses a photo's file name.
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";
import { FileStore } from "../../src/sandbox/file-store.js";
import { createSandbox, type Sandbox } from "../../src/sandbox/sandbox.js";

let dir: string;
let sandbox: Sandbox | undefined;
let printed: string[] = [];

async function start(): Promise<void> {
  sandbox = await createSandbox(loadConfig({ SANDBOX_DIR: dir, LOG_LEVEL: "silent" }), {
    print: (line) => printed.push(line),
    color: false,
  });
}

async function run(line: string): Promise<string> {
  printed = [];
  await sandbox!.execute(line);
  return printed.join("\n");
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "nearbuy-restart-sandbox-"));
  await start();
}, 60_000);

afterAll(async () => {
  await sandbox?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("typing in the sandbox", () => {
  it("sends a plain number to the bot as text, even when a button carries that number", async () => {
    await run(":as joe");
    const preview = await run("/newdeal Garlic knots for two | 2.50 | 9 | 20 | 7");
    expect(preview).toMatch(/\[14\] ✖ Cancel/);
    const typed = await run("14");
    expect(typed).not.toMatch(/Discarded|Cancelled/);
    expect(typed).toContain("Please use the buttons above.");
  });

  it("presses a button with its number in brackets, and says so when there is no such button", async () => {
    expect(await run("[15]")).toBe("There is no button [15]: the last buttons go from [1] to [14].");
    expect(await run("[1]")).toContain("🎉 Published!");
  });

  it("lists the way to press buttons in :help", async () => {
    expect(await run(":help")).toContain("[3] presses the button shown as [3]");
  });
});

describe("restarting the sandbox", () => {
  it("still pushes to a subscriber of the last run, and a made-up user is the same user", async () => {
    await run(":as ana");
    await run("/subscribe");
    const subscribed = await run(":here times-square");
    expect(subscribed).toContain("✅ Subscribed!");
    // The push must not depend on the hour the test runs at: no quiet hours for this place.
    const noQuietHours = /\[(\d+)\] No quiet hours/.exec(subscribed)![1];
    expect(await run(`[${noQuietHours}]`)).toContain("Quiet hours: none");
    const bob = await run(":as bob");
    await run("/start");
    await sandbox!.close();
    sandbox = undefined;

    await start();
    expect(await run(":as bob")).toBe(bob);
    const pushed = await run(":push");
    expect(pushed).toMatch(/🔔 push run: 1 digest planned, 1 sent, 0 to blocked users/);
    expect(pushed).toMatch(/\[to Ana\] 🤖 🔔 New near Place/);
  }, 60_000);

  it("numbers new files after those of earlier runs instead of overwriting them", () => {
    const files = path.join(dir, "photo-store");
    const png = (n: number) => Buffer.from(`\x89PNG fake ${n}`);
    const first = new FileStore(files).saveUpload("photos", png(1), "qr.png");
    const second = new FileStore(files).saveUpload("photos", png(2), "qr.png");
    expect([first.filePath, second.filePath]).toEqual(["photos/file_1.png", "photos/file_2.png"]);
    expect(readFileSync(first.localPath!).toString()).toContain("fake 1");
    expect(existsSync(second.localPath!)).toBe(true);
  });
});
