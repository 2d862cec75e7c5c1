// Telegram's payment sheet for an invoice link the app opened: the emulator
// pays it (pre-checkout query, then successful_payment to the bot) and says
// whether the payment went through, as the sheet's invoice_closed status does.
import type { ServingApp } from "./serving-app.js";

/** `slug` as the app posts it with web_app_open_invoice: the link's part after t.me/$. */
export async function payInvoiceLink(serving: ServingApp, userId: number, slug: string): Promise<boolean> {
  const result = await serving.emulator.payLink(userId, `https://t.me/$${slug}`);
  await serving.settle();
  return result.ok;
}
