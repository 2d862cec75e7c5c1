// /export as a spreadsheet opens it: UTF-8 that Excel recognises, headers in
// the owner's language, the voucher codes, and the shop's own date in the name.
import { InputFile } from "grammy";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, shown, type ApiCall } from "../support/bot-harness.js";
import { orderRow } from "./fixtures.js";

const SHANGHAI = { lat: 31.2304, lng: 121.4737 };
const OWNER = 731;

async function bytesOf(file: unknown): Promise<Buffer> {
  const raw = await (file as InputFile).toRaw();
  if (raw instanceof Uint8Array) return Buffer.from(raw);
  throw new Error("expected bytes");
}

describe("the export of a Chinese shop", () => {
  let h: ReturnType<typeof createHarness>;
  let deal: number;

  beforeAll(async () => {
    // 01:30 on 5 May in Shanghai, still 4 May in UTC.
    h = createHarness({ now: new Date("2026-05-04T17:30:00Z") });
    await h.shop(OWNER, { ...SHANGHAI, name: "测试小馆" });
    deal = (await h.publish(OWNER, { title: "测试套餐", priceMinor: 2000, originalPriceMinor: 3000 })).id;
    await h.db.repos.users.ensure({ id: 831, firstName: "买家" });
    const paid = "2026-05-04T16:10:00Z";
    const order = await h.db.db.order.create({ data: orderRow(831n, deal, 2000, 3000, { status: "PAID", source: "nearby", createdAt: paid, paidAt: paid }) });
    const voucher = await h.db.db.voucher.create({
      data: { code: "7KQ2M9XD4HT3", orderId: order.id, dealId: deal, holderId: 831n, status: "REDEEMED", expiresAt: new Date("2026-06-01T00:00:00Z"), redeemedAt: new Date("2026-05-04T17:00:00Z"), redeemedById: BigInt(OWNER) },
    });
    const shopId = (await h.db.db.deal.findUniqueOrThrow({ where: { id: deal } })).shopId;
    await h.db.repos.reviews.create(
      { voucherId: voucher.id, shopId, dealId: deal, authorId: 831n, stars: 4, quality: 5, service: null, value: 3, text: "好吃, 下次再来", photos: ["p1"] },
      new Date("2026-05-04T17:20:00Z"),
    );
  });
  afterAll(() => h.close());

  it("writes UTF-8 with a byte order mark, Chinese headers and the voucher code, named by the local date", async () => {
    const owner = h.user({ id: OWNER, firstName: "老板", languageCode: "zh-hans" });
    const [orders, redemptions] = shown(await owner.send("/export")) as [ApiCall, ApiCall];
    expect(orders.text).toBe("🧾 订单：1");
    expect((orders.payload.document as InputFile).filename).toBe("orders-2026-05-05.csv");
    expect((redemptions.payload.document as InputFile).filename).toBe("redemptions-2026-05-05.csv");

    const orderBytes = await bytesOf(orders.payload.document);
    expect([...orderBytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(orderBytes.subarray(3).toString("utf8").split("\r\n")).toEqual([
      "订单,下单时间（Asia/Shanghai）,状态,付款时间（Asia/Shanghai）,退款时间（Asia/Shanghai）,优惠,优惠标题,顾客,数量,单价,原单价,总额,币种,来源",
      `1,2026-05-05 00:10,PAID,2026-05-05 00:10,,${deal},测试套餐,1,1,20.00,30.00,20.00,CNY,nearby`,
      "",
    ]);
    const redemptionBytes = await bytesOf(redemptions.payload.document);
    expect([...redemptionBytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(redemptionBytes.subarray(3).toString("utf8").split("\r\n")).toEqual([
      "券,券码,核销时间（Asia/Shanghai）,订单,优惠,优惠标题,顾客,实付,让利,币种",
      `1,7KQ2-M9XD-4HT3,2026-05-05 01:00,1,${deal},测试套餐,1,20.00,10.00,CNY`,
      "",
    ]);
  });

  it("writes the reviews too, each customer numbered as in the orders", async () => {
    const owner = h.user({ id: OWNER, firstName: "老板", languageCode: "zh-hans" });
    const reviews = shown(await owner.send("/export"))[2]!;
    expect(reviews.text).toBe("⭐ 评价：1");
    expect((reviews.payload.document as InputFile).filename).toBe("reviews-2026-05-05.csv");
    expect((await bytesOf(reviews.payload.document)).subarray(3).toString("utf8").split("\r\n")).toEqual([
      "评价时间（Asia/Shanghai）,优惠标题,顾客,星级,品质,服务,性价比,内容,照片,有用票数,商家回复,已隐藏",
      '2026-05-05 01:20,测试套餐,1,4,5,,3,"好吃, 下次再来",1,0,,',
      "",
    ]);
  });
});
