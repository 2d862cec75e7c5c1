// Buying from the Mini App: the chat's own order, reservation and
// pre-checkout rules; the invoice is a link the app opens with openInvoice,
// and the vouchers come when the bot receives the payment, once.
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import type { CheckoutService } from "../../core/checkout.service.js";
import type { InvoiceLinks } from "../../bot/features/checkout/invoice.js";
import type { Logger } from "../../logger.js";
import { ApiError, parse } from "./api-error.js";
import { userOf } from "./auth.js";
import { dealId } from "./params.js";
import type { SpeakerOf } from "./present.js";

const body = z.object({ quantity: z.number().int().min(1).max(1000) });

export function checkoutRoutes(
  app: FastifyInstance,
  { checkout, invoiceLinks, speaker, logger }: { checkout: CheckoutService; invoiceLinks?: InvoiceLinks; speaker: SpeakerOf; logger: Logger },
) {
  const payable = { payable: invoiceLinks !== undefined };

  app.post("/deals/:id/invoice", async (request) => {
    const user = userOf(request);
    const { id } = parse(dealId, request.params);
    const { quantity } = parse(body, request.body);
    // As in the chat, an open reservation of this deal is invoiced again rather than a second one held.
    const open = await checkout.openReservation(user.id, id);
    const bought = open ? await checkout.resume(open, payable) : await checkout.purchase(user.id, id, quantity, "nearby", payable);
    if (bought.claimed) return { claimed: true };
    try {
      return { invoiceUrl: await invoiceLinks!(bought.order, bought.deal, speaker(user).locale) };
    } catch (error) {
      // Telegram refused the invoice: nothing can be paid, so the units go back on the shelf.
      await checkout.cancelReservation(bought.order.id);
      logger.warn({ err: error, order: bought.order.id }, "invoice link refused");
      throw new ApiError(502, "invoice-refused");
    }
  });
}
