import { describe, expect, it } from "vitest";
import type { Shop } from "./shop.js";
import { inviteRefusal, type StaffInvite } from "./staff.js";

const NOW = new Date("2026-05-04T12:00:00Z");
const OWNER = 1n;
const GUEST = 2n;
const shop = { id: 7, ownerId: OWNER, status: "APPROVED" } as Shop;
const invite: StaffInvite = { token: "t", shopId: 7, expiresAt: new Date(NOW.getTime() + 60_000), usedAt: null };
const guest = { userId: GUEST, isStaff: false, now: NOW };

describe("joining a shop's staff with an invitation", () => {
  it("lets someone new join an open shop with a fresh link", () => {
    expect(inviteRefusal(invite, shop, guest)).toBeNull();
  });

  it("says why not, the link's own state first", () => {
    expect(inviteRefusal(null, null, guest)).toBe("invite-invalid");
    expect(inviteRefusal({ ...invite, usedAt: NOW }, null, guest)).toBe("invite-used");
    expect(inviteRefusal({ ...invite, expiresAt: NOW }, shop, guest)).toBe("invite-expired");
    expect(inviteRefusal(invite, null, guest)).toBe("invite-invalid");
    expect(inviteRefusal(invite, shop, { ...guest, userId: OWNER })).toBe("invite-own-shop");
    expect(inviteRefusal(invite, { ...shop, status: "SUSPENDED" }, { ...guest, isStaff: true })).toBe("invite-already-staff");
    expect(inviteRefusal(invite, { ...shop, status: "SUSPENDED" }, guest)).toBe("invite-shop-unavailable");
  });
});
