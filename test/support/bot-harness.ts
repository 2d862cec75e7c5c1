// The real bot over a real SQLite file, driven with real Telegram updates.
// Nothing of the bot is mocked: only the network. An API transformer answers
// each Bot API call the way Telegram would (a Message for send*/edit*, true for
// the rest) and refuses what Telegram refuses (HTML it cannot parse, a text or
// caption over its limit, an edit that changes nothing, a callback query
// answered twice), so a formatting slip fails a test instead of production.
import { AsyncLocalStorage } from "node:async_hooks";
import { BotError, InputFile } from "grammy";
import type {
  InlineKeyboardButton,
  Message,
  MessageEntity,
  Poll,
  ReplyKeyboardMarkup,
  Update,
  User,
  UserFromGetMe,
} from "grammy/types";
import { pino } from "pino";
import { createBot, type NearbuyBot } from "../../src/bot/bot.js";
import { HANDLED_UPDATES } from "../../src/bot/update-intake.js";
import type { Deal } from "../../src/domain/deal.js";
import type { Shop } from "../../src/domain/shop.js";
import type { DealInput, ShopInput } from "../../src/domain/validation.js";
import type { LanguageModel } from "../../src/core/ports/language-model.port.js";
import { parseFormatted, ParseError } from "../../src/sandbox/formatting.js";
import {
  callbackAnswerRefusal,
  captionRefusal,
  deleteRefusal,
  entitiesRefusal,
  inlineAnswerRefusal,
  inlineKeyboardRefusal,
  type InlineResultFields,
  invoiceRefusal,
  invoiceTotal,
  locationRefusal,
  mediaGroupRefusal,
  pollRefusal,
  preCheckoutAnswerRefusal,
  stopPollRefusal,
  REFUSAL,
  textRefusal,
  venueRefusal,
} from "../../src/sandbox/telegram-rules.js";
import { createCheckoutMessaging } from "../../src/bot/messaging.js";
import { createReviewMessaging } from "../../src/bot/review-messaging.js";
import { createReminderMessaging } from "../../src/bot/reminder-messages.js";
import { createGroupVoteMessaging } from "../../src/bot/group-vote-messaging.js";
import { createCheckoutJobs, type CheckoutJob } from "../../src/jobs/checkout.job.js";
import { createServices, type Services } from "../../src/core/services.js";
import { createTestDb, type TestDb } from "./test-db.js";

export const BOT_INFO: UserFromGetMe = {
  id: 7_000_000_001,
  is_bot: true,
  first_name: "Nearbuy",
  username: "nearbuy_test_bot",
  can_join_groups: false,
  can_read_all_group_messages: false,
  supports_inline_queries: false,
  can_connect_to_business: false,
  has_main_web_app: false,
  has_topics_enabled: false,
  allows_users_to_create_topics: false,
} as UserFromGetMe;


/** One Bot API call the bot made, with what a user would see of it. */
export interface ApiCall {
  method: string;
  payload: Record<string, unknown>;
  /** The text or caption as shown, after Telegram parsed the formatting ("" when none). */
  text: string;
  /** What the harness answered: the Message for send and edit methods. */
  result: unknown;
  /** The bytes of an uploaded file (a photo sent as InputFile, e.g. a QR code). */
  upload?: Buffer;
  /** The bytes of each uploaded photo of an album (sendMediaGroup), in order. */
  uploads?: Buffer[];
}

export interface Button {
  text: string;
  data?: string;
  url?: string;
  /** A web_app button: the Mini App address it opens. */
  webApp?: string;
}

export interface HarnessOptions {
  /** Operators: with any, new shops wait for approval. */
  adminIds?: bigint[];
  currency?: string;
  /** The clock's start. */
  now?: Date;
  /** The payment provider's token; null to run without payments. */
  paymentProviderToken?: string | null;
  /** Reads plain words (a client of a local chat-completions server); none: the built-in parser. */
  languageModel?: LanguageModel;
  /** The Mini App's address (MINI_APP_URL). */
  miniAppUrl?: string;
}

export interface Profile {
  id: number;
  firstName: string;
  username?: string;
  languageCode?: string;
}

export interface LogLine {
  level: number;
  msg?: string;
  [key: string]: unknown;
}

/** Telegram sends a poll_answer only to a bot that asks for them in its allowed updates. */
const ASKS_FOR_POLL_ANSWERS = (HANDLED_UPDATES as readonly string[]).includes("poll_answer");

type StoredMessage = Message & { reply_markup?: Message["reply_markup"] };

class ApiRefusal extends Error {
  constructor(
    readonly description: string,
    readonly code = 400,
  ) {
    super(description);
  }
}

/** Throws when one of Telegram's rules refused the request. */
function refuse(refusal: string | undefined): void {
  if (refusal) throw new ApiRefusal(refusal);
}

/** The whole inline keyboard of a sent message, row by row. */
export function keyboardRows(call: ApiCall): Button[][] {
  const markup = call.payload.reply_markup as { inline_keyboard?: InlineKeyboardButton[][] } | undefined;
  // Telegram drops empty rows.
  return (markup?.inline_keyboard ?? []).filter((row) => row.length > 0).map((row) =>
    row.map((b) => ({
      text: b.text,
      ...("callback_data" in b ? { data: b.callback_data } : {}),
      ...("url" in b ? { url: b.url } : {}),
      ...("web_app" in b && b.web_app ? { webApp: b.web_app.url } : {}),
    })),
  );
}

/** The inline buttons of a sent message, in reading order. */
export function buttons(call: ApiCall): Button[] {
  return keyboardRows(call).flat();
}

/** The texts of the inline buttons. */
export function buttonTexts(call: ApiCall): string[] {
  return buttons(call).map((b) => b.text);
}

/** The callback data of the one button whose text is (or matches) `text`. */
export function button(call: ApiCall, text: string | RegExp): string {
  const matches = buttons(call).filter((b) => (typeof text === "string" ? b.text === text : text.test(b.text)));
  if (matches.length !== 1 || matches[0]!.data === undefined) {
    throw new Error(
      `expected one callback button ${String(text)}, found ${matches.length} among: ${JSON.stringify(buttonTexts(call))}`,
    );
  }
  return matches[0]!.data!;
}

/** The reply keyboard sent with a message, if any. */
export function replyKeyboard(call: ApiCall): ReplyKeyboardMarkup | undefined {
  const markup = call.payload.reply_markup as Partial<ReplyKeyboardMarkup> | undefined;
  return markup?.keyboard ? (markup as ReplyKeyboardMarkup) : undefined;
}

const SHOWN = /^(send(?!ChatAction)|edit)/;

/** The calls that put something on the user's screen (send* and edit*, not "typing…"). */
export function shown(calls: ApiCall[]): ApiCall[] {
  return calls.filter((c) => SHOWN.test(c.method));
}

/** The one thing the bot showed in answer; fails when it showed none or several. */
export function only(calls: ApiCall[], method?: string): ApiCall {
  const seen = shown(calls).filter((c) => method === undefined || c.method === method);
  if (seen.length !== 1) {
    throw new Error(
      `expected exactly one ${method ?? "message"}, got ${seen.length}: ${JSON.stringify(calls.map((c) => [c.method, c.text]))}`,
    );
  }
  return seen[0]!;
}

/** The last thing the bot showed. */
export function lastShown(calls: ApiCall[]): ApiCall {
  const seen = shown(calls);
  if (seen.length === 0) throw new Error(`the bot showed nothing: ${JSON.stringify(calls.map((c) => c.method))}`);
  return seen[seen.length - 1]!;
}

/** The answer to a button press: its text, and whether it was an alert. */
export function callbackAnswer(calls: ApiCall[]): { text: string; alert: boolean } {
  const answers = calls.filter((c) => c.method === "answerCallbackQuery");
  if (answers.length !== 1) throw new Error(`expected one answerCallbackQuery, got ${answers.length}`);
  const payload = answers[0]!.payload;
  return { text: String(payload.text ?? ""), alert: payload.show_alert === true };
}

export class UserChat {
  constructor(
    private readonly harness: BotHarness,
    readonly profile: Profile,
  ) {}

  get id(): number {
    return this.profile.id;
  }

  get from(): User {
    return {
      id: this.profile.id,
      is_bot: false,
      first_name: this.profile.firstName,
      ...(this.profile.username ? { username: this.profile.username } : {}),
      ...(this.profile.languageCode ? { language_code: this.profile.languageCode } : {}),
    };
  }

  /** Changes what Telegram reports about the user from now on (e.g. their app language). */
  setLanguageCode(code: string | undefined): void {
    this.profile.languageCode = code;
  }

  private message(fields: Partial<Message>): Message {
    return {
      message_id: this.harness.nextMessageId(),
      date: this.harness.unixNow(),
      chat: { id: this.id, type: "private", first_name: this.profile.firstName },
      from: this.from,
      ...fields,
    } as Message;
  }

  /** A text message; a leading /command gets its bot_command entity, as Telegram adds it. */
  send(text: string): Promise<ApiCall[]> {
    const command = /^\/[A-Za-z0-9_]+(@[A-Za-z0-9_]+)?/.exec(text);
    const entities: MessageEntity[] = command ? [{ type: "bot_command", offset: 0, length: command[0].length }] : [];
    return this.harness.deliver({ message: this.message({ text, ...(entities.length ? { entities } : {}) }) });
  }

  /** A location pin; with live_period, the start of a live location. Returns the calls; see `lastSentId`. */
  location(latitude: number, longitude: number, options: { live_period?: number } = {}): Promise<ApiCall[]> {
    const message = this.message({
      location: { latitude, longitude, ...(options.live_period ? { live_period: options.live_period } : {}) },
    });
    this.lastSentId = message.message_id;
    return this.harness.deliver({ message });
  }

  /** A live location moving: Telegram edits the original message. */
  editLiveLocation(messageId: number, latitude: number, longitude: number): Promise<ApiCall[]> {
    const edited = {
      message_id: messageId,
      date: this.harness.unixNow() - 60,
      edit_date: this.harness.unixNow(),
      chat: { id: this.id, type: "private", first_name: this.profile.firstName },
      from: this.from,
      location: { latitude, longitude, live_period: 900 },
    } as Message;
    return this.harness.deliver({ edited_message: edited });
  }

  /** A venue picked from the attachment menu: Telegram sends both the venue and its location. */
  venue(latitude: number, longitude: number, title: string, address: string): Promise<ApiCall[]> {
    const location = { latitude, longitude };
    return this.harness.deliver({ message: this.message({ location, venue: { location, title, address } }) });
  }

  /** A photo: Telegram sends several sizes, the largest last. */
  photo(fileId: string, caption?: string): Promise<ApiCall[]> {
    const photo = [
      { file_id: `${fileId}-small`, file_unique_id: `${fileId}-s`, width: 90, height: 90, file_size: 1_500 },
      { file_id: `${fileId}-medium`, file_unique_id: `${fileId}-m`, width: 320, height: 320, file_size: 20_000 },
      { file_id: fileId, file_unique_id: `${fileId}-l`, width: 1280, height: 1280, file_size: 200_000 },
    ];
    return this.harness.deliver({ message: this.message({ photo, ...(caption ? { caption } : {}) }) });
  }

  /**
   * Taps an inline button. The callback query carries the message the button
   * is on: `messageId` when given, else the latest bot message in this chat
   * showing a button with this data, else the latest bot message.
   */
  press(data: string, messageId?: number): Promise<ApiCall[]> {
    const message = this.harness.messageForPress(this.id, data, messageId);
    return this.harness.deliver({
      callback_query: {
        id: String(this.harness.nextCallbackId()),
        from: this.from,
        chat_instance: `ci-${this.id}`,
        data,
        ...(message ? { message } : {}),
      },
    });
  }

  /** The message id of the last location this user sent (to move a live location). */
  lastSentId = 0;

  /** Shares a location and opens a deal from the nearby list: its card, with the Buy button. */
  async openDeal(dealId: number, at: { lat: number; lng: number }): Promise<ApiCall> {
    const list = lastShown(await this.location(at.lat, at.lng));
    const number = buttons(list).find((b) => /^\d+$/.test(b.text) && b.data === `d:${dealId}:n:0`);
    if (!number) throw new Error(`deal ${dealId} is not in the list: ${list.text}`);
    return lastShown(await this.press(number.data!));
  }

  /** Telegram asks the bot to confirm a checkout, as when the user taps Pay in the payment form. */
  preCheckout(invoice: InvoiceFields): Promise<ApiCall[]> {
    return this.harness.deliver({
      pre_checkout_query: {
        id: `pcq-${this.harness.nextCallbackId()}`,
        from: this.from,
        currency: invoice.currency,
        total_amount: invoice.total_amount,
        invoice_payload: invoice.payload,
      },
    });
  }

  /** The successful_payment service message Telegram sends once the money moved. */
  paid(invoice: InvoiceFields, chargeId = `tg-charge-${this.harness.nextCallbackId()}`): Promise<ApiCall[]> {
    return this.harness.deliver({
      message: this.message({
        successful_payment: {
          currency: invoice.currency,
          total_amount: invoice.total_amount,
          invoice_payload: invoice.payload,
          telegram_payment_charge_id: chargeId,
          provider_payment_charge_id: `provider-${chargeId}`,
        },
      }),
    });
  }

  /**
   * Pays an invoice the bot sent, the way Telegram does: a pre-checkout query,
   * and only if the bot said ok, the successful payment.
   */
  async pay(invoiceCall: ApiCall, chargeId?: string): Promise<{ checkout: ApiCall[]; payment: ApiCall[] | null; refusal: string | null }> {
    const invoice = this.harness.invoiceOf(invoiceCall);
    const checkout = await this.preCheckout(invoice);
    const answer = checkout.find((c) => c.method === "answerPreCheckoutQuery")!;
    if (answer.payload.ok !== true) return { checkout, payment: null, refusal: answer.text };
    return { checkout, payment: await this.paid(invoice, chargeId), refusal: null };
  }
}

export interface InvoiceFields {
  currency: string;
  total_amount: number;
  payload: string;
}

export class BotHarness {
  readonly bot: NearbuyBot;
  readonly services: Services;
  readonly logs: LogLine[] = [];
  /** Scheduled work, run on demand with `runJobs`. */
  readonly jobs: CheckoutJob[];
  /** Every call made, across all updates. */
  readonly calls: ApiCall[] = [];
  private now: Date;
  private messageId = 1000;
  private updateId = 1;
  private callbackId = 1;
  /** Bot messages still on screen, by chat then message id. */
  private readonly screens = new Map<number, Map<number, StoredMessage>>();
  private readonly openQueries = new Set<string>();
  private readonly openPreCheckouts = new Set<string>();
  private readonly openInlineQueries = new Set<string>();
  /** The payload of each invoice sent, by message id: what Telegram gives back at checkout. */
  readonly invoicePayloads = new Map<number, string>();
  private readonly blocked = new Set<number>();
  /** The bot's polls, by poll id: where each is and who chose what. */
  private readonly polls = new Map<string, { chatId: number; messageId: number; choices: Map<number, number[]> }>();
  /** The admins of each group, by chat id (getChatMember). */
  private readonly admins = new Map<number, Set<number>>();
  /** Calls made outside any update (scheduled jobs). */
  private current: ApiCall[] = [];
  /** Run as each call reaches "Telegram", before it is answered: what users do meanwhile. */
  whileSending?: (call: ApiCall) => Promise<void>;
  private readonly scope = new AsyncLocalStorage<ApiCall[]>();

  constructor(
    readonly db: TestDb,
    options: HarnessOptions = {},
  ) {
    this.now = options.now ?? new Date("2026-05-04T09:00:00.000Z");
    const logs = this.logs;
    const logger = pino({ level: "warn" }, { write: (line: string) => void logs.push(JSON.parse(line) as LogLine) });
    const adminIds = options.adminIds ?? [];
    const clock = () => new Date(this.now.getTime());
    this.services = createServices(db.repos, {
      clock,
      messaging: createCheckoutMessaging({ bot: () => this.bot, clock, adminIds }),
      currency: options.currency ?? "CNY",
      needsApproval: adminIds.length > 0,
      languageModel: options.languageModel,
      reviewMessages: createReviewMessaging({ bot: () => this.bot }),
      reviewPromptHours: 3,
      reminderMessaging: createReminderMessaging({ bot: () => this.bot }),
      groupVoteMessaging: createGroupVoteMessaging({ bot: () => this.bot }),
      onRewardFailed: (err, voucher) => logger.error({ err, voucher }, "a referral reward could not be given"),
    });
    this.bot = createBot({
      token: "123456:TEST-token-never-sent",
      apiRoot: "http://127.0.0.1:9", // never reached: the transformer answers every call
      botInfo: BOT_INFO,
      services: this.services,
      logger,
      adminIds,
      paymentProviderToken: options.paymentProviderToken === null ? undefined : (options.paymentProviderToken ?? "284685063:TEST:provider"),
      miniAppUrl: options.miniAppUrl,
    });
    this.jobs = createCheckoutJobs({ ...this.services, logger });
    this.bot.api.config.use(async (_prev, method, payload) => {
      const call: ApiCall = { method, payload: { ...(payload as Record<string, unknown>) }, text: "", result: undefined };
      const photo = call.payload.photo;
      if (photo instanceof InputFile) {
        const raw = await photo.toRaw();
        if (!(raw instanceof Uint8Array)) throw new Error("the harness reads uploads from bytes only");
        call.upload = Buffer.from(raw);
      }
      if (Array.isArray(call.payload.media)) {
        call.uploads = [];
        for (const item of call.payload.media as { media?: unknown }[]) {
          if (!(item.media instanceof InputFile)) continue;
          const raw = await item.media.toRaw();
          if (!(raw instanceof Uint8Array)) throw new Error("the harness reads uploads from bytes only");
          call.uploads.push(Buffer.from(raw));
        }
      }
      this.calls.push(call);
      await this.whileSending?.(call);
      // Updates may be handled concurrently (racing buyers): each collects its own calls.
      (this.scope.getStore() ?? this.current).push(call);
      try {
        call.result = this.answer(call);
        return { ok: true, result: call.result } as never;
      } catch (error) {
        if (!(error instanceof ApiRefusal)) throw error;
        call.result = { refused: error.description };
        const kind = error.code === 403 ? "Forbidden" : "Bad Request";
        return { ok: false, error_code: error.code, description: `${kind}: ${error.description}` } as never;
      }
    });
  }

  /** What Telegram knows of an invoice the bot sent: its currency, total and payload. */
  invoiceOf(call: ApiCall): InvoiceFields {
    if (call.method !== "sendInvoice") throw new Error(`not an invoice: ${call.method}`);
    const message = call.result as Message;
    return {
      currency: message.invoice!.currency,
      total_amount: message.invoice!.total_amount,
      payload: this.invoicePayloads.get(message.message_id)!,
    };
  }

  user(profile: Profile): UserChat {
    return new UserChat(this, { ...profile });
  }

  /** An approved (or, with operators, pending) shop, registered through the service. */
  async shop(ownerId: number, shop: Partial<ShopInput> & { lat: number; lng: number }): Promise<Shop> {
    await this.db.repos.users.ensure({ id: ownerId, firstName: `Owner ${ownerId}` });
    const { shop: created } = await this.services.shops.register(BigInt(ownerId), {
      name: `Shop ${ownerId}`,
      category: "food",
      address: `${ownerId} Test Road`,
      openingHours: "Mon–Sun 9:00–21:00",
      ...shop,
    });
    return created;
  }

  /** A deal on sale now, published through the service by the shop's owner. */
  publish(ownerId: number, deal: Partial<DealInput> = {}): Promise<Deal> {
    return this.services.deals.publish(BigInt(ownerId), {
      title: `Deal of ${ownerId}`,
      description: "",
      priceMinor: 1000,
      originalPriceMinor: 2000,
      quantity: 50,
      perPersonLimit: 5,
      days: 7,
      voucherValidDays: 30,
      ...deal,
    });
  }

  /** Runs every scheduled job once, as the scheduler would; returns the calls they made. */
  async runJobs(): Promise<ApiCall[]> {
    this.current = [];
    for (const job of this.jobs) await job.run();
    const errors = this.logs.filter((l) => l.level >= 50);
    if (errors.length) throw new Error(`a job logged an error: ${JSON.stringify(errors)}`);
    return this.current;
  }

  /** Runs one piece of scheduled work (a job's use case) as the scheduler would; returns the calls it made. */
  async runScheduled(work: (services: Services) => Promise<unknown>): Promise<ApiCall[]> {
    this.current = [];
    await work(this.services);
    return this.current;
  }

  /** Runs the review prompt job once, as the scheduler would; returns the calls it made. */
  async runReviewPrompts(): Promise<ApiCall[]> {
    this.current = [];
    await this.services.reviews.askDue(this.clock());
    return this.current;
  }

  /** Makes a member an admin of a group, as getChatMember then reports. */
  makeAdmin(chatId: number, userId: number): void {
    if (!this.admins.has(chatId)) this.admins.set(chatId, new Set());
    this.admins.get(chatId)!.add(userId);
  }

  /** The poll in a message the bot sent, as it stands now. */
  poll(call: ApiCall): Poll {
    const sent = call.result as Message;
    const stored = this.screens.get(sent.chat.id)?.get(sent.message_id);
    if (!stored?.poll) throw new Error(`message ${sent.message_id} holds no poll`);
    return stored.poll;
  }

  private setPoll(pollId: string, change: (poll: Poll) => Poll): Poll {
    const where = this.polls.get(pollId);
    if (!where) throw new Error(`the bot sent no poll ${pollId}`);
    const stored = this.screens.get(where.chatId)!.get(where.messageId)!;
    const poll = change(stored.poll!);
    this.store(where.chatId, { ...stored, poll } as StoredMessage);
    return poll;
  }

  /**
   * A member votes in the bot's poll (no options: takes the vote back), as in
   * Telegram: a poll_answer (non-anonymous polls only, when the bot asks for
   * them), then the poll's new counts. Returns the calls the bot made for both.
   */
  async vote(call: ApiCall, voter: User, optionIds: number[]): Promise<ApiCall[]> {
    const pollId = this.poll(call).id;
    const { choices } = this.polls.get(pollId)!;
    const before = this.poll(call);
    if (before.is_closed) throw new Error("the poll is closed: Telegram takes no more votes");
    choices.set(voter.id, optionIds);
    const poll = this.setPoll(pollId, (p) => ({
      ...p,
      options: p.options.map((o, i) => ({ ...o, voter_count: [...choices.values()].filter((c) => c.includes(i)).length })),
      total_voter_count: [...choices.values()].filter((c) => c.length > 0).length,
    }));
    const answer = poll.is_anonymous || !ASKS_FOR_POLL_ANSWERS
      ? []
      : await this.deliver({ poll_answer: { poll_id: pollId, user: voter, option_ids: optionIds, option_persistent_ids: optionIds.map(String) } });
    return [...answer, ...(await this.deliver({ poll }))];
  }

  /** Telegram closes the poll at the end of its open_period and tells the bot (a `poll` update). */
  async pollClosedByTelegram(call: ApiCall): Promise<ApiCall[]> {
    const poll = this.setPoll(this.poll(call).id, (p) => ({ ...p, is_closed: true }));
    return this.deliver({ poll });
  }

  /** The poll's state sent to the bot again, as Telegram does after a stop (or to another instance). */
  pollUpdate(call: ApiCall): Promise<ApiCall[]> {
    return this.deliver({ poll: this.poll(call) });
  }

  /** The user stops the bot: Telegram refuses every message to them from now on. */
  block(chatId: number): void {
    this.blocked.add(chatId);
  }

  unblock(chatId: number): void {
    this.blocked.delete(chatId);
  }

  clock(): Date {
    return new Date(this.now.getTime());
  }

  advance(ms: number): void {
    this.now = new Date(this.now.getTime() + ms);
  }

  unixNow(): number {
    return Math.floor(this.now.getTime() / 1000);
  }

  nextMessageId(): number {
    return ++this.messageId;
  }

  nextCallbackId(): number {
    return this.callbackId++;
  }

  /** Messages the bot sent into a chat that are still there. */
  screen(chatId: number): StoredMessage[] {
    return [...(this.screens.get(chatId)?.values() ?? [])];
  }

  messageForPress(chatId: number, data: string, messageId?: number): Message | undefined {
    const messages = this.screen(chatId);
    if (messageId !== undefined) return messages.find((m) => m.message_id === messageId);
    const withButton = messages.filter((m) =>
      (m.reply_markup?.inline_keyboard ?? []).some((row) =>
        row.some((b) => "callback_data" in b && b.callback_data === data),
      ),
    );
    return withButton[withButton.length - 1] ?? messages[messages.length - 1];
  }

  /**
   * Feeds one update through the bot and returns the calls it made. A crash
   * (an error escaping the middleware, which production would log as a bug)
   * fails the test, as does a button press left unanswered.
   */
  async deliver(fields: {
    message?: Message;
    edited_message?: Message;
    callback_query?: object;
    pre_checkout_query?: object;
    inline_query?: object;
    chosen_inline_result?: object;
    poll?: Poll;
    poll_answer?: object;
  }): Promise<ApiCall[]> {
    const update = { update_id: this.updateId++, ...fields } as unknown as Update;
    const calls: ApiCall[] = [];
    const queryId = update.callback_query?.id;
    if (queryId) this.openQueries.add(queryId);
    const checkoutId = update.pre_checkout_query?.id;
    if (checkoutId) this.openPreCheckouts.add(checkoutId);
    const inlineId = update.inline_query?.id;
    if (inlineId) this.openInlineQueries.add(inlineId);
    try {
      await this.scope.run(calls, () => this.bot.handleUpdate(update));
    } catch (error) {
      const cause = error instanceof BotError ? error.error : error;
      throw new Error(
        `the bot crashed on update ${JSON.stringify(fields).slice(0, 300)}: ${String(cause)}\ncalls: ${JSON.stringify(
          calls.map((c) => [c.method, c.text, c.result]),
        )}`,
        { cause },
      );
    }
    const errors = this.logs.filter((l) => l.level >= 50);
    if (errors.length) throw new Error(`the bot logged an error: ${JSON.stringify(errors)}`);
    if (queryId && this.openQueries.has(queryId)) {
      throw new Error(`the button press ${update.callback_query?.data} was left unanswered (the button keeps spinning)`);
    }
    if (inlineId && this.openInlineQueries.has(inlineId)) {
      throw new Error(`the inline query "${update.inline_query?.query}" was left unanswered (the user sees a spinner)`);
    }
    if (checkoutId && this.openPreCheckouts.has(checkoutId)) {
      throw new Error("the pre-checkout query was left unanswered (the payment fails after 10 seconds)");
    }
    return calls;
  }

  private chatOf(payload: Record<string, unknown>): number {
    return Number(payload.chat_id);
  }

  private store(chatId: number, message: StoredMessage): void {
    let messages = this.screens.get(chatId);
    if (!messages) this.screens.set(chatId, (messages = new Map()));
    messages.set(message.message_id, message);
  }

  /** Parses a text or caption as Telegram does, then holds it to Telegram's rule for it. */
  private formatted(source: unknown, parseMode: unknown, entities: unknown, rule: (shown: string) => string | undefined) {
    if (typeof source !== "string") throw new ApiRefusal("text must be a string");
    let parsed: { text: string; entities: MessageEntity[] };
    try {
      parsed = parseFormatted(source, parseMode as string | undefined, entities as MessageEntity[] | undefined);
    } catch (error) {
      if (error instanceof ParseError) throw new ApiRefusal(entitiesRefusal(error.message));
      throw error;
    }
    refuse(rule(parsed.text));
    return parsed;
  }

  private checkMarkup(markup: unknown): StoredMessage["reply_markup"] | undefined {
    const inline = (markup as { inline_keyboard?: InlineKeyboardButton[][] } | undefined)?.inline_keyboard;
    if (!inline) return undefined;
    refuse(inlineKeyboardRefusal(inline.flat()));
    return { inline_keyboard: inline };
  }

  private base(chatId: number): Pick<Message, "message_id" | "date" | "chat" | "from"> {
    return {
      message_id: this.nextMessageId(),
      date: this.unixNow(),
      // A negative id is a group's.
      chat: chatId < 0 ? { id: chatId, type: "supergroup", title: "Group" } : { id: chatId, type: "private", first_name: "User" },
      from: BOT_INFO,
    };
  }

  private answer(call: ApiCall): unknown {
    const p = call.payload;
    if (p.chat_id !== undefined && this.blocked.has(Number(p.chat_id))) throw new ApiRefusal(REFUSAL.blocked, 403);
    switch (call.method) {
      case "sendMessage": {
        const { text, entities } = this.formatted(p.text, p.parse_mode, p.entities, textRefusal);
        call.text = text;
        const markup = this.checkMarkup(p.reply_markup);
        const message = { ...this.base(this.chatOf(p)), text, entities, ...(markup ? { reply_markup: markup } : {}) };
        this.store(this.chatOf(p), message as StoredMessage);
        return message;
      }
      case "sendDocument": {
        if (!(p.document instanceof InputFile)) throw new ApiRefusal("the harness only knows uploaded documents");
        const caption = p.caption === undefined ? undefined : this.formatted(p.caption, p.parse_mode, p.caption_entities, captionRefusal);
        call.text = caption?.text ?? "";
        const message = {
          ...this.base(this.chatOf(p)),
          document: { file_id: `upload-${this.nextMessageId()}`, file_unique_id: "u", file_name: p.document.filename },
          ...(caption ? { caption: caption.text } : {}),
        };
        this.store(this.chatOf(p), message as StoredMessage);
        return message;
      }
      case "sendPhoto": {
        if (typeof p.photo !== "string" && !call.upload) throw new ApiRefusal("photo must be a file_id or an upload");
        if (call.upload && call.upload.subarray(1, 4).toString() !== "PNG") throw new ApiRefusal("IMAGE_PROCESS_FAILED");
        const fileId = typeof p.photo === "string" ? p.photo : `uploaded-${this.nextMessageId()}`;
        const caption =
          p.caption === undefined
            ? undefined
            : this.formatted(p.caption, p.parse_mode, p.caption_entities, captionRefusal);
        call.text = caption?.text ?? "";
        const markup = this.checkMarkup(p.reply_markup);
        const message = {
          ...this.base(this.chatOf(p)),
          photo: [{ file_id: fileId, file_unique_id: `u-${fileId}`, width: 1280, height: 1280 }],
          ...(caption ? { caption: caption.text, caption_entities: caption.entities } : {}),
          ...(markup ? { reply_markup: markup } : {}),
        };
        this.store(this.chatOf(p), message as StoredMessage);
        return message;
      }
      case "sendMediaGroup": {
        // An album: up to 10 photos (or videos; the docs say 2–10), each with its own caption.
        // It has no reply_markup parameter: buttons sent with it are ignored, so none are stored.
        const media = p.media as { type: string; media: unknown; caption?: string; parse_mode?: string; caption_entities?: unknown }[];
        refuse(mediaGroupRefusal(Array.isArray(media) ? media.length : 0));
        const uploads = [...(call.uploads ?? [])];
        const messages = media.map((item) => {
          if (item.type !== "photo") throw new ApiRefusal("the harness only knows albums of photos");
          if (typeof item.media !== "string") {
            const upload = uploads.shift();
            if (!upload || upload.subarray(1, 4).toString() !== "PNG") throw new ApiRefusal("IMAGE_PROCESS_FAILED");
          }
          const fileId = typeof item.media === "string" ? item.media : `uploaded-${this.nextMessageId()}`;
          const caption =
            item.caption === undefined
              ? undefined
              : this.formatted(item.caption, item.parse_mode, item.caption_entities, captionRefusal);
          return {
            ...this.base(this.chatOf(p)),
            media_group_id: `album-${this.chatOf(p)}-${this.messageId}`,
            photo: [{ file_id: fileId, file_unique_id: `u-${fileId}`, width: 1280, height: 1280 }],
            ...(caption ? { caption: caption.text, caption_entities: caption.entities } : {}),
          };
        });
        const group = messages[0]!.media_group_id;
        for (const message of messages) this.store(this.chatOf(p), { ...message, media_group_id: group } as StoredMessage);
        call.text = messages.map((m) => m.caption ?? "").join("\n\n");
        return messages.map((m) => ({ ...m, media_group_id: group }));
      }
      case "sendVenue":
      case "sendLocation": {
        const latitude = Number(p.latitude);
        const longitude = Number(p.longitude);
        refuse(locationRefusal(latitude, longitude));
        const location = { latitude, longitude };
        call.text = call.method === "sendVenue" ? `${String(p.title)}\n${String(p.address)}` : "";
        if (call.method === "sendVenue") refuse(venueRefusal(String(p.title ?? ""), String(p.address ?? "")));
        const message = {
          ...this.base(this.chatOf(p)),
          location,
          ...(call.method === "sendVenue" ? { venue: { location, title: p.title, address: p.address } } : {}),
        };
        this.store(this.chatOf(p), message as StoredMessage);
        return message;
      }
      case "editMessageText":
      case "editMessageCaption":
      case "editMessageReplyMarkup": {
        if (p.inline_message_id) return true;
        const chatId = this.chatOf(p);
        const old = this.screens.get(chatId)?.get(Number(p.message_id));
        if (!old) throw new ApiRefusal(REFUSAL.editTargetMissing);
        const next = { ...old, edit_date: this.unixNow() } as StoredMessage & Record<string, unknown>;
        if (call.method === "editMessageText") {
          if (old.text === undefined) throw new ApiRefusal(REFUSAL.noTextToEdit);
          const parsed = this.formatted(p.text, p.parse_mode, p.entities, textRefusal);
          next.text = parsed.text;
          next.entities = parsed.entities;
          call.text = parsed.text;
        } else if (call.method === "editMessageCaption") {
          if (old.photo === undefined) throw new ApiRefusal(REFUSAL.noCaptionToEdit);
          const parsed = this.formatted(p.caption ?? "", p.parse_mode, p.caption_entities, captionRefusal);
          next.caption = parsed.text;
          next.caption_entities = parsed.entities;
          call.text = parsed.text;
        } else {
          call.text = old.text ?? old.caption ?? "";
        }
        const markup = this.checkMarkup(p.reply_markup);
        if (markup) next.reply_markup = markup;
        else delete next.reply_markup;
        const same = (m: StoredMessage) =>
          JSON.stringify([m.text, m.entities, m.caption, m.caption_entities, m.reply_markup ?? null]);
        if (same(next) === same(old)) {
          throw new ApiRefusal(REFUSAL.notModified);
        }
        this.store(chatId, next);
        return next;
      }
      case "deleteMessage": {
        const messages = this.screens.get(this.chatOf(p));
        const message = messages?.get(Number(p.message_id));
        if (!message) throw new ApiRefusal(REFUSAL.deleteTargetMissing);
        refuse(deleteRefusal(message.date, this.unixNow()));
        messages!.delete(message.message_id);
        return true;
      }
      case "sendInvoice": {
        const title = String(p.title ?? "");
        const description = String(p.description ?? "");
        const prices = (p.prices ?? []) as { label: string; amount: number }[];
        const payload = String(p.payload ?? "");
        const currency = String(p.currency ?? "");
        refuse(invoiceRefusal({ title, description, payload, currency, providerToken: String(p.provider_token ?? ""), prices }));
        const total = invoiceTotal(prices);
        const markup = this.checkMarkup(p.reply_markup);
        const first = markup?.inline_keyboard[0]?.[0];
        if (first && !("pay" in first && first.pay)) throw new ApiRefusal("the first button of an invoice must be a Pay button");
        call.text = `${title}\n${description}`;
        const message = {
          ...this.base(this.chatOf(p)),
          invoice: { title, description, start_parameter: "", currency, total_amount: total },
          ...(markup ? { reply_markup: markup } : {}),
        };
        this.invoicePayloads.set(message.message_id, payload);
        this.store(this.chatOf(p), message as StoredMessage);
        return message;
      }
      case "answerPreCheckoutQuery": {
        const id = String(p.pre_checkout_query_id);
        if (!this.openPreCheckouts.delete(id)) throw new ApiRefusal(REFUSAL.queryTooOld);
        refuse(preCheckoutAnswerRefusal(p.ok === true, p.error_message === undefined ? undefined : String(p.error_message)));
        call.text = String(p.error_message ?? "");
        return true;
      }
      case "answerInlineQuery": {
        if (!this.openInlineQueries.delete(String(p.inline_query_id))) throw new ApiRefusal(REFUSAL.queryTooOld);
        const results = (p.results ?? []) as (InlineResultFields & { caption?: string; parse_mode?: string })[];
        refuse(inlineAnswerRefusal(results, p.button as { text?: unknown; start_parameter?: unknown } | undefined));
        // What the friend will receive is parsed as Telegram parses it when the result is sent.
        for (const r of results) {
          const content = r.input_message_content as { message_text?: string; parse_mode?: string } | undefined;
          if (content?.message_text !== undefined) this.formatted(content.message_text, content.parse_mode, undefined, textRefusal);
          if (r.caption !== undefined) this.formatted(r.caption, r.parse_mode, undefined, captionRefusal);
        }
        return true;
      }
      case "sendPoll": {
        const options = ((p.options ?? []) as (string | { text: string })[]).map((o) => (typeof o === "string" ? o : o.text));
        const question = String(p.question ?? "");
        const timing = { openPeriod: p.open_period as number | undefined, closeDate: p.close_date as number | undefined };
        refuse(pollRefusal({ question, options, ...timing }, this.unixNow()));
        const markup = this.checkMarkup(p.reply_markup);
        call.text = [question, ...options].join("\n");
        const base = this.base(this.chatOf(p));
        const poll: Poll = {
          id: `poll-${base.message_id}`,
          question,
          options: options.map((text, i) => ({ persistent_id: String(i), text, voter_count: 0 })),
          total_voter_count: 0,
          is_closed: false,
          is_anonymous: p.is_anonymous !== false,
          type: "regular",
          allows_multiple_answers: p.allows_multiple_answers === true,
          allows_revoting: true,
          members_only: false,
          ...(timing.openPeriod ? { open_period: timing.openPeriod } : {}),
          ...(timing.closeDate ? { close_date: timing.closeDate } : {}),
        };
        const message = { ...base, poll, ...(markup ? { reply_markup: markup } : {}) };
        this.store(this.chatOf(p), message as StoredMessage);
        this.polls.set(poll.id, { chatId: this.chatOf(p), messageId: message.message_id, choices: new Map() });
        return message;
      }
      case "stopPoll": {
        const message = this.screens.get(this.chatOf(p))?.get(Number(p.message_id));
        refuse(stopPollRefusal(message && { poll: message.poll, fromBot: true }));
        return this.setPoll(message!.poll!.id, (poll) => ({ ...poll, is_closed: true }));
      }
      case "getChatMember": {
        const userId = Number(p.user_id);
        const status = this.admins.get(this.chatOf(p))?.has(userId) ? "administrator" : "member";
        return { status, user: { id: userId, is_bot: false, first_name: `User ${userId}` } };
      }
      case "answerCallbackQuery": {
        const id = String(p.callback_query_id);
        if (!this.openQueries.delete(id)) {
          throw new ApiRefusal(REFUSAL.queryTooOld);
        }
        call.text = String(p.text ?? "");
        refuse(callbackAnswerRefusal(call.text));
        return true;
      }
      default:
        return true;
    }
  }
}

/** A harness over a fresh database file; `close` removes it. */
export function createHarness(options: HarnessOptions = {}): BotHarness & { close(): Promise<void> } {
  const db = createTestDb();
  const harness = new BotHarness(db, options);
  return Object.assign(harness, { close: () => db.close() });
}
