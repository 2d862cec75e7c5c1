// A Bot API server on this machine: the real bot talks to it through
// TELEGRAM_API_ROOT exactly as it talks to api.telegram.org, and a driver (the
// sandbox terminal, a test) plays the users through this class. It keeps chats
// and messages so edits and deletes behave, answers errors with Telegram's
// codes and wording, and enforces the limits Telegram enforces so that bugs
// surface here. The parts, by role, are in ./emulator/: the HTTP server, the
// update queue and its long polling, the chat world, and the methods by family.
import { randomBytes } from "node:crypto";
import { EventEmitter } from "node:events";
import type { BotCommand, CallbackQuery, Chat, Message, MessageEntity, Poll, ReplyKeyboardMarkup, Update, User, UserFromGetMe } from "grammy/types";
import type { FileStore } from "./file-store.js";
import { ApiServer } from "./emulator/api-server.js";
import { ChatWorld, type GroupProfile, type UserProfile } from "./emulator/chat-world.js";
import type { BotEvent, InvoiceRecord, PaymentRecord, PaymentResult, PreparedMessage, PreparedShareResult } from "./emulator/events.js";
import { botSettingsMethods, commandsKey } from "./emulator/methods/bot-settings-methods.js";
import { callbackMethods } from "./emulator/methods/callback-methods.js";
import { editMethods } from "./emulator/methods/edit-methods.js";
import { inlineMethods } from "./emulator/methods/inline-methods.js";
import { mediaGroupMethods } from "./emulator/methods/media-group-methods.js";
import { messageMethods } from "./emulator/methods/message-methods.js";
import { paymentMethods } from "./emulator/methods/payment-methods.js";
import { pollMethods } from "./emulator/methods/poll-methods.js";
import { castVote, closePoll, pollMessage, pollsDue } from "./emulator/polls.js";
import { inlineButtons, photoSizes } from "./emulator/request-fields.js";
import { SendRateLimit, type RateLimit } from "./emulator/send-rate-limit.js";
import { UpdateQueue } from "./emulator/update-queue.js";
import { WebhookDelivery } from "./emulator/webhook-delivery.js";
import type { PreparedChatType } from "./telegram-rules.js";

export type {
  BotEvent,
  InlineAnswerResult,
  InvoiceRecord,
  PaymentRecord,
  PaymentResult,
  PreparedMessage,
  PreparedShareResult,
} from "./emulator/events.js";

/** The chat a shared message lands in, of each kind: the emulator keeps no chats but the bot's own. */
const SHARED_INTO: Record<PreparedChatType, Chat> = {
  users: { id: 600_000_001, type: "private", first_name: "A friend" },
  bots: { id: 600_000_002, type: "private", first_name: "Another bot" },
  groups: { id: -600_000_003, type: "group", title: "Friends" },
  channels: { id: -1_000_600_000_004, type: "channel", title: "A channel" },
};

export interface EmulatorOptions {
  token: string;
  /** Where uploaded and user-sent files are saved. */
  filesDir: string;
  bot?: Partial<UserFromGetMe>;
  /** Dates on messages and updates; the sandbox moves it with `:time`. */
  clock?: () => Date;
  /** Off by default. Telegram allows about 30 messages a second overall and 1 a second per chat. */
  rateLimit?: RateLimit;
  /** Added to every answer but a long poll's: what a bot far from Telegram's servers waits (0 by default). */
  roundTripMs?: number;
  port?: number;
  /**
   * Where to keep the users across restarts: who has written to the bot (so it
   * may still message them first, e.g. pushes), who blocked it, and each chat's
   * next message id. None: every start is a fresh Telegram.
   */
  stateFile?: string;
  /**
   * Post updates to the webhook the bot sets, as Telegram does, at this
   * address (standing for the webhook URL's host: the proxy in front of the
   * bot), with the URL's path. None: a webhook is only recorded.
   */
  webhookTarget?: string;
}

export class BotApiEmulator extends EventEmitter<{ event: [BotEvent] }> {
  readonly token: string;
  readonly me: UserFromGetMe;
  readonly files: FileStore;
  /** Every event since start, in order. */
  readonly events: BotEvent[];
  readonly invoices: InvoiceRecord[];
  readonly payments: PaymentRecord[];

  private readonly world: ChatWorld;
  private readonly queue: UpdateQueue;
  private readonly server: ApiServer;
  /** Message ids in the chats prepared messages are shared into. */
  private sharedMessages = 0;

  constructor(options: EmulatorOptions) {
    super();
    this.token = options.token;
    this.queue = new UpdateQueue(options.webhookTarget ? new WebhookDelivery(options.webhookTarget) : undefined);
    this.world = new ChatWorld({
      token: options.token,
      filesDir: options.filesDir,
      bot: options.bot,
      clock: options.clock ?? (() => new Date()),
      stateFile: options.stateFile,
      onEvent: (event) => this.emit("event", event),
    });
    ({ me: this.me, files: this.files, events: this.events, invoices: this.invoices, payments: this.payments } = this.world);
    this.server = new ApiServer({
      token: options.token,
      port: options.port,
      queue: this.queue,
      files: this.world.files,
      rateLimit: options.rateLimit ? new SendRateLimit(options.rateLimit) : undefined,
      roundTripMs: options.roundTripMs,
      methods: {
        ...botSettingsMethods(this.world, this.queue),
        ...messageMethods(this.world),
        ...mediaGroupMethods(this.world),
        ...editMethods(this.world),
        ...callbackMethods(this.world),
        ...inlineMethods(this.world),
        ...paymentMethods(this.world),
        ...pollMethods(this.world, (update) => this.queue.inject(update)),
      },
      onError: (method, error, chatId) =>
        this.world.record({ type: "api-error", method, code: error.code, description: error.description, ...(chatId !== undefined && { chatId }) }),
    });
  }

  /** The default menu button the bot set (setChatMenuButton). */
  get menuButton(): unknown {
    return this.world.menuButton;
  }

  /** The webhook the bot set (setWebhook), until it deletes it. */
  get webhook(): { url: string; secretToken?: string } | null {
    return this.queue.webhook;
  }

  /** Users known from an earlier run, as `addUser` left them. */
  knownUsers(): User[] {
    return this.world.users();
  }

  /** Starts the HTTP server on 127.0.0.1 and a free port. */
  async start(): Promise<this> {
    await this.server.start();
    return this;
  }

  /** The value for grammY's `apiRoot` and TELEGRAM_API_ROOT. */
  get url(): string {
    return this.server.url;
  }

  async close(): Promise<void> {
    this.world.save();
    this.queue.close();
    await this.server.close();
  }

  // ---------------------------------------------------------------- driver API

  /** A Telegram user who can talk to the bot. */
  addUser(profile: UserProfile): User {
    return this.world.addUser(profile);
  }

  user(userId: number): User {
    return this.world.state(userId).user;
  }

  /** A text message; a leading /command gets its bot_command entity like in Telegram. */
  sendText(userId: number, text: string): Message {
    return this.userMessage(userId, textContent(text));
  }

  // ------------------------------------------------------------ groups, polls

  /** A group the bot was added to, with these users (added first) in it; its id is negative, as Telegram's are. */
  addGroup(profile: GroupProfile): Chat.SupergroupChat {
    return this.world.addGroup(profile);
  }

  /** A member writes in a group; with `replyTo`, as a reply to that message. */
  sendGroupText(userId: number, chatId: number, text: string, options: { replyTo?: number } = {}): Message {
    return this.groupMessage(userId, chatId, textContent(text), options.replyTo);
  }

  /** A member shares a location in a group; with `replyTo`, as a reply (how a bot in privacy mode gets it). */
  sendGroupLocation(userId: number, chatId: number, latitude: number, longitude: number, options: { replyTo?: number } = {}): Message {
    return this.groupMessage(userId, chatId, { location: { latitude, longitude } }, options.replyTo);
  }

  /** The messages currently in a group. */
  groupMessages(chatId: number): Message[] {
    return [...this.world.groupState(chatId).messages.values()];
  }

  /**
   * A member votes in the bot's poll in that message (no options: takes the
   * vote back). The bot gets a poll_answer (non-anonymous polls only) and the
   * poll's new counts. Returns the poll as everyone now sees it.
   */
  vote(userId: number, chatId: number, messageId: number, optionIds: number[]): Poll {
    const group = this.world.groupState(chatId);
    const voter = this.world.state(userId).user;
    if (!group.group.members.has(userId)) throw new Error(`${voter.first_name} is not in the group`);
    const poll = group.messages.get(messageId)?.poll;
    if (!poll) throw new Error(`message ${messageId} holds no poll`);
    const counted = castVote(this.world, poll.id, voter, optionIds);
    if (!counted.is_anonymous) {
      this.queue.inject({ poll_answer: { poll_id: poll.id, user: voter, option_ids: optionIds, option_persistent_ids: optionIds.map(String) } });
    }
    this.queue.inject({ poll: counted });
    return counted;
  }

  /** Closes the polls whose open_period or close_date has passed by the clock, as Telegram does, telling the bot. */
  closeDuePolls(): Poll[] {
    return pollsDue(this.world, this.world.now()).map((id) => {
      const poll = closePoll(this.world, id);
      this.queue.inject({ poll });
      return poll;
    });
  }

  /** The poll as it stands, by poll id. */
  poll(pollId: string): Poll {
    return pollMessage(this.world, pollId).message.poll;
  }

  sendLocation(userId: number, latitude: number, longitude: number, options: { livePeriod?: number } = {}): Message {
    const location = {
      latitude,
      longitude,
      ...(options.livePeriod ? { live_period: options.livePeriod, heading: 0, horizontal_accuracy: 20 } : {}),
    };
    return this.userMessage(userId, { location });
  }

  /** A new position for a live location: Telegram delivers it as edited_message. */
  editLiveLocation(userId: number, messageId: number, latitude: number, longitude: number): Message {
    const state = this.world.state(userId);
    const original = state.messages.get(messageId);
    if (!original?.location?.live_period) throw new Error(`message ${messageId} is not a live location`);
    const edited = {
      ...original,
      location: { ...original.location, latitude, longitude },
      edit_date: this.world.now(),
    } as Message;
    state.messages.set(messageId, edited);
    this.queue.inject({ edited_message: edited } as Omit<Update, "update_id">);
    return edited;
  }

  sendVenue(userId: number, venue: { latitude: number; longitude: number; title: string; address: string }): Message {
    const location = { latitude: venue.latitude, longitude: venue.longitude };
    return this.userMessage(userId, { location, venue: { location, title: venue.title, address: venue.address } });
  }

  /** A photo from a file on this machine, stored like Telegram stores it. */
  sendPhoto(userId: number, filePath: string, caption?: string): Message {
    const stored = this.files.saveLocalFile("photos", filePath);
    return this.userMessage(userId, { photo: photoSizes(stored), ...(caption ? { caption } : {}) });
  }

  /** Presses an inline button (in a group: `chatId`); refuses data that no button of that message carries, as a client would. */
  pressButton(userId: number, messageId: number, data: string, chatId = userId): string {
    const state = chatId === userId ? this.world.state(userId) : this.world.groupState(chatId);
    const from = this.world.state(userId).user;
    const message = state.messages.get(messageId);
    if (!message) throw new Error(`message ${messageId} is not in the chat (deleted?)`);
    const buttons = inlineButtons(message.reply_markup);
    if (!buttons.some((b) => "callback_data" in b && b.callback_data === data)) {
      throw new Error(`message ${messageId} has no button with callback_data ${JSON.stringify(data)}`);
    }
    const id = randomBytes(8).readBigUInt64BE().toString();
    this.world.callbackQueries.set(id, { chatId: state.chat.id, answered: false });
    const query: CallbackQuery = {
      id,
      from,
      message: message as CallbackQuery["message"] & Message,
      chat_instance: `-${(state.chat.id * 7919) % 1_000_000_007}`,
      data,
    };
    this.queue.inject({ callback_query: query });
    return id;
  }

  /**
   * The user types "@bot QUERY" in some chat; with `location`, as when the
   * bot asked for it (BotFather /setinlinegeo) and the user allowed it.
   * Returns the query's id; the answer comes as an "inline-answer" event.
   */
  inlineQuery(userId: number, query: string, options: { location?: { latitude: number; longitude: number } } = {}): string {
    const state = this.world.state(userId);
    const id = randomBytes(8).readBigUInt64BE().toString();
    this.world.inlineQueries.set(id, { userId, query, answered: false });
    this.queue.inject({
      inline_query: {
        id,
        from: state.user,
        query,
        offset: "",
        chat_type: "sender",
        ...(options.location ? { location: options.location } : {}),
      },
    });
    return id;
  }

  /** The user sends one of the results into a chat: chosen_inline_result (BotFather /setinlinefeedback). */
  chooseInlineResult(userId: number, resultId: string, query: string): void {
    const state = this.world.state(userId);
    this.queue.inject({ chosen_inline_result: { result_id: resultId, from: state.user, query } });
  }

  /** The messages the bot prepared for this user (savePreparedInlineMessage), oldest first, expired ones too. */
  preparedMessages(userId: number): PreparedMessage[] {
    return [...this.world.preparedMessages.values()].filter((m) => m.userId === userId);
  }

  /**
   * The user sends a prepared message from the Mini App's share sheet
   * (Telegram.WebApp.shareMessage) into a chat of the kind `into`. The client
   * sends it as the inline result it is, so the friend's chat gets it "via
   * @bot" and the bot gets chosen_inline_result, as for a result picked from
   * an inline query. Refused, with the reason the app hears, when it is
   * another user's or unknown, expired, or not allowed in that kind of chat.
   */
  sharePreparedMessage(userId: number, id: string, { into = "users" }: { into?: PreparedChatType } = {}): PreparedShareResult {
    const state = this.world.state(userId);
    const prepared = this.world.preparedMessages.get(id);
    if (!prepared || prepared.userId !== userId) return { ok: false, error: "UNKNOWN_ERROR" };
    if (this.world.now() >= prepared.expiresAt) return { ok: false, error: "MESSAGE_EXPIRED" };
    if (!prepared.chatTypes.includes(into)) return { ok: false, error: "MESSAGE_SEND_FAILED" };
    const { result } = prepared;
    const entities = result.entities ? { [result.photoFileId ? "caption_entities" : "entities"]: result.entities } : {};
    const photo = result.photoFileId ? this.files.get(result.photoFileId) : undefined;
    const content = result.photoFileId
      ? {
          photo: photo ? photoSizes(photo) : [{ file_id: result.photoFileId, file_unique_id: result.photoFileId, width: 0, height: 0 }],
          caption: result.text,
        }
      : { text: result.text };
    const message = {
      message_id: ++this.sharedMessages,
      from: state.user,
      chat: SHARED_INTO[into],
      date: this.world.now(),
      via_bot: this.me,
      ...content,
      ...entities,
      ...(result.replyMarkup ? { reply_markup: result.replyMarkup } : {}),
    } as Message;
    this.queue.inject({ chosen_inline_result: { result_id: result.id, from: state.user, query: "" } });
    return { ok: true, message };
  }

  /** A user blocks (or unblocks) the bot: a my_chat_member update, then 403 on sends. */
  setBlocked(userId: number, blocked: boolean): void {
    const state = this.world.state(userId);
    this.world.setBlocked(state, blocked);
    const member = (status: "member" | "kicked") =>
      status === "kicked" ? { user: this.me, status, until_date: 0 } : { user: this.me, status };
    this.queue.inject({
      my_chat_member: {
        chat: state.chat,
        from: state.user,
        date: this.world.now(),
        old_chat_member: member(blocked ? "member" : "kicked"),
        new_chat_member: member(blocked ? "kicked" : "member"),
      },
    } as Omit<Update, "update_id">);
  }

  /** The last invoice the bot sent to this user, if any. */
  lastInvoice(userId: number): InvoiceRecord | undefined {
    return this.invoices.filter((i) => i.chatId === userId).at(-1);
  }

  /** The newest invoice link (createInvoiceLink) nobody has paid yet. */
  lastUnpaidLink(): string | undefined {
    const paid = new Set(this.payments.map((p) => p.invoice.payload));
    return [...this.world.invoiceLinks].filter(([, invoice]) => !paid.has(invoice.payload)).at(-1)?.[0];
  }

  /** Pays an invoice link (createInvoiceLink) as the user who opened it in the Mini App. */
  payLink(userId: number, link: string, options: { timeoutMs?: number } = {}): Promise<PaymentResult> {
    const invoice = this.world.invoiceLinks.get(link);
    if (!invoice) throw new Error(`no invoice link ${link}`);
    return this.pay(userId, { ...options, invoice: { ...invoice, chatId: userId, messageId: 0 } });
  }

  /**
   * Pays an invoice the way a Telegram client does: a pre_checkout_query the bot
   * must answer within 10 seconds, then, if it said ok, a successful_payment message.
   */
  async pay(userId: number, options: { invoice?: InvoiceRecord; timeoutMs?: number } = {}): Promise<PaymentResult> {
    const state = this.world.state(userId);
    const invoice = options.invoice ?? this.lastInvoice(userId);
    if (!invoice) throw new Error("there is no invoice to pay");
    const id = randomBytes(8).readBigUInt64BE().toString();
    const answer = new Promise<{ ok: boolean; errorMessage?: string }>((resolve) => {
      const timer = setTimeout(() => {
        this.world.preCheckouts.delete(id);
        resolve({ ok: false, errorMessage: "The bot did not answer the pre-checkout query within 10 seconds." });
      }, options.timeoutMs ?? 10_000);
      this.world.preCheckouts.set(id, {
        chatId: state.chat.id,
        resolve: (a) => {
          clearTimeout(timer);
          resolve(a);
        },
      });
    });
    this.queue.inject({
      pre_checkout_query: {
        id,
        from: state.user,
        currency: invoice.currency,
        total_amount: invoice.totalAmount,
        invoice_payload: invoice.payload,
      },
    });
    const result = await answer;
    if (!result.ok) return { ok: false, errorMessage: result.errorMessage ?? "" };
    const telegramPaymentChargeId =
      invoice.currency === "XTR" ? `stxE${randomBytes(30).toString("base64url")}` : `${this.me.id}_${userId}_${randomBytes(6).toString("hex")}`;
    const providerPaymentChargeId = invoice.currency === "XTR" ? "" : `pi_sandbox_${randomBytes(12).toString("hex")}`;
    this.payments.push({ userId, invoice, telegramPaymentChargeId, providerPaymentChargeId, refunded: false });
    const message = this.userMessage(userId, {
      successful_payment: {
        currency: invoice.currency,
        total_amount: invoice.totalAmount,
        invoice_payload: invoice.payload,
        telegram_payment_charge_id: telegramPaymentChargeId,
        provider_payment_charge_id: providerPaymentChargeId,
      },
    });
    return { ok: true, telegramPaymentChargeId, providerPaymentChargeId, message };
  }

  /** Delivers an update again, as Telegram may after a timeout: the bot must be idempotent. */
  redeliver(update: Omit<Update, "update_id">): Update {
    return this.queue.inject(update);
  }

  /** Button presses the bot never answered: a Telegram app would show a spinner on the button. */
  takeUnansweredCallbackQueries(): string[] {
    const ids = [...this.world.callbackQueries].filter(([, q]) => !q.answered).map(([id]) => id);
    for (const id of ids) this.world.callbackQueries.delete(id);
    return ids;
  }

  /** The messages currently in a chat (deleted ones gone, edits applied). */
  messages(userId: number): Message[] {
    return [...this.world.state(userId).messages.values()];
  }

  message(userId: number, messageId: number): Message | undefined {
    return this.world.state(userId).messages.get(messageId);
  }

  /** The reply keyboard the user currently sees, if any. */
  replyKeyboard(userId: number): ReplyKeyboardMarkup | undefined {
    return this.world.state(userId).replyKeyboard;
  }

  /** Commands set with setMyCommands for a scope type and language ("" for all languages). */
  myCommands(scope = "default", languageCode = ""): BotCommand[] {
    return this.world.commands.get(commandsKey(scope, languageCode)) ?? [];
  }

  /**
   * Resolves when the bot has confirmed every injected update (its next
   * getUpdates carried a later offset), has no request in flight, waits in a
   * long poll, and nothing happened for `quietMs`.
   */
  async waitForIdle({ quietMs = 50, timeoutMs = 15_000 } = {}): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const lastActivity = Math.max(this.server.lastActivityAt, this.queue.lastInjectedAt);
      const idle =
        this.queue.unconfirmed <= 0 && this.server.inFlight === 0 && this.queue.polling && Date.now() - lastActivity >= quietMs;
      if (idle) return;
      if (Date.now() > deadline) {
        throw new Error(
          `the bot did not go idle within ${timeoutMs} ms (unconfirmed updates: ${this.queue.unconfirmed}, requests in flight: ${this.server.inFlight}, polling: ${this.queue.polling})`,
        );
      }
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  /** Resolves with the next event matching `predicate`. */
  nextEvent<T extends BotEvent>(predicate: (e: BotEvent) => e is T, timeoutMs?: number): Promise<T>;
  nextEvent(predicate?: (e: BotEvent) => boolean, timeoutMs?: number): Promise<BotEvent>;
  nextEvent(predicate: (e: BotEvent) => boolean = () => true, timeoutMs = 10_000): Promise<BotEvent> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.off("event", listener);
        reject(new Error(`no matching bot event within ${timeoutMs} ms`));
      }, timeoutMs);
      const listener = (e: BotEvent) => {
        if (!predicate(e)) return;
        clearTimeout(timer);
        this.off("event", listener);
        resolve(e);
      };
      this.on("event", listener);
    });
  }

  /**
   * A member's message in a group. The bot, in privacy mode as bots are by
   * default, gets only commands and replies to its own messages.
   */
  private groupMessage(userId: number, chatId: number, content: Partial<Message>, replyTo: number | undefined): Message {
    const group = this.world.groupState(chatId);
    const replied = replyTo === undefined ? undefined : group.messages.get(replyTo);
    if (replyTo !== undefined && !replied) throw new Error(`message ${replyTo} is not in the group`);
    // Telegram nests the replied message one level deep only.
    const reply = replied ? ({ reply_to_message: { ...replied, reply_to_message: undefined } } as Partial<Message>) : {};
    const message = this.world.postGroupMessage(group, this.world.state(userId).user, { ...content, ...reply });
    const command = message.entities?.some((e) => e.type === "bot_command" && e.offset === 0);
    if (this.me.can_read_all_group_messages || command || replied?.from?.id === this.me.id) {
      this.queue.inject({ message } as Omit<Update, "update_id">);
    }
    return message;
  }

  private userMessage(userId: number, content: Partial<Message>): Message {
    const message = this.world.postUserMessage(this.world.state(userId), content);
    this.queue.inject({ message } as Omit<Update, "update_id">);
    return message;
  }
}

/** A text as Telegram sends it: a leading /command gets its bot_command entity. */
function textContent(text: string): Partial<Message> {
  const command = /^\/[A-Za-z0-9_]+(@[A-Za-z0-9_]+)?/.exec(text);
  const entities: MessageEntity[] = command ? [{ type: "bot_command", offset: 0, length: command[0].length }] : [];
  return { text, ...(entities.length ? { entities } : {}) };
}
