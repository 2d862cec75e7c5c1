// The Mini App in real Chromium against the real server and database: a buyer
// finds deals on the map and in the list, filters them, opens one, buys it
// through Telegram's payment sheet (the emulator's payment, the chat's order),
// finds the voucher's QR code in My vouchers; the shop's owner scans that code
// and redeems it; the buyer's app then shows the voucher used, and the buyer
// rates the visit, with a photo, and finds the review on the shop's page;
// Saved and Following list what the buyer marked.
import { PNG } from "pngjs";
import { beforeAll, describe, expect, it } from "vitest";
import type { Shop } from "../../src/domain/shop.js";
import { decodeQr } from "../../src/sandbox/qr-scan.js";
import { seedDemoData } from "../../src/seed/demo-data.js";
import { describeEachDatabase } from "../support/databases.js";
import { miniAppSuite, startedUsers } from "../support/mini-app-suite.js";
import { browserSkipReason, demoUser, openMiniApp, type MiniApp } from "../support/mini-app-browser.js";
import { payInvoiceLink } from "../support/mini-app-payment.js";
import { TOKEN } from "../support/serving-app.js";

const skip = browserSkipReason();
if (skip) console.warn(skip);

const buyer = demoUser("ana");
const merchant = demoUser("joe");

/** A photo as a phone's gallery gives it: a PNG of a few colours. */
function photo(width: number, height: number): Buffer {
  const png = new PNG({ width, height });
  for (let i = 0; i < png.data.length; i += 4) png.data.set([(i / 4) % width, 120, 60, 255], i);
  return PNG.sync.write(png);
}

describe.skipIf(skip !== null)("the Mini App in Chromium", () => {
  // The whole journey on each database: the map, the checkout and the reviews are PostGIS and PostgreSQL at scale.
  describeEachDatabase("a buyer and a merchant", (open) => {
    const suite = miniAppSuite(open, { PAYMENT_PROVIDER_TOKEN: "284685063:TEST:sandbox" });
    let baseUrl: string;
    let shop: Shop;
    let buyerApp: MiniApp;
    let qrText: string;
    let dealId: number;

    beforeAll(async () => {
      await seedDemoData(suite.serving.app.repos, new Date());
      await startedUsers(suite.serving, [buyer, merchant]);
      shop = (await suite.serving.app.repos.shops.findByOwner(BigInt(merchant.id)))!;
      baseUrl = suite.serving.app.httpUrl!;
    }, 120_000);

    const mapCount = (app: MiniApp) => app.page.locator("#map").getAttribute("data-deals").then(Number);
    const listTitles = (app: MiniApp) => app.page.locator(".deal-card .deal-title").allTextContents();

    it("shows the deals around the user on the map and in the list below it", async () => {
      buyerApp = await openMiniApp(suite.browser.context, { baseUrl, token: TOKEN, user: buyer, location: { lat: shop.lat, lng: shop.lng } });
      const { page } = buyerApp;
      await page.locator("#map[data-deals]").waitFor();
      const shown = await mapCount(buyerApp);
      expect(shown).toBeGreaterThan(5);
      // Every deal is on the map, as a marker or inside a cluster's count.
      const markers = await page.locator(".deal-marker").count();
      const clustered = (await page.locator(".marker-cluster").allTextContents()).reduce((sum, n) => sum + Number(n), 0);
      expect(markers + clustered).toBe(shown);
      expect(await listTitles(buyerApp)).toHaveLength(shown);
      await expect.poll(() => page.locator(".leaflet-control-attribution").textContent()).toContain("OpenStreetMap");
      expect(buyerApp.events.filter((e) => e.type === "page-error")).toEqual([]);
      await buyerApp.screenshot("1-deals-map-and-list");
    });

    it("makes the list follow the map when it is moved by hand", async () => {
      const { page } = buyerApp;
      const before = await listTitles(buyerApp);
      const box = (await page.locator("#map").boundingBox())!;
      const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
      await page.mouse.move(x, y);
      await page.mouse.down();
      await page.mouse.move(x - 150, y + 150, { steps: 10 });
      await page.mouse.up();
      await expect.poll(() => listTitles(buyerApp)).not.toEqual(before);
      expect(await listTitles(buyerApp)).toHaveLength(await mapCount(buyerApp));
      await buyerApp.screenshot("1b-map-moved");
    });

    it("narrows the deals with a price filter", async () => {
      const { page } = buyerApp;
      const before = await mapCount(buyerApp);
      await page.locator("input[name=maxPrice]").fill("20");
      await page.locator("input[name=maxPrice]").dispatchEvent("change");
      await expect.poll(() => mapCount(buyerApp)).toBeLessThan(before);
      const prices = await page.locator(".deal-card .deal-price b").allTextContents();
      expect(prices.length).toBeGreaterThan(0);
      for (const price of prices) expect(Number(price.replace(/[^\d.]/g, ""))).toBeLessThanOrEqual(20);
      await buyerApp.screenshot("2-deals-filtered");
      await page.locator("input[name=maxPrice]").fill("");
      await page.locator("input[name=maxPrice]").dispatchEvent("change");
      await expect.poll(() => mapCount(buyerApp)).toBe(before);
    });

    /** Every marker and cluster drawn inside the map's box, and as many deals in them as the search returned. */
    const markersInView = (app: MiniApp) =>
      app.page.evaluate(() => {
        const box = document.querySelector("#map")!.getBoundingClientRect();
        const shown = [...document.querySelectorAll<HTMLElement>(".deal-marker span, .marker-cluster")];
        const inside = shown.filter((el) => {
          const r = el.getBoundingClientRect();
          const [x, y] = [r.left + r.width / 2, r.top + r.height / 2];
          return x >= box.left && x <= box.right && y >= box.top && y <= box.bottom;
        });
        return inside.reduce((sum, el) => sum + (el.classList.contains("marker-cluster") ? Number(el.textContent) : 1), 0);
      });

    it("searches in plain words from the search box, and fits the map to what it found", async () => {
      const { page } = buyerApp;
      // Zoomed in on a street, most of the circle is off the screen.
      for (let i = 0; i < 3; i++) await page.locator("#map").dblclick();
      await page.waitForTimeout(600);
      await expect.poll(() => page.locator("#map").getAttribute("aria-busy")).toBeNull();
      const before = await listTitles(buyerApp);
      const pizzas = (titles: string[]) => titles.filter((title) => /pizza/i.test(title)).length;
      await page.locator("input[name=q]").fill("pizza");
      await page.locator("input[name=q]").press("Enter");
      // The list may change more than once on the way (the map settling first): wait for the answer itself.
      await expect.poll(async () => pizzas(await listTitles(buyerApp))).toBeGreaterThan(pizzas(before));
      const titles = await listTitles(buyerApp);
      expect(titles.length).toBeGreaterThan(1);
      await expect.poll(() => markersInView(buyerApp)).toBe(titles.length);
      await buyerApp.screenshot("2b-search");
      await page.locator("input[name=q]").fill("");
      await page.locator("input[name=q]").press("Enter");
      await expect.poll(() => listTitles(buyerApp)).toEqual(before);
    });

    it("opens a deal's page with its price, terms and shop", async () => {
      const { page } = buyerApp;
      const card = page.locator(".deal-card", { hasText: shop.name }).first();
      dealId = Number(await card.getAttribute("data-deal-id"));
      await card.locator("button").click();
      await page.locator(".deal-page h1").waitFor();
      await expect.poll(() => page.locator(".shop h2").textContent()).toBe(shop.name);
      expect(await page.locator(".shop").textContent()).toContain(shop.address);
      expect(buyerApp.events.filter((e) => e.type === "web_app_setup_back_button").at(-1)?.data).toEqual({ is_visible: true });
      expect(buyerApp.events.filter((e) => e.type === "web_app_setup_main_button").at(-1)?.data).toMatchObject({ is_visible: true });
      await buyerApp.screenshot("3-deal-page");
    });

    it("follows the shop and saves the deal from its page, as the chat's card does, and shows both again on the next visit", async () => {
      const { page } = buyerApp;
      const follow = page.locator('.marks [data-toggle="follow"]');
      const save = page.locator('.marks [data-toggle="save"]');
      expect(await follow.textContent()).toBe("➕ Follow shop");
      await follow.click();
      await expect.poll(() => follow.getAttribute("aria-pressed")).toBe("true");
      expect(await follow.textContent()).toBe("✓ Following");
      await save.click();
      await expect.poll(() => save.textContent()).toBe("♥ Saved");
      await buyerApp.screenshot("3b-deal-followed-saved");
      const me = BigInt(buyer.id);
      expect((await suite.serving.app.services.follows.following(me)).map((f) => f.shop.id)).toEqual([shop.id]);
      expect((await suite.serving.app.services.follows.saved(me)).map((s) => s.deal.id)).toEqual([dealId]);

      const again = await openMiniApp(suite.browser.context, { baseUrl, token: TOKEN, user: buyer, query: `deal=${dealId}` });
      await expect.poll(() => again.page.locator('.marks [data-toggle="follow"]').textContent()).toBe("✓ Following");
      await again.page.locator('.marks [data-toggle="save"]').click();
      await expect.poll(() => again.page.locator('.marks [data-toggle="save"]').textContent()).toBe("♡ Save");
      expect(await suite.serving.app.services.follows.saved(me)).toEqual([]);
      await again.page.close();
    });

    it("opens the deal a shared link names, with a way back to the map", async () => {
      const linked = await openMiniApp(suite.browser.context, { baseUrl, token: TOKEN, user: buyer, location: { lat: shop.lat, lng: shop.lng }, startParam: `d-${dealId}` });
      await expect.poll(() => linked.page.locator(".shop h2").textContent()).toBe(shop.name);
      await linked.send("back_button_pressed", {});
      await linked.page.locator("#map[data-deals]").waitFor();
      await linked.page.close();
      // A deal card's "Open in app" button names the deal in the app's address.
      const fromCard = await openMiniApp(suite.browser.context, { baseUrl, token: TOKEN, user: buyer, query: `deal=${dealId}` });
      await expect.poll(() => fromCard.page.locator(".shop h2").textContent()).toBe(shop.name);
      await fromCard.page.close();
    });

    it("asks an older Telegram for no location it cannot give, and falls back to the last one shared in the chat", async () => {
      suite.serving.emulator.sendLocation(buyer.id, shop.lat, shop.lng);
      await suite.serving.settle();
      const older = await openMiniApp(suite.browser.context, { baseUrl, token: TOKEN, user: buyer, version: "7.10" });
      await older.page.locator("#map[data-deals]").waitFor();
      expect(await mapCount(older)).toBeGreaterThan(0);
      expect(older.events.map((e) => e.type)).not.toContain("web_app_check_location");
      await older.page.close();
    });

    it("speaks Chinese to a Chinese user, in Telegram's dark theme", async () => {
      const li = demoUser("li");
      const app = await openMiniApp(suite.browser.context, { baseUrl, token: TOKEN, user: li, theme: "dark", location: { lat: shop.lat, lng: shop.lng } });
      await app.page.locator("#map[data-deals]").waitFor();
      expect(await app.page.locator("[data-tab=app-tab-deals]").textContent()).toBe("优惠");
      expect(await app.page.evaluate("getComputedStyle(document.body).backgroundColor")).toBe("rgb(23, 33, 43)");
      await app.screenshot("9-deals-zh-dark");
      await app.page.close();
    });

    it("buys through Telegram's payment sheet and shows the voucher's QR code in My vouchers", async () => {
      buyerApp.answer("web_app_open_invoice", async (event, app) => {
        const slug = String(event.data["slug"]);
        const paid = await payInvoiceLink(suite.serving, buyer.id, slug);
        await app.send("invoice_closed", { slug, status: paid ? "paid" : "failed" });
      });
      await buyerApp.send("main_button_pressed", {});
      const { page } = buyerApp;
      const voucher = page.locator(".voucher[data-state=ACTIVE]").first();
      await voucher.waitFor({ timeout: 20_000 });
      const qr = voucher.locator("img.qr");
      await expect.poll(() => page.evaluate("document.querySelector('.voucher[data-state=ACTIVE] img.qr')?.naturalWidth ?? 0")).toBeGreaterThan(0);
      // Scanned from the pixels shown, as a shop's camera would.
      qrText = decodeQr(await qr.screenshot()) ?? "";
      expect(qrText).not.toBe("");
      expect(await page.locator("[data-tab=app-tab-vouchers]").getAttribute("class")).toBe("selected");
      expect(await voucher.locator(".code").textContent()).toMatch(/^\w{4}-\w{4}-\w{4}$/);
      expect(buyerApp.events.some((e) => e.type === "web_app_trigger_haptic_feedback" && e.data["notification_type"] === "success")).toBe(true);
      await buyerApp.screenshot("4-my-vouchers");
    });

    it("lets the shop's owner scan the customer's code and redeem it; the buyer then sees it used", async () => {
      const shopApp = await openMiniApp(suite.browser.context, { baseUrl, token: TOKEN, user: merchant });
      const { page } = shopApp;
      await page.locator("[data-tab=app-tab-shop]").click();
      await page.locator(".offers .offer").first().waitFor();
      await shopApp.screenshot("5-shop");
      // A code of no voucher first: the refusal in words, not its code.
      shopApp.answer("web_app_open_scan_qr_popup", (_event, app) => app.send("qr_text_received", { data: "ZZZZ-ZZZZ-ZZZZ" }));
      await shopApp.send("main_button_pressed", {});
      const refusal = await page.locator(".scan-status .message.error").textContent();
      expect(refusal).toMatch(/code/i);
      expect(refusal).not.toMatch(/^[a-z-]+$/);
      shopApp.answer("web_app_open_scan_qr_popup", (_event, app) => app.send("qr_text_received", { data: qrText }));
      await shopApp.send("main_button_pressed", {});
      await page.locator(".confirm").waitFor();
      await shopApp.screenshot("6-scan-confirm");
      await page.locator(".confirm button.primary").click();
      await page.locator(".scan-status .message.success").waitFor();
      await shopApp.screenshot("7-redeemed");

      await buyerApp.page.locator("[data-tab=app-tab-vouchers]").click();
      await buyerApp.page.locator(".voucher[data-state=REDEEMED]").first().waitFor();
      await buyerApp.screenshot("8-voucher-redeemed");
      await page.close();
    });

    it("lets the buyer rate the redeemed visit, with a photo, and shows the review on the shop's page", async () => {
      const { page } = buyerApp;
      const redeemed = page.locator(".voucher[data-state=REDEEMED]").first();
      await redeemed.locator("button.rate").click();
      await page.locator(".review-form").waitFor();
      // The stars are the one thing required: posting without them says so, and sends nothing.
      await page.locator(".review-form .submit").click();
      expect(await page.locator(".review-form .message.error").textContent()).toBe("Please pick 1 to 5 stars first.");
      await page.locator('.scores.stars [data-score="4"]').click();
      await page.locator('.scores[data-name="quality"] [data-score="5"]').click();
      await page.locator("textarea[name=text]").fill("Crispy crust, friendly staff.");
      await page.locator("input[name=photos]").setInputFiles({ name: "pizza.png", mimeType: "image/png", buffer: photo(640, 480) });
      await page.locator(".review-photos img").waitFor();
      expect(await page.locator(".review-form .add-photo").isVisible()).toBe(true);
      await buyerApp.screenshot("8b-review-form");
      await page.locator(".review-form .submit").click();
      await page.locator(".review-form .message.success").waitFor();
      expect(buyerApp.events.some((e) => e.type === "web_app_trigger_haptic_feedback" && e.data["notification_type"] === "success")).toBe(true);

      await page.locator(".review-form .see-shop").click();
      const mine = page.locator(".review", { hasText: "Crispy crust, friendly staff." });
      await mine.waitFor();
      expect(await mine.locator(".review-head b").textContent()).toBe("★★★★☆");
      expect(await mine.locator(".review-subs").textContent()).toBe("Quality 5/5");
      await expect.poll(() => page.evaluate("document.querySelector('.review .photos img')?.naturalWidth ?? 0")).toBeGreaterThan(0);
      expect(await page.locator(".reviews-page .rating").textContent()).toBe("⭐ 4.0 (1)");
      await buyerApp.screenshot("8c-review-on-shop-page");
      // The shop's owner heard of it, as of a review written in the chat.
      expect(suite.serving.emulator.messages(merchant.id).some((m) => (m.text ?? "").includes("Crispy crust"))).toBe(true);

      // Back through the thanks (not an empty form again) to the wallet, where the visit reads as reviewed.
      await buyerApp.send("back_button_pressed", {});
      await page.locator(".review-form .message.success").waitFor();
      expect(await page.locator(".review-form textarea").count()).toBe(0);
      await buyerApp.send("back_button_pressed", {});
      await expect.poll(() => page.locator(".voucher[data-state=REDEEMED] .reviewed").first().textContent()).toBe("✓ Reviewed ★4");
      expect(await page.locator(".voucher button.rate").count()).toBe(0);
      expect(buyerApp.events.filter((e) => e.type === "page-error")).toEqual([]);
      await buyerApp.screenshot("8d-voucher-reviewed");
    });

    it("lists the shops followed and the deals saved from the main navigation, opens them and removes them", async () => {
      const { page } = buyerApp;
      const me = BigInt(buyer.id);
      // Followed from the deal's page above.
      await page.locator("[data-tab=app-tab-following]").click();
      const followed = page.locator(".marked-item", { hasText: shop.name });
      await followed.waitFor();
      expect(await followed.locator(".on-sale").textContent()).toMatch(/^\d+ offers? on sale$/);
      await buyerApp.screenshot("11-following");
      // The shop's page shows the follow and flips it.
      await followed.locator(".open").click();
      const follow = page.locator('.reviews-page [data-toggle="follow"]');
      await expect.poll(() => follow.textContent()).toBe("✓ Following");
      await buyerApp.screenshot("11b-shop-page");
      await follow.click();
      await expect.poll(() => follow.textContent()).toBe("➕ Follow shop");
      expect(await suite.serving.app.services.follows.following(me)).toEqual([]);
      await follow.click();
      await expect.poll(() => follow.textContent()).toBe("✓ Following");
      await buyerApp.send("back_button_pressed", {});
      await followed.locator(".remove").click();
      await expect.poll(() => page.locator(".marked .message").textContent()).toMatch(/^You follow no shop yet/);
      expect(await suite.serving.app.services.follows.following(me)).toEqual([]);

      await suite.serving.app.services.follows.save(me, dealId);
      await page.locator("[data-tab=app-tab-saved]").click();
      const saved = page.locator(`.marked-item[data-id="${dealId}"]`);
      await saved.waitFor();
      await buyerApp.screenshot("12-saved");
      await saved.locator(".open").click();
      await expect.poll(() => page.locator('.marks [data-toggle="save"]').textContent()).toBe("♥ Saved");
      await buyerApp.send("back_button_pressed", {});
      await page.locator(`.marked-item[data-id="${dealId}"] .remove`).click();
      await expect.poll(() => page.locator(".marked .message").textContent()).toBe("Nothing saved yet. Tap ♡ Save on a deal to keep it here.");
      expect(await suite.serving.app.services.follows.saved(me)).toEqual([]);
      expect(buyerApp.events.filter((e) => e.type === "page-error")).toEqual([]);
    });

    it("charts the shop's purchases and redemptions per day, named in a caption", async () => {
      const shopApp = await openMiniApp(suite.browser.context, { baseUrl, token: TOKEN, user: merchant });
      const { page } = shopApp;
      await page.locator("[data-tab=app-tab-shop]").click();
      const chart = page.locator(".stats figure.chart");
      await chart.waitFor();
      for (const series of ["purchases", "redemptions"]) {
        const bars = chart.locator(`svg [data-series=${series}] rect`);
        expect(await bars.count()).toBe(7);
        // Today's voucher was bought and then redeemed above.
        expect(Number(await bars.last().getAttribute("height"))).toBeGreaterThan(0);
      }
      const caption = await chart.locator("figcaption").textContent();
      expect(caption).toContain("Purchases");
      expect(caption).toContain("Redemptions");
      expect(caption).toContain("7 days");
      await page.locator(".periods button", { hasText: "30 days" }).click();
      await expect.poll(() => chart.locator("figcaption").textContent()).toContain("30 days");
      expect(await chart.locator("svg [data-series=redemptions] rect").count()).toBe(30);
      await shopApp.screenshot("7b-stats-chart");
      await page.close();
    });

    it("lets a plain browser stand in for Telegram's scanner, as in the sandbox: the code is typed", async () => {
      const browserOnly = await openMiniApp(suite.browser.context, { baseUrl, token: TOKEN, user: merchant, telegramClient: false });
      const { page } = browserOnly;
      page.on("dialog", (dialog) => void dialog.accept("ZZZZ-ZZZZ-ZZZZ"));
      await page.locator("[data-tab=app-tab-shop]").click();
      await page.locator(".scan button.primary").click();
      await page.locator(".scan-status .message.error").waitFor();
      expect(browserOnly.events).toEqual([]);
      await page.close();
    });

    it("tells a buyer in a plain browser, with no payment sheet, that the payment is pending", async () => {
      const browserOnly = await openMiniApp(suite.browser.context, { baseUrl, token: TOKEN, user: buyer, telegramClient: false, query: `deal=${dealId}` });
      const { page } = browserOnly;
      await page.locator(".buy button.primary").click();
      await expect.poll(() => page.locator(".deal-page .message").textContent()).toMatch(/pending/);
      await page.close();
    });

    it("pauses and resumes the shop's offer", async () => {
      const shopApp = await openMiniApp(suite.browser.context, { baseUrl, token: TOKEN, user: merchant });
      const { page } = shopApp;
      await page.locator("[data-tab=app-tab-shop]").click();
      const first = page.locator(".offers .offer").first();
      const title = await first.locator("span").first().textContent();
      const offer = page.locator(".offers .offer", { hasText: title! });
      await offer.locator("button").click();
      await expect.poll(() => offer.getAttribute("data-status")).toBe("PAUSED");
      await shopApp.screenshot("10-offer-paused");
      await offer.locator("button").click();
      await expect.poll(() => offer.getAttribute("data-status")).toBe("ACTIVE");
      await page.close();
    });
  });
});
