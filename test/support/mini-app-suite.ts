// What every browser test of the Mini App starts from: the app built, the
// real server on the suite's database with MINI_APP_URL set, and one
// Chromium, both closed after the suite. Each file adds its own data.
import { afterAll, beforeAll } from "vitest";
import { buildWebApp } from "../../web/build.js";
import type { OpenTestDb } from "./databases.js";
import { launchBrowser } from "./mini-app-browser.js";
import { serveApp, type ServingApp } from "./serving-app.js";

export interface MiniAppSuite {
  serving: ServingApp;
  browser: Awaited<ReturnType<typeof launchBrowser>>;
}

/** Registers the suite's start and end; its fields are there from the first test's hooks on. */
export function miniAppSuite(database: OpenTestDb, env: Record<string, string> = {}): MiniAppSuite {
  const suite = {} as MiniAppSuite;
  beforeAll(async () => {
    await buildWebApp({ ifStale: true });
    suite.serving = await serveApp({ database, env: { PORT: "0", MINI_APP_URL: "https://nearbuy.example/app/", ...env } });
    suite.browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    await suite.browser?.close();
    await suite.serving?.close();
  });
  return suite;
}

/** Users who opened the bot's chat, as the emulator knows them, with /start handled. */
export async function startedUsers(serving: ServingApp, users: { id: number; firstName: string; languageCode?: string }[]): Promise<void> {
  for (const user of users) {
    serving.emulator.addUser(user);
    serving.emulator.sendText(user.id, "/start");
  }
  await serving.settle();
}
