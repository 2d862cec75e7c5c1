// Telegram's side of the conversation: the bot, its users and their private
// chats with it, the groups the bot is in, the messages in each chat (so edits
// and deletes behave), the bot's polls and their votes, the files, and what is
// pending (button presses, pre-checkout queries) or was set (commands,
// invoices, payments). Who has written to the bot, who blocked it, the groups
// and each chat's next message id can outlive a restart in a state file.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import type { BotCommand, Chat, InlineKeyboardMarkup, Message, ReplyKeyboardMarkup, User, UserFromGetMe } from "grammy/types";
import { FileStore } from "../file-store.js";
import { REFUSAL } from "../telegram-rules.js";
import { badRequest, forbidden } from "./api-error.js";
import type { BotEvent, InvoiceRecord, PaymentRecord, PreparedMessage } from "./events.js";

export interface ChatState {
  chat: Chat.PrivateChat | Chat.SupergroupChat;
  /** The private chat's user; a group's first member. */
  user: User;
  /** A group's members and its admins (user ids); absent for a private chat. */
  group?: { members: Set<number>; admins: Set<number> };
  nextMessageId: number;
  messages: Map<number, Message>;
  blocked: boolean;
  /** A user who never wrote to the bot cannot be messaged first. */
  started: boolean;
  replyKeyboard?: ReplyKeyboardMarkup;
}

/** What the state file keeps of a chat. */
interface SavedChat {
  user: User;
  started: boolean;
  blocked: boolean;
  nextMessageId: number;
  /** A group, with its members (their own chats are kept beside it). */
  group?: { id: number; title: string; members: number[]; admins: number[] };
}

export interface GroupProfile {
  id: number;
  title: string;
  /** Users (added with addUser) in the group; the first one created it. */
  members: number[];
  admins?: number[];
}

/** A poll the bot sent, with each voter's choice. */
export interface PollState {
  chatId: number;
  messageId: number;
  /** The voters' chosen options, by user id. */
  choices: Map<number, number[]>;
  /** Unix seconds when Telegram closes it by itself (open_period, close_date). */
  closesAt?: number;
}

export interface UserProfile {
  id?: number;
  firstName: string;
  lastName?: string;
  username?: string;
  languageCode?: string;
  /** The user has written to the bot before, so the bot may message them first (benchmarks). */
  started?: boolean;
}

export type PreCheckoutAnswer = { ok: boolean; errorMessage?: string };

export interface ChatWorldOptions {
  token: string;
  filesDir: string;
  bot?: Partial<UserFromGetMe>;
  clock: () => Date;
  stateFile?: string;
  /** Told of every event the bot causes, after it is recorded. */
  onEvent(event: BotEvent): void;
}

export class ChatWorld {
  readonly me: UserFromGetMe;
  readonly files: FileStore;
  /** Every event since start, in order. */
  readonly events: BotEvent[] = [];
  readonly invoices: InvoiceRecord[] = [];
  /** The default menu button (setChatMenuButton without a chat), as the bot set it. */
  menuButton: unknown = { type: "commands" };
  /** Invoices made as links (createInvoiceLink), by the link: whoever opens one may pay it. */
  readonly invoiceLinks = new Map<string, Omit<InvoiceRecord, "chatId" | "messageId">>();
  readonly payments: PaymentRecord[] = [];
  readonly callbackQueries = new Map<string, { chatId: number; answered: boolean }>();
  /** Inline queries sent, by id: answered at most once. */
  readonly inlineQueries = new Map<string, { userId: number; query: string; answered: boolean }>();
  /** Messages prepared for a Mini App user to send (savePreparedInlineMessage), by id. */
  readonly preparedMessages = new Map<string, PreparedMessage>();
  readonly preCheckouts = new Map<string, { chatId: number; resolve(answer: PreCheckoutAnswer): void }>();
  /** setMyCommands, by `scope|language` ("" for all languages). */
  readonly commands = new Map<string, BotCommand[]>();
  /** The bot's polls, by poll id. */
  readonly polls = new Map<string, PollState>();

  private readonly chats = new Map<number, ChatState>();
  private nextUserId = 700_000_001;
  private restoring = false;

  constructor(private readonly options: ChatWorldOptions) {
    this.files = new FileStore(options.filesDir);
    this.me = {
      id: Number(options.token.split(":")[0]),
      is_bot: true,
      first_name: "Nearbuy",
      username: "nearbuy_sandbox_bot",
      can_join_groups: true,
      can_read_all_group_messages: false,
      supports_inline_queries: true,
      can_connect_to_business: false,
      has_main_web_app: false,
      ...options.bot,
    } as UserFromGetMe;
    this.restore();
  }

  /** Unix seconds by the emulator's clock, as in a message's `date`. */
  now(): number {
    return Math.floor(this.options.clock().getTime() / 1000);
  }

  record(event: BotEvent): void {
    this.events.push(event);
    this.options.onEvent(event);
  }

  users(): User[] {
    return [...this.chats.values()].filter((c) => !c.group).map((c) => c.user);
  }

  /** A group with the bot in it (a supergroup, as groups are today), its members users already known. */
  addGroup(profile: GroupProfile): Chat.SupergroupChat {
    const [creator] = profile.members;
    if (creator === undefined) throw new Error("a group needs a member");
    for (const id of profile.members) this.state(id);
    const chat: Chat.SupergroupChat = { id: profile.id, type: "supergroup", title: profile.title };
    const existing = this.chats.get(profile.id);
    const group = { members: new Set(profile.members), admins: new Set(profile.admins ?? [creator]) };
    if (existing?.group) {
      existing.group = group;
    } else {
      this.chats.set(profile.id, {
        chat,
        user: this.state(creator).user,
        group,
        nextMessageId: existing?.nextMessageId ?? 1,
        messages: new Map(),
        blocked: false,
        started: true,
      });
    }
    this.save();
    return chat;
  }

  /** A group the driver names: unknown is the driver's mistake. */
  groupState(chatId: number): ChatState & { group: NonNullable<ChatState["group"]> } {
    const state = this.chats.get(chatId);
    if (!state?.group) throw new Error(`unknown group ${chatId}: addGroup first`);
    return state as ChatState & { group: NonNullable<ChatState["group"]> };
  }

  addUser(profile: UserProfile): User {
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

  /** A user's chat, for the driver: an unknown user is the driver's mistake. */
  state(userId: number): ChatState {
    const state = this.chats.get(userId);
    if (!state || state.group) throw new Error(`unknown user ${userId}: addUser first`);
    return state;
  }

  /** The chat a request names, refused as Telegram refuses it; `sending` adds the 403s of a user who blocked or never started the bot. */
  chatFor(chatId: unknown, { sending }: { sending: boolean }): ChatState {
    if (chatId === undefined || chatId === null || chatId === "") throw badRequest("chat_id is empty");
    const state = this.chats.get(Number(chatId));
    if (!state) throw badRequest("chat not found");
    if (sending && state.blocked) throw forbidden(REFUSAL.blocked);
    if (sending && !state.started) throw forbidden(REFUSAL.notStarted);
    return state;
  }

  /** A user the bot may address by id: one who has written to it. */
  knows(userId: number): boolean {
    return this.chats.get(userId)?.started === true;
  }

  setBlocked(state: ChatState, blocked: boolean): void {
    state.blocked = blocked;
    this.save();
  }

  /** A message from the user; writing to the bot lets the bot write back. */
  postUserMessage(state: ChatState, content: Partial<Message>): Message {
    if (!state.started) {
      state.started = true;
      this.save();
    }
    if (state.replyKeyboard?.one_time_keyboard) state.replyKeyboard = undefined;
    const message = { message_id: state.nextMessageId++, from: state.user, chat: state.chat, date: this.now(), ...content } as Message;
    state.messages.set(message.message_id, message);
    return message;
  }

  /** A member's message in a group. */
  postGroupMessage(group: ChatState, from: User, content: Partial<Message>): Message {
    if (!group.group?.members.has(from.id)) throw new Error(`${from.first_name} is not a member of ${group.chat.id}`);
    const message = { message_id: group.nextMessageId++, from, chat: group.chat, date: this.now(), ...content } as Message;
    group.messages.set(message.message_id, message);
    return message;
  }

  /**
   * A message from the bot. Telegram keeps only an inline keyboard on the
   * message; a reply keyboard replaces (or removes) the one the user sees.
   */
  postBotMessage(
    state: ChatState,
    content: Partial<Message>,
    markup: InlineKeyboardMarkup | ReplyKeyboardMarkup | { remove_keyboard: true } | { force_reply: true } | undefined,
  ): Message {
    const message = {
      message_id: state.nextMessageId++,
      from: this.me,
      chat: state.chat,
      date: this.now(),
      ...content,
      ...(markup && "inline_keyboard" in markup ? { reply_markup: markup } : {}),
    } as Message;
    state.messages.set(message.message_id, message);
    if (markup && "keyboard" in markup) state.replyKeyboard = markup;
    if (markup && "remove_keyboard" in markup) state.replyKeyboard = undefined;
    this.record({ type: "message", chatId: state.chat.id, message, ...(markup ? { replyMarkup: markup } : {}) });
    return message;
  }

  /** Writes the users down (small: a few chats), when something about them changed. */
  save(): void {
    const file = this.options.stateFile;
    if (!file || this.restoring) return;
    // Users first: a group's members are restored before the group.
    const chats = [...this.chats.values()].sort((a, b) => Number(Boolean(a.group)) - Number(Boolean(b.group)));
    const saved: SavedChat[] = chats.map((c) => ({
      user: c.user,
      started: c.started,
      blocked: c.blocked,
      nextMessageId: c.nextMessageId,
      ...(c.group && c.chat.type === "supergroup"
        ? { group: { id: c.chat.id, title: c.chat.title, members: [...c.group.members], admins: [...c.group.admins] } }
        : {}),
    }));
    writeFileSync(file, JSON.stringify(saved, null, 1));
  }

  private restore(): void {
    const file = this.options.stateFile;
    if (!file || !existsSync(file)) return;
    const saved = JSON.parse(readFileSync(file, "utf8")) as SavedChat[];
    this.restoring = true;
    for (const s of saved) {
      if (s.group) {
        this.addGroup(s.group);
        this.groupState(s.group.id).nextMessageId = s.nextMessageId;
        continue;
      }
      const { id, first_name: firstName, last_name: lastName, username, language_code: languageCode } = s.user;
      this.addUser({ id, firstName, lastName, username, languageCode, started: s.started });
      const state = this.state(s.user.id);
      state.blocked = s.blocked;
      state.nextMessageId = s.nextMessageId;
    }
    this.restoring = false;
  }
}
