// A shop's page in the Mini App lists the shop's offers on sale now, in real
// Chromium against the real server and database: reached from a deal's page,
// each offer opens its own page as on the map's list, an offer off sale is
// not there, and a shop with nothing on sale says so, in English and Chinese.
import { beforeAll, describe, expect, it } from "vitest";
import { DealStatus } from "../../src/domain/lifecycles.js";
import { browserSkipReason, openMiniApp, type MiniApp } from "../support/mini-app-browser.js";
import { describeEachDatabase } from "../support/databases.js";
import { miniAppSuite } from "../support/mini-app-suite.js";
import { TOKEN } from "../support/serving-app.js";

const skip = browserSkipReason();
if (skip) console.warn(skip);

const HERE = { lat: 40.7081, lng: -73.9571 };
const NOODLES_OWNER = 9301;
const CAFE_OWNER = 9302;
const ana = { id: 5301, firstName: "Ana", languageCode: "en" };
const li = { id: 5302, firstName: "Li", languageCode: "zh-hans" };

describe.skipIf(skip !== null)("a shop's offers in the Mini App", () => {
  describeEachDatabase("on each database", (open) => {
    const suite = miniAppSuite(open);
    let beefId: number;
    let dumplingsId: number;
    let sleepyId: number;

    beforeAll(async () => {
      const { services, repos } = suite.serving.app;
      for (const [id, firstName] of [[NOODLES_OWNER, "Olga"], [CAFE_OWNER, "Carl"]] as const) await repos.users.ensure({ id, firstName });
      const place = { category: "food" as const, address: "212 Bedford Ave", openingHours: "11-23", ...HERE };
      await services.shops.register(BigInt(NOODLES_OWNER), { name: "Noodle Bar", ...place });
      await services.shops.register(BigInt(CAFE_OWNER), { name: "Quiet Cafe", ...place, category: "cafe" });
      const base = { description: "Good", quantity: 20, perPersonLimit: 2, days: 7, voucherValidDays: 30 };
      const publish = (owner: number, title: string, priceMinor: number) => services.deals.publish(BigInt(owner), { ...base, title, priceMinor, originalPriceMinor: priceMinor * 2 });
      beefId = (await publish(NOODLES_OWNER, "Beef noodles", 1200)).id;
      dumplingsId = (await publish(NOODLES_OWNER, "Dumplings", 800)).id;
      const soup = await publish(NOODLES_OWNER, "Paused soup", 600);
      await repos.deals.setStatus(soup.id, [DealStatus.ACTIVE], DealStatus.PAUSED);
      // The café's one offer is paused: its page has nothing on sale.
      sleepyId = (await publish(CAFE_OWNER, "Sleepy latte", 500)).id;
      await repos.deals.setStatus(sleepyId, [DealStatus.ACTIVE], DealStatus.PAUSED);
    }, 120_000);

    /** The app opened on a deal's page (as from a deal card's "Open in app"), then its shop's page. */
    async function shopPageFrom(user: typeof ana, dealId: number): Promise<MiniApp> {
      const app = await openMiniApp(suite.browser.context, { baseUrl: suite.serving.app.httpUrl!, token: TOKEN, user, query: `deal=${dealId}` });
      await app.page.locator(".deal-page .shop-page").click();
      await app.page.locator(".reviews-page .shop-offers:not([aria-busy])").waitFor();
      return app;
    }

    it("lists the shop's offers on sale on its page, and opens one's page when tapped", { timeout: 120_000 }, async () => {
      const app = await shopPageFrom(ana, beefId);
      const { page } = app;
      const offers = page.locator(".shop-offers");
      expect(await offers.locator("h2").textContent()).toBe("Offers on sale");
      // Newest first; the paused soup is not for sale.
      expect(await offers.locator(".deal-card .deal-title").allTextContents()).toEqual(["Dumplings", "Beef noodles"]);
      expect(await offers.locator(`.deal-card[data-deal-id="${dumplingsId}"] .deal-price`).textContent()).toBe("$8$16−50%");
      await app.screenshot("shop-page-1-offers");

      await offers.locator(".deal-card", { hasText: "Dumplings" }).locator("button").click();
      await expect.poll(() => page.locator(".deal-page h1").textContent()).toBe("Dumplings");
      expect(app.events.filter((e) => e.type === "web_app_setup_back_button").at(-1)?.data).toEqual({ is_visible: true });
      // Back to the shop's page, its offers listed again.
      await app.send("back_button_pressed", {});
      await expect.poll(() => page.locator(".shop-offers .deal-card .deal-title").allTextContents()).toEqual(["Dumplings", "Beef noodles"]);
      expect(app.events.filter((e) => e.type === "page-error")).toEqual([]);
      await app.page.close();
    });

    it("says when the shop has no offers on sale, in English and in Chinese", { timeout: 120_000 }, async () => {
      const english = await shopPageFrom(ana, sleepyId);
      expect(await english.page.locator(".shop-offers .message").textContent()).toBe("No offers right now.");
      expect(await english.page.locator(".shop-offers .deal-card").count()).toBe(0);
      await english.screenshot("shop-page-2-no-offers");
      await english.page.close();

      const chinese = await shopPageFrom(li, sleepyId);
      expect(await chinese.page.locator(".shop-offers h2").textContent()).toBe("在售优惠");
      expect(await chinese.page.locator(".shop-offers .message").textContent()).toBe("暂时没有优惠。");
      expect(chinese.events.filter((e) => e.type === "page-error")).toEqual([]);
      await chinese.screenshot("shop-page-3-no-offers-zh");
      await chinese.page.close();
    });
  });
});
