// /newdeal followed by a description in plain words ("Half-price lattes 2–5pm
// on weekdays, 50 cups, until the end of the month"): the language model drafts
// the offer's fields, the guided form asks for whatever is missing or breaks a
// rule, and the merchant sees the usual preview. Nothing is published until they
// tap Publish. Without a model, the parser's numbers (prices, quantity, dates)
// are kept, the text becomes the description and the form asks for the rest.
import { DomainError } from "../../domain/errors.js";
import { formatMoney } from "../../domain/money.js";
import * as validate from "../../domain/validation.js";
import type { DealInput } from "../../domain/validation.js";
import type { UnderstandingService } from "../../core/understanding.service.js";
import type { BotContext } from "../context.js";
import { localeOf } from "../format.js";

/** A description is a paragraph; beyond this it is not one (and would cost model tokens). */
const MAX_DESCRIPTION_CHARS = 1000;

/** What the parser read, as the merchant will check it: "price CN¥15, 50 in all". */
async function readFields(ctx: BotContext, draft: Partial<DealInput>, currency: string): Promise<string[]> {
  const locale = await localeOf(ctx);
  const money = (minor: number) => formatMoney(minor, currency, locale);
  return [
    ...(draft.priceMinor !== undefined ? [ctx.t("newdeal-read-price", { price: money(draft.priceMinor) })] : []),
    ...(draft.originalPriceMinor !== undefined ? [ctx.t("newdeal-read-original", { price: money(draft.originalPriceMinor) })] : []),
    ...(draft.quantity !== undefined ? [ctx.t("newdeal-read-quantity", { quantity: draft.quantity })] : []),
    ...(draft.days !== undefined ? [ctx.t("newdeal-read-days", { days: draft.days })] : []),
  ];
}

/** The fields drafted from the text, and the step of /newdeal's form to open with them. */
export async function draftFromText(
  understanding: Pick<UnderstandingService, "draftDeal">,
  ctx: BotContext,
  text: string,
  currency: string,
): Promise<{ data: Partial<DealInput>; step: "preview" | "title" }> {
  if ([...text].length > MAX_DESCRIPTION_CHARS) throw new DomainError("describe-too-long", { max: MAX_DESCRIPTION_CHARS });
  await ctx.replyWithChatAction("typing");
  const { draft, readBy } = await understanding.draftDeal(ctx.user.id, text, currency);
  if (readBy === "model") {
    await ctx.reply(ctx.t("newdeal-drafted"));
    return { data: draft, step: "preview" };
  }
  // The merchant's words are not lost: they become the description, if they fit.
  let description: string | undefined;
  try {
    description = validate.text(text, "description");
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
  }
  const read = await readFields(ctx, draft, currency);
  const key = read.length
    ? description ? "newdeal-draft-parsed" : "newdeal-draft-parsed-long"
    : description ? "newdeal-draft-by-hand" : "newdeal-draft-by-hand-long";
  await ctx.reply(ctx.t(key, { fields: read.join((await localeOf(ctx)) === "zh" ? "、" : ", ") }));
  // Nothing read: the guided form as it always was (its defaults offered as Skip).
  const data = { ...(read.length ? draft : {}), ...(description ? { description } : {}) };
  // The preview step asks for each gap first (the title, at least), in the form's order.
  return { data, step: description || read.length ? "preview" : "title" };
}
