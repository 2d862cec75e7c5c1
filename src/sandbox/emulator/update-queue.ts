// The updates waiting for the bot, and getUpdates long polling over them: a
// poll is answered at once when updates wait, else when one arrives or its
// timeout ends. An update counts as confirmed once a later poll's offset has
// passed it, which is what "the bot has handled it" means to a driver.
import type { IncomingMessage } from "node:http";
import type { Update } from "grammy/types";
import { optJson, optNumber, type RequestParams } from "../request-body.js";
import { ApiError } from "./api-error.js";
import type { WebhookDelivery } from "./webhook-delivery.js";

interface Poller {
  resolve(updates: Update[] | null): void;
  reject(error: ApiError): void;
  limit: number;
  timer: NodeJS.Timeout;
}

/** What Telegram leaves out when the bot names no allowed_updates. */
const DEFAULT_UPDATE_TYPES_EXCLUDED = new Set(["chat_member", "message_reaction", "message_reaction_count"]);

export class UpdateQueue {
  /** When the last update was added (Date.now()), for a driver waiting for quiet. */
  lastInjectedAt = Date.now();

  private queue: Update[] = [];
  private nextUpdateId = 100_000_001;
  private lastInjectedId = 0;
  private confirmedUpTo = 0;
  private allowedUpdates: Set<string> | null = null;
  private poller: Poller | null = null;

  /** With a delivery, a webhook set means updates are posted to it; without, it is only recorded. */
  constructor(private readonly delivery?: WebhookDelivery) {}

  inject(content: Omit<Update, "update_id">): Update {
    const update = { update_id: this.nextUpdateId++, ...content } as Update;
    this.queue.push(update);
    this.lastInjectedId = update.update_id;
    this.lastInjectedAt = Date.now();
    this.servePoller();
    this.postToWebhook();
    return update;
  }

  /** Set by setWebhook, removed by deleteWebhook; getUpdates is refused while set. */
  get webhook(): { url: string; secretToken?: string } | null {
    return this.hook;
  }

  set webhook(hook: { url: string; secretToken?: string } | null) {
    this.hook = hook;
    this.postToWebhook();
  }

  private hook: { url: string; secretToken?: string } | null = null;

  /** While updates are posted to a webhook: how many are on their way. */
  private posting: { count: number } | null = null;

  /** Updates waiting go to the webhook, each confirmed once the bot's side took it. */
  private postToWebhook(): void {
    const hook = this.hook;
    if (!hook || !this.delivery) {
      this.posting = null;
      return;
    }
    const posting = (this.posting ??= { count: 0 });
    const updates = this.deliverable(100);
    this.queue = this.queue.filter((u) => !updates.includes(u));
    for (const update of updates) {
      posting.count++;
      void this.delivery.post(hook, update).finally(() => posting.count--);
    }
  }

  /** Updates added that no later poll has confirmed yet (posted to a webhook: not answered 2xx yet). */
  get unconfirmed(): number {
    return this.posting ? this.queue.length + this.posting.count : this.lastInjectedId - this.confirmedUpTo;
  }

  /** Whether the bot waits for updates now: in a long poll, or behind the webhook updates are posted to. */
  get polling(): boolean {
    return this.poller !== null || this.posting !== null;
  }

  get pending(): number {
    return this.queue.length;
  }

  /** deleteWebhook's drop_pending_updates. */
  drop(): void {
    this.queue = [];
  }

  /** Ends a waiting poll with no updates, as on shutdown. */
  close(): void {
    if (!this.poller) return;
    clearTimeout(this.poller.timer);
    this.poller.resolve([]);
    this.poller = null;
  }

  /** Resolves null when the bot hung up while waiting: there is nobody left to answer. */
  getUpdates(p: RequestParams, req: IncomingMessage): Promise<Update[] | null> | Update[] {
    if (this.webhook) throw new ApiError(409, "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first");
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
}
