// /stats, the chart and /export as the owner sees them; staff see none of it.
import { InputFile } from "grammy";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { button, buttonTexts, callbackAnswer, createHarness, only, shown, type ApiCall } from "../support/bot-harness.js";
import { dailyChartSvg } from "../../src/bot/console/chart.js";
import { orderRow } from "./fixtures.js";

const HERE = { lat: 31.2304, lng: 121.4737 };
const OWNER = 721;
const STAFF = 722;

async function bytesOf(file: unknown): Promise<Buffer> {
  const raw = await (file as InputFile).toRaw();
  if (raw instanceof Uint8Array) return Buffer.from(raw);
  throw new Error("expected bytes");
}

describe("the owner's numbers in the chat", () => {
  let h: ReturnType<typeof createHarness>;
  let dumplings: number;

  beforeAll(async () => {
    // 2026-05-04 17:00 in Shanghai.
    h = createHarness({ now: new Date("2026-05-04T09:00:00Z") });
    const shop = await h.shop(OWNER, { ...HERE, name: "Dumpling <House>" });
    dumplings = (await h.publish(OWNER, { title: "Dumplings =SUM(A1)", priceMinor: 2000, originalPriceMinor: 3000 })).id;
    await h.db.repos.users.ensure({ id: 811, firstName: "Buyer One" });
    await h.db.repos.users.ensure({ id: 812, firstName: "Buyer Two" });
    await h.db.repos.users.ensure({ id: STAFF, firstName: "Sam" });
    await h.db.db.shopStaff.create({ data: { shopId: shop.id, userId: BigInt(STAFF) } });
    await h.db.db.event.createMany({
      data: [
        ...Array.from({ length: 12 }, () => ({ type: "IMPRESSION", dealId: dumplings, userId: 811n, source: "nearby", createdAt: new Date("2026-05-04T02:00:00Z") })),
        ...Array.from({ length: 4 }, () => ({ type: "VIEW", dealId: dumplings, userId: 811n, source: "push:3", createdAt: new Date("2026-05-04T03:00:00Z") })),
      ],
    });
    const paid = "2026-05-04T03:10:00Z";
    const o1 = await h.db.db.order.create({ data: orderRow(811n, dumplings, 2000, 3000, { quantity: 2, status: "PAID", source: "push:3", createdAt: paid, paidAt: paid }) });
    const o2 = await h.db.db.order.create({ data: orderRow(812n, dumplings, 2000, 3000, { status: "PAID", source: "nearby", createdAt: "2026-04-20T03:00:00Z", paidAt: "2026-04-20T03:00:00Z" }) });
    const voucher = (orderId: number, holderId: bigint, code: string, redeemedAt?: string) =>
      h.db.db.voucher.create({
        data: { code, orderId, dealId: dumplings, holderId, status: redeemedAt ? "REDEEMED" : "ACTIVE", expiresAt: new Date("2026-06-01T00:00:00Z"), redeemedAt: redeemedAt ? new Date(redeemedAt) : null, redeemedById: redeemedAt ? BigInt(STAFF) : null },
      });
    await voucher(o1.id, 811n, "AAAA1111", "2026-05-04T04:00:00Z");
    await voucher(o1.id, 811n, "AAAA2222");
    await voucher(o2.id, 812n, "BBBB1111", "2026-04-21T03:00:00Z");
  });
  afterAll(() => h.close());

  it("shows the last 7 days, with the funnel, the ratio and the sources", async () => {
    const owner = h.user({ id: OWNER, firstName: "Olga", languageCode: "en" });
    const stats = only(await owner.send("/stats"));
    expect(stats.text).toBe(
      [
        "📊 Dumpling <House> · 7 days",
        "",
        "👀 Seen in lists: 12 · cards opened: 4 · pushes delivered: 0",
        "🧾 Invoices sent: 1 · purchases: 1 (2 vouchers)",
        "💰 Revenue: CN¥40 · refunds: 0 (CN¥0)",
        "🎟 Vouchers redeemed: 1 · redemption rate: 50%",
        "👥 Customers: 1 new, 0 returning",
        "➕ Followers: 0 (0 new in the period)",
        "⚖️ Discount given: CN¥10 · revenue CN¥40 · return on discount: 4.00",
        "",
        "By source",
        "📍 Nearby: 12 seen · 0 opened · 0 pushed · 0 bought · CN¥0",
        "🔔 Push: 0 seen · 4 opened · 0 pushed · 1 bought · CN¥40",
      ].join("\n"),
    );
    expect(buttonTexts(stats)).toEqual(["Today", "✓ 7 days", "30 days", "All time", "📋 By offer", "📈 Chart", "✖ Close"]);

    const all = only(await owner.press(button(stats, "All time")));
    expect(all.text).toContain("🧾 Invoices sent: 2 · purchases: 2 (3 vouchers)");
    expect(all.text).toContain("👥 Customers: 2 new, 0 returning");
    expect(all.text).toContain("⚖️ Discount given: CN¥20 · revenue CN¥60 · return on discount: 3.00");
    // The period already shown: nothing to change, and no error.
    expect(callbackAnswer(await owner.press(button(all, "✓ All time"))).alert).toBe(false);
  });

  it("shows one offer's numbers", async () => {
    const owner = h.user({ id: OWNER, firstName: "Olga", languageCode: "en" });
    const picker = only(await owner.press(button(only(await owner.send("/stats")), "📋 By offer")));
    expect(picker.text).toBe("Which offer?");
    const offer = only(await owner.press(button(picker, "Dumplings =SUM(A1)")));
    expect(offer.text.split("\n")[0]).toBe("📊 Dumplings =SUM(A1) · 7 days");
    expect(buttonTexts(offer)).toContain("◀ Back");
  });

  it("reads in Chinese", async () => {
    await h.db.repos.users.setLanguage(BigInt(OWNER), "zh");
    try {
      const owner = h.user({ id: OWNER, firstName: "Olga", languageCode: "en" });
      const stats = only(await owner.send("/stats"));
      expect(stats.text).toContain("⚖️ 让利：¥10 · 收入 ¥40 · 投入产出比：4.00");
      expect(stats.text).toContain("🎟 已核销：1 · 核销率：50%");
    } finally {
      await h.db.repos.users.setLanguage(BigInt(OWNER), null);
    }
  });

  it("sends the last 30 days as an 800×400 PNG chart, its words in the caption", async () => {
    const owner = h.user({ id: OWNER, firstName: "Olga", languageCode: "en" });
    const calls = await owner.press(button(only(await owner.send("/stats")), "📈 Chart"));
    const photo = only(calls, "sendPhoto");
    expect(photo.text).toBe("📈 Dumpling <House>: the last 30 days\n🟦 2 purchases · 🟩 2 redemptions");
    const png = await bytesOf(photo.payload.photo);
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(png.subarray(12, 16).toString("ascii")).toBe("IHDR");
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([800, 400]);
  });

  it("captions the chart in Chinese, and draws nothing a Latin font cannot", async () => {
    await h.db.repos.users.setLanguage(BigInt(OWNER), "zh");
    try {
      const owner = h.user({ id: OWNER, firstName: "Olga", languageCode: "en" });
      const calls = await owner.press(button(only(await owner.send("/stats")), "📈 图表"));
      expect(only(calls, "sendPhoto").text).toBe("📈 Dumpling <House>：最近 30 天\n🟦 购买 2 次 · 🟩 核销 2 张");
      const series = { days: ["2026-05-03", "2026-05-04"], purchases: [1, 2], redemptions: [0, 2] };
      const drawn = [...dailyChartSvg(series).matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
      expect(drawn).toContain("05-04");
      expect(drawn.every((text) => /^[0-9-]+$/.test(text!))).toBe(true);
    } finally {
      await h.db.repos.users.setLanguage(BigInt(OWNER), null);
    }
  });

  it("exports the orders and redemptions as CSV, with customers as numbers", async () => {
    const owner = h.user({ id: OWNER, firstName: "Olga", languageCode: "en" });
    const [orders, redemptions] = shown(await owner.send("/export")) as [ApiCall, ApiCall];
    expect(orders.text).toBe("🧾 Orders: 2");
    expect((orders.payload.document as InputFile).filename).toBe("orders-2026-05-04.csv");
    expect((await bytesOf(orders.payload.document)).toString("utf8").split("\r\n")).toEqual([
      "\uFEFForder,created (Asia/Shanghai),status,paid (Asia/Shanghai),refunded (Asia/Shanghai),offer,offer title,customer,quantity,unit price,usual unit price,total,currency,source",
      `1,2026-05-04 11:10,PAID,2026-05-04 11:10,,${dumplings},Dumplings =SUM(A1),1,2,20.00,30.00,40.00,CNY,push:3`,
      `2,2026-04-20 11:00,PAID,2026-04-20 11:00,,${dumplings},Dumplings =SUM(A1),2,1,20.00,30.00,20.00,CNY,nearby`,
      "",
    ]);
    expect(redemptions.text).toBe("🎟 Redemptions: 2");
    expect((await bytesOf(redemptions.payload.document)).toString("utf8").split("\r\n")).toEqual([
      "\uFEFFvoucher,code,redeemed (Asia/Shanghai),order,offer,offer title,customer,price paid,discount given,currency",
      `3,BBBB-1111,2026-04-21 11:00,2,${dumplings},Dumplings =SUM(A1),2,20.00,10.00,CNY`,
      `1,AAAA-1111,2026-05-04 12:00,1,${dumplings},Dumplings =SUM(A1),1,20.00,10.00,CNY`,
      "",
    ]);
  });

  it("shows staff neither numbers nor exports nor offers", async () => {
    const sam = h.user({ id: STAFF, firstName: "Sam", languageCode: "en" });
    const refusal = "Only the shop's owner can do this. As staff, you can redeem customers' vouchers.";
    for (const command of ["/stats", "/export", "/mydeals", "/staff"]) expect(only(await sam.send(command)).text).toBe(refusal);
    for (const data of ["st:all:0", `st:all:${dumplings}`, "sc", "so:7d", `md:o:${dumplings}`, `md:p:${dumplings}`]) {
      const calls = await sam.press(data);
      expect(callbackAnswer(calls)).toEqual({ text: refusal, alert: true });
      expect(shown(calls)).toEqual([]);
    }
    expect((await h.db.db.deal.findUniqueOrThrow({ where: { id: dumplings } })).status).toBe("ACTIVE");
  });
});
