import { describe, expect, it } from "vitest";
import { DomainError } from "./errors.js";
import { VoucherStatus } from "./lifecycles.js";
import { awaitsReview, checkReview, checkReviewPhoto, DEFAULT_REVIEW_QUIET, photoKind, promptQuiet, promptsPerVisit, REVIEW_PHOTO_MAX_BYTES } from "./review.js";

const bytes = (...head: number[]) => new Uint8Array([...head, ...new Array(32).fill(0)]);
const webp = new Uint8Array([..."RIFF"].map((c) => c.charCodeAt(0)).concat([0, 0, 0, 0], [..."WEBP"].map((c) => c.charCodeAt(0)), new Array(16).fill(0)));

describe("review photos uploaded from the Mini App", () => {
  it("are known by their signature: JPEG, PNG or WebP, nothing else", () => {
    expect(photoKind(bytes(0xff, 0xd8, 0xff, 0xe0))).toBe("jpg");
    expect(photoKind(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a))).toBe("png");
    expect(photoKind(webp)).toBe("webp");
    expect(photoKind(new TextEncoder().encode("<svg xmlns='http://www.w3.org/2000/svg'/>"))).toBeNull();
    expect(photoKind(new Uint8Array())).toBeNull();
  });

  it("are refused when not a photo or larger than the limit", () => {
    expect(checkReviewPhoto({ bytes: bytes(0xff, 0xd8, 0xff) })).toBe("jpg");
    const big = new Uint8Array(REVIEW_PHOTO_MAX_BYTES + 1);
    big.set([0xff, 0xd8, 0xff]);
    expect(() => checkReviewPhoto({ bytes: big })).toThrow(new DomainError("review-photo-refused", { mb: 2 }));
    expect(() => checkReviewPhoto({ bytes: bytes(1, 2, 3) })).toThrow(DomainError);
  });

  it("count with the photos sent as file ids towards the 3 a review may hold", () => {
    expect(checkReview({ stars: 5, photos: ["a"] }, 2).photos).toEqual(["a"]);
    expect(() => checkReview({ stars: 5, photos: ["a"] }, 3)).toThrow(new DomainError("review-too-many-photos", { max: 3 }));
  });
});

describe("a visit awaiting its review", () => {
  it("is a redeemed voucher with no review yet", () => {
    expect(awaitsReview(VoucherStatus.REDEEMED, false)).toBe(true);
    expect(awaitsReview(VoucherStatus.REDEEMED, true)).toBe(false);
    expect(awaitsReview(VoucherStatus.ACTIVE, false)).toBe(false);
  });
});

describe("the quiet hours a review prompt keeps", () => {
  const SHANGHAI_SHOP = { lat: 31.2304, lng: 121.4737 };

  it("are 22:00–08:00 on the shop's clock for a holder who subscribed to no place", () => {
    expect(promptQuiet([], SHANGHAI_SHOP)).toEqual({ timeZone: "Asia/Shanghai", hours: DEFAULT_REVIEW_QUIET });
  });

  it("are those of the holder's first place, on its clock, whatever order the places come in", () => {
    const home = { id: 3, quietStart: 23 * 60, quietEnd: 7 * 60, timeZone: "Europe/Berlin" };
    const work = { id: 8, quietStart: 0, quietEnd: 0, timeZone: "Asia/Tokyo" };
    const expected = { timeZone: "Europe/Berlin", hours: { quietStart: 23 * 60, quietEnd: 7 * 60 } };
    expect(promptQuiet([home, work], SHANGHAI_SHOP)).toEqual(expected);
    expect(promptQuiet([work, home], SHANGHAI_SHOP)).toEqual(expected);
  });
});

describe("review prompts, one a visit", () => {
  const at = (minute: number) => new Date(Date.UTC(2026, 4, 4, 12, minute));
  const voucher = (id: number, holderId: bigint, shopId: number, minute: number) => ({ id, holderId, shop: { id: shopId }, redeemedAt: at(minute) });

  it("asks about the last redeemed of a holder's vouchers of one shop, and about each other shop or holder apart", () => {
    const due = [voucher(1, 10n, 7, 0), voucher(2, 10n, 7, 1), voucher(3, 10n, 8, 0), voucher(4, 11n, 7, 0)];
    expect(promptsPerVisit(due, new Set()).map((v) => v.id)).toEqual([2, 3, 4]);
  });

  it("asks nothing about a visit one of whose vouchers is reviewed already", () => {
    const due = [voucher(1, 10n, 7, 0), voucher(2, 10n, 7, 1), voucher(3, 10n, 8, 0)];
    expect(promptsPerVisit(due, new Set([1])).map((v) => v.id)).toEqual([3]);
  });
});
