// Reviews through their repository, on each database: one per voucher even
// when two arrive at once, the shop's rating totals kept with each review and
// each hiding in the same transaction, one helpful vote per user, one reply,
// and the prompt's candidates claimed once.
import { afterEach, expect, it } from "vitest";
import { cellsOf } from "../../src/domain/geo.js";
import type { NewReview } from "../../src/domain/review.js";
import { describeEachDatabase } from "../support/databases.js";
import type { TestDb } from "../support/test-db.js";

const NOW = new Date("2026-11-24T12:00:00.000Z");
const HOUR = 3_600_000;
const SPOT = { lat: 31.23, lng: 121.47 };

describeEachDatabase("the review repository", (open) => {
  let t: TestDb;
  afterEach(() => t.close());

  /** A shop, its offer, and a redeemed voucher for each of the buyers (users 2, 3, 4). */
  async function setUp() {
    t = await open();
    for (const id of [1, 2, 3, 4]) await t.repos.users.ensure({ id, firstName: `User ${id}` });
    const shop = await t.repos.shops.create({
      ownerId: 1n, name: "Noodle Bar", category: "food", ...SPOT, address: "1 Test Street", openingHours: "", status: "APPROVED", currency: "CNY",
    });
    const deal = await t.repos.deals.create({
      shopId: shop.id, title: "Noodles", description: "", finePrint: "", photoFileId: null, currency: "CNY", priceMinor: 100, originalPriceMinor: 200,
      quantity: 10, stockLeft: 7, perPersonLimit: 1, voucherValidDays: 30, status: "ACTIVE", category: "food", ...SPOT, ...cellsOf(SPOT),
      startsAt: new Date(NOW.getTime() - 48 * HOUR), endsAt: new Date(NOW.getTime() + 48 * HOUR),
    });
    const vouchers: number[] = [];
    for (const buyer of [2n, 3n, 4n]) {
      const order = await t.db.order.create({
        data: {
          dealId: deal.id, buyerId: buyer, quantity: 1, currency: "CNY", unitPriceMinor: 100, unitOriginalMinor: 200, title: "Noodles", totalMinor: 100,
          status: "PAID", source: "nearby", reservedUntil: NOW, paidAt: NOW,
        },
      });
      const voucher = await t.db.voucher.create({
        data: {
          code: `CODE${buyer}XXXXXXXX`.slice(0, 12), orderId: order.id, dealId: deal.id, holderId: buyer, status: "REDEEMED",
          expiresAt: new Date(NOW.getTime() + 30 * 24 * HOUR), redeemedAt: new Date(NOW.getTime() - (5 - Number(buyer)) * HOUR), redeemedById: 1n,
        },
      });
      vouchers.push(voucher.id);
    }
    const review = (i: number, stars: number, text = ""): NewReview => ({
      voucherId: vouchers[i]!, shopId: shop.id, dealId: deal.id, authorId: BigInt(i + 2), stars, quality: null, service: stars, value: null, text, photos: [],
    });
    const totals = async () => {
      const { ratingSum, ratingCount } = await t.db.shop.findUniqueOrThrow({ where: { id: shop.id } });
      return { ratingSum, ratingCount };
    };
    return { shop, deal, vouchers, review, totals };
  }

  it("keeps one review per voucher, even two at once, and the shop's totals with it", async () => {
    const { shop, vouchers, review, totals } = await setUp();
    const both = await Promise.all([t.repos.reviews.create(review(0, 5, "first"), NOW), t.repos.reviews.create(review(0, 1, "second"), NOW)]);
    expect(both.filter((r) => r !== null)).toHaveLength(1);
    await t.repos.reviews.create(review(1, 3, "ok"), new Date(NOW.getTime() + HOUR));
    expect(await totals()).toEqual({ ratingSum: both.find((r) => r)!.stars + 3, ratingCount: 2 });
    expect(await t.repos.reviews.reviewedVoucherIds(vouchers)).toEqual(new Set([vouchers[0], vouchers[1]]));
    const newest = await t.repos.reviews.visibleOfShop(shop.id, "newest", 10, 0);
    expect(newest.map((r) => [r.text, r.authorName, r.dealTitle])).toEqual([["ok", "User 3", "Noodles"], [both.find((r) => r)!.text, "User 2", "Noodles"]]);
  });

  it("hides once, taking the stars out of the totals; a hidden review counts nowhere and takes no reply", async () => {
    const { shop, review, totals } = await setUp();
    const kept = (await t.repos.reviews.create(review(0, 4, "fine"), NOW))!;
    const rude = (await t.repos.reviews.create(review(1, 1, "rude"), NOW))!;
    const hidden = await Promise.all([t.repos.reviews.hide(rude.id, "insults", 9n, NOW), t.repos.reviews.hide(rude.id, "insults", 9n, NOW)]);
    expect(hidden.filter((h) => h !== null)).toHaveLength(1);
    expect(await totals()).toEqual({ ratingSum: 4, ratingCount: 1 });
    expect(await t.repos.reviews.countVisible(shop.id)).toBe(1);
    expect(await t.repos.reviews.starsBetween(shop.id, NOW, new Date(NOW.getTime() + HOUR))).toEqual([4]);
    expect(await t.repos.reviews.reply(rude.id, "sorry", NOW)).toBe(false);
    expect(await t.repos.reviews.reply(kept.id, "Thanks!", NOW)).toBe(true);
    expect(await t.repos.reviews.reply(kept.id, "Thanks again!", NOW)).toBe(false);
    expect((await t.repos.reviews.find(kept.id))!.reply).toBe("Thanks!");
    expect((await t.repos.reviews.forExport(shop.id)).map((r) => [r.stars, r.hidden, r.reply])).toEqual([[4, false, "Thanks!"], [1, true, null]]);
  });

  it("counts one helpful vote per user, and orders the most helpful first", async () => {
    const { shop, review } = await setUp();
    const older = (await t.repos.reviews.create(review(0, 5, "older"), NOW))!;
    await t.repos.reviews.create(review(1, 4, "newer"), new Date(NOW.getTime() + HOUR));
    const votes = await Promise.all([t.repos.reviews.vote(older.id, 3n, NOW), t.repos.reviews.vote(older.id, 3n, NOW), t.repos.reviews.vote(older.id, 4n, NOW)]);
    expect(votes.filter(Boolean)).toHaveLength(2);
    expect((await t.repos.reviews.find(older.id))!.helpful).toBe(2);
    expect((await t.repos.reviews.visibleOfShop(shop.id, "helpful", 10, 0)).map((r) => r.text)).toEqual(["older", "newer"]);
    expect((await t.repos.reviews.visibleOfShop(shop.id, "newest", 1, 1)).map((r) => r.text)).toEqual(["older"]);
  });

  it("lists the vouchers to ask about, redeemed in the window, each claimed once", async () => {
    const { vouchers } = await setUp();
    const candidates = await t.repos.reviews.promptCandidates(new Date(NOW.getTime() - 3.5 * HOUR), NOW, 10);
    // Redeemed 3, 2 and 1 hours ago: the window holds the last three, oldest first.
    expect(candidates.map((c) => c.id)).toEqual(vouchers);
    const claims = await Promise.all([t.repos.reviews.markAsked(vouchers[0]!, NOW), t.repos.reviews.markAsked(vouchers[0]!, NOW)]);
    expect(claims.filter(Boolean)).toHaveLength(1);
    expect((await t.repos.reviews.promptCandidates(new Date(NOW.getTime() - 3.5 * HOUR), NOW, 10)).map((c) => c.id)).toEqual(vouchers.slice(1));
  });
});
