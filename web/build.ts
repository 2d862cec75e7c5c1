// Builds the Mini App into web/dist: one bundle of TypeScript and CSS (esbuild),
// the page, and the app's messages taken from locales/*.ftl. `--if-stale`
// builds only when a source, a locale or a setting changed since the last build.
import { createHash } from "node:crypto";
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build, type Plugin } from "esbuild";
import { loadConfig } from "../src/config.js";

const WEB = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(WEB, "..");
export const DIST = path.join(WEB, "dist");
const STAMP = path.join(DIST, ".stamp");
const LOCALES = ["en", "zh"] as const;
/** The messages the app shows: its own, the categories' names, the domain's refusals. */
const APP_MESSAGE = /^(app|category|error|stats-period)-/;

export interface WebBuildSettings {
  /** Map tiles, Leaflet's URL template. */
  tileUrl: string;
  tileAttribution: string;
}

/** The tile settings of src/config.ts, from the environment and .env as `npm start` reads them. */
function settingsFromEnvironment(): WebBuildSettings {
  if (existsSync(path.join(ROOT, ".env"))) process.loadEnvFile(path.join(ROOT, ".env"));
  const config = loadConfig();
  return { tileUrl: config.MINI_APP_TILE_URL, tileAttribution: config.MINI_APP_TILE_ATTRIBUTION };
}

/** Each top-level Fluent entry (its id line and its indented continuation), kept when the app uses it. */
export function appMessages(source: string): string {
  const entries: string[][] = [];
  for (const line of source.split("\n")) {
    if (/^-?[a-zA-Z][\w-]*[ \t]*=/.test(line)) entries.push([line]);
    else if (/^[ \t]/.test(line) && entries.length > 0) entries[entries.length - 1]!.push(line);
    else entries.push([]);
  }
  return entries
    .filter((lines) => APP_MESSAGE.test(lines[0] ?? ""))
    .map((lines) => lines.join("\n"))
    .join("\n");
}

const messagesPlugin: Plugin = {
  name: "messages",
  setup(b) {
    b.onResolve({ filter: /^virtual:messages$/ }, () => ({ path: "messages", namespace: "messages" }));
    b.onLoad({ filter: /.*/, namespace: "messages" }, () => {
      const messages = Object.fromEntries(LOCALES.map((l) => [l, appMessages(readFileSync(path.join(ROOT, "locales", `${l}.ftl`), "utf8"))]));
      return { contents: `export const messages = ${JSON.stringify(messages)};`, loader: "js", watchFiles: LOCALES.map((l) => path.join(ROOT, "locales", `${l}.ftl`)) };
    });
  },
};

function inputs(): string[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
  return [
    ...walk(path.join(WEB, "src")),
    path.join(WEB, "index.html"),
    path.join(WEB, "build.ts"),
    ...LOCALES.map((l) => path.join(ROOT, "locales", `${l}.ftl`)),
    path.join(ROOT, "src", "domain", "categories.ts"),
    path.join(ROOT, "src", "domain", "nearby.ts"),
    path.join(ROOT, "package-lock.json"),
  ];
}

/** What the last build was made of: its inputs' contents and the settings. */
function fingerprint(settings: WebBuildSettings): string {
  const hash = createHash("sha256").update(JSON.stringify(settings));
  for (const file of inputs().sort()) hash.update(file).update(readFileSync(file));
  return hash.digest("hex");
}

export function isStale(settings: WebBuildSettings = settingsFromEnvironment()): boolean {
  return !existsSync(STAMP) || readFileSync(STAMP, "utf8") !== fingerprint(settings);
}

export async function buildWebApp({ ifStale = false, settings = settingsFromEnvironment() }: { ifStale?: boolean; settings?: WebBuildSettings } = {}): Promise<boolean> {
  if (ifStale && !isStale(settings)) return false;
  rmSync(DIST, { recursive: true, force: true });
  mkdirSync(DIST, { recursive: true });
  await build({
    entryPoints: { main: path.join(WEB, "src", "main.ts") },
    bundle: true,
    format: "esm",
    target: ["es2020", "chrome100", "safari15"],
    minify: true,
    sourcemap: false,
    outdir: DIST,
    loader: { ".png": "file", ".svg": "file" },
    assetNames: "assets/[name]-[hash]",
    define: { __TILE_URL__: JSON.stringify(settings.tileUrl), __TILE_ATTRIBUTION__: JSON.stringify(settings.tileAttribution) },
    plugins: [messagesPlugin],
    logLevel: "warning",
  });
  copyFileSync(path.join(WEB, "index.html"), path.join(DIST, "index.html"));
  writeFileSync(STAMP, fingerprint(settings));
  return true;
}

/** The JavaScript the first screen loads: every script the page itself references. */
export function firstScreenScripts(): string[] {
  const html = readFileSync(path.join(DIST, "index.html"), "utf8");
  return [...html.matchAll(/<script[^>]*src="\.\/([^"]+)"/g)].map((m) => path.join(DIST, m[1]!)).filter((file) => statSync(file).isFile());
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const built = await buildWebApp({ ifStale: process.argv.includes("--if-stale") });
  console.log(built ? `Mini App built into ${path.relative(process.cwd(), DIST) || "."}` : "Mini App up to date");
}
