// Send to a friend from a deal's page in the Mini App, in real Chromium against
// the real server and database: Telegram's share sheet sends the card the bot
// prepared, the app says so, and the friend who opens its link is counted for
// the sharer (the friends channel); closing the sheet sends nothing, and an
// older Telegram without the sheet gets inline mode with the deal chosen.
import { beforeAll, describe, expect, it } from "vitest";
import type { DealWithShop } from "../../src/domain/deal.js";
import { seedDemoData } from "../../src/seed/demo-data.js";
import { browserSkipReason, demoUser, openMiniApp } from "../support/mini-app-browser.js";
import { answerShareSheet } from "../support/mini-app-share.js";
import { describeEachDatabase } from "../support/databases.js";
import { miniAppSuite, startedUsers } from "../support/mini-app-suite.js";
import { TOKEN } from "../support/serving-app.js";

const skip = browserSkipReason();
if (skip) console.warn(skip);

const sharer = demoUser("ana");
const friend = demoUser("sam");
const merchant = demoUser("joe");

describe.skipIf(skip !== null)("Send to a friend in the Mini App", () => {
  describeEachDatabase("on each database", (open) => {
    const suite = miniAppSuite(open);
    let baseUrl: string;
    let deal: DealWithShop;

    beforeAll(async () => {
      await seedDemoData(suite.serving.app.repos, new Date());
      await startedUsers(suite.serving, [sharer, friend]);
      const shop = (await suite.serving.app.repos.shops.findByOwner(BigInt(merchant.id)))!;
      const onSale = [];
      for (const d of await suite.serving.app.repos.deals.listByShop(shop.id)) {
        const shared = await suite.serving.app.services.deals.shared(d.id);
        if (shared) onSale.push(shared);
      }
      deal = onSale[0]!;
      baseUrl = suite.serving.app.httpUrl!;
    }, 120_000);

    const openDeal = (version?: string) => openMiniApp(suite.browser.context, { baseUrl, token: TOKEN, user: sharer, query: `deal=${deal.id}`, ...(version ? { version } : {}) });

    it("sends the deal's card through Telegram's share sheet, and the friend who opens its link counts for the sharer", async () => {
      const app = await openDeal();
      const sheet = answerShareSheet(app, suite.serving.emulator, sharer.id);
      const share = app.page.locator('[data-action="share"]');
      await share.waitFor();
      expect(await share.textContent()).toBe("📤 Send to a friend");
      await share.click();
      await expect.poll(() => app.page.locator(".deal-page .status .message").textContent()).toBe("✅ Sent! Friends who come through it count for you (/friends).");
      await app.screenshot("share-sent");
      expect(sheet.sent).toHaveLength(1);
      const [message] = sheet.sent;
      expect(message!.via_bot?.username).toBe(suite.serving.app.bot.botInfo.username);
      expect(message!.text ?? message!.caption).toContain(deal.title);
      await suite.serving.settle();
      expect(await suite.serving.app.services.shares.brought(BigInt(sharer.id))).toMatchObject({ sent: 1, visitors: 0 });

      // The friend opens the card's link in the chat: the deal's card, and a visit through the sharer's share.
      const link = (message!.reply_markup!.inline_keyboard[0]![0] as { url: string }).url;
      const payload = new URL(link).searchParams.get("start")!;
      expect(payload).toMatch(new RegExp(`^d-${deal.id}-s\\d+$`));
      suite.serving.emulator.sendText(friend.id, `/start ${payload}`);
      await suite.serving.settle();
      expect(suite.serving.emulator.messages(friend.id).some((m) => (m.text ?? m.caption ?? "").includes(deal.title))).toBe(true);
      expect(await suite.serving.app.services.shares.brought(BigInt(sharer.id))).toMatchObject({ sent: 1, visitors: 1 });
      const shareId = Number(/-s(\d+)$/.exec(payload)![1]);
      const visits = await suite.serving.app.db.event.count({ where: { type: "VIEW", dealId: deal.id, source: `friends:${shareId}` } });
      expect(visits).toBe(1);
      expect(app.events.filter((e) => e.type === "page-error")).toEqual([]);
      await app.page.close();
    });

    it("says nothing was sent when the user closes the share sheet", async () => {
      const app = await openDeal();
      const sheet = answerShareSheet(app, suite.serving.emulator, sharer.id, { choice: "close" });
      await app.page.locator('[data-action="share"]').click();
      await expect.poll(() => app.page.locator(".deal-page .status .message").textContent()).toBe("Not sent.");
      expect(sheet.sent).toEqual([]);
      await app.page.close();
    });

    it("offers an older Telegram, without the share sheet, inline mode with the deal chosen", async () => {
      const app = await openDeal("7.10");
      await app.page.locator('[data-action="share"]').click();
      await expect.poll(() => app.events.find((e) => e.type === "web_app_switch_inline_query")?.data).toEqual({ query: `deal:${deal.id}`, chat_types: ["users", "groups"] });
      expect(app.events.map((e) => e.type)).not.toContain("web_app_send_prepared_message");
      await app.page.close();
    });
  });
});
