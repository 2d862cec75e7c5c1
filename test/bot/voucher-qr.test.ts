// The voucher's QR code is drawn by the project's own PNG writer (faster than
// qrcode's renderer): a phone must read the same link from it, and its pixels
// must be the ones qrcode's renderer draws.
import { PNG } from "pngjs";
import QRCode from "qrcode";
import { describe, expect, it } from "vitest";
import { voucherLink, voucherQrPng } from "../../src/bot/features/checkout/voucher-view.js";
import { decodeQr } from "../../src/sandbox/qr-scan.js";

const CODES = ["ABCDEFGH2345", "zzzzzzzzzzzz", "0a1B2c3D4e5F"];

describe("a voucher's QR code", () => {
  it.each(CODES)("reads as the voucher's deep link (%s)", async (code) => {
    expect(decodeQr(await voucherQrPng("nearbuy_bot", code))).toBe(voucherLink("nearbuy_bot", code));
  });

  it.each(CODES)("has the pixels qrcode's own renderer draws (%s)", async (code) => {
    const ours = PNG.sync.read(await voucherQrPng("a_much_longer_bot_username_bot", code));
    const theirs = PNG.sync.read(
      await QRCode.toBuffer(voucherLink("a_much_longer_bot_username_bot", code), { width: 480, margin: 2, errorCorrectionLevel: "M" }),
    );
    expect([ours.width, ours.height]).toEqual([theirs.width, theirs.height]);
    expect(ours.data.equals(theirs.data)).toBe(true);
  });
});
