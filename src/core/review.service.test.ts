// The review prompt job's sequence: which vouchers it asks about, and that it
// reads "already reviewed" once for the whole run, not once per voucher. Only
// the outside (storage, messages) is faked.
import { describe, expect, it } from "vitest";
import { createReviewService } from "./review.service.js";
import type { PromptCandidate, ReviewMessages, ReviewPhotoStore, ReviewRepository } from "./ports/review.port.js";

const HOUR = 3_600_000;
// 09:00 UTC is 17:00 in Shanghai: outside the default quiet hours.
const NOW = new Date("2026-05-04T09:00:00.000Z");
const SHOP = { id: 3, name: "Noodle Bar", ownerId: 1n, lat: 31.2304, lng: 121.4737 };

function candidate(id: number, holderId: bigint): PromptCandidate {
  return {
    id, holderId, status: "REDEEMED", redeemedAt: new Date(NOW.getTime() - 4 * HOUR), dealId: 7, dealTitle: "Beef noodles",
    shop: SHOP, holderPlaces: [],
  };
}

describe("the review prompt job", () => {
  it("reads which vouchers were reviewed once for the run, marks every due one asked and asks only about the rest", async () => {
    const calls: string[] = [];
    const reviews = {
      promptCandidates: async () => [candidate(1, 10n), candidate(2, 11n), candidate(3, 12n)],
      reviewedVoucherIds: async (ids: number[]) => (calls.push(`reviewed? ${ids.join(",")}`), new Set([2])),
      markAsked: async (id: number) => (calls.push(`asked ${id}`), true),
    } as unknown as ReviewRepository;
    const messages = {
      askForReview: async (v: PromptCandidate) => (calls.push(`prompt ${v.id}`), "sent"),
    } as unknown as ReviewMessages;
    const service = createReviewService({
      reviews,
      shops: { find: async () => null, findByOwner: async () => null },
      messages,
      photoStore: {} as ReviewPhotoStore,
      clock: () => NOW,
      promptDelayHours: 3,
    });
    expect(await service.askDue(NOW)).toBe(2);
    expect(calls).toEqual(["reviewed? 1,2,3", "asked 1", "prompt 1", "asked 2", "asked 3", "prompt 3"]);
  });
});
