// Only Telegram's signed, fresh launch data opens the API: anything else is
// refused with 401 before any route runs, and nothing is written.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signInitData } from "../../src/http/init-data.js";
import { MiniAppClient } from "../support/mini-app-client.js";
import { serveApp, TOKEN, type ServingApp } from "../support/serving-app.js";

let serving: ServingApp;
let base: string;

beforeAll(async () => {
  serving = await serveApp({ env: { PORT: "0", MINI_APP_MAX_AGE_SECONDS: "600", MINI_APP_URL: "https://bot.example.com/app/" } });
  base = serving.app.httpUrl!;
});
afterAll(() => serving.close());

const now = () => Math.floor(Date.now() / 1000);
const user = (id: number) => JSON.stringify({ id, first_name: "Eve" });

describe("the API's door", () => {
  it("refuses missing, forged, expired, future and foreign launch data with 401, creating no user", async () => {
    const forged = signInitData({ auth_date: String(now()), user: user(7001) }, TOKEN).replace(/hash=(.)/, (_m, c: string) => `hash=${c === "0" ? "1" : "0"}`);
    const otherBot = signInitData({ auth_date: String(now()), user: user(7002) }, "42:another-bot-token-aaaaaaaaaaaaaaaaaaaaaa");
    const expired = signInitData({ auth_date: String(now() - 601), user: user(7003) }, TOKEN);
    // Dated an hour ahead: Telegram signs at the app's opening, so only someone holding the token could make it.
    const ahead = signInitData({ auth_date: String(now() + 3600), user: user(7006) }, TOKEN);
    const headers = [undefined, "", "tma", `tma ${forged}`, `tma ${otherBot}`, `tma ${expired}`, `tma ${ahead}`, `Bearer ${signInitData({ auth_date: String(now()), user: user(7004) }, TOKEN)}`];
    for (const header of headers) {
      for (const [method, path] of [["GET", "/api/me"], ["GET", "/api/deals?lat=1&lng=1"], ["GET", "/api/vouchers"], ["POST", "/api/deals/1/invoice"]] as const) {
        const client = MiniAppClient.withHeader(base, header);
        const answer = method === "GET" ? await client.get(path) : await client.post(path, { quantity: 1 });
        expect(answer, `${header} ${path}`).toEqual({ status: 401, body: { error: { code: "unauthorized" } } });
      }
    }
    for (const id of [7001n, 7002n, 7003n, 7004n, 7006n]) expect(await serving.app.repos.users.find(id)).toBeNull();
  });

  it("lets in fresh launch data signed with the bot's token", async () => {
    const client = MiniAppClient.as(base, { id: 7005, firstName: "Ada" }, TOKEN, new Date(Date.now() - 500_000));
    expect((await client.get("/api/me")).status).toBe(200);
    expect(await serving.app.repos.users.find(7005n)).toMatchObject({ firstName: "Ada" });
  });

  it("sets the bot's menu button to open the app at start", () => {
    expect(serving.emulator.menuButton).toEqual({ type: "web_app", text: "Nearbuy", web_app: { url: "https://bot.example.com/app/" } });
  });

  it("answers an unknown API route with 404", async () => {
    const client = MiniAppClient.as(base, { id: 7006, firstName: "Bo" }, TOKEN);
    expect(await client.get("/api/nothing-here")).toEqual({ status: 404, body: { error: { code: "not-found" } } });
  });
});
