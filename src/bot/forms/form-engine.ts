// Guided forms (/register, /newdeal, and the one-question edits of /mydeals,
// /shop and /subscriptions): one question at a time, each answer validated
// before the next. Progress lives in the database, so a restart in the middle
// of a form loses nothing. Prompts offer Skip where the field is optional,
// Back (to the screen the user came from, with nothing lost) wherever there is
// one, and Cancel (which leaves an edit opened from a step, else the form).
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
  /** Present on steps asked only sometimes (a confirmation): false skips the step. */
  when?(data: Partial<D>): boolean;
}

export interface FormDefinition<D extends object> {
  name: string;
  steps: FormStep<D>[];
  finish(ctx: BotContext, data: D): Promise<unknown>;
  /**
   * Shows again the screen the form was opened from (an offer's panel, the
   * shop's details): Back on the first question goes there. Without it, the
   * first question has no Back.
   */
  exit?(ctx: BotContext, data: Partial<D>): Promise<unknown>;
}

const FORM_DATA = /^form:/;
// Navigation kept with the form's data (and never passed to a step or to finish):
/** Where to go once the current step is answered, instead of the next step. */
const RETURN_TO = "_returnTo";
/** The questions shown before this one, latest last: what Back returns to. */
const HISTORY = "_history";
/** An edit opened from a step (✏️ on the preview): where it returns, and the data as it was, for Cancel. */
const EDIT = "_edit";

interface Visit {
  step: string;
  returnTo?: string;
}
interface OpenEdit {
  returnTo: string;
  saved: FormData;
}

const historyOf = (data: FormData) => (Array.isArray(data[HISTORY]) ? (data[HISTORY] as Visit[]) : []);
const editOf = (data: FormData) => data[EDIT] as OpenEdit | undefined;

/** The answers alone. */
function fieldsOf(data: FormData): FormData {
  const { [RETURN_TO]: _r, [HISTORY]: _h, [EDIT]: _e, ...fields } = data;
  return fields;
}

/** The data as it stands after leaving `step` forward: Back from the next question comes here. */
function leaving(data: FormData, step: string): FormData {
  const returnTo = typeof data[RETURN_TO] === "string" ? (data[RETURN_TO] as string) : undefined;
  const { [RETURN_TO]: _r, ...rest } = data;
  return { ...rest, [HISTORY]: [...historyOf(data), { step, ...(returnTo ? { returnTo } : {}) }] };
}

export const formButton = (value: string) => `form:pick:${value}`;
export function pickedValue(ctx: BotContext): string | undefined {
  const data = ctx.callbackQuery?.data;
  return data?.startsWith("form:pick:") ? data.slice("form:pick:".length) : undefined;
}

/** The file id of the largest size Telegram made of a photo sent as an answer. */
export function sentPhoto(ctx: BotContext): string | undefined {
  const sizes = ctx.message?.photo;
  return sizes?.length ? sizes[sizes.length - 1]!.file_id : undefined;
}

/** The index of the step asked before `index` in the form's order, skipping steps that do not apply. */
function earlier(form: FormDefinition<FormData>, index: number, data: FormData): number | undefined {
  for (let i = index - 1; i >= 0; i--) if (form.steps[i]!.when?.(fieldsOf(data)) !== false) return i;
  return undefined;
}

/** Where a user's open form is kept between updates. */
export interface FormStore {
  get(userId: bigint): Promise<{ form: string; step: string; data: FormData } | null>;
  save(userId: bigint, state: { form: string; step: string; data: FormData }): Promise<void>;
  clear(userId: bigint): Promise<void>;
}

/**
 * The forms of one bot: features define theirs and open them; `feature` runs
 * first and routes every answer to the open form.
 */
export function createForms({ store }: { store: FormStore }) {
  const forms = new Map<string, FormDefinition<FormData>>();

  function define<D extends object>(form: FormDefinition<D>): FormDefinition<D> {
    forms.set(form.name, form as unknown as FormDefinition<FormData>);
    return form;
  }

  /** Opens a form at its first step, or at `stepId` with some fields already known. */
  async function start<D extends object>(
    ctx: BotContext,
    form: FormDefinition<D>,
    data: Partial<D> = {},
    stepId = form.steps[0]!.id,
  ): Promise<void> {
    await goTo(ctx, form as unknown as FormDefinition<FormData>, data, stepId);
  }

  async function goTo(ctx: BotContext, form: FormDefinition<FormData>, data: FormData, stepId: string) {
    let index = form.steps.findIndex((s) => s.id === stepId);
    const detour = form.steps[index]!.requires?.(fieldsOf(data));
    if (detour && detour !== stepId) {
      data = { ...data, [RETURN_TO]: stepId };
      index = form.steps.findIndex((s) => s.id === detour);
    }
    const step = form.steps[index]!;
    const edit = editOf(data);
    if (edit && step.id === edit.returnTo) {
      // The edit is done: Back from here goes where it did before the edit.
      const { [EDIT]: _e, ...rest } = data;
      data = { ...rest, [HISTORY]: historyOf(edit.saved) };
    }
    await store.save(ctx.user.id, { form: form.name, step: step.id, data });
    const keyboard = new InlineKeyboard();
    if (historyOf(data).length > 0 || earlier(form, index, data) !== undefined || form.exit) keyboard.text(ctx.t("form-back"), "form:back");
    if (step.skip) keyboard.text(ctx.t("form-skip"), "form:skip");
    keyboard.text(ctx.t("form-cancel"), "form:cancel");
    await step.prompt(ctx, fieldsOf(data), keyboard);
  }

  /** Back: to the question shown before this one, else the one before it in the form, else the screen the form came from. */
  async function goBack(ctx: BotContext, form: FormDefinition<FormData>, data: FormData, index: number) {
    const history = historyOf(data);
    const edit = editOf(data);
    const last = history[history.length - 1];
    if (last) {
      // Back out of an unfinished edit: the draft as it was before it.
      if (edit && last.step === edit.returnTo) return goTo(ctx, form, edit.saved, edit.returnTo);
      const { [RETURN_TO]: _r, ...rest } = data;
      const back = { ...rest, [HISTORY]: history.slice(0, -1), ...(last.returnTo ? { [RETURN_TO]: last.returnTo } : {}) };
      return goTo(ctx, form, back, last.step);
    }
    const previous = earlier(form, index, data);
    if (previous !== undefined) return goTo(ctx, form, data, form.steps[previous]!.id);
    await store.clear(ctx.user.id);
    if (form.exit) await form.exit(ctx, fieldsOf(data));
  }

  /** Asks the open form's current question again (in a new language); false when no form is open. */
  async function askAgain(ctx: BotContext): Promise<boolean> {
    const state = await store.get(ctx.user.id);
    const form = state && forms.get(state.form);
    if (!form || !form.steps.some((s) => s.id === state.step)) return false;
    await goTo(ctx, form, state.data, state.step);
    return true;
  }

  async function advance(ctx: BotContext, form: FormDefinition<FormData>, answered: FormData, index: number) {
    const back = answered[RETURN_TO];
    const data = leaving(answered, form.steps[index]!.id);
    if (typeof back === "string") return goTo(ctx, form, data, back);
    const next = form.steps.findIndex((s, i) => i > index && s.when?.(fieldsOf(data)) !== false);
    if (next >= 0) return goTo(ctx, form, data, form.steps[next]!.id);
    await store.clear(ctx.user.id);
    await form.finish(ctx, fieldsOf(data));
  }

  const feature = new Composer<BotContext>();

  feature.use(async (ctx, next) => {
    const isFormButton = FORM_DATA.test(ctx.callbackQuery?.data ?? "");
    if (!ctx.message && !isFormButton) return next();
    const state = await store.get(ctx.user.id);
    const form = state && forms.get(state.form);
    const index = form ? form.steps.findIndex((s) => s.id === state.step) : -1;
    if (!state || !form || index < 0) {
      if (isFormButton) return answerExpired(ctx);
      return next();
    }
    const step = form.steps[index]!;
    const data = state.data;

    const command = ctx.message?.text?.match(/^\/(\w+)/)?.[1];
    // /skip and /cancel are the buttons typed; /language and /help keep the
    // form (they answer, then ask its question again: askAgain).
    const typedAction = command === "skip" || command === "cancel" ? command : undefined;
    if (command === "language" || command === "help") return next();
    if (command && !typedAction) {
      // Another command: the user has moved on.
      await store.clear(ctx.user.id);
      await ctx.reply(ctx.t("form-left", { form: ctx.t(`form-name-${form.name}`) }));
      return next();
    }
    const action = ctx.callbackQuery?.data?.slice("form:".length) ?? typedAction;

    const act = async () => {
      if (action === "cancel") {
        // Cancelling an edit opened from a step returns to that step as it was; otherwise the form ends.
        const edit = editOf(data);
        if (edit) return goTo(ctx, form, edit.saved, edit.returnTo);
        await store.clear(ctx.user.id);
        return ctx.reply(ctx.t("cancelled"), { reply_markup: mainKeyboard(ctx) });
      }
      if (action === "back") return goBack(ctx, form, data, index);
      if (action === "skip") {
        if (!step.skip) return ctx.reply(ctx.t(step.reminder ?? "form-expects-text"));
        return advance(ctx, form, { ...data, ...step.skip(fieldsOf(data)) }, index);
      }
      const target = step.jump?.(ctx, fieldsOf(data));
      if (target) {
        const edit: OpenEdit = { returnTo: step.id, saved: data };
        return goTo(ctx, form, { ...leaving(data, step.id), [RETURN_TO]: step.id, [EDIT]: edit }, target);
      }
      const answer = await step.accept(ctx, fieldsOf(data));
      if (!answer) return ctx.reply(ctx.t(step.reminder ?? "form-expects-text"));
      return advance(ctx, form, { ...data, ...answer }, index);
    };
    await act();
    // Answered only once the step is through: a broken rule is answered by the
    // error boundary with an alert, and a query can be answered only once.
    if (isFormButton) await ctx.answerCallbackQuery();
  });

  return { define, start, askAgain, feature };
}

export type Forms = ReturnType<typeof createForms>;
