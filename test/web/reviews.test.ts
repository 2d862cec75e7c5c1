// A shop's rating and reviews in the Mini App, in real Chromium against the
// real server and database: the rating on the list and the deal's page, the
// reviews newest or most helpful first, a "helpful" vote counted once.
import { beforeAll, describe, expect, it } from "vitest";
import type { Shop } from "../../src/domain/shop.js";
import { seedDemoData } from "../../src/seed/demo-data.js";
import { browserSkipReason, demoUser, openMiniApp, type MiniApp } from "../support/mini-app-browser.js";
import { describeEachDatabase } from "../support/databases.js";
import { miniAppSuite } from "../support/mini-app-suite.js";
import { TOKEN } from "../support/serving-app.js";

const skip = browserSkipReason();
if (skip) console.warn(skip);

const buyer = demoUser("ana");
/** Wrote the reviews: the buyer may mark them helpful (nobody marks their own). */
const reviewer = demoUser("sam");
const merchant = demoUser("joe");

describe.skipIf(skip !== null)("reviews in the Mini App", () => {
  describeEachDatabase("on each database", (open) => {
    const suite = miniAppSuite(open);
    let shop: Shop;
    let app: MiniApp;

    beforeAll(async () => {
      await seedDemoData(suite.serving.app.repos, new Date());
      shop = (await suite.serving.app.repos.shops.findByOwner(BigInt(merchant.id)))!;
      const [deal] = await suite.serving.app.repos.deals.listByShop(shop.id);
      const write = (i: number, stars: number, text: string, minutesAgo: number) =>
        suite.serving.app.repos.reviews.create(
          { voucherId: 900_000 + i, shopId: shop.id, dealId: deal!.id, authorId: BigInt(reviewer.id), stars, quality: 5, service: null, value: null, text, photos: [] },
          new Date(Date.now() - minutesAgo * 60_000),
        );
      await write(1, 5, "Best knots in town", 60);
      await write(2, 4, "Good, a bit slow", 5);
    }, 120_000);

    it("shows the shop's rating in the list and on the deal's page, and its reviews", { timeout: 120_000 }, async () => {
      app = await openMiniApp(suite.browser.context, { baseUrl: suite.serving.app.httpUrl!, token: TOKEN, user: buyer, location: { lat: shop.lat, lng: shop.lng } });
      const { page } = app;
      await page.locator("#map[data-deals]").waitFor();
      const card = page.locator(".deal-card", { hasText: shop.name }).first();
      expect(await card.locator(".deal-shop").textContent()).toContain("⭐ 4.5 (2)");
      await card.locator("button").click();
      await page.locator(".deal-page .shop-reviews").waitFor();
      expect(await page.locator(".shop-reviews").textContent()).toBe("⭐ 4.5 (2) · see the reviews");
      await page.locator(".shop-reviews").click();
      await page.locator(".reviews-page .review").first().waitFor();
      const texts = () => page.locator(".review .review-text").allTextContents();
      expect(await texts()).toEqual(["Good, a bit slow", "Best knots in town"]);
      expect(await page.locator(".reviews-page .rating").textContent()).toBe("⭐ 4.5 (2)");
      expect(await page.locator(".review").first().locator(".review-subs").textContent()).toBe("Quality 5/5");
      await app.screenshot("reviews-1-shop-reviews");
    });

    it("counts a helpful vote once, and sorts the most helpful first", { timeout: 120_000 }, async () => {
      const { page } = app;
      const older = page.locator(".review", { hasText: "Best knots in town" }).locator(".helpful");
      await older.click();
      await expect.poll(() => older.textContent()).toBe("👍 Helpful (1)");
      expect(await older.isDisabled()).toBe(true);
      await page.locator(".reviews-page .sort").click();
      await expect.poll(() => page.locator(".review .review-text").allTextContents()).toEqual(["Best knots in town", "Good, a bit slow"]);
      expect(app.events.filter((e) => e.type === "page-error")).toEqual([]);
      await app.screenshot("reviews-2-most-helpful");
    });
  });
});
