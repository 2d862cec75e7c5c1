// Buying through the bot as a user does it, for tests about what happens
// after the purchase: open the deal's card, Buy, pick how many, pay.
import { startPayloadOf, decodeQr } from "../../src/sandbox/qr-scan.js";
import { BOT_INFO, buttons, lastShown, shown, type ApiCall, type BotHarness, type UserChat } from "./bot-harness.js";

export interface Purchase {
  /** What the bot showed after the payment (or the free claim). */
  delivery: ApiCall[];
  orderId: number;
  /** The order's voucher codes, oldest first, as stored (no hyphens). */
  codes: string[];
  voucherIds: number[];
}

/** The callback data of the one button whose data starts with `prefix`. */
export function dataStartingWith(call: ApiCall, prefix: string): string {
  const found = buttons(call).filter((b) => b.data?.startsWith(prefix));
  if (found.length !== 1) throw new Error(`expected one button ${prefix}…, got ${JSON.stringify(buttons(call))}`);
  return found[0]!.data!;
}

/** Opens the deal's card from its shared link; returns the card. */
export async function openSharedCard(buyer: UserChat, dealId: number, payload = `d-${dealId}`): Promise<ApiCall> {
  return lastShown(await buyer.send(`/start ${payload}`));
}

/**
 * Buys `quantity` of a deal through the card, the quantity question and the
 * invoice; the card opened from the deep link with `payload` (a plain shared link by default).
 */
export async function purchase(h: BotHarness, buyer: UserChat, dealId: number, quantity = 1, payload?: string): Promise<Purchase> {
  const where = { buyerId: BigInt(buyer.id), dealId };
  const before = await h.db.db.order.findFirst({ where, orderBy: { id: "desc" } });
  const card = await openSharedCard(buyer, dealId, payload);
  let calls = await buyer.press(dataStartingWith(card, `buy:${dealId}:`));
  const question = shown(calls).find((c) => buttons(c).some((b) => b.data?.startsWith(`q:${dealId}:`)));
  if (question) calls = await buyer.press(dataStartingWith(question, `q:${dealId}:${quantity}:`));
  const invoice = calls.find((c) => c.method === "sendInvoice");
  let delivery = calls;
  if (invoice) {
    const { payment, refusal } = await buyer.pay(invoice);
    if (!payment) throw new Error(`the payment was refused: ${refusal}`);
    delivery = payment;
  }
  const order = await h.db.db.order.findFirst({
    where: { ...where, id: { gt: before?.id ?? 0 } },
    orderBy: { id: "desc" },
    include: { vouchers: { orderBy: { id: "asc" } } },
  });
  if (order?.status !== "PAID") {
    throw new Error(`no paid order: ${order?.status ?? JSON.stringify(calls.map((c) => [c.method, c.text]))}`);
  }
  return { delivery, orderId: order.id, codes: order.vouchers.map((v) => v.code), voucherIds: order.vouchers.map((v) => v.id) };
}

/** 7KQ2M9XD4HT3 → 7KQ2-M9XD-4HT3, as the bot shows codes. */
export const shownCode = (code: string) => `${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8)}`;

/** What a phone camera opens from a QR photo the bot sent: the /start payload of its deep link. */
export function scannedPayload(photo: ApiCall): string {
  if (!photo.upload) throw new Error(`no uploaded photo in ${photo.method}`);
  const link = decodeQr(photo.upload);
  const payload = link && startPayloadOf(link, BOT_INFO.username);
  if (!payload) throw new Error(`the QR code holds no deep link to the bot: ${link}`);
  return payload;
}

/** The messages a call list sent to one chat. */
export function sentTo(calls: ApiCall[], chatId: number): ApiCall[] {
  return shown(calls).filter((c) => Number(c.payload.chat_id) === chatId);
}
