// The Mini App in real Chromium (Debian's, driven by playwright-core), opened
// the way Telegram opens it: launch data in the URL's hash, and a stand-in for
// the Telegram client that records what the app posts and answers it.
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { PNG } from "pngjs";
import { launchDataFor, type LaunchUser } from "../../src/http/init-data.js";
import { DEMO_USERS } from "../../src/seed/demo-data.js";

export const CHROMIUM = process.env["CHROMIUM_PATH"] ?? "/usr/bin/chromium";
export const SCREENS_DIR = path.resolve(import.meta.dirname, "../../test-results/screens");

/** Only a machine without Chromium outside CI may skip the browser tests. */
export function browserSkipReason(): string | null {
  if (existsSync(CHROMIUM)) return null;
  if (process.env["CI"]) throw new Error(`Chromium is missing at ${CHROMIUM}; CI must run the browser tests (.ci/run installs it)`);
  return `Chromium not found at ${CHROMIUM}: the Mini App's browser tests are skipped (apt-get install chromium, or set CHROMIUM_PATH)`;
}

export const CHROMIUM_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** A telegram theme, dark or light, as Telegram passes it in tgWebAppThemeParams. */
export const THEMES = {
  light: { bg_color: "#ffffff", text_color: "#000000", hint_color: "#707579", link_color: "#2481cc", button_color: "#2481cc", button_text_color: "#ffffff", secondary_bg_color: "#f1f1f4" },
  dark: { bg_color: "#17212b", text_color: "#f5f5f5", hint_color: "#708499", link_color: "#6ab3f3", button_color: "#5288c1", button_text_color: "#ffffff", secondary_bg_color: "#232e3c" },
};

export interface PostedEvent {
  type: string;
  data: Record<string, unknown>;
}

type Answer = (event: PostedEvent, app: MiniApp) => void | Promise<void>;

export interface MiniApp {
  page: Page;
  /** Everything the app posted to Telegram, in order. */
  events: PostedEvent[];
  /** Telegram's answer to a posted event type (replacing any earlier one). */
  answer(type: string, answer: Answer): void;
  /** An event from Telegram to the app, as Telegram.WebView.receiveEvent. */
  send(type: string, data: Record<string, unknown>): Promise<void>;
  nextEvent(type: string, timeoutMs?: number): Promise<PostedEvent>;
  screenshot(name: string): Promise<void>;
}

/** A 256×256 tile of one colour: no map server is reached. */
export function blankTile(): Buffer {
  const png = new PNG({ width: 256, height: 256 });
  png.data.fill(0xee);
  return PNG.sync.write(png);
}

export async function launchBrowser(): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const profile = mkdtempSync(path.join(tmpdir(), "nearbuy-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_FLAGS,
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
  });
  const tile = blankTile();
  await context.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) =>
    route.request().resourceType() === "image" ? route.fulfill({ status: 200, contentType: "image/png", body: tile }) : route.abort(),
  );
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export interface OpenOptions {
  baseUrl: string;
  token: string;
  user: LaunchUser;
  theme?: keyof typeof THEMES;
  /** Where Telegram's LocationManager says the user is; without it, location is unavailable. */
  location?: { lat: number; lng: number };
  /** The Telegram client's Mini App version; 8.0 (LocationManager's) by default. */
  version?: string;
  /** What a t.me/<bot>/<app>?startapp=… link carries. */
  startParam?: string;
  /** false: a plain browser, as the sandbox opens the app, with no Telegram client around it. */
  telegramClient?: boolean;
  /** The app's address's query, as a web_app button may give it (e.g. "deal=42"). */
  query?: string;
}

export async function openMiniApp(context: BrowserContext, { baseUrl, token, user, theme = "light", location, startParam, query, version = "8.0", telegramClient = true }: OpenOptions): Promise<MiniApp> {
  const page = await context.newPage();
  const events: PostedEvent[] = [];
  const answers = new Map<string, Answer>();
  const waiting: { type: string; resolve(e: PostedEvent): void }[] = [];
  const app: MiniApp = {
    page,
    events,
    answer: (type, answer) => void answers.set(type, answer),
    send: (type, data) => page.evaluate(`window.Telegram.WebView.receiveEvent(${JSON.stringify(type)}, ${JSON.stringify(data)})`),
    nextEvent(type, timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`the app posted no ${type} within ${timeoutMs} ms`)), timeoutMs);
        waiting.push({ type, resolve: (e) => (clearTimeout(timer), resolve(e)) });
      });
    },
    async screenshot(name) {
      mkdirSync(SCREENS_DIR, { recursive: true });
      await page.screenshot({ path: path.join(SCREENS_DIR, `${name}.png`) });
    },
  };
  answers.set("web_app_check_location", () => app.send("location_checked", { available: !!location, access_requested: !!location, access_granted: !!location }));
  answers.set("web_app_request_location", () =>
    app.send("location_requested", location ? { available: true, latitude: location.lat, longitude: location.lng } : { available: false }),
  );
  await page.exposeFunction("__telegramPostEvent", (type: string, data: string) => {
    const event = { type, data: data ? (JSON.parse(data) as Record<string, unknown>) : {} };
    events.push(event);
    for (const w of waiting.filter((w) => w.type === type)) {
      waiting.splice(waiting.indexOf(w), 1);
      w.resolve(event);
    }
    void answers.get(type)?.(event, app);
  });
  // A string, not a function: the test runner's transform may name functions with helpers the page lacks.
  if (telegramClient) await page.addInitScript("window.TelegramWebviewProxy = { postEvent: (type, data) => window.__telegramPostEvent(type, data) };");
  const hash = new URLSearchParams({
    tgWebAppData: launchDataFor(user, token, new Date()),
    tgWebAppVersion: version,
    tgWebAppPlatform: "tdesktop",
    tgWebAppThemeParams: JSON.stringify(THEMES[theme]),
  });
  if (startParam) hash.set("tgWebAppStartParam", startParam);
  page.on("pageerror", (error) => events.push({ type: "page-error", data: { message: error.message } }));
  await page.goto(`${baseUrl}/app/${query ? `?${query}` : ""}#${hash.toString()}`);
  return app;
}

/** A demo user of the seed, as launch data names them. */
export function demoUser(key: string) {
  const user = DEMO_USERS.find((u) => u.key === key)!;
  return { id: user.id, firstName: user.firstName, languageCode: user.languageCode };
}
