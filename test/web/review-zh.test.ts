// Rating a visit in the Mini App in Chinese, in real Chromium against the real
// server and database: a Chinese-speaking buyer whose voucher was redeemed
// opens the review form from My vouchers, reads every label in Chinese, posts
// stars, a score, a text and a photo, and sees the thanks, the review on the shop's
// page and the voucher marked reviewed, all in Chinese.
import { PNG } from "pngjs";
import { beforeAll, describe, expect, it } from "vitest";
import { MiniAppClient } from "../support/mini-app-client.js";
import { browserSkipReason, openMiniApp, type MiniApp } from "../support/mini-app-browser.js";
import { describeEachDatabase } from "../support/databases.js";
import { miniAppSuite } from "../support/mini-app-suite.js";
import { TOKEN } from "../support/serving-app.js";

const skip = browserSkipReason();
if (skip) console.warn(skip);

const OWNER = { id: 9401, firstName: "Olga", languageCode: "en" };
const li = { id: 5401, firstName: "丽", languageCode: "zh-hans" };
const TEXT = "面条很筋道，服务也周到。";

/** A photo as a phone's gallery gives it. */
function photo(): Buffer {
  const png = new PNG({ width: 320, height: 240 });
  png.data.fill(0x99);
  return PNG.sync.write(png);
}

/**
 * Latin words in what the user reads, labels for screen readers included: an
 * English text left untranslated (the names here are all Chinese; a voucher's
 * code is the one Latin text shown).
 */
const latinWords = (app: MiniApp, selector: string) =>
  app.page.evaluate((selector) => {
    const root = document.querySelector(selector)!;
    const labels = [...root.querySelectorAll("[aria-label], [placeholder], img[alt]:not(.qr)")].map((el) =>
      ["aria-label", "placeholder", "alt"].map((name) => el.getAttribute(name) ?? "").join(" "),
    );
    const codes = new Set([...root.querySelectorAll(".code")].map((el) => el.textContent));
    const text = [...root.querySelectorAll<HTMLElement>("*")].flatMap((el) =>
      [...el.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE && !codes.has(el.textContent)).map((n) => n.textContent ?? ""),
    );
    return [...text, ...labels].join(" ").match(/[A-Za-z]{2,}/g) ?? [];
  }, selector);

describe.skipIf(skip !== null)("the review form in Chinese", () => {
  describeEachDatabase("on each database", (open) => {
    const suite = miniAppSuite(open);
    let app: MiniApp;

    beforeAll(async () => {
      const { services, repos } = suite.serving.app;
      suite.serving.emulator.addUser({ ...OWNER, started: true });
      suite.serving.emulator.addUser({ ...li, started: true });
      await repos.users.ensure({ id: OWNER.id, firstName: OWNER.firstName });
      await services.shops.register(BigInt(OWNER.id), { name: "老王面馆", category: "food", address: "南京路 1 号", openingHours: "", lat: 31.2304, lng: 121.4737 });
      const deal = await services.deals.publish(BigInt(OWNER.id), {
        title: "牛肉面一碗",
        description: "",
        priceMinor: 0,
        originalPriceMinor: 2800,
        quantity: 10,
        perPersonLimit: 1,
        days: 7,
        voucherValidDays: 30,
      });
      // Li claims the free bowl and the owner redeems it at the till, as the API tests do.
      const buyer = MiniAppClient.as(suite.serving.app.httpUrl!, li, TOKEN);
      expect((await buyer.post(`/api/deals/${deal.id}/invoice`, { quantity: 1 })).body).toEqual({ claimed: true });
      await suite.serving.settle();
      const [voucher] = (await buyer.get("/api/vouchers")).body.vouchers;
      const owner = MiniAppClient.as(suite.serving.app.httpUrl!, OWNER, TOKEN);
      const scanned = await owner.post("/api/redeem/scan", { text: voucher.code });
      expect((await owner.post("/api/redeem/confirm", { token: scanned.body.token })).body.redeemed.outcome).toBe("redeemed");
      await suite.serving.settle();
    }, 120_000);

    it("shows the form with its labels in Chinese, and asks for the stars in Chinese", { timeout: 120_000 }, async () => {
      app = await openMiniApp(suite.browser.context, { baseUrl: suite.serving.app.httpUrl!, token: TOKEN, user: li });
      const { page } = app;
      await page.locator("[data-tab=app-tab-vouchers]").click();
      const redeemed = page.locator(".voucher[data-state=REDEEMED]");
      await redeemed.waitFor();
      expect(await redeemed.locator(".state").textContent()).toBe("已使用");
      expect(await redeemed.locator("button.rate").textContent()).toBe("⭐ 评价这次消费");
      await redeemed.locator("button.rate").click();

      const form = page.locator(".review-form");
      await form.waitFor();
      expect(await page.locator("header h1").textContent()).toBe("评价这次消费");
      expect(await form.locator(".label").allTextContents()).toEqual(["你的评分", "更多细节（可选）", "说说你的体验（可选）", "照片（可选，最多 3 张）"]);
      expect(await form.locator(".sub-score > span").allTextContents()).toEqual(["口味 / 品质", "服务", "性价比"]);
      expect(await form.locator(".scores.stars button").evaluateAll((stars) => stars.map((s) => s.getAttribute("aria-label")))).toEqual(["1 星", "2 星", "3 星", "4 星", "5 星"]);
      expect(await form.locator("textarea[name=text]").getAttribute("placeholder")).toBe("哪里好，哪里不好…");
      expect(await form.locator(".add-photo").textContent()).toBe("📷 添加照片");
      expect(await form.locator(".submit").textContent()).toBe("发布评价");
      expect(app.events.filter((e) => e.type === "web_app_setup_main_button").at(-1)?.data).toMatchObject({ is_visible: true, text: "发布评价" });
      expect(await latinWords(app, ".review-form")).toEqual([]);

      await form.locator(".submit").click();
      expect(await form.locator(".message.error").textContent()).toBe("请先选择 1 到 5 星。");
      await app.screenshot("review-zh-1-form");
    });

    it("posts the stars, a score, the text and a photo, and shows the thanks, the shop's page and the voucher reviewed in Chinese", { timeout: 120_000 }, async () => {
      const { page } = app;
      const form = page.locator(".review-form");
      await form.locator('.scores.stars [data-score="5"]').click();
      await form.locator('.scores[data-name="service"] [data-score="4"]').click();
      await form.locator("textarea[name=text]").fill(TEXT);
      expect(await form.locator(".count").textContent()).toBe(`${[...TEXT].length}/500`);
      await form.locator("input[name=photos]").setInputFiles({ name: "noodles.png", mimeType: "image/png", buffer: photo() });
      await form.locator(".review-photos img").waitFor();
      expect(await form.locator(".remove-photo").getAttribute("aria-label")).toBe("移除这张照片");
      expect(await latinWords(app, ".review-form")).toEqual([]);
      await app.screenshot("review-zh-2-filled");
      await app.send("main_button_pressed", {});
      await form.locator(".message.success").waitFor();
      expect(await form.locator(".message.success").textContent()).toBe("⭐ 谢谢！你的评价已发布。");
      expect(await form.locator(".see-shop").textContent()).toBe("🏪 查看店铺评价");
      expect(await latinWords(app, ".review-form")).toEqual([]);

      await form.locator(".see-shop").click();
      const mine = page.locator(".review", { hasText: TEXT });
      await mine.waitFor();
      expect(await mine.locator(".review-head b").textContent()).toBe("★★★★★");
      expect(await mine.locator(".review-subs").textContent()).toBe("服务 4/5");
      await expect.poll(() => mine.locator(".photos img").count()).toBe(1);
      expect(await mine.locator(".helpful").textContent()).toBe("👍 有用（0）");
      expect(await page.locator(".reviews-page .rating").textContent()).toBe("⭐ 5.0（1）");
      await page.locator(".reviews-page .shop-offers:not([aria-busy])").waitFor();
      expect(await latinWords(app, "#app")).toEqual([]);
      await app.screenshot("review-zh-3-shop-page");

      // Back through the thanks to My vouchers, where the visit reads as reviewed.
      await app.send("back_button_pressed", {});
      await app.send("back_button_pressed", {});
      await expect.poll(() => page.locator(".voucher[data-state=REDEEMED] .reviewed").textContent()).toBe("✓ 已评价 ★5");
      expect(await page.locator(".voucher button.rate").count()).toBe(0);
      expect(await latinWords(app, "#app")).toEqual([]);
      expect(app.events.filter((e) => e.type === "page-error")).toEqual([]);
      await app.screenshot("review-zh-4-reviewed");
    });
  });
});
