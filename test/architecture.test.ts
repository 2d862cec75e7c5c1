// The architecture rules (.dependency-cruiser.cjs, run by `npm test` on src/
// and web/src/) must catch what they promise: each rule is run here on a small
// tree that breaks it, laid out like the project.
import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "..");
const run = promisify(execFile);

/** Files of the probe tree: path → source. */
const PROBE: Record<string, string> = {
  "src/db/deal.repository.ts": `export const deals = 1;\n`,
  "src/generated/prisma/client.ts": `export type Row = { id: number };\n`,
  "src/domain/deal.ts": `import { deals } from "../db/deal.repository.js";\nexport const rule = deals;\n`,
  "src/core/deal.service.ts": `import { deals } from "../db/deal.repository.js";\nexport const service = deals;\n`,
  "src/bot/features/nearby.ts": `import type { Row } from "../../generated/prisma/client.js";\nexport const row: Row | null = null;\n`,
  "src/jobs/push.job.ts": `import { row } from "../bot/features/nearby.js";\nexport const job = row;\n`,
  "src/util/a.ts": `import { b } from "./b.js";\nexport const a = () => b;\n`,
  "src/util/b.ts": `import { a } from "./a.js";\nexport const b = () => a;\n`,
  "src/app.ts": `import { deals } from "./db/deal.repository.js";\nexport const app = deals;\n`,
  "web/src/screens/deal-screen.ts": `import { rule } from "../../../src/domain/deal.js";\nimport { service } from "../../../src/core/deal.service.js";\nexport const screen = [rule, service];\n`,
};

describe("the architecture rules", () => {
  let dir: string;
  let broken: { rule: string; from: string; to: string }[];

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), "nearbuy-architecture-"));
    for (const [file, source] of Object.entries(PROBE)) {
      mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      writeFileSync(path.join(dir, file), source);
    }
    writeFileSync(path.join(dir, "tsconfig.json"), JSON.stringify({ compilerOptions: { module: "nodenext", moduleResolution: "nodenext", strict: true } }));
    const cli = path.join(ROOT, "node_modules/.bin/depcruise");
    const config = path.join(ROOT, ".dependency-cruiser.cjs");
    // The CLI exits non-zero when rules are broken: that is what this probe wants.
    const output = await run(cli, ["src", "web/src", "--config", config, "--output-type", "json"], { cwd: dir }).catch(
      (error: { stdout: string }) => ({ stdout: error.stdout }),
    );
    const result = JSON.parse(output.stdout) as { summary: { violations: { rule: { name: string }; from: string; to: string }[] } };
    broken = result.summary.violations.map((v) => ({ rule: v.rule.name, from: v.from, to: v.to }));
  }, 60_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const brokenBy = (rule: string) => broken.filter((v) => v.rule === rule).map((v) => `${v.from} → ${v.to}`);

  it("refuse a domain rule that reaches the database", () => {
    expect(brokenBy("domain-is-pure")).toEqual(["src/domain/deal.ts → src/db/deal.repository.ts"]);
  });

  it("refuse a use case that reaches an adapter instead of a port", () => {
    expect(brokenBy("core-knows-ports-only")).toEqual(["src/core/deal.service.ts → src/db/deal.repository.ts"]);
  });

  it("refuse Prisma's types in the bot", () => {
    expect(brokenBy("fronts-never-touch-the-database")).toEqual(["src/bot/features/nearby.ts → src/generated/prisma/client.ts"]);
    expect(brokenBy("prisma-stays-in-db")).toContain("src/bot/features/nearby.ts → src/generated/prisma/client.ts");
  });

  it("refuse a job that calls a bot feature", () => {
    expect(brokenBy("jobs-call-use-cases")).toEqual(["src/jobs/push.job.ts → src/bot/features/nearby.ts"]);
  });

  it("refuse a cycle", () => {
    // Reported once, where the cycle is entered.
    expect(brokenBy("no-cycles")).toEqual(["src/util/a.ts → src/util/b.ts"]);
  });

  it("refuse server code in the Mini App, but for the domain", () => {
    expect(brokenBy("the-mini-app-is-a-client")).toEqual(["web/src/screens/deal-screen.ts → src/core/deal.service.ts"]);
  });

  it("let the composition root alone wire adapters", () => {
    expect(broken.filter((v) => v.from === "src/app.ts")).toEqual([]);
    expect(brokenBy("only-the-composition-root-wires-adapters")).toContain("src/core/deal.service.ts → src/db/deal.repository.ts");
  });
});
