import { describe, expect, it } from "vitest";
import { SHOP_STATUSES } from "./lifecycles.js";
import { isOpen, shopRefusal, type ShopUse } from "./shop.js";

describe("what an owner may do with their shop", () => {
  it("lets an approved shop do everything, and nothing else sell", () => {
    const uses: ShopUse[] = ["look", "change", "publish"];
    const table = Object.fromEntries(SHOP_STATUSES.map((status) => [status, uses.map((use) => shopRefusal({ status }, use))]));
    expect(table).toEqual({
      APPROVED: [null, null, null],
      PENDING: ["shop-pending", "shop-pending", "shop-pending"],
      REJECTED: ["shop-not-approved", "shop-not-approved", "shop-not-approved"],
      SUSPENDED: [null, "shop-suspended", "shop-not-approved"],
    });
  });

  it("counts only an approved shop as open", () => {
    expect(SHOP_STATUSES.filter((status) => isOpen({ status }))).toEqual(["APPROVED"]);
  });
});
