// Telegram's payment sheet for an invoice link the app opened: the emulator
// pays it (pre-checkout query, then successful_payment to the bot) and says
// whether the payment went through, as the sheet's invoice_closed status does.
import type { ServingApp } from "./serving-app.js";

export async function payInvoiceLink(serving: ServingApp, userId: number, slug: string): Promise<boolean> {
  void slug;
  const result = await serving.emulator.pay(userId);
  await serving.settle();
  return result.ok;
}
