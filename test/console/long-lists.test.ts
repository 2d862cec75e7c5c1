// Lists that grow past one message: 45 refunds, 110 staff, pages of pending
// shops, offers and vouchers, all with the longest names the bot accepts.
// Every list is one message a page, each page within Telegram's 4096
// characters (the harness refuses more, counted as Telegram counts), ◀ / ▶
// turn the pages, and every item is reachable.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Deal } from "../../src/domain/deal.js";
import { button, buttonTexts, createHarness, only, type ApiCall, type UserChat } from "../support/bot-harness.js";
import { orderRow } from "./fixtures.js";

const HERE = { lat: 31.2304, lng: 121.4737 };
const OWNER = 2001;
const ADMIN = 2999;
// Emoji count two characters each for Telegram: the longest texts there are.
const longName = (i: number, max: number) => `${i} ${"🍜".repeat(max - String(i).length - 1)}`;

/** Presses ▶ from the first page to the last, then ◀ back once; returns every page. */
async function everyPage(chat: UserChat, first: ApiCall): Promise<ApiCall[]> {
  const pages = [first];
  for (let page = first; buttonTexts(page).includes("▶"); ) {
    page = only(await chat.press(button(page, "▶")));
    expect(page.method).toBe("editMessageText");
    pages.push(page);
    if (pages.length > 50) throw new Error("no last page");
  }
  expect(buttonTexts(pages[0]!)).not.toContain("◀");
  if (pages.length > 1) {
    const back = only(await chat.press(button(pages.at(-1)!, "◀")));
    expect(back.text).toBe(pages.at(-2)!.text);
  }
  for (const [i, page] of pages.entries()) {
    expect(page.text.length).toBeLessThanOrEqual(4096);
    expect(buttonTexts(page).length).toBeLessThanOrEqual(100);
    if (pages.length > 1) expect(page.text).toContain(`Page ${i + 1} of ${pages.length}`);
  }
  return pages;
}

describe("lists longer than one message", () => {
  const h = createHarness({ adminIds: [BigInt(ADMIN)] });
  let owner: UserChat;
  let deals: Deal[];

  beforeAll(async () => {
    const shop = await h.shop(OWNER, { ...HERE, name: longName(0, 64) });
    await h.services.operator.approve(shop.id);
    owner = h.user({ id: OWNER, firstName: "Olga", languageCode: "en" });
    deals = [];
    for (let i = 1; i <= 45; i++) deals.push(await h.publish(OWNER, { title: longName(i, 80) }));
  });
  afterAll(() => h.close());

  it("/refunds shows 45 refunds due a page at a time, each with its button", async () => {
    await h.db.repos.users.ensure({ id: 2002, firstName: "Buyer" });
    for (const [i, deal] of deals.entries()) {
      await h.db.db.order.create({
        data: {
          ...orderRow(2002n, deal.id, 1000, 2000, { status: "REFUND_DUE", source: "nearby", createdAt: "2026-05-01T10:00:00Z" }),
          refundMinor: 1000,
          providerChargeId: `ch_${String(i).padStart(3, "0")}_${"x".repeat(56)}`,
        },
      });
    }
    const pages = await everyPage(owner, only(await owner.send("/refunds")));
    expect(pages.length).toBeGreaterThan(1);
    const orders = pages.flatMap((p) => buttonTexts(p).filter((t) => t.startsWith("#")));
    const due = await h.services.vouchers.refundsDue(BigInt(OWNER));
    expect(due).toHaveLength(45);
    expect(orders).toEqual(due.map((o) => `#${o.id}`));
    for (const o of due) expect(pages.filter((p) => p.text.includes(`#${o.id} · `))).toHaveLength(1);
    expect(pages[0]!.text).toMatch(/^↩️ Refunds due \(45\)/);

    // In Chinese too.
    await h.db.repos.users.setLanguage(BigInt(OWNER), "zh");
    try {
      const zh = only(await owner.send("/refunds"));
      expect(zh.text.split("\n").slice(0, 2)).toEqual([
        "↩️ 待退款（45）：请逐笔通过支付服务商退款，然后点对应按钮。",
        `第 1 / ${pages.length} 页`,
      ]);
    } finally {
      await h.db.repos.users.setLanguage(BigInt(OWNER), "en");
    }
  });

  it("/staff lists 110 members page by page, and removing one keeps the page", async () => {
    const shop = (await h.db.repos.shops.findByOwner(BigInt(OWNER)))!;
    for (let i = 1; i <= 110; i++) {
      await h.db.repos.users.ensure({ id: 3000 + i, firstName: longName(i, 64) });
      await h.db.db.shopStaff.create({ data: { shopId: shop.id, userId: BigInt(3000 + i) } });
    }
    const pages = await everyPage(owner, only(await owner.send("/staff")));
    expect(pages.length).toBeGreaterThanOrEqual(11);
    const removable = pages.flatMap((p) => buttonTexts(p).filter((t) => t.startsWith("✖ Remove")));
    expect(removable).toHaveLength(110);
    expect(new Set(removable).size).toBe(110);
    expect(pages.flatMap((p) => p.text.split("\n").filter((l) => l.startsWith("• ")))).toHaveLength(110);

    const third = pages[2]!;
    const victim = buttonTexts(third).find((t) => t.startsWith("✖ Remove"))!;
    const after = only(await owner.press(button(third, victim)));
    expect(after.text).toContain("(109)");
    expect(after.text).toContain(`Page 3 of ${pages.length}`);
    expect(buttonTexts(after)).not.toContain(victim);
  });

  it("/mydeals pages through every offer; Back from an offer returns to its page", async () => {
    const pages = await everyPage(owner, only(await owner.send("/mydeals")));
    expect(pages.length).toBeGreaterThan(1);
    const numbers = pages.flatMap((p) => buttonTexts(p).filter((t) => /^\d+$/.test(t)));
    expect(numbers).toEqual(Array.from({ length: 45 }, (_, i) => String(i + 1)));
    for (const deal of deals) expect(pages.filter((p) => p.text.includes(deal.title))).toHaveLength(1);

    const last = pages.at(-1)!;
    const panel = only(await owner.press(button(last, "45")));
    const back = only(await owner.press(button(panel, "◀ Back")));
    expect(back.text).toBe(last.text);
  });

  it("/mycodes pages through many vouchers", async () => {
    const buyer = h.user({ id: 2003, firstName: "Bea", languageCode: "en" });
    await h.db.repos.users.ensure({ id: 2003, firstName: "Bea" });
    for (const [i, deal] of deals.slice(0, 30).entries()) {
      const order = await h.db.db.order.create({
        data: orderRow(2003n, deal.id, 1000, 2000, { status: "PAID", source: "nearby", createdAt: "2026-05-01T10:00:00Z", paidAt: "2026-05-01T10:01:00Z" }),
      });
      await h.db.db.voucher.create({
        data: { code: `K${String(i).padStart(2, "0")}AAAAAAAAA`, orderId: order.id, dealId: deal.id, holderId: 2003n, status: "ACTIVE", expiresAt: new Date("2027-01-01T00:00:00Z") },
      });
    }
    const first = only(await buyer.send("/mycodes"));
    const pages = [first];
    for (let page = first; buttonTexts(page).includes("▶"); ) pages.push((page = only(await buyer.press(button(page, "▶")))));
    expect(pages).toHaveLength(4);
    for (const page of pages) expect(page.text.length).toBeLessThanOrEqual(4096);
    expect(pages.flatMap((p) => buttonTexts(p).filter((t) => /^\d+$/.test(t)))).toHaveLength(30);
    expect(only(await buyer.press(button(pages[3]!, "◀"))).text).toBe(pages[2]!.text);
  });

  it("/admin lists many waiting shops in one paged message, each opening its Approve / Reject screen", async () => {
    const waiting: number[] = [];
    for (let i = 1; i <= 25; i++) {
      const shop = await h.shop(4000 + i, { ...HERE, name: longName(i, 64), address: longName(i, 200) });
      waiting.push(shop.id);
    }
    const admin = h.user({ id: ADMIN, firstName: "Ops", languageCode: "en" });
    const calls = await admin.send("/admin");
    const pages = await everyPage(admin, only(calls));
    expect(pages[0]!.text).toMatch(/^25 shops are waiting, oldest first/);
    expect(pages.length).toBeGreaterThan(2);
    for (const id of waiting) expect(pages.filter((p) => p.text.includes(`#${id} `))).toHaveLength(1);
    expect(pages.flatMap((p) => buttonTexts(p).filter((t) => /^\d+$/.test(t)))).toEqual(
      Array.from({ length: 25 }, (_, i) => String(i + 1)),
    );

    const screen = only(await admin.press(button(pages.at(-1)!, "25")));
    expect(screen.text).toMatch(new RegExp(`^#${waiting[24]} `));
    expect(buttonTexts(screen)).toEqual(["✅ Approve", "❌ Reject", "✖ Close"]);
  });
});
