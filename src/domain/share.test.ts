import { describe, expect, it } from "vitest";
import { creditsSharer, friendsSource, readInlineQuery, shareOfResultId, shareOfSource, shareResultId } from "./share.js";

describe("an inline query", () => {
  it("asks for one deal with deal:<id>, and for a search otherwise", () => {
    expect(readInlineQuery("deal:42")).toEqual({ kind: "deal", dealId: 42 });
    expect(readInlineQuery("  deal:42 ")).toEqual({ kind: "deal", dealId: 42 });
    expect(readInlineQuery("cheap  pizza\tfor two")).toEqual({ kind: "search", text: "cheap pizza for two" });
    expect(readInlineQuery("deal:9999999999")).toEqual({ kind: "search", text: "deal:9999999999" });
  });

  it("reads blank or punctuation-only text as everything nearby, and cuts text past Telegram's 256 characters", () => {
    for (const blank of ["", "   ", "!!!", "🍕"]) expect(readInlineQuery(blank)).toEqual({ kind: "search", text: "" });
    const long = readInlineQuery("火".repeat(400));
    expect(long.kind === "search" && [...long.text].length).toBe(256);
    // Full-width forms read as their plain ones (a Chinese keyboard's colon and digits).
    expect(readInlineQuery("deal：１２")).toEqual({ kind: "deal", dealId: 12 });
  });
});

describe("a share", () => {
  const share = { id: 7, sharerId: 100n, dealId: 3, createdAt: new Date(0) };

  it("names its inline result and its source, and reads them back; anything else names none", () => {
    expect(shareOfResultId(shareResultId(7))).toBe(7);
    expect(shareOfSource(friendsSource(7))).toBe(7);
    for (const bad of ["7", "s", "s-1", "s1e3", "s12345678901"]) expect(shareOfResultId(bad)).toBeNull();
    for (const bad of ["friends", "friends:", "link:7", "friends:x"]) expect(shareOfSource(bad)).toBeNull();
  });

  it("credits the sharer for someone else, on the shared deal only", () => {
    expect(creditsSharer(share, 3, 200n)).toBe(true);
    expect(creditsSharer(share, 3, 100n)).toBe(false);
    expect(creditsSharer(share, 4, 200n)).toBe(false);
    expect(creditsSharer(null, 3, 200n)).toBe(false);
  });
});
