// The rules the emulator and the harness both hold a bot to: each limit is
// accepted at its edge and refused one past it, counted as Telegram counts.
import { describe, expect, it } from "vitest";
import {
  callbackAnswerRefusal,
  captionRefusal,
  deleteRefusal,
  inlineButtonRefusal,
  invoiceRefusal,
  mediaGroupRefusal,
  REFUSAL,
  textRefusal,
} from "../../src/sandbox/telegram-rules.js";

const invoice = { title: "Noodles", description: "A bowl", payload: "order:1", currency: "EUR", providerToken: "t", prices: [{ label: "x", amount: 500 }] };

describe("Telegram's rules", () => {
  it("take a text of 4096 UTF-16 units and a caption of 1024, an emoji counting two", () => {
    expect(textRefusal("x".repeat(4096))).toBeUndefined();
    expect(textRefusal("x".repeat(4095) + "🍜")).toBe(REFUSAL.textTooLong);
    expect(textRefusal("  ")).toBe(REFUSAL.textEmpty);
    expect(captionRefusal("x".repeat(1024))).toBeUndefined();
    expect(captionRefusal("x".repeat(1025))).toBe(REFUSAL.captionTooLong);
  });

  it("take callback data of 1–64 bytes and a callback answer of 200 units", () => {
    expect(inlineButtonRefusal({ text: "Go", callback_data: "x".repeat(64) })).toBeUndefined();
    expect(inlineButtonRefusal({ text: "Go", callback_data: "é".repeat(33) })).toBe(REFUSAL.buttonData);
    expect(inlineButtonRefusal({ text: "Go", callback_data: "" })).toBe(REFUSAL.buttonData);
    expect(callbackAnswerRefusal("x".repeat(200))).toBeUndefined();
    expect(callbackAnswerRefusal("x".repeat(201))).toBe(REFUSAL.callbackAnswerTooLong);
  });

  it("take an invoice title of 32 units, a description of 255 and a payload of 128 bytes", () => {
    expect(invoiceRefusal({ ...invoice, title: "🍜".repeat(16) })).toBeUndefined();
    expect(invoiceRefusal({ ...invoice, title: "🍜".repeat(16) + "x" })).toBe(REFUSAL.invoiceTitle);
    expect(invoiceRefusal({ ...invoice, description: "x".repeat(256) })).toBe(REFUSAL.invoiceDescription);
    expect(invoiceRefusal({ ...invoice, payload: "x".repeat(129) })).toBe(REFUSAL.invoicePayload);
    expect(invoiceRefusal({ ...invoice, currency: "XTR" })).toBe(REFUSAL.starsInvoice);
  });

  it("send albums of up to 10 and delete messages younger than 48 hours", () => {
    expect(mediaGroupRefusal(10)).toBeUndefined();
    expect(mediaGroupRefusal(11)).toBe(REFUSAL.mediaGroupTooBig);
    expect(deleteRefusal(0, 48 * 3600 - 1)).toBeUndefined();
    expect(deleteRefusal(0, 48 * 3600)).toBe(REFUSAL.notDeletable);
  });
});
