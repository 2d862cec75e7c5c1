// The token-free local mode: the real bot (createApp, same handlers, same
// database code) long polls a Bot API emulator on this machine, and the
// terminal plays the users. Only Telegram's servers are replaced.
import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import readline from "node:readline";
import { Writable } from "node:stream";
import { pino } from "pino";
import { createApp, type App } from "../app.js";
import type { Config } from "../config.js";
import { DEMO_PLACES, DEMO_USERS, seedDemoData } from "../seed/demo-data.js";
import { isPostgresUrl } from "../db/migrate-postgres.js";
import { PUSH_JOB, REMINDERS_JOB } from "../jobs/jobs.js";
import type { ReminderRunResult } from "../core/reminder.service.js";
import type { PushRunResult } from "../jobs/push.job.js";
import type { Clock } from "../util/clock.js";
import { BotApiEmulator, type BotEvent, type InlineAnswerResult } from "./bot-api-emulator.js";
import { freePort, sandboxAppLink } from "./mini-app-link.js";
import { APP_PATH } from "../http/app-static.js";
import { scanQrFile, startPayloadOf } from "./qr-scan.js";
import { HELP, dim, formatAmount, parseInput, renderEntities, renderEvent, type NumberedButton } from "./terminal.js";

/** Looks like a BotFather token so the bot accepts it; Telegram would not. */
export const SANDBOX_TOKEN = "1234567890:SANDBOX-local-token-not-real-aaaaaaaaaa";
const SANDBOX_PROVIDER_TOKEN = "sandbox-provider";

interface Player {
  key: string;
  id: number;
  firstName: string;
  role: string;
}

export interface SandboxOptions {
  /** Where everything the sandbox shows goes, one line at a time. */
  print(line: string): void;
  color: boolean;
}

/** The demo group `:group` enters: the bot in it, the demo consumers its members (Ana created it). */
const DEMO_GROUP = { id: -1_001_000_000_001, title: "Lunch crew" };

/** A stable id for a new user's name, so the same name is the same user in the next run. */
function idForName(name: string): number {
  let h = 0;
  for (const ch of name.toLowerCase()) h = (h * 31 + ch.codePointAt(0)!) % 99_999_989;
  return 700_000_000 + h;
}

export async function createSandbox(config: Config, { print, color }: SandboxOptions) {
  const dir = path.resolve(config.SANDBOX_DIR);
  mkdirSync(dir, { recursive: true });
  const dbFile = path.join(dir, "sandbox.db");
  // A PostgreSQL DATABASE_URL is used as it is; otherwise the sandbox keeps its own SQLite file.
  const databaseUrl = isPostgresUrl(config.DATABASE_URL) ? config.DATABASE_URL : `file:${dbFile}`;
  const logFile = path.join(dir, "sandbox.log");
  const firstRun = !isPostgresUrl(databaseUrl) && !existsSync(dbFile);
  const relative = (p: string) => path.relative(process.cwd(), p) || p;

  let clockOffsetMs = 0;
  const clock: Clock = () => new Date(Date.now() + clockOffsetMs);

  // The bot logs to a file; its errors also show in the chat, since they are
  // what a developer trying the sandbox needs to see.
  let botErrors = 0;
  const errorEcho = new Writable({
    write(chunk: Buffer, _enc, done) {
      botErrors++;
      try {
        const entry = JSON.parse(chunk.toString()) as { msg?: string; err?: { message?: string } };
        print(`💥 the bot failed: ${entry.msg ?? ""}${entry.err?.message ? `: ${entry.err.message}` : ""} (details in ${relative(logFile)})`);
      } catch {
        print(`💥 the bot failed (details in ${relative(logFile)})`);
      }
      done();
    },
  });
  const logger = pino(
    { level: config.LOG_LEVEL, base: undefined },
    pino.multistream([
      { level: config.LOG_LEVEL === "silent" ? "fatal" : config.LOG_LEVEL, stream: pino.destination({ dest: logFile, sync: true }) },
      { level: "error", stream: errorEcho },
    ]),
  );

  const emulator = await new BotApiEmulator({
    token: SANDBOX_TOKEN,
    filesDir: path.join(dir, "files"),
    clock,
    // Who has chatted survives a restart: pushes still reach last run's subscribers.
    stateFile: path.join(dir, "chats.json"),
  }).start();
  const appPort = config.PORT ?? (await freePort());
  const miniAppUrl = `http://127.0.0.1:${appPort}${APP_PATH}`;
  let app: App;
  try {
    app = createApp(
      {
        ...config,
        DATABASE_URL: databaseUrl,
        TELEGRAM_API_ROOT: emulator.url,
        // The emulator is polled: Telegram could not reach a sandbox's webhook.
        WEBHOOK_URL: undefined,
        // The emulator takes any provider token: invoices can be paid with :pay.
        PAYMENT_PROVIDER_TOKEN: config.PAYMENT_PROVIDER_TOKEN ?? SANDBOX_PROVIDER_TOKEN,
        // The Mini App on this machine: a browser stands in for Telegram (:app).
        PORT: appPort,
        MINI_APP_URL: miniAppUrl,
      },
      // The sandbox's token is public: its server must not be reachable from other machines.
      { token: SANDBOX_TOKEN, logger, clock, httpHost: "127.0.0.1" },
    );
  } catch (error) {
    await emulator.close();
    throw error;
  }

  // A sandbox kept from before shops had a currency: theirs comes from their pins.
  await app.services.shops.settleCurrencies();
  if (firstRun) print(`Setting up the sandbox in ${relative(dir)} (first run): seeding the demo data…`);
  const seeded = await seedDemoData(app.repos, clock());
  if (seeded.created) print(`Seeded ${seeded.shops} shops and ${seeded.deals} offers around Shanghai and New York.`);

  const players = new Map<string, Player>();
  for (const u of DEMO_USERS) {
    emulator.addUser({ id: u.id, firstName: u.firstName, languageCode: u.languageCode });
    players.set(u.key, { key: u.key, id: u.id, firstName: u.firstName, role: u.role });
  }
  // Users made up with :as in an earlier run are still there under their name.
  for (const u of emulator.knownUsers()) {
    const key = u.first_name.toLowerCase();
    if (![...players.values()].some((p) => p.id === u.id)) players.set(key, { key, id: u.id, firstName: u.first_name, role: "user" });
  }
  const firstConsumer = DEMO_USERS.find((u) => u.role === "consumer") ?? DEMO_USERS[0]!;
  let current: Player = players.get(firstConsumer.key)!;
  const groupMembers = new Set(DEMO_USERS.filter((u) => u.role === "consumer").map((u) => u.id));
  const addToGroup = () => emulator.addGroup({ ...DEMO_GROUP, members: [...groupMembers] });
  addToGroup();
  // Whether what the user types goes to the demo group (:group) or to the private chat (:private).
  let inGroup = false;
  const viewedChat = () => (inGroup ? DEMO_GROUP.id : current.id);
  // The bot's newest question in the group that wants a reply (/nearby, /vote): :here answers it.
  let groupAsk: number | undefined;

  // The numbered buttons belong to the newest message with an inline keyboard, per chat.
  const keyboards = new Map<number, { messageId: number; buttons: NumberedButton[] }>();
  const filePath = (fileId: string) => {
    const file = emulator.files.get(fileId);
    return file?.localPath ? relative(file.localPath) : file?.url;
  };

  /** A card sent into a chat "via @bot" (:pick, :share), as the friend sees it, with its links. */
  const showSent = (what: string, result: InlineAnswerResult) => {
    print(dim(`📤 you send ${what} into a chat; your friend sees (via @${app.bot.botInfo.username}):`, color));
    if (result.photoFileId) print(`   🖼 photo: ${filePath(result.photoFileId) ?? result.photoFileId}`);
    for (const line of renderEntities(result.text, result.entities, color).split("\n")) print(`   ${line}`);
    for (const b of result.replyMarkup?.inline_keyboard.flat() ?? []) if ("url" in b) print(`   🔗 ${b.text}: ${b.url}`);
    print(dim("   (a friend opens the link with :as NAME, then /start and the link's start= value)", color));
  };

  // The newest photo the bot sent: what :scan points the camera at.
  let lastPhoto: string | undefined;
  // The newest inline answer the current user got: what :pick chooses from.
  let lastInline: Extract<BotEvent, { type: "inline-answer" }> | undefined;
  emulator.on("event", (event) => {
    if (event.type === "inline-answer") lastInline = event;
    if (event.type === "message" && event.chatId === DEMO_GROUP.id && (event.replyMarkup as { force_reply?: boolean } | undefined)?.force_reply) {
      groupAsk = event.message.message_id;
    }
    if (event.type === "message" && event.message.photo) {
      const local = emulator.files.get(event.message.photo.at(-1)!.file_id)?.localPath;
      if (local) lastPhoto = local;
    }
    const rendered = renderEvent(event, { color, filePath });
    if ("chatId" in event && event.chatId !== undefined && rendered?.buttons) {
      const messageId = event.type === "message" || event.type === "edit" ? event.message.message_id : 0;
      const active = keyboards.get(event.chatId);
      if (rendered.buttons.length > 0) keyboards.set(event.chatId, { messageId, buttons: rendered.buttons });
      else if (active?.messageId === messageId) keyboards.delete(event.chatId);
    }
    if (event.type === "delete" && keyboards.get(event.chatId)?.messageId === event.messageId) keyboards.delete(event.chatId);
    if (!rendered || refusedToNobodyHere(event)) return;
    const chatId = "chatId" in event ? event.chatId : undefined;
    const elsewhere = chatId !== undefined && chatId !== viewedChat();
    const where = chatId === DEMO_GROUP.id ? `[in ${DEMO_GROUP.title}]` : `[to ${playerById(chatId ?? 0).firstName}]`;
    for (const line of rendered.lines) print(elsewhere ? `${dim(where, color)} ${line}` : line);
  });

  /**
   * The bot writes to the demo data's shop owners too (their daily
   * summaries), who never opened its chat: Telegram refuses each. The
   * emulator still records it; the terminal, which shows its own users'
   * chats, leaves it out.
   */
  function refusedToNobodyHere(event: BotEvent): boolean {
    if (event.type !== "api-error" || event.chatId === undefined || event.chatId === DEMO_GROUP.id) return false;
    return ![...players.values()].some((p) => p.id === event.chatId);
  }

  function playerById(id: number): Player {
    for (const p of players.values()) if (p.id === id) return p;
    return { key: String(id), id, firstName: String(id), role: "user" };
  }

  await app.bot.init();
  await app.bot.api.setMyCommands(app.bot.commandList("en"));
  await app.bot.api.setMyCommands(app.bot.commandList("zh"), { language_code: "zh" });
  await app.bot.api.setMyCommands(app.bot.groupCommandList("en"), { scope: { type: "all_group_chats" } });
  await app.bot.api.setMyCommands(app.bot.groupCommandList("zh"), { scope: { type: "all_group_chats" }, language_code: "zh" });
  let pollingFailure: unknown = null;
  // The same concurrent path as the real bot: the runner, the intake, sequentialize.
  const { ended } = await app.serve();
  const polling = ended.catch((error: unknown) => {
    pollingFailure = error;
    print(`💥 the bot stopped: ${(error as Error).message}`);
  });

  /**
   * Waits until the bot has handled everything sent so far. The emulator sees
   * an update confirmed as soon as the next poll leaves, which the runner
   * sends while the update is still being handled.
   */
  async function settle(): Promise<void> {
    await emulator.waitForIdle();
    await app.intake.idle();
    await emulator.waitForIdle();
  }
  await settle();

  /** A location the current user shares: in the group, as a reply to the bot's question there. */
  function shareLocation(lat: number, lng: number, what: string): void {
    if (!inGroup) {
      print(dim(`📍 you share ${what}`, color));
      emulator.sendLocation(current.id, lat, lng);
      return;
    }
    // A bot in privacy mode sees a group's pin only as a reply to its question.
    const unseen = groupAsk ? "" : " (the bot sees pins only as replies to its question: type /nearby or /vote first)";
    print(dim(`📍 you share ${what} in ${DEMO_GROUP.title}${groupAsk ? ", replying to the bot" : unseen}`, color));
    emulator.sendGroupLocation(current.id, DEMO_GROUP.id, lat, lng, groupAsk ? { replyTo: groupAsk } : {});
  }

  /** The current user votes in the newest poll of the group. */
  function vote(n: number): void {
    const poll = emulator.groupMessages(DEMO_GROUP.id).filter((m) => m.poll).at(-1);
    if (!poll?.poll) {
      print(`There is no poll in ${DEMO_GROUP.title} yet: type :group, then /vote.`);
      return;
    }
    if (!groupMembers.has(current.id)) {
      print(`${current.firstName} is not in ${DEMO_GROUP.title}: type :group first.`);
      return;
    }
    const option = poll.poll.options[n - 1];
    if (!option) {
      print(`The poll has options 1 to ${poll.poll.options.length}.`);
      return;
    }
    try {
      const counted = emulator.vote(current.id, DEMO_GROUP.id, poll.message_id, [n - 1]);
      print(dim(`🗳 you vote for ${n}. ${option.text} (votes now: ${counted.options.map((o) => o.voter_count).join(", ")})`, color));
    } catch (error) {
      print(`You can't vote: ${(error as Error).message}.`);
    }
  }

  function describe(p: Player): string {
    return `${p.firstName} (${p.role === "user" ? "new user" : p.role}, id ${p.id})`;
  }

  function placesList(): string[] {
    return DEMO_PLACES.map((p) => `  ${p.key.padEnd(16)} ${p.name} (${p.lat}, ${p.lng})`);
  }

  function findPlace(name: string) {
    const q = name.toLowerCase().replace(/\s+/g, "-");
    return (
      DEMO_PLACES.find((p) => p.key === q) ??
      DEMO_PLACES.find((p) => p.name.toLowerCase().replace(/\s+/g, "-").startsWith(q)) ??
      DEMO_PLACES.find((p) => p.key.includes(q) || p.name.toLowerCase().includes(name.toLowerCase()))
    );
  }

  async function pay(): Promise<void> {
    const invoice = emulator.lastInvoice(current.id);
    if (!invoice) {
      print("There is no invoice to pay in this chat.");
      return;
    }
    print(dim(`💳 paying ${formatAmount(invoice.totalAmount, invoice.currency)} for “${invoice.title}”…`, color));
    const result = await emulator.pay(current.id, { invoice });
    if (result.ok) print(dim(`✅ payment sent (charge ${result.telegramPaymentChargeId})`, color));
  }

  /** The Mini App's invoice (a link the app opened): paid through the same pre-checkout and payment. */
  async function payAppInvoice(): Promise<void> {
    const link = emulator.lastUnpaidLink();
    if (!link) {
      print("No invoice opened in the Mini App is waiting to be paid.");
      return;
    }
    print(dim(`💳 paying the Mini App's invoice ${link}…`, color));
    const result = await emulator.payLink(current.id, link);
    if (result.ok) print(dim(`✅ payment sent (charge ${result.telegramPaymentChargeId})`, color));
  }

  let closed = false;
  return {
    emulator,
    app,
    dir,
    get current() {
      return current;
    },
    get failures() {
      return botErrors + (pollingFailure ? 1 : 0);
    },
    prompt(): string {
      return inGroup ? `${current.key}@group> ` : `${current.key}> `;
    },
    banner(): string[] {
      return [
        `Nearbuy sandbox: the real bot, talking to a Bot API emulator at ${emulator.url}. No Telegram account needed.`,
        `Data: ${isPostgresUrl(databaseUrl) ? "PostgreSQL (DATABASE_URL)" : relative(dbFile)} · photos: ${relative(path.join(dir, "files"))} · log: ${relative(logFile)}`,
        `You are ${describe(current)}. Try /start, then :here times-square. Type :help for more.`,
      ];
    },
    /** Runs one typed line; false when the user asked to quit. */
    async execute(line: string): Promise<boolean> {
      if (pollingFailure) throw new Error("the bot is not running any more");
      const keyboard = keyboards.get(viewedChat());
      const input = parseInput(line);
      switch (input.kind) {
        case "empty":
        case "comment":
          return true;
        case "quit":
          return false;
        case "help": {
          HELP.forEach((l) => print(l));
          const commands = emulator.myCommands("default", "");
          if (commands.length) {
            print("");
            print("The bot's own commands:");
            commands.forEach((c) => print(`  /${c.command.padEnd(15)} ${c.description}`));
          }
          print("");
          print("Demo users: " + [...players.values()].filter((p) => p.role !== "user").map((p) => `${p.key} (${p.role})`).join(", "));
          print("Demo places: " + DEMO_PLACES.map((p) => p.key).join(", "));
          return true;
        }
        case "invalid":
          print(input.message);
          return true;
        case "text": {
          const reply = emulator.replyKeyboard(current.id);
          const locationButton = reply?.keyboard
            .flat()
            .find((b) => typeof b !== "string" && "request_location" in b && b.request_location && b.text === input.text);
          if (locationButton) {
            print("That button shares your location: type :here PLACE (e.g. :here times-square) or :loc LAT LNG.");
            return true;
          }
          if (inGroup) emulator.sendGroupText(current.id, DEMO_GROUP.id, input.text);
          else emulator.sendText(current.id, input.text);
          break;
        }
        case "press": {
          const button = keyboard?.buttons[input.n - 1];
          if (!button) {
            print(
              keyboard
                ? `There is no button [${input.n}]: the last buttons go from [1] to [${keyboard.buttons.length}].`
                : "There are no buttons to press in this chat.",
            );
            return true;
          }
          const b = button.button;
          if ("callback_data" in b) emulator.pressButton(current.id, keyboard!.messageId, b.callback_data, viewedChat());
          else if ("url" in b) print(`🔗 that button opens ${b.url}`);
          else if ("pay" in b) await pay();
          else if ("switch_inline_query_chosen_chat" in b) {
            // Telegram asks which chat, then types "@bot QUERY" there.
            const query = b.switch_inline_query_chosen_chat?.query ?? "";
            print(dim(`⌨ you pick a chat and Telegram types @${app.bot.botInfo.username} ${query} there`, color));
            lastInline = undefined;
            emulator.inlineQuery(current.id, query);
          }
          else print("That button opens something only a Telegram app can show.");
          break;
        }
        case "loc":
          shareLocation(input.lat, input.lng, `${input.lat}, ${input.lng}`);
          break;
        case "here": {
          const place = input.name ? findPlace(input.name) : undefined;
          if (!place) {
            print(input.name ? `No demo place called "${input.name}". The places are:` : "The demo places are:");
            placesList().forEach((l) => print(l));
            return true;
          }
          shareLocation(place.lat, place.lng, `your location: ${place.name} (${place.lat}, ${place.lng})`);
          break;
        }
        case "as": {
          const key = input.name.toLowerCase();
          let player = players.get(key) ?? [...players.values()].find((p) => p.firstName.toLowerCase() === key);
          if (!player) {
            const firstName = input.name.charAt(0).toUpperCase() + input.name.slice(1);
            const id = idForName(input.name);
            emulator.addUser({ id, firstName, languageCode: "en" });
            player = { key, id, firstName, role: "user" };
            players.set(key, player);
          }
          current = player;
          print(dim(`👤 you are now ${describe(current)}`, color));
          if (inGroup && !groupMembers.has(current.id)) {
            groupMembers.add(current.id);
            addToGroup();
            print(dim(`👥 ${current.firstName} joins ${DEMO_GROUP.title}`, color));
          }
          return true;
        }
        case "group": {
          groupMembers.add(current.id);
          addToGroup();
          inGroup = true;
          const friends = [...groupMembers].filter((id) => id !== current.id).map((id) => playerById(id).firstName);
          print(dim(`👥 you are in the group ${DEMO_GROUP.title} with ${friends.join(" and ")} and the bot: what you type goes there (/nearby, /vote; :private goes back)`, color));
          return true;
        }
        case "private":
          inGroup = false;
          print(dim(`💬 back in your private chat with the bot`, color));
          return true;
        case "vote":
          vote(input.n);
          break;
        case "pay":
          await (input.link ? payAppInvoice() : pay());
          break;
        case "app":
          print(`Open in a browser, as ${current.firstName} (the launch data is good for ${config.MINI_APP_MAX_AGE_SECONDS / 60} minutes):`);
          print(sandboxAppLink(miniAppUrl, emulator.user(current.id), SANDBOX_TOKEN, clock()));
          break;
        case "scan": {
          const link = lastPhoto ? scanQrFile(lastPhoto) : null;
          const payload = link ? startPayloadOf(link, app.bot.botInfo.username) : null;
          if (!payload) {
            print(lastPhoto ? "The last photo holds no link to this bot." : "The bot has sent no photo yet.");
            return true;
          }
          print(dim(`📷 you scan the QR code: ${link}`, color));
          emulator.sendText(current.id, `/start ${payload}`);
          break;
        }
        case "photo": {
          const file = path.resolve(input.path);
          if (!existsSync(file)) {
            print(`No file at ${input.path}.`);
            return true;
          }
          emulator.sendPhoto(current.id, file, input.caption);
          print(dim(`🖼 you send the photo ${input.path}`, color));
          break;
        }
        case "time":
          clockOffsetMs += input.ms;
          print(dim(`🕒 sandbox time: ${clock().toISOString().replace("T", " ").slice(0, 16)} UTC${clockOffsetMs ? ` (${formatOffset(clockOffsetMs)} ahead)` : ""}`, color));
          break;
        case "push": {
          const outcome = await app.jobs.runNow(PUSH_JOB);
          if (!outcome.ran) print(dim("⏳ the push job is running already; try again in a moment", color));
          else {
            const r = outcome.result as PushRunResult;
            print(dim(`🔔 push run: ${count(r.planned, "digest")} planned, ${r.sent} sent, ${r.blocked} to blocked users, ${r.failed} failed`, color));
          }
          break;
        }
        case "inline":
          // The bot falls back to the location the user last shared, as when Telegram sends none with the query.
          print(dim(`⌨ you type @${app.bot.botInfo.username} ${input.query} in a chat`, color));
          lastInline = undefined;
          emulator.inlineQuery(current.id, input.query);
          break;
        case "pick": {
          const result = lastInline?.userId === current.id ? lastInline.results[input.n - 1] : undefined;
          if (!result) {
            print(lastInline?.userId === current.id ? `There is no result ${input.n}.` : "Type :inline WORDS first.");
            return true;
          }
          emulator.chooseInlineResult(current.id, result.id, lastInline!.query);
          showSent(`result ${input.n}`, result);
          break;
        }
        case "share": {
          const prepared = emulator.preparedMessages(current.id).at(-1);
          if (!prepared) {
            print("Press Send to a friend on a deal's page in the app (:app) first.");
            return true;
          }
          const shared = emulator.sharePreparedMessage(current.id, prepared.id);
          if (!shared.ok) {
            print(`Telegram would not send it: ${shared.error}.`);
            return true;
          }
          showSent("the app's message", prepared.result);
          break;
        }
        case "remind": {
          const outcome = await app.jobs.runNow(REMINDERS_JOB);
          if (!outcome.ran) print(dim("⏳ the reminders job is running already; try again in a moment", color));
          else {
            const r = outcome.result as ReminderRunResult;
            print(dim(`⏰ reminders: ${r.saved} of saved deals, ${r.vouchers} of vouchers, ${r.blocked} to blocked users, ${r.failed} failed`, color));
          }
          break;
        }
        case "block":
          emulator.setBlocked(current.id, input.blocked);
          print(dim(input.blocked ? "🚫 you blocked the bot" : "✅ you unblocked the bot", color));
          break;
      }
      // Telegram closes polls whose time ran out (the sandbox clock may have moved).
      emulator.closeDuePolls();
      await settle();
      if (emulator.takeUnansweredCallbackQueries().length > 0) {
        print("⚠️ the bot did not answer the button press (in Telegram the button would keep spinning)");
      }
      return true;
    },
    async close(): Promise<void> {
      if (closed) return;
      closed = true;
      await app.close();
      await polling;
      await emulator.close();
    },
  };
}

/** "1 digest", "2 digests": the sandbox speaks English only. */
function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}

function formatOffset(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  const d = Math.floor(minutes / 1440);
  const h = Math.floor((minutes % 1440) / 60);
  const m = minutes % 60;
  return [d ? `${d}d` : "", h ? `${h}h` : "", m ? `${m}m` : ""].join("") || "0m";
}

export type Sandbox = Awaited<ReturnType<typeof createSandbox>>;

/**
 * The interactive chat on a terminal; with standard input not a terminal, the
 * same lines as a script, echoed, each run once the bot is idle again.
 */
export async function runSandbox(config: Config): Promise<void> {
  const interactive = Boolean(process.stdin.isTTY);
  const color = Boolean(process.stdout.isTTY);
  let rl: readline.Interface | undefined;
  const print = (line: string) => {
    if (rl && interactive) {
      readline.clearLine(process.stdout, 0);
      readline.cursorTo(process.stdout, 0);
    }
    process.stdout.write(`${line}\n`);
  };

  const sandbox = await createSandbox(config, { print, color });
  let stopping: Promise<void> | null = null;
  const stop = () => (stopping ??= sandbox.close());
  const onSignal = () => {
    print("");
    void stop().then(() => process.exit(sandbox.failures > 0 ? 1 : 0));
  };
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);

  sandbox.banner().forEach((l) => print(l));
  rl = readline.createInterface({ input: process.stdin, output: interactive ? process.stdout : undefined, terminal: interactive });
  if (interactive) {
    rl.on("SIGINT", onSignal);
    rl.setPrompt(sandbox.prompt());
    rl.prompt();
  }
  try {
    for await (const line of rl) {
      if (!interactive) {
        // A script's comments narrate the transcript; its blank lines only space the script.
        if (line.trim() === "") continue;
        print(line.trimStart().startsWith("#") ? dim(line, color) : `${sandbox.prompt()}${line}`);
      }
      let more = true;
      try {
        more = await sandbox.execute(line);
      } catch (error) {
        print(`⚠️ ${(error as Error).message}`);
        if (!interactive) process.exitCode = 1;
      }
      if (!more) break;
      if (interactive) {
        rl.setPrompt(sandbox.prompt());
        rl.prompt();
      }
    }
  } finally {
    rl.close();
    await stop();
  }
  if (sandbox.failures > 0) {
    print(`The bot failed ${count(sandbox.failures, "time")}; see ${path.relative(process.cwd(), path.join(sandbox.dir, "sandbox.log"))}.`);
    process.exitCode = 1;
  }
}
