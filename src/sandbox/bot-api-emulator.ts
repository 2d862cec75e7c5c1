// A Bot API server on this machine: the real bot talks to it through
// TELEGRAM_API_ROOT exactly as it talks to api.telegram.org, and a driver (the
// sandbox terminal, a test) plays the users. It keeps chats and messages so
// edits and deletes behave, answers errors with Telegram's codes and wording,
// and enforces the limits Telegram enforces so that bugs surface here.
import { randomBytes } from "node:crypto";
import { EventEmitter } from "node:events";
import { createReadStream, existsSync, readFileSync, writeFileSync } from "node:fs";
import http, { type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type {
  BotCommand,
  CallbackQuery,
  Chat,
  InlineKeyboardButton,
  InlineKeyboardMarkup,
  LabeledPrice,
  Message,
  MessageEntity,
  PhotoSize,
  ReplyKeyboardMarkup,
  Update,
  User,
  UserFromGetMe,
} from "grammy/types";
import { FileStore, type StoredFile } from "./file-store.js";
import { ParseError, parseFormatted } from "./formatting.js";
import { optBool, optJson, optNumber, optString, parseParams, readBody, type RequestParams } from "./request-body.js";

export class ApiError extends Error {
  constructor(
    readonly code: number,
    readonly description: string,
    readonly parameters?: { retry_after?: number; migrate_to_chat_id?: number },
  ) {
    super(description);
  }
}

const bad = (what: string) => new ApiError(400, `Bad Request: ${what}`);

export interface EmulatorOptions {
  token: string;
  /** Where uploaded and user-sent files are saved. */
  filesDir: string;
  bot?: Partial<UserFromGetMe>;
  /** Dates on messages and updates; the sandbox moves it with `:time`. */
  clock?: () => Date;
  /** Off by default. Telegram allows about 30 messages a second overall and 1 a second per chat. */
  rateLimit?: { globalPerSecond: number; perChatPerSecond: number };
  port?: number;
  /**
   * Where to keep the users across restarts: who has written to the bot (so it
   * may still message them first, e.g. pushes), who blocked it, and each chat's
   * next message id. None: every start is a fresh Telegram.
   */
  stateFile?: string;
}

/** What the state file keeps of a chat. */
interface SavedChat {
  user: User;
  started: boolean;
  blocked: boolean;
  nextMessageId: number;
}

export interface InvoiceRecord {
  chatId: number;
  messageId: number;
  title: string;
  description: string;
  payload: string;
  currency: string;
  prices: LabeledPrice[];
  totalAmount: number;
  providerToken: string;
}

export interface PaymentRecord {
  userId: number;
  invoice: InvoiceRecord;
  telegramPaymentChargeId: string;
  providerPaymentChargeId: string;
  refunded: boolean;
}

/** Everything the bot does that a user could notice, in order. */
export type BotEvent =
  | { type: "message"; chatId: number; message: Message; replyMarkup?: unknown }
  | { type: "edit"; chatId: number; message: Message }
  | { type: "delete"; chatId: number; messageId: number }
  | { type: "callback-answer"; chatId: number; queryId: string; text?: string; showAlert: boolean; url?: string }
  | { type: "chat-action"; chatId: number; action: string }
  | { type: "reaction"; chatId: number; messageId: number; reaction: unknown[] }
  | { type: "pre-checkout-answer"; chatId: number; queryId: string; ok: boolean; errorMessage?: string }
  | { type: "refund"; chatId: number; telegramPaymentChargeId: string }
  | { type: "commands"; commands: BotCommand[]; scope: string; languageCode: string }
  | { type: "api-error"; method: string; code: number; description: string };

export type PaymentResult =
  | { ok: true; telegramPaymentChargeId: string; providerPaymentChargeId: string; message: Message }
  | { ok: false; errorMessage: string };

interface ChatState {
  chat: Chat.PrivateChat;
  user: User;
  nextMessageId: number;
  messages: Map<number, Message>;
  blocked: boolean;
  /** A user who never wrote to the bot cannot be messaged first. */
  started: boolean;
  replyKeyboard?: ReplyKeyboardMarkup;
}

interface Poller {
  resolve(updates: Update[]): void;
  reject(error: ApiError): void;
  limit: number;
  timer: NodeJS.Timeout;
}

const DEFAULT_UPDATE_TYPES_EXCLUDED = new Set(["chat_member", "message_reaction", "message_reaction_count"]);
const SEND_METHODS = new Set([
  "sendmessage",
  "sendphoto",
  "sendmediagroup",
  "senddocument",
  "sendlocation",
  "sendvenue",
  "sendinvoice",
  "copymessage",
  "forwardmessage",
]);

type Handler = (p: RequestParams) => unknown;

export class BotApiEmulator extends EventEmitter<{ event: [BotEvent] }> {
  readonly token: string;
  readonly me: UserFromGetMe;
  readonly files: FileStore;
  /** Every event since start, in order. */
  readonly events: BotEvent[] = [];
  readonly invoices: InvoiceRecord[] = [];
  readonly payments: PaymentRecord[] = [];

  private server?: http.Server;
  private apiUrl = "";
  private readonly clock: () => Date;
  private readonly chats = new Map<number, ChatState>();
  private queue: Update[] = [];
  private nextUpdateId = 100_000_001;
  private lastInjectedId = 0;
  private confirmedUpTo = 0;
  private allowedUpdates: Set<string> | null = null;
  private poller: Poller | null = null;
  private inFlight = 0;
  private lastActivity = Date.now();
  private readonly callbackQueries = new Map<string, { chatId: number; answered: boolean }>();
  private readonly preCheckouts = new Map<string, { chatId: number; resolve(answer: { ok: boolean; errorMessage?: string }): void }>();
  private readonly commands = new Map<string, BotCommand[]>();
  private readonly sentAt: number[] = [];
  private readonly sentAtByChat = new Map<number, number[]>();
  private readonly handlers: Record<string, Handler>;
  private nextUserId = 700_000_001;

  constructor(private readonly options: EmulatorOptions) {
    super();
    this.token = options.token;
    this.clock = options.clock ?? (() => new Date());
    this.files = new FileStore(options.filesDir);
    const id = Number(options.token.split(":")[0]);
    this.me = {
      id,
      is_bot: true,
      first_name: "Nearbuy",
      username: "nearbuy_sandbox_bot",
      can_join_groups: true,
      can_read_all_group_messages: false,
      supports_inline_queries: false,
      can_connect_to_business: false,
      has_main_web_app: false,
      ...options.bot,
    } as UserFromGetMe;
    this.handlers = this.createHandlers();
    this.restore();
  }

  /** Users known from an earlier run, as `addUser` left them. */
  knownUsers(): User[] {
    return [...this.chats.values()].map((c) => c.user);
  }

  private restore(): void {
    const file = this.options.stateFile;
    if (!file || !existsSync(file)) return;
    const saved = JSON.parse(readFileSync(file, "utf8")) as SavedChat[];
    this.restoring = true;
    for (const s of saved) {
      const { id, first_name: firstName, last_name: lastName, username, language_code: languageCode } = s.user;
      this.addUser({ id, firstName, lastName, username, languageCode, started: s.started });
      const state = this.state(s.user.id);
      state.blocked = s.blocked;
      state.nextMessageId = s.nextMessageId;
    }
    this.restoring = false;
  }

  private restoring = false;

  /** Writes the users down (small: a few chats), when something about them changed. */
  private save(): void {
    const file = this.options.stateFile;
    if (!file || this.restoring) return;
    const saved: SavedChat[] = [...this.chats.values()].map((c) => ({
      user: c.user,
      started: c.started,
      blocked: c.blocked,
      nextMessageId: c.nextMessageId,
    }));
    writeFileSync(file, JSON.stringify(saved, null, 1));
  }

  /** Starts the HTTP server on 127.0.0.1 and a free port. */
  async start(): Promise<this> {
    const server = http.createServer((req, res) => void this.onRequest(req, res));
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(this.options.port ?? 0, "127.0.0.1", () => resolve());
    });
    const { port } = server.address() as AddressInfo;
    this.apiUrl = `http://127.0.0.1:${port}`;
    return this;
  }

  /** The value for grammY's `apiRoot` and TELEGRAM_API_ROOT. */
  get url(): string {
    return this.apiUrl;
  }

  async close(): Promise<void> {
    this.save();
    if (this.poller) {
      clearTimeout(this.poller.timer);
      this.poller.resolve([]);
      this.poller = null;
    }
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  }

  // ---------------------------------------------------------------- driver API

  /** A Telegram user who can talk to the bot. */
  /** `started`: the user has written to the bot before, so the bot may message them first (benchmarks). */
  addUser(profile: { id?: number; firstName: string; lastName?: string; username?: string; languageCode?: string; started?: boolean }): User {
    const id = profile.id ?? this.nextUserId++;
    const user: User = {
      id,
      is_bot: false,
      first_name: profile.firstName,
      ...(profile.lastName ? { last_name: profile.lastName } : {}),
      ...(profile.username ? { username: profile.username } : {}),
      ...(profile.languageCode ? { language_code: profile.languageCode } : {}),
    };
    const existing = this.chats.get(id);
    if (existing) {
      existing.user = user;
      if (profile.started) existing.started = true;
      this.save();
      return user;
    }
    const chat: Chat.PrivateChat = {
      id,
      type: "private",
      first_name: user.first_name,
      ...(user.last_name ? { last_name: user.last_name } : {}),
      ...(user.username ? { username: user.username } : {}),
    };
    this.chats.set(id, { chat, user, nextMessageId: 1, messages: new Map(), blocked: false, started: profile.started ?? false });
    this.save();
    return user;
  }

  user(userId: number): User {
    return this.state(userId).user;
  }

  /** A text message; a leading /command gets its bot_command entity like in Telegram. */
  sendText(userId: number, text: string): Message {
    const entities: MessageEntity[] = [];
    const command = /^\/[A-Za-z0-9_]+(@[A-Za-z0-9_]+)?/.exec(text);
    if (command) entities.push({ type: "bot_command", offset: 0, length: command[0].length });
    return this.userMessage(userId, { text, ...(entities.length ? { entities } : {}) });
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
    const state = this.state(userId);
    const original = state.messages.get(messageId);
    if (!original?.location?.live_period) throw new Error(`message ${messageId} is not a live location`);
    const edited = {
      ...original,
      location: { ...original.location, latitude, longitude },
      edit_date: this.now(),
    } as Message;
    state.messages.set(messageId, edited);
    this.inject({ edited_message: edited } as Omit<Update, "update_id">);
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

  /** Presses an inline button; refuses data that no button of that message carries, as a client would. */
  pressButton(userId: number, messageId: number, data: string): string {
    const state = this.state(userId);
    const message = state.messages.get(messageId);
    if (!message) throw new Error(`message ${messageId} is not in the chat (deleted?)`);
    const buttons = inlineButtons(message.reply_markup);
    if (!buttons.some((b) => "callback_data" in b && b.callback_data === data)) {
      throw new Error(`message ${messageId} has no button with callback_data ${JSON.stringify(data)}`);
    }
    const id = randomBytes(8).readBigUInt64BE().toString();
    this.callbackQueries.set(id, { chatId: state.chat.id, answered: false });
    const query: CallbackQuery = {
      id,
      from: state.user,
      message: message as CallbackQuery["message"] & Message,
      chat_instance: `-${(state.chat.id * 7919) % 1_000_000_007}`,
      data,
    };
    this.inject({ callback_query: query });
    return id;
  }

  /** A user blocks (or unblocks) the bot: a my_chat_member update, then 403 on sends. */
  setBlocked(userId: number, blocked: boolean): void {
    const state = this.state(userId);
    state.blocked = blocked;
    this.save();
    const member = (status: "member" | "kicked") =>
      status === "kicked" ? { user: this.me, status, until_date: 0 } : { user: this.me, status };
    this.inject({
      my_chat_member: {
        chat: state.chat,
        from: state.user,
        date: this.now(),
        old_chat_member: member(blocked ? "member" : "kicked"),
        new_chat_member: member(blocked ? "kicked" : "member"),
      },
    } as Omit<Update, "update_id">);
  }

  /** The last invoice the bot sent to this user, if any. */
  lastInvoice(userId: number): InvoiceRecord | undefined {
    return this.invoices.filter((i) => i.chatId === userId).at(-1);
  }

  /**
   * Pays an invoice the way a Telegram client does: a pre_checkout_query the bot
   * must answer within 10 seconds, then, if it said ok, a successful_payment message.
   */
  async pay(userId: number, options: { invoice?: InvoiceRecord; timeoutMs?: number } = {}): Promise<PaymentResult> {
    const state = this.state(userId);
    const invoice = options.invoice ?? this.lastInvoice(userId);
    if (!invoice) throw new Error("there is no invoice to pay");
    const id = randomBytes(8).readBigUInt64BE().toString();
    const answer = new Promise<{ ok: boolean; errorMessage?: string }>((resolve) => {
      const timer = setTimeout(() => {
        this.preCheckouts.delete(id);
        resolve({ ok: false, errorMessage: "The bot did not answer the pre-checkout query within 10 seconds." });
      }, options.timeoutMs ?? 10_000);
      this.preCheckouts.set(id, {
        chatId: state.chat.id,
        resolve: (a) => {
          clearTimeout(timer);
          resolve(a);
        },
      });
    });
    this.inject({
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
    return this.inject(update);
  }

  /** Button presses the bot never answered: a Telegram app would show a spinner on the button. */
  takeUnansweredCallbackQueries(): string[] {
    const ids = [...this.callbackQueries].filter(([, q]) => !q.answered).map(([id]) => id);
    for (const id of ids) this.callbackQueries.delete(id);
    return ids;
  }

  /** The messages currently in a chat (deleted ones gone, edits applied). */
  messages(userId: number): Message[] {
    return [...this.state(userId).messages.values()];
  }

  message(userId: number, messageId: number): Message | undefined {
    return this.state(userId).messages.get(messageId);
  }

  /** The reply keyboard the user currently sees, if any. */
  replyKeyboard(userId: number): ReplyKeyboardMarkup | undefined {
    return this.state(userId).replyKeyboard;
  }

  /** Commands set with setMyCommands for a scope type and language ("" for all languages). */
  myCommands(scope = "default", languageCode = ""): BotCommand[] {
    return this.commands.get(`${scope}|${languageCode}`) ?? [];
  }

  /**
   * Resolves when the bot has confirmed every injected update (its next
   * getUpdates carried a later offset), has no request in flight, waits in a
   * long poll, and nothing happened for `quietMs`.
   */
  async waitForIdle({ quietMs = 50, timeoutMs = 15_000 } = {}): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const idle =
        this.confirmedUpTo >= this.lastInjectedId &&
        this.inFlight === 0 &&
        this.poller !== null &&
        Date.now() - this.lastActivity >= quietMs;
      if (idle) return;
      if (Date.now() > deadline) {
        throw new Error(
          `the bot did not go idle within ${timeoutMs} ms (unconfirmed updates: ${this.lastInjectedId - this.confirmedUpTo}, requests in flight: ${this.inFlight}, polling: ${this.poller !== null})`,
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

  // ---------------------------------------------------------------- internals

  private now(): number {
    return Math.floor(this.clock().getTime() / 1000);
  }

  private state(userId: number): ChatState {
    const state = this.chats.get(userId);
    if (!state) throw new Error(`unknown user ${userId}: addUser first`);
    return state;
  }

  private userMessage(userId: number, content: Partial<Message>): Message {
    const state = this.state(userId);
    if (!state.started) {
      state.started = true;
      this.save();
    }
    if (state.replyKeyboard?.one_time_keyboard) state.replyKeyboard = undefined;
    const message = {
      message_id: state.nextMessageId++,
      from: state.user,
      chat: state.chat,
      date: this.now(),
      ...content,
    } as Message;
    state.messages.set(message.message_id, message);
    this.inject({ message } as Omit<Update, "update_id">);
    return message;
  }

  private inject(content: Omit<Update, "update_id">): Update {
    const update = { update_id: this.nextUpdateId++, ...content } as Update;
    this.queue.push(update);
    this.lastInjectedId = update.update_id;
    this.lastActivity = Date.now();
    this.servePoller();
    return update;
  }

  private emitEvent(event: BotEvent): void {
    this.events.push(event);
    this.emit("event", event);
  }

  private deliverable(limit: number): Update[] {
    const allowed = this.allowedUpdates;
    this.queue = this.queue.filter((u) => {
      const type = Object.keys(u).find((k) => k !== "update_id")!;
      return allowed ? allowed.has(type) : !DEFAULT_UPDATE_TYPES_EXCLUDED.has(type);
    });
    return this.queue.slice(0, limit);
  }

  private servePoller(): void {
    const poller = this.poller;
    if (!poller) return;
    const ready = this.deliverable(poller.limit);
    if (ready.length === 0) return;
    clearTimeout(poller.timer);
    this.poller = null;
    poller.resolve(ready);
  }

  private async onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const fileMatch = /^\/file\/bot([^/]+)\/(.+)$/.exec(url.pathname);
    if (fileMatch) return this.serveFile(fileMatch[1]!, decodeURIComponent(fileMatch[2]!), res);
    const match = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec(url.pathname);
    if (!match) return reply(res, new ApiError(404, "Not Found"));
    if (match[1] !== this.token) return reply(res, new ApiError(401, "Unauthorized"));
    const method = match[2]!.toLowerCase();
    const handler = this.handlers[method];
    const polling = method === "getupdates";
    if (!polling) this.inFlight++;
    this.lastActivity = Date.now();
    try {
      const body = await readBody(req);
      let params: RequestParams;
      try {
        params = parseParams(url, req.headers["content-type"], body);
      } catch {
        throw bad("can't parse request body");
      }
      if (polling) {
        const result = await this.getUpdates(params, req);
        if (result !== null) reply(res, result);
        return;
      }
      if (!handler) throw new ApiError(404, "Not Found");
      this.checkRateLimit(method, params);
      reply(res, await handler(params));
    } catch (error) {
      const apiError =
        error instanceof ApiError ? error : new ApiError(500, `Internal Server Error: ${(error as Error).message}`);
      if (!(polling && apiError.code === 409)) {
        this.emitEvent({ type: "api-error", method: match[2]!, code: apiError.code, description: apiError.description });
      }
      reply(res, apiError);
    } finally {
      if (!polling) this.inFlight--;
      this.lastActivity = Date.now();
    }
  }

  private serveFile(token: string, filePath: string, res: ServerResponse): void {
    const file = token === this.token ? this.files.byFilePath(filePath) : undefined;
    if (!file?.localPath) {
      res.writeHead(404, { "content-type": "application/json" });
      res.end(JSON.stringify({ ok: false, error_code: 404, description: "Not Found" }));
      return;
    }
    res.writeHead(200, { "content-type": "application/octet-stream", "content-length": file.size });
    createReadStream(file.localPath).pipe(res);
  }

  /** Long polling: answers at once when updates wait, else when one arrives or the timeout ends. */
  private getUpdates(p: RequestParams, req: IncomingMessage): Promise<Update[] | null> | Update[] {
    const offset = optNumber(p.fields, "offset") ?? 0;
    const limit = Math.min(100, Math.max(1, optNumber(p.fields, "limit") ?? 100));
    const timeout = Math.max(0, optNumber(p.fields, "timeout") ?? 0);
    const allowed = optJson<string[]>(p.fields, "allowed_updates");
    if (allowed !== undefined) this.allowedUpdates = allowed.length > 0 ? new Set(allowed) : null;
    if (offset > 0) {
      this.queue = this.queue.filter((u) => u.update_id >= offset);
      this.confirmedUpTo = Math.max(this.confirmedUpTo, offset - 1);
    } else if (offset < 0) {
      this.queue = this.queue.slice(offset);
    }
    // Telegram ends an earlier long poll when a new one starts.
    if (this.poller) {
      clearTimeout(this.poller.timer);
      this.poller.reject(
        new ApiError(409, "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running"),
      );
      this.poller = null;
    }
    const ready = this.deliverable(limit);
    if (ready.length > 0 || timeout === 0) return ready;
    return new Promise<Update[] | null>((resolve, reject) => {
      // The connection is kept alive across polls: drop this poll's listener when it ends.
      const onClose = () => {
        if (this.poller !== poller) return;
        clearTimeout(poller.timer);
        this.poller = null;
        resolve(null);
      };
      const finish = (updates: Update[] | null) => {
        req.socket.off("close", onClose);
        resolve(updates);
      };
      const poller: Poller = {
        limit,
        resolve: finish,
        reject,
        timer: setTimeout(() => {
          if (this.poller === poller) this.poller = null;
          finish([]);
        }, timeout * 1000),
      };
      this.poller = poller;
      req.socket.once("close", onClose);
    });
  }

  private checkRateLimit(method: string, p: RequestParams): void {
    const limit = this.options.rateLimit;
    if (!limit || !SEND_METHODS.has(method)) return;
    const now = Date.now();
    const chatId = optNumber(p.fields, "chat_id") ?? 0;
    const recent = (list: number[]) => {
      while (list.length > 0 && list[0]! <= now - 1000) list.shift();
      return list;
    };
    const global = recent(this.sentAt);
    const perChat = recent(this.sentAtByChat.get(chatId) ?? []);
    this.sentAtByChat.set(chatId, perChat);
    const full = global.length >= limit.globalPerSecond ? global : perChat.length >= limit.perChatPerSecond ? perChat : null;
    if (full) {
      const retryAfter = Math.max(1, Math.ceil((full[0]! + 1000 - now) / 1000));
      throw new ApiError(429, `Too Many Requests: retry after ${retryAfter}`, { retry_after: retryAfter });
    }
    global.push(now);
    perChat.push(now);
  }

  private chatFor(p: RequestParams, { sending }: { sending: boolean }): ChatState {
    const raw = p.fields.chat_id;
    if (raw === undefined || raw === null || raw === "") throw bad("chat_id is empty");
    const state = this.chats.get(Number(raw));
    if (!state) throw bad("chat not found");
    if (sending && state.blocked) throw new ApiError(403, "Forbidden: bot was blocked by the user");
    if (sending && !state.started) throw new ApiError(403, "Forbidden: bot can't initiate conversation with a user");
    return state;
  }

  private storedMessage(state: ChatState, p: RequestParams, action: "edit" | "delete"): Message {
    if (p.fields.inline_message_id !== undefined) throw bad("inline messages are not supported by the emulator");
    const id = optNumber(p.fields, "message_id");
    if (id === undefined) throw bad("message identifier is not specified");
    const message = state.messages.get(id);
    if (!message) throw bad(`message to ${action} not found`);
    if (action === "edit" && message.from?.id !== this.me.id) throw bad("message can't be edited");
    return message;
  }

  private botMessage(state: ChatState, p: RequestParams, content: Partial<Message>): Message {
    const markup = this.replyMarkup(p);
    const replyTo = optJson<{ message_id: number }>(p.fields, "reply_parameters")?.message_id ?? optNumber(p.fields, "reply_to_message_id");
    const replied = replyTo === undefined ? undefined : state.messages.get(replyTo);
    if (replyTo !== undefined && !replied && !optJson<{ allow_sending_without_reply?: boolean }>(p.fields, "reply_parameters")?.allow_sending_without_reply) {
      throw bad("message to be replied not found");
    }
    const message = {
      message_id: state.nextMessageId++,
      from: this.me,
      chat: state.chat,
      date: this.now(),
      ...(replied ? { reply_to_message: replied } : {}),
      ...content,
      ...(markup && "inline_keyboard" in markup ? { reply_markup: markup } : {}),
    } as Message;
    state.messages.set(message.message_id, message);
    if (markup && "keyboard" in markup) state.replyKeyboard = markup;
    if (markup && "remove_keyboard" in markup) state.replyKeyboard = undefined;
    this.emitEvent({ type: "message", chatId: state.chat.id, message, ...(markup ? { replyMarkup: markup } : {}) });
    return message;
  }

  private edited(state: ChatState, before: Message, changes: Partial<Message>, markup: InlineKeyboardMarkup | undefined): Message {
    const next = { ...before, ...changes, edit_date: this.now() } as Message & { reply_markup?: InlineKeyboardMarkup };
    if (markup) next.reply_markup = markup;
    else delete next.reply_markup;
    const sameContent = (m: Message) =>
      JSON.stringify([m.text, m.entities ?? [], m.caption, m.caption_entities ?? [], m.photo?.[0]?.file_unique_id, m.location, m.reply_markup ?? null]);
    if (sameContent(before) === sameContent(next)) {
      throw bad(
        "message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message",
      );
    }
    state.messages.set(next.message_id, next);
    this.emitEvent({ type: "edit", chatId: state.chat.id, message: next });
    return next;
  }

  private formatted(p: RequestParams, field: "text" | "caption"): { text: string; entities: MessageEntity[] } {
    const source = optString(p.fields, field) ?? "";
    const parseMode = optString(p.fields, "parse_mode");
    const explicit = optJson<MessageEntity[]>(p.fields, field === "text" ? "entities" : "caption_entities");
    if (parseMode && !["html", "markdown", "markdownv2"].includes(parseMode.toLowerCase())) {
      throw bad("unsupported parse_mode");
    }
    try {
      return parseFormatted(source, parseMode, explicit);
    } catch (error) {
      if (error instanceof ParseError) throw bad(`can't parse entities: ${error.message}`);
      throw error;
    }
  }

  private text(p: RequestParams) {
    const { text, entities } = this.formatted(p, "text");
    if (text.trim() === "") throw bad("message text is empty");
    if (text.length > 4096) throw bad("message is too long");
    return { text, ...(entities.length ? { entities } : {}) };
  }

  private caption(p: RequestParams) {
    if (p.fields.caption === undefined) return {};
    const { text, entities } = this.formatted(p, "caption");
    if (text.length > 1024) throw bad("message caption is too long");
    return text ? { caption: text, ...(entities.length ? { caption_entities: entities } : {}) } : {};
  }

  private replyMarkup(p: RequestParams): InlineKeyboardMarkup | ReplyKeyboardMarkup | { remove_keyboard: true } | { force_reply: true } | undefined {
    let markup: Record<string, unknown> | undefined;
    try {
      markup = optJson<Record<string, unknown>>(p.fields, "reply_markup");
    } catch {
      throw bad("can't parse reply keyboard markup JSON object");
    }
    if (!markup) return undefined;
    if ("inline_keyboard" in markup) {
      const rows = markup.inline_keyboard;
      if (!Array.isArray(rows) || rows.some((r) => !Array.isArray(r))) {
        throw bad('field "inline_keyboard" of the InlineKeyboardMarkup must be an Array of Arrays');
      }
      const buttons = (rows as InlineKeyboardButton[][]).flat();
      if (buttons.length > 100) throw bad("reply markup is too long");
      for (const b of buttons) validateInlineButton(b);
      return markup as unknown as InlineKeyboardMarkup;
    }
    if ("keyboard" in markup) {
      const rows = markup.keyboard;
      if (!Array.isArray(rows) || rows.some((r) => !Array.isArray(r))) {
        throw bad('field "keyboard" of the ReplyKeyboardMarkup must be an Array of Arrays');
      }
      for (const b of rows.flat() as unknown[]) {
        const text = typeof b === "string" ? b : (b as { text?: unknown }).text;
        if (typeof text !== "string" || text === "") throw bad("keyboard button text is empty");
      }
      return markup as unknown as ReplyKeyboardMarkup;
    }
    if (markup.remove_keyboard === true) return { remove_keyboard: true };
    if (markup.force_reply === true) return { force_reply: true };
    throw bad("unsupported reply markup");
  }

  private inputFile(p: RequestParams, field: string, kind: "photos" | "documents"): StoredFile {
    const direct = p.files.get(field);
    if (direct) return this.files.saveUpload(kind, direct.data, direct.filename);
    const value = optString(p.fields, field);
    if (!value) throw bad(`there is no ${field} in the request`);
    if (value.startsWith("attach://")) {
      const file = p.files.get(value.slice("attach://".length));
      if (!file) throw bad(`file "${value}" is not found in the request`);
      return this.files.saveUpload(kind, file.data, file.filename);
    }
    if (/^https?:\/\//.test(value)) return this.files.registerUrl(value);
    const known = this.files.get(value);
    if (!known) throw bad("wrong file identifier/HTTP URL specified");
    return known;
  }

  private location(p: RequestParams) {
    const latitude = optNumber(p.fields, "latitude");
    const longitude = optNumber(p.fields, "longitude");
    if (latitude === undefined || Number.isNaN(latitude) || Math.abs(latitude) > 90) throw bad("wrong latitude");
    if (longitude === undefined || Number.isNaN(longitude) || Math.abs(longitude) > 180) throw bad("wrong longitude");
    const livePeriod = optNumber(p.fields, "live_period");
    return { latitude, longitude, ...(livePeriod ? { live_period: livePeriod } : {}) };
  }

  private createHandlers(): Record<string, Handler> {
    const h: Record<string, Handler> = {
      getme: () => this.me,
      logout: () => true,
      close: () => true,
      deletewebhook: (p) => {
        if (optBool(p.fields, "drop_pending_updates")) this.queue = [];
        return true;
      },
      getwebhookinfo: () => ({ url: "", has_custom_certificate: false, pending_update_count: this.queue.length }),
      setmycommands: (p) => {
        const commands = optJson<BotCommand[]>(p.fields, "commands") ?? [];
        if (commands.length > 100) throw bad("too many commands");
        for (const c of commands) {
          if (!/^[a-z0-9_]{1,32}$/.test(c.command ?? "")) throw bad("BOT_COMMAND_INVALID");
          if (!c.description || c.description.length > 256) throw bad("BOT_COMMAND_DESCRIPTION_INVALID");
        }
        const scope = optJson<{ type: string }>(p.fields, "scope")?.type ?? "default";
        const languageCode = optString(p.fields, "language_code") ?? "";
        this.commands.set(`${scope}|${languageCode}`, commands);
        this.emitEvent({ type: "commands", commands, scope, languageCode });
        return true;
      },
      getmycommands: (p) => {
        const scope = optJson<{ type: string }>(p.fields, "scope")?.type ?? "default";
        return this.myCommands(scope, optString(p.fields, "language_code") ?? "");
      },
      deletemycommands: (p) => {
        const scope = optJson<{ type: string }>(p.fields, "scope")?.type ?? "default";
        this.commands.delete(`${scope}|${optString(p.fields, "language_code") ?? ""}`);
        return true;
      },
      setmydescription: () => true,
      setmyshortdescription: () => true,
      setmyname: () => true,
      setchatmenubutton: () => true,
      getchatmenubutton: () => ({ type: "commands" }),
      getchat: (p) => {
        const state = this.chatFor(p, { sending: false });
        return { ...state.chat, accent_color_id: 0, max_reaction_count: 11, accepted_gift_types: {} };
      },
      sendmessage: (p) => {
        const state = this.chatFor(p, { sending: true });
        const linkPreview = optJson<object>(p.fields, "link_preview_options");
        return this.botMessage(state, p, { ...this.text(p), ...(linkPreview ? { link_preview_options: linkPreview } : {}) });
      },
      sendphoto: (p) => {
        const state = this.chatFor(p, { sending: true });
        const caption = this.caption(p);
        const file = this.inputFile(p, "photo", "photos");
        return this.botMessage(state, p, { photo: photoSizes(file), ...caption });
      },
      sendmediagroup: (p) => {
        const state = this.chatFor(p, { sending: true });
        type Item = { type: string; media: string; caption?: string; parse_mode?: string; caption_entities?: MessageEntity[] };
        const media = optJson<Item[]>(p.fields, "media");
        // The docs say 2–10 items; Telegram sends a single one too.
        if (!Array.isArray(media) || media.length === 0) throw bad("media to send are not specified");
        if (media.length > 10) throw bad("too many messages to send as an album");
        if (media.some((m) => m.type !== "photo")) throw bad("the emulator sends albums of photos only");
        const items = media.map((m) => {
          const sub: RequestParams = {
            fields: { photo: m.media, caption: m.caption, parse_mode: m.parse_mode, caption_entities: m.caption_entities },
            files: p.files,
          };
          return { sub, file: this.inputFile(sub, "photo", "photos"), caption: this.caption(sub) };
        });
        const group = `${state.chat.id}-${state.nextMessageId}`;
        return items.map(({ sub, file, caption }) =>
          this.botMessage(state, sub, { photo: photoSizes(file), ...caption, media_group_id: group }),
        );
      },
      senddocument: (p) => {
        const state = this.chatFor(p, { sending: true });
        const caption = this.caption(p);
        const file = this.inputFile(p, "document", "documents");
        const document = { file_id: file.fileId, file_unique_id: file.fileUniqueId, file_size: file.size, file_name: file.fileName ?? "file" };
        return this.botMessage(state, p, { document, ...caption });
      },
      sendlocation: (p) => {
        const state = this.chatFor(p, { sending: true });
        return this.botMessage(state, p, { location: this.location(p) });
      },
      sendvenue: (p) => {
        const state = this.chatFor(p, { sending: true });
        const location = this.location(p);
        const title = optString(p.fields, "title");
        const address = optString(p.fields, "address");
        if (!title) throw bad("venue title is empty");
        if (!address) throw bad("venue address is empty");
        return this.botMessage(state, p, { location, venue: { location, title, address } });
      },
      sendchataction: (p) => {
        const state = this.chatFor(p, { sending: true });
        const action = optString(p.fields, "action") ?? "";
        if (!action) throw bad("wrong parameter action in request");
        this.emitEvent({ type: "chat-action", chatId: state.chat.id, action });
        return true;
      },
      sendinvoice: (p) => {
        const state = this.chatFor(p, { sending: true });
        const title = optString(p.fields, "title") ?? "";
        const description = optString(p.fields, "description") ?? "";
        const payload = optString(p.fields, "payload") ?? "";
        const currency = optString(p.fields, "currency") ?? "";
        const providerToken = optString(p.fields, "provider_token") ?? "";
        const prices = optJson<LabeledPrice[]>(p.fields, "prices") ?? [];
        // Telegram counts these in UTF-16 units, as String.length does: an emoji is two.
        if (title.length < 1 || title.length > 32) throw bad("INVOICE_TITLE_INVALID");
        if (description.length < 1 || description.length > 255) throw bad("INVOICE_DESCRIPTION_INVALID");
        if (Buffer.byteLength(payload) < 1 || Buffer.byteLength(payload) > 128) throw bad("INVOICE_PAYLOAD_INVALID");
        if (!/^[A-Z]{3}$/.test(currency)) throw bad("CURRENCY_INVALID");
        if (prices.length === 0 || prices.some((x) => !Number.isInteger(x.amount) || !x.label)) throw bad("CURRENCY_TOTAL_AMOUNT_INVALID");
        if (currency === "XTR" && (prices.length !== 1 || providerToken !== "")) {
          throw bad("payments in Telegram Stars take exactly one price and an empty provider_token");
        }
        if (currency !== "XTR" && providerToken === "") throw bad("PAYMENT_PROVIDER_INVALID");
        const totalAmount = prices.reduce((sum, x) => sum + x.amount, 0);
        if (totalAmount <= 0) throw bad("CURRENCY_TOTAL_AMOUNT_INVALID");
        const startParameter = optString(p.fields, "start_parameter") ?? "";
        const message = this.botMessage(state, p, {
          invoice: { title, description, start_parameter: startParameter, currency, total_amount: totalAmount },
        });
        this.invoices.push({
          chatId: state.chat.id,
          messageId: message.message_id,
          title,
          description,
          payload,
          currency,
          prices,
          totalAmount,
          providerToken,
        });
        return message;
      },
      answerprecheckoutquery: (p) => {
        const id = optString(p.fields, "pre_checkout_query_id") ?? "";
        const pending = this.preCheckouts.get(id);
        if (!pending) throw bad("query is too old and response timeout expired or query ID is invalid");
        const ok = optBool(p.fields, "ok") ?? false;
        const errorMessage = optString(p.fields, "error_message");
        if (!ok && !errorMessage) throw bad("error_message must be non-empty when ok is false");
        this.preCheckouts.delete(id);
        this.emitEvent({ type: "pre-checkout-answer", chatId: pending.chatId, queryId: id, ok, ...(errorMessage ? { errorMessage } : {}) });
        pending.resolve({ ok, ...(errorMessage ? { errorMessage } : {}) });
        return true;
      },
      refundstarpayment: (p) => {
        const userId = optNumber(p.fields, "user_id");
        const chargeId = optString(p.fields, "telegram_payment_charge_id");
        const payment = this.payments.find((x) => x.telegramPaymentChargeId === chargeId && x.userId === userId);
        if (!payment) throw bad("CHARGE_ID_INVALID");
        if (payment.invoice.currency !== "XTR") throw bad("CHARGE_ID_INVALID");
        if (payment.refunded) throw bad("CHARGE_ALREADY_REFUNDED");
        payment.refunded = true;
        this.emitEvent({ type: "refund", chatId: payment.userId, telegramPaymentChargeId: payment.telegramPaymentChargeId });
        return true;
      },
      answercallbackquery: (p) => {
        const id = optString(p.fields, "callback_query_id") ?? "";
        const query = this.callbackQueries.get(id);
        if (!query || query.answered) throw bad("query is too old and response timeout expired or query ID is invalid");
        const text = optString(p.fields, "text");
        if (text && text.length > 200) throw bad("MESSAGE_TOO_LONG");
        query.answered = true;
        const url = optString(p.fields, "url");
        this.emitEvent({
          type: "callback-answer",
          chatId: query.chatId,
          queryId: id,
          ...(text ? { text } : {}),
          showAlert: optBool(p.fields, "show_alert") ?? false,
          ...(url ? { url } : {}),
        });
        return true;
      },
      editmessagetext: (p) => {
        const state = this.chatFor(p, { sending: false });
        const message = this.storedMessage(state, p, "edit");
        if (message.text === undefined) throw bad("there is no text in the message to edit");
        const { text, entities } = this.text(p);
        const linkPreview = optJson<object>(p.fields, "link_preview_options");
        const changes = { text, entities, ...(linkPreview ? { link_preview_options: linkPreview } : {}) } as Partial<Message>;
        return this.edited(state, message, changes, this.inlineMarkup(p));
      },
      editmessagecaption: (p) => {
        const state = this.chatFor(p, { sending: false });
        const message = this.storedMessage(state, p, "edit");
        if (!message.photo && !message.document) throw bad("there is no caption in the message to edit");
        const caption = this.caption(p);
        const changes = { caption: undefined, caption_entities: undefined, ...caption } as Partial<Message>;
        return this.edited(state, message, changes, this.inlineMarkup(p));
      },
      editmessagemedia: (p) => {
        const state = this.chatFor(p, { sending: false });
        const message = this.storedMessage(state, p, "edit");
        if (!message.photo && !message.document) throw bad("there is no media in the message to edit");
        const media = optJson<{ type: string; media: string; caption?: string; parse_mode?: string; caption_entities?: MessageEntity[] }>(p.fields, "media");
        if (!media || media.type !== "photo") throw bad("the emulator edits photo media only");
        const sub: RequestParams = {
          fields: { photo: media.media, caption: media.caption, parse_mode: media.parse_mode, caption_entities: media.caption_entities },
          files: p.files,
        };
        const file = this.inputFile(sub, "photo", "photos");
        const changes = { photo: photoSizes(file), caption: undefined, caption_entities: undefined, ...this.caption(sub) } as Partial<Message>;
        return this.edited(state, message, changes, this.inlineMarkup(p));
      },
      editmessagereplymarkup: (p) => {
        const state = this.chatFor(p, { sending: false });
        const message = this.storedMessage(state, p, "edit");
        return this.edited(state, message, {}, this.inlineMarkup(p));
      },
      editmessagelivelocation: (p) => {
        const state = this.chatFor(p, { sending: false });
        const message = this.storedMessage(state, p, "edit");
        if (!message.location?.live_period) throw bad("message can't be edited");
        const { latitude, longitude } = this.location(p);
        return this.edited(state, message, { location: { ...message.location, latitude, longitude } } as Partial<Message>, this.inlineMarkup(p));
      },
      stopmessagelivelocation: (p) => {
        const state = this.chatFor(p, { sending: false });
        const message = this.storedMessage(state, p, "edit");
        if (!message.location?.live_period) throw bad("message can't be edited");
        return this.edited(state, message, { location: { ...message.location, live_period: 0 } } as Partial<Message>, this.inlineMarkup(p));
      },
      deletemessage: (p) => {
        const state = this.chatFor(p, { sending: false });
        const message = this.storedMessage(state, p, "delete");
        // "A message can only be deleted if it was sent less than 48 hours ago."
        if (this.now() - message.date >= 48 * 60 * 60) throw bad("message can't be deleted for everyone");
        state.messages.delete(message.message_id);
        this.emitEvent({ type: "delete", chatId: state.chat.id, messageId: message.message_id });
        return true;
      },
      setmessagereaction: (p) => {
        const state = this.chatFor(p, { sending: false });
        const message = state.messages.get(optNumber(p.fields, "message_id") ?? 0);
        if (!message) throw bad("MESSAGE_ID_INVALID");
        const reaction = optJson<unknown[]>(p.fields, "reaction") ?? [];
        this.emitEvent({ type: "reaction", chatId: state.chat.id, messageId: message.message_id, reaction });
        return true;
      },
      getfile: (p) => {
        const fileId = optString(p.fields, "file_id") ?? "";
        const file = this.files.get(fileId);
        if (!file) throw bad("invalid file_id");
        return { file_id: file.fileId, file_unique_id: file.fileUniqueId, file_size: file.size, file_path: file.filePath };
      },
    };
    return h;
  }

  private inlineMarkup(p: RequestParams): InlineKeyboardMarkup | undefined {
    const markup = this.replyMarkup(p);
    if (markup && !("inline_keyboard" in markup)) throw bad("only inline keyboards can be edited in");
    return markup;
  }

}

function reply(res: ServerResponse, result: unknown): void {
  if (res.headersSent || res.destroyed) return;
  if (result instanceof ApiError) {
    res.writeHead(result.code, { "content-type": "application/json" });
    res.end(
      JSON.stringify({
        ok: false,
        error_code: result.code,
        description: result.description,
        ...(result.parameters ? { parameters: result.parameters } : {}),
      }),
    );
    return;
  }
  res.writeHead(200, { "content-type": "application/json" });
  res.end(JSON.stringify({ ok: true, result }));
}

function validateInlineButton(b: InlineKeyboardButton): void {
  if (typeof b !== "object" || b === null || typeof b.text !== "string") throw bad("can't parse inline keyboard button");
  const actions = ["url", "callback_data", "web_app", "login_url", "switch_inline_query", "switch_inline_query_current_chat", "switch_inline_query_chosen_chat", "copy_text", "callback_game", "pay"];
  const present = actions.filter((a) => a in b);
  if (present.length === 0) throw bad("text buttons are unallowed in the inline keyboard");
  if ("callback_data" in b) {
    const bytes = Buffer.byteLength(b.callback_data ?? "", "utf8");
    if (bytes < 1 || bytes > 64) throw bad("BUTTON_DATA_INVALID");
  }
  if ("url" in b && !/^(https?|tg):\/\/\S+$/.test(b.url ?? "")) throw bad(`inline keyboard button URL '${b.url}' is invalid: Wrong HTTP URL`);
  if (b.text.trim() === "") throw bad("BUTTON_TEXT_INVALID");
}

export function inlineButtons(markup: unknown): InlineKeyboardButton[] {
  if (!markup || typeof markup !== "object" || !("inline_keyboard" in markup)) return [];
  return (markup as InlineKeyboardMarkup).inline_keyboard.flat();
}

function photoSizes(file: StoredFile): PhotoSize[] {
  const sizes: PhotoSize[] = [];
  const scale = Math.min(1, 90 / Math.max(file.width, file.height, 1));
  // The thumbnail's id stands for the same stored file, so either can be sent back.
  sizes.push({
    file_id: file.thumbnailId,
    file_unique_id: `${file.fileUniqueId}_s`,
    width: Math.round(file.width * scale),
    height: Math.round(file.height * scale),
  });
  sizes.push({ file_id: file.fileId, file_unique_id: file.fileUniqueId, width: file.width, height: file.height, file_size: file.size });
  return sizes;
}
