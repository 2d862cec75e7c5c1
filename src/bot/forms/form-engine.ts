// Guided forms (/register, /newdeal): one question at a time, each answer
// validated before the next. Progress lives in the database, so a restart in
// the middle of a form loses nothing. Every prompt offers Back and Cancel, and
// Skip where the field is optional.
import { Composer, InlineKeyboard } from "grammy";
import type { BotContext } from "../context.js";
import { answerExpired, mainKeyboard } from "../keyboards.js";

type FormData = Record<string, unknown>;

export interface FormStep<D extends object> {
  id: string;
  /** Asks the question. `keyboard` holds Back / Skip / Cancel: add choices above it. */
  prompt(ctx: BotContext, data: Partial<D>, keyboard: InlineKeyboard): Promise<unknown>;
  /**
   * Reads the answer and returns the fields it sets, or null when the update is
   * not this kind of answer (the user is reminded). Throws a DomainError when
   * the answer is invalid: the boundary shows why and the step stays.
   */
  accept(ctx: BotContext, data: Partial<D>): Promise<Partial<D> | null> | Partial<D> | null;
  /** Present on optional steps: the fields a Skip sets. */
  skip?(data: Partial<D>): Partial<D>;
  /** The reminder shown for an answer of the wrong kind. */
  reminder?: string;
  /**
   * A step that needs fields no earlier answer gave (a drafted offer, an edit
   * that broke a rule between fields) names the step asking for them; the form
   * goes there first and comes back once it is answered.
   */
  requires?(data: Partial<D>): string | undefined;
  /** A button on this step that opens another step (edit one field); the form comes back here after it. */
  jump?(ctx: BotContext, data: Partial<D>): string | undefined;
}

export interface FormDefinition<D extends object> {
  name: string;
  steps: FormStep<D>[];
  finish(ctx: BotContext, data: D): Promise<unknown>;
}

const forms = new Map<string, FormDefinition<FormData>>();

export function defineForm<D extends object>(form: FormDefinition<D>): FormDefinition<D> {
  forms.set(form.name, form as unknown as FormDefinition<FormData>);
  return form;
}

const FORM_DATA = /^form:/;
/** Where to go once the current step is answered, instead of the next step (kept with the form's data). */
const RETURN_TO = "_returnTo";
export const formButton = (value: string) => `form:pick:${value}`;
export function pickedValue(ctx: BotContext): string | undefined {
  const data = ctx.callbackQuery?.data;
  return data?.startsWith("form:pick:") ? data.slice("form:pick:".length) : undefined;
}

/** Opens a form at its first step, or at `stepId` with some fields already known. */
export async function startForm<D extends object>(
  ctx: BotContext,
  form: FormDefinition<D>,
  data: Partial<D> = {},
  stepId = form.steps[0]!.id,
): Promise<void> {
  await goTo(ctx, form as unknown as FormDefinition<FormData>, data, stepId);
}

async function goTo(ctx: BotContext, form: FormDefinition<FormData>, data: FormData, stepId: string) {
  let index = form.steps.findIndex((s) => s.id === stepId);
  const detour = form.steps[index]!.requires?.(data);
  if (detour && detour !== stepId) {
    data = { ...data, [RETURN_TO]: stepId };
    index = form.steps.findIndex((s) => s.id === detour);
  }
  const step = form.steps[index]!;
  await ctx.deps.services.forms.save(ctx.user.id, { form: form.name, step: step.id, data });
  const keyboard = new InlineKeyboard();
  if (index > 0) keyboard.text(ctx.t("form-back"), "form:back");
  if (step.skip) keyboard.text(ctx.t("form-skip"), "form:skip");
  keyboard.text(ctx.t("form-cancel"), "form:cancel");
  await step.prompt(ctx, data, keyboard);
}

/** Asks the open form's current question again (in a new language); false when no form is open. */
export async function askAgain(ctx: BotContext): Promise<boolean> {
  const state = await ctx.deps.services.forms.get(ctx.user.id);
  const form = state && forms.get(state.form);
  if (!form || !form.steps.some((s) => s.id === state.step)) return false;
  await goTo(ctx, form, state.data, state.step);
  return true;
}

/** The data without its return mark, and where that mark pointed. */
function returning(data: FormData): [FormData, string | undefined] {
  const { [RETURN_TO]: back, ...rest } = data;
  return [rest, typeof back === "string" ? back : undefined];
}

async function advance(ctx: BotContext, form: FormDefinition<FormData>, answered: FormData, index: number) {
  const [data, back] = returning(answered);
  if (back) return goTo(ctx, form, data, back);
  const next = form.steps[index + 1];
  if (next) return goTo(ctx, form, data, next.id);
  await ctx.deps.services.forms.clear(ctx.user.id);
  await form.finish(ctx, data);
}

export const formsFeature = new Composer<BotContext>();

formsFeature.use(async (ctx, next) => {
  const isFormButton = FORM_DATA.test(ctx.callbackQuery?.data ?? "");
  if (!ctx.message && !isFormButton) return next();
  const state = await ctx.deps.services.forms.get(ctx.user.id);
  const form = state && forms.get(state.form);
  const index = form ? form.steps.findIndex((s) => s.id === state.step) : -1;
  if (!state || !form || index < 0) {
    if (isFormButton) return answerExpired(ctx);
    return next();
  }
  const step = form.steps[index]!;
  const data = state.data;

  const command = ctx.message?.text?.match(/^\/(\w+)/)?.[1];
  // /skip and /cancel are the buttons typed; /language keeps the form (askAgain).
  const typedAction = command === "skip" || command === "cancel" ? command : undefined;
  if (command === "language") return next();
  if (command && !typedAction) {
    // Another command: the user has moved on.
    await ctx.deps.services.forms.clear(ctx.user.id);
    await ctx.reply(ctx.t("form-left", { form: ctx.t(`form-name-${form.name}`) }));
    return next();
  }
  const action = ctx.callbackQuery?.data?.slice("form:".length) ?? typedAction;

  const act = async () => {
    if (action === "cancel") {
      await ctx.deps.services.forms.clear(ctx.user.id);
      return ctx.reply(ctx.t("cancelled"), { reply_markup: mainKeyboard(ctx) });
    }
    if (action === "back") {
      const [rest, back] = returning(data);
      return goTo(ctx, form, rest, back ?? form.steps[Math.max(0, index - 1)]!.id);
    }
    if (action === "skip") {
      if (!step.skip) return ctx.reply(ctx.t(step.reminder ?? "form-expects-text"));
      return advance(ctx, form, { ...data, ...step.skip(data) }, index);
    }
    const target = step.jump?.(ctx, data);
    if (target) return goTo(ctx, form, { ...data, [RETURN_TO]: step.id }, target);
    const answer = await step.accept(ctx, data);
    if (!answer) return ctx.reply(ctx.t(step.reminder ?? "form-expects-text"));
    return advance(ctx, form, { ...data, ...answer }, index);
  };
  await act();
  // Answered only once the step is through: a broken rule is answered by the
  // error boundary with an alert, and a query can be answered only once.
  if (isFormButton) await ctx.answerCallbackQuery();
});
