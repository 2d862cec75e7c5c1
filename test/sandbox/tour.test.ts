// The README's scripted tour, replayed like a user would: `npm start` without
// a BOT_TOKEN and examples/tour.txt on standard input. Each step's transcript
// must show what a user needs to see at that point.
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../..");
const TOUR = path.join(ROOT, "examples/tour.txt");

interface Step {
  user: string;
  input: string;
  output: string;
}

let dir: string;
let transcript = "";
let stderr = "";
let exitCode: number | null;
let steps: Step[] = [];

/** Splits the transcript at each echoed input line ("user> line"). */
function splitSteps(text: string): Step[] {
  const out: Step[] = [];
  for (const line of text.split("\n")) {
    const echo = /^([a-z0-9_-]+)> (.*)$/.exec(line);
    if (echo) out.push({ user: echo[1]!, input: echo[2]!, output: "" });
    else if (out.length > 0) out[out.length - 1]!.output += `${line}\n`;
  }
  return out;
}

/** The step for an input line, by position among the script's steps. */
function step(input: string, nth = 0): Step {
  const found = steps.filter((s) => s.input === input)[nth];
  if (!found) throw new Error(`no step "${input}" in the transcript:\n${transcript}`);
  return found;
}

/** The step right after another one. */
function after(s: Step): Step {
  return steps[steps.indexOf(s) + 1]!;
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "nearbuy-tour-"));
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, SANDBOX_DIR: dir, LOG_LEVEL: "warn" };
  const child = spawn(path.join(ROOT, "node_modules/.bin/tsx"), ["src/main.ts"], { cwd: ROOT, env, stdio: ["pipe", "pipe", "pipe"] });
  child.stdout.on("data", (d: Buffer) => (transcript += d.toString()));
  child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
  child.stdin.end(readFileSync(TOUR));
  exitCode = await new Promise((resolve) => child.once("exit", resolve));
  steps = splitSteps(transcript);
}, 90_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the scripted sandbox tour", () => {
  it("seeds the demo data on first run and ends with exit code 0, without a bot failure or a Bot API error", () => {
    expect(transcript).toMatch(/Seeded \d+ shops and \d+ offers/);
    expect(transcript).not.toMatch(/💥|Bot API error/);
    expect(stderr).toBe("");
    expect(exitCode).toBe(0);
  });

  it("echoes every script line that is not a comment, as the user who typed it", () => {
    const script = readFileSync(TOUR, "utf8")
      .split("\n")
      .filter((l) => l.trim() !== "" && !l.startsWith("#"));
    expect(steps.map((s) => s.input)).toEqual(script);
    expect(step("/newdeal Garlic knots for two | 2.50 | 9 | 20 | 7").user).toBe("joe");
  });

  it("a merchant's one-line /newdeal shows a preview with a numbered Publish button, and the tour presses it", () => {
    const newDeal = step("/newdeal Garlic knots for two | 2.50 | 9 | 20 | 7");
    expect(newDeal.output).toContain("Preview");
    expect(newDeal.output).toContain("Garlic knots for two");
    expect(newDeal.output).toContain("2.50");
    const publish = /\[(\d+)\] ✅ Publish/.exec(newDeal.output);
    expect(publish, newDeal.output).not.toBeNull();
    expect(after(newDeal).input).toBe(`[${publish![1]}]`);
    expect(after(newDeal).output).toContain("Published!");
  });

  it("a consumer nearby sees the new offer near the top of the list", () => {
    expect(step(":as ana").output).toContain("you are now Ana (consumer");
    expect(step("/start").output).toContain("Share location");
    const here = step(":here williamsburg");
    expect(here.output).toContain("you share your location: Williamsburg");
    expect(here.output).toMatch(/deals? within/);
    expect(here.output).toMatch(/2\. Garlic knots for two: \$2\.50 ~~\$9~~ −72% · 140 m/);
    expect(here.output).toMatch(/\[2\] 2/);
  });

  it("opening it shows the card: the shop, the price against the usual one, and a Buy button", () => {
    const card = after(step(":here williamsburg"));
    expect(card.input).toBe("[2]");
    expect(card.output).toContain("Garlic knots for two");
    expect(card.output).toContain("Joe's Brick Oven Pizza");
    expect(card.output).toMatch(/2\.50/);
    expect(card.output).toMatch(/~~\$9~~ \(−72%\)/);
    expect(card.output).toContain("🛒 Buy");
  });

  it("buying asks how many, then sends an invoice and holds the units", () => {
    const buy = after(after(step(":here williamsburg")));
    expect(buy.input).toBe("[1]");
    expect(buy.output).toContain("how many? (up to 5)");
    const howMany = after(buy);
    expect(howMany.input).toBe("[2]");
    expect(howMany.output).toContain("🧾 Invoice: Garlic knots for two");
    expect(howMany.output).toContain("Total: 5.00 USD");
    expect(howMany.output).toContain("held for 15 minutes");
  });

  it("paying delivers one voucher per unit: a code and its QR code", () => {
    const paid = step(":pay");
    expect(paid.output).toContain("✅ Payment received: 2 × Garlic knots for two, $5");
    const codes = paid.output.match(/Code: [0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}/g) ?? [];
    expect(codes).toHaveLength(2);
    expect(paid.output.match(/🖼 photo: .*\.png/g)).toHaveLength(2);
  });

  it("the merchant scans the last QR code, confirms, and the buyer is told", () => {
    const scan = step(":scan");
    expect(scan.user).toBe("joe");
    expect(scan.output).toMatch(/you scan the QR code: https:\/\/t\.me\/\w+\?start=v-[0-9A-Z]{12}/);
    expect(scan.output).toContain("🎟 Redeem");
    expect(scan.output).toContain("bought by Ana?");
    const confirm = after(scan);
    expect(confirm.output).toMatch(/✅ Redeemed [0-9A-Z-]{14}: Garlic knots for two, 1 voucher \(\$2\.50\) from order #\d+ of 2, bought by Ana\./);
    expect(confirm.output).toMatch(/\[to Ana\] 🤖 ✅ Your voucher [0-9A-Z-]{14} for Garlic knots for two was redeemed at Joe's Brick Oven Pizza/);
  });
});

describe("the tour's request in plain words", () => {
  it("shows how it was understood and lists only the deals that fit", () => {
    const search = step("garlic knots under 5");
    expect(search.user).toBe("ana");
    expect(search.output).toContain("🔎 I understood: garlic, knots · up to 5");
    expect(search.output).toMatch(/Filtered search: \d+ of the \d+ (nearest )?deals within 5 km/);
    expect(search.output).toMatch(/1\. Garlic knots for two: \$2\.50/);
    expect(search.output).toContain("✖ up to 5");
  });
});

/**
 * What varies from run to run: voucher codes, dates (the sandbox runs on the
 * real clock), charge ids, where the sandbox folder is.
 */
function normalized(line: string): string {
  return line
    .trimEnd()
    .replace(/\b[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}\b/g, "CODE")
    .replace(/v-[0-9A-Z]{12}\b/g, "v-CODE")
    .replace(/\b\d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2}/g, "DATE")
    .replace(/🖼 photo: \S*\/files\//g, "🖼 photo: …/files/");
}

describe("the README's transcript of the tour", () => {
  it("shows only lines the sandbox really prints, in the order it prints them", () => {
    const readme = readFileSync(path.join(ROOT, "README.md"), "utf8");
    const block = /```\n(joe> \/newdeal[\s\S]*?)```/.exec(readme);
    expect(block, "the README shows the tour's transcript").not.toBeNull();
    // "…" stands for lines left out; blank lines only space it.
    const shownLines = block![1]!.split("\n").map(normalized).filter((l) => l.trim() !== "" && l.trim() !== "…");
    const printed = transcript.split("\n").map(normalized);
    let at = 0;
    for (const line of shownLines) {
      const found = printed.indexOf(line, at);
      expect(found, `README line not printed (after line ${at} of the transcript): ${line}`).toBeGreaterThanOrEqual(0);
      at = found + 1;
    }
  });
});
