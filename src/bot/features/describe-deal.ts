// /newdeal followed by a description in plain words ("Half-price lattes 2–5pm
// on weekdays, 50 cups, until the end of the month"): the language model drafts
// the offer's fields, the guided form asks for whatever is missing or breaks a
// rule, and the merchant sees the usual preview. Nothing is published until they
// tap Publish. Without a model, the guided form does it all.
import { DomainError } from "../../domain/errors.js";
import * as validate from "../../domain/validation.js";
import type { DealInput } from "../../domain/validation.js";
import type { BotContext } from "../context.js";

/** A description is a paragraph; beyond this it is not one (and would cost model tokens). */
const MAX_DESCRIPTION_CHARS = 1000;

/** The fields drafted from the text, and the step of /newdeal's form to open with them. */
export async function draftFromText(ctx: BotContext, text: string, currency: string): Promise<{ data: Partial<DealInput>; step: "preview" | "title" }> {
  if ([...text].length > MAX_DESCRIPTION_CHARS) throw new DomainError("describe-too-long", { max: MAX_DESCRIPTION_CHARS });
  await ctx.replyWithChatAction("typing");
  const draft = await ctx.deps.services.understanding.draftOffer(ctx.user.id, text, currency);
  if (draft) {
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
  await ctx.reply(ctx.t(description ? "newdeal-draft-by-hand" : "newdeal-draft-by-hand-long"));
  return description ? { data: { description }, step: "preview" } : { data: {}, step: "title" };
}
