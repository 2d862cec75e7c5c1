// The emulator is only worth something if a real grammY bot, long polling over
// HTTP, sees Telegram's behaviour through it: these tests drive one.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Bot, GrammyError, InlineKeyboard, InputFile, Keyboard } from "grammy";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { BotApiEmulator, type BotEvent } from "../../src/sandbox/bot-api-emulator.js";

const TOKEN = "1234567890:TEST-emulator-token-not-real-aaaaaaaaaa";
// 1×1 PNG
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
  "base64",
);

let dir: string;
let emulator: BotApiEmulator;
let bot: Bot;
let errors: unknown[];

function messages(chatId: number) {
  return emulator.events.filter((e): e is Extract<BotEvent, { type: "message" }> => e.type === "message" && e.chatId === chatId);
}

const USUAL_UPDATES = ["message", "edited_message", "callback_query", "pre_checkout_query", "my_chat_member"] as const;

type UpdateName = (typeof USUAL_UPDATES)[number] | "inline_query" | "chosen_inline_result" | "poll" | "poll_answer";

async function startBot(setup: (bot: Bot) => void, allowed: readonly UpdateName[] = USUAL_UPDATES) {
  bot = new Bot(TOKEN, { client: { apiRoot: emulator.url } });
  errors = [];
  bot.catch((err) => void errors.push(err.error));
  setup(bot);
  void bot.start({ allowed_updates: [...allowed] });
  await emulator.waitForIdle();
}

beforeEach(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "nearbuy-emulator-"));
  emulator = await new BotApiEmulator({ token: TOKEN, filesDir: path.join(dir, "files") }).start();
});

afterEach(async () => {
  if (bot?.isRunning()) await bot.stop();
  await emulator.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("a grammY bot long polling the emulator", () => {
  it("gets a /start command with its bot_command entity and its HTML reply arrives as text plus entities", async () => {
    await startBot((b) =>
      b.command("start", (ctx) =>
        ctx.reply(`Hi <b>${ctx.from!.first_name}</b> &amp; welcome`, {
          parse_mode: "HTML",
          reply_markup: new Keyboard().requestLocation("📍 Share location").resized(),
        }),
      ),
    );
    const ana = emulator.addUser({ firstName: "Ana", languageCode: "en" });
    emulator.sendText(ana.id, "/start");
    await emulator.waitForIdle();

    const [sent] = messages(ana.id);
    expect(sent?.message.text).toBe("Hi Ana & welcome");
    expect(sent?.message.entities).toEqual([{ type: "bold", offset: 3, length: 3 }]);
    expect(emulator.replyKeyboard(ana.id)?.keyboard[0]?.[0]).toMatchObject({ text: "📍 Share location", request_location: true });
    // Telegram returns only inline keyboards on the Message object.
    expect(sent?.message.reply_markup).toBeUndefined();
    expect(errors).toEqual([]);
  });

  it("delivers a button press as a callback query carrying the message, and edits replace the stored message", async () => {
    await startBot((b) => {
      b.command("menu", (ctx) => ctx.reply("Pick one", { reply_markup: new InlineKeyboard().text("Coffee", "pick:1").text("Tea", "pick:2") }));
      b.callbackQuery(/^pick:(\d)$/, async (ctx) => {
        await ctx.answerCallbackQuery({ text: "Noted" });
        await ctx.editMessageText(`You picked ${ctx.match[1]} (message ${ctx.callbackQuery.message?.message_id})`);
      });
    });
    const ana = emulator.addUser({ firstName: "Ana" });
    emulator.sendText(ana.id, "/menu");
    await emulator.waitForIdle();
    const menu = messages(ana.id)[0]!.message;

    emulator.pressButton(ana.id, menu.message_id, "pick:2");
    await emulator.waitForIdle();

    expect(emulator.events).toContainEqual(expect.objectContaining({ type: "callback-answer", text: "Noted", showAlert: false }));
    const edit = emulator.events.find((e) => e.type === "edit");
    expect(edit).toMatchObject({ type: "edit", message: { message_id: menu.message_id, text: `You picked 2 (message ${menu.message_id})` } });
    // Editing the text without reply_markup removes the inline keyboard, as in Telegram.
    expect(emulator.message(ana.id, menu.message_id)?.reply_markup).toBeUndefined();
    expect(() => emulator.pressButton(ana.id, menu.message_id, "pick:1")).toThrow(/no button/);
  });

  it("answers 'message is not modified' and 'message to edit not found' like Telegram", async () => {
    await startBot((b) => b.command("x", (ctx) => ctx.reply("same")));
    const ana = emulator.addUser({ firstName: "Ana" });
    emulator.sendText(ana.id, "/x");
    await emulator.waitForIdle();
    const sent = messages(ana.id)[0]!.message;

    const same = bot.api.editMessageText(ana.id, sent.message_id, "same");
    await expect(same).rejects.toMatchObject({ error_code: 400, description: expect.stringMatching(/^Bad Request: message is not modified/) });
    await expect(bot.api.editMessageText(ana.id, 999, "x")).rejects.toMatchObject({
      error_code: 400,
      description: "Bad Request: message to edit not found",
    });
    await bot.api.deleteMessage(ana.id, sent.message_id);
    expect(emulator.events).toContainEqual({ type: "delete", chatId: ana.id, messageId: sent.message_id });
    await expect(bot.api.deleteMessage(ana.id, sent.message_id)).rejects.toMatchObject({
      description: "Bad Request: message to delete not found",
    });
  });

  it("sends an album of up to 10 photos with their captions, and deletes no message older than 48 hours", async () => {
    let now = new Date("2026-05-04T09:00:00Z");
    await emulator.close();
    emulator = await new BotApiEmulator({ token: TOKEN, filesDir: path.join(dir, "files"), clock: () => now }).start();
    await startBot(() => undefined);
    const ana = emulator.addUser({ firstName: "Ana", started: true });
    const photo = (caption: string) => ({ type: "photo" as const, media: new InputFile(PNG), caption, parse_mode: "HTML" as const });
    const album = await bot.api.sendMediaGroup(ana.id, [photo("<b>one</b>"), photo("two"), photo("three")]);
    expect(album.map((m) => m.caption)).toEqual(["one", "two", "three"]);
    expect(new Set(album.map((m) => (m as { media_group_id?: string }).media_group_id)).size).toBe(1);
    const eleven = Array.from({ length: 11 }, (_, i) => photo(String(i)));
    await expect(bot.api.sendMediaGroup(ana.id, eleven)).rejects.toMatchObject({
      description: "Bad Request: too many messages to send as an album",
    });

    now = new Date(now.getTime() + 48 * 3600_000);
    await expect(bot.api.deleteMessage(ana.id, album[0]!.message_id)).rejects.toMatchObject({
      description: "Bad Request: message can't be deleted for everyone",
    });
  });

  it("refuses what Telegram refuses: bad HTML, long callback_data, long captions, empty text, unknown chats", async () => {
    await startBot(() => {});
    const ana = emulator.addUser({ firstName: "Ana" });
    emulator.sendText(ana.id, "hi");
    await emulator.waitForIdle();

    await expect(bot.api.sendMessage(ana.id, "a<br>b", { parse_mode: "HTML" })).rejects.toMatchObject({
      description: expect.stringMatching(/^Bad Request: can't parse entities: Unsupported start tag "br"/),
    });
    await expect(bot.api.sendMessage(ana.id, "<b>open", { parse_mode: "HTML" })).rejects.toMatchObject({
      description: `Bad Request: can't parse entities: Can't find end tag corresponding to start tag "b"`,
    });
    await expect(bot.api.sendMessage(ana.id, "1.5", { parse_mode: "MarkdownV2" })).rejects.toMatchObject({
      description: expect.stringContaining("Character '.' is reserved"),
    });
    await expect(
      bot.api.sendMessage(ana.id, "x", { reply_markup: new InlineKeyboard().text("x", "d".repeat(65)) }),
    ).rejects.toMatchObject({ description: "Bad Request: BUTTON_DATA_INVALID" });
    await expect(bot.api.sendMessage(ana.id, "x".repeat(4097))).rejects.toMatchObject({ description: "Bad Request: message is too long" });
    await expect(bot.api.sendMessage(ana.id, "  ")).rejects.toMatchObject({ description: "Bad Request: message text is empty" });
    await expect(bot.api.sendPhoto(ana.id, new InputFile(PNG), { caption: "c".repeat(1025) })).rejects.toMatchObject({
      description: "Bad Request: message caption is too long",
    });
    await expect(bot.api.sendMessage(42, "x")).rejects.toMatchObject({ error_code: 400, description: "Bad Request: chat not found" });
    const stranger = emulator.addUser({ firstName: "Never wrote" });
    await expect(bot.api.sendMessage(stranger.id, "x")).rejects.toMatchObject({ error_code: 403 });
    // The limit counts characters after entity parsing: 4096 visible characters with tags around them fit.
    await expect(bot.api.sendMessage(ana.id, `<b>${"x".repeat(4096)}</b>`, { parse_mode: "HTML" })).resolves.toBeTruthy();
  });

  it("delivers an inline query with its location and the chosen result, and takes one answer", async () => {
    const chosen: string[] = [];
    let queryId = "";
    await startBot(
      (b) => {
        b.on("inline_query", (ctx) => {
          queryId = ctx.inlineQuery.id;
          const { latitude } = ctx.inlineQuery.location ?? { latitude: 0 };
          return ctx.answerInlineQuery(
            [{ type: "article", id: "a1", title: `At ${latitude}`, input_message_content: { message_text: "<b>Pizza</b>", parse_mode: "HTML" } }],
            { cache_time: 5, is_personal: true, button: { text: "Open the bot", start_parameter: "inline" } },
          );
        });
        b.on("chosen_inline_result", (ctx) => void chosen.push(ctx.chosenInlineResult.result_id));
      },
      ["inline_query", "chosen_inline_result"],
    );
    const ana = emulator.addUser({ firstName: "Ana" });
    emulator.inlineQuery(ana.id, "pizza", { location: { latitude: 31.23, longitude: 121.47 } });
    await emulator.waitForIdle();
    const answer = emulator.events.find((e): e is Extract<BotEvent, { type: "inline-answer" }> => e.type === "inline-answer")!;
    expect(answer).toMatchObject({ userId: ana.id, query: "pizza", button: { text: "Open the bot", startParameter: "inline" } });
    expect(answer.results).toEqual([
      { id: "a1", type: "article", title: "At 31.23", description: "", text: "Pizza", entities: [{ type: "bold", offset: 0, length: 5 }] },
    ]);
    emulator.chooseInlineResult(ana.id, "a1", "pizza");
    await emulator.waitForIdle();
    expect(chosen).toEqual(["a1"]);
    // A second answer, or one to a query never sent, is too late.
    const tooOld = "Bad Request: query is too old and response timeout expired or query ID is invalid";
    await expect(bot.api.answerInlineQuery(queryId, [])).rejects.toMatchObject({ description: tooOld });
    await expect(bot.api.answerInlineQuery("12345", [])).rejects.toMatchObject({ description: tooOld });
  });

  it("refuses inline answers Telegram refuses: over 50 results, bad or repeated ids, a web_app button, a bad start parameter", async () => {
    const pending: string[] = [];
    await startBot((b) => b.on("inline_query", (ctx) => void pending.push(ctx.inlineQuery.id)), ["inline_query"]);
    const ana = emulator.addUser({ firstName: "Ana" });
    const article = (id: string, extra: object = {}) => ({ type: "article", id, title: "t", input_message_content: { message_text: "x" }, ...extra });
    const answer = async (results: unknown[], other: object = {}) => {
      emulator.inlineQuery(ana.id, "x");
      await emulator.waitForIdle();
      return bot.api.answerInlineQuery(pending.at(-1)!, results as never, other).then(
        () => "accepted",
        (e: GrammyError) => e.description,
      );
    };
    expect(await answer(Array.from({ length: 51 }, (_, i) => article(`r${i}`)))).toBe("Bad Request: RESULTS_TOO_MUCH");
    expect(await answer(Array.from({ length: 50 }, (_, i) => article(`r${i}`)))).toBe("accepted");
    expect(await answer([article("x".repeat(65))])).toBe("Bad Request: RESULT_ID_INVALID");
    expect(await answer([article("")])).toBe("Bad Request: RESULT_ID_INVALID");
    expect(await answer([article("same"), article("same")])).toBe("Bad Request: RESULT_ID_DUPLICATE");
    expect(await answer([article("w", { reply_markup: { inline_keyboard: [[{ text: "App", web_app: { url: "https://example.com" } }]] } })])).toBe(
      "Bad Request: BUTTON_TYPE_INVALID",
    );
    expect(await answer([article("h", { input_message_content: { message_text: "<b>x", parse_mode: "HTML" } })])).toMatch(/can't parse entities/);
    expect(await answer([], { button: { text: "Go", start_parameter: "no spaces allowed" } })).toBe("Bad Request: START_PARAM_INVALID");
    expect(await answer([], { button: { text: "Go", start_parameter: "inline" } })).toBe("accepted");
  });

  it("keeps a prepared message for its user only, refused as Telegram refuses it, and sends it into an allowed chat as an inline result", async () => {
    // A clock the test moves, to see the message expire.
    let now = new Date("2026-05-01T12:00:00Z");
    await emulator.close();
    emulator = await new BotApiEmulator({ token: TOKEN, filesDir: path.join(dir, "files"), clock: () => now }).start();
    const chosen: string[] = [];
    await startBot((b) => b.on("chosen_inline_result", (ctx) => void chosen.push(ctx.chosenInlineResult.result_id)), ["chosen_inline_result"]);
    const ana = emulator.addUser({ firstName: "Ana", started: true });
    const bea = emulator.addUser({ firstName: "Bea", started: true });
    const stranger = emulator.addUser({ firstName: "Never wrote" });
    const card = {
      type: "article",
      id: "s42",
      title: "Ramen · $9",
      input_message_content: { message_text: "<b>Ramen</b> for $9", parse_mode: "HTML" },
      reply_markup: { inline_keyboard: [[{ text: "See the deal", url: "https://t.me/nearbuy_sandbox_bot?start=d-1-s42" }]] },
    };
    const save = (userId: number, result: object, other: object = { allow_user_chats: true }) =>
      bot.api.savePreparedInlineMessage(userId, result as never, other).then(
        (prepared) => prepared,
        (e: GrammyError) => e.description,
      );

    expect(await save(0, card)).toBe("Bad Request: Invalid user_id specified");
    expect(await save(stranger.id, card)).toBe("Bad Request: USER_ID_INVALID");
    expect(await save(424242, card)).toBe("Bad Request: USER_ID_INVALID");
    expect(await save(ana.id, card, {})).toBe("Bad Request: At least one chat type must be allowed");
    expect(await save(ana.id, card, { allow_user_chats: false })).toBe("Bad Request: At least one chat type must be allowed");
    // The result is checked as an inline answer's.
    expect(await save(ana.id, { ...card, id: "x".repeat(65) })).toBe("Bad Request: RESULT_ID_INVALID");
    expect(await save(ana.id, { ...card, type: "sticker" })).toBe("Bad Request: RESULT_TYPE_INVALID");
    expect(await save(ana.id, { ...card, reply_markup: { inline_keyboard: [[{ text: "App", web_app: { url: "https://example.com" } }]] } })).toBe(
      "Bad Request: BUTTON_TYPE_INVALID",
    );
    expect(await save(ana.id, { ...card, input_message_content: { message_text: "<b>Ramen", parse_mode: "HTML" } })).toMatch(/can't parse entities/);
    expect(emulator.preparedMessages(ana.id)).toEqual([]);

    const prepared = await save(ana.id, card, { allow_user_chats: true, allow_group_chats: true });
    if (typeof prepared === "string") throw new Error(prepared);
    expect(prepared.expiration_date).toBe(now.getTime() / 1000 + 24 * 3600);
    expect(emulator.preparedMessages(ana.id)).toMatchObject([{ id: prepared.id, chatTypes: ["users", "groups"], result: { id: "s42", text: "Ramen for $9" } }]);

    // Only Ana may send it, and only where it is allowed.
    expect(emulator.sharePreparedMessage(bea.id, prepared.id)).toEqual({ ok: false, error: "UNKNOWN_ERROR" });
    expect(emulator.sharePreparedMessage(ana.id, "no-such-id")).toEqual({ ok: false, error: "UNKNOWN_ERROR" });
    expect(emulator.sharePreparedMessage(ana.id, prepared.id, { into: "channels" })).toEqual({ ok: false, error: "MESSAGE_SEND_FAILED" });
    const sent = emulator.sharePreparedMessage(ana.id, prepared.id, { into: "groups" });
    expect(sent).toMatchObject({
      ok: true,
      message: {
        from: { id: ana.id },
        chat: { type: "group" },
        via_bot: { username: emulator.me.username },
        text: "Ramen for $9",
        entities: [{ type: "bold", offset: 0, length: 5 }],
        reply_markup: card.reply_markup,
      },
    });
    await emulator.waitForIdle();
    // The client sends it as the inline result it is: the bot hears it was chosen.
    expect(chosen).toEqual(["s42"]);

    now = new Date(now.getTime() + 24 * 3600 * 1000);
    expect(emulator.sharePreparedMessage(ana.id, prepared.id)).toEqual({ ok: false, error: "MESSAGE_EXPIRED" });
    expect(errors).toEqual([]);
  });

  it("reads urlencoded bodies and query strings as well as JSON and multipart", async () => {
    const ana = emulator.addUser({ firstName: "Ana" });
    emulator.sendText(ana.id, "hi");
    const form = await fetch(`${emulator.url}/bot${TOKEN}/sendMessage`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        chat_id: String(ana.id),
        text: "<i>hello</i>",
        parse_mode: "HTML",
        reply_markup: JSON.stringify({ inline_keyboard: [[{ text: "Go", callback_data: "go" }]] }),
      }),
    });
    const sent = (await form.json()) as { ok: boolean; result: { text: string; reply_markup: unknown } };
    expect(sent).toMatchObject({ ok: true, result: { text: "hello", reply_markup: { inline_keyboard: [[{ text: "Go", callback_data: "go" }]] } } });
    const query = await fetch(`${emulator.url}/bot${TOKEN}/sendMessage?chat_id=${ana.id}&text=plain`);
    expect(await query.json()).toMatchObject({ ok: true, result: { text: "plain" } });
  });

  it("answers 404 for an unknown method and 401 for a wrong token", async () => {
    const unknown = await fetch(`${emulator.url}/bot${TOKEN}/sendTelepathy`, { method: "POST" });
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({ ok: false, error_code: 404, description: "Not Found" });
    const wrong = await fetch(`${emulator.url}/bot1:wrong/getMe`);
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toEqual({ ok: false, error_code: 401, description: "Unauthorized" });
  });

  it("stores an uploaded photo, serves it through getFile, and accepts its file_id again", async () => {
    await startBot((b) => b.command("pic", (ctx) => ctx.replyWithPhoto(new InputFile(PNG, "dot.png"), {
        caption: "<i>dot</i>",
        parse_mode: "HTML",
        reply_markup: new InlineKeyboard().text("Next", "next"),
      })));
    const ana = emulator.addUser({ firstName: "Ana" });
    emulator.sendText(ana.id, "/pic");
    await emulator.waitForIdle();

    const photo = messages(ana.id)[0]!.message;
    expect(photo.caption).toBe("dot");
    expect(photo.caption_entities).toEqual([{ type: "italic", offset: 0, length: 3 }]);
    // Multipart fields arrive as JSON text: the keyboard must survive the trip.
    expect(photo.reply_markup).toEqual({ inline_keyboard: [[{ text: "Next", callback_data: "next" }]] });
    const largest = photo.photo!.at(-1)!;
    expect(largest).toMatchObject({ width: 1, height: 1, file_size: PNG.length });
    const stored = emulator.files.get(largest.file_id)!;
    expect(readFileSync(stored.localPath!)).toEqual(PNG);

    const file = await bot.api.getFile(largest.file_id);
    const download = await fetch(`${emulator.url}/file/bot${TOKEN}/${file.file_path}`);
    expect(Buffer.from(await download.arrayBuffer())).toEqual(PNG);

    const again = await bot.api.sendPhoto(ana.id, largest.file_id);
    expect(again.photo!.at(-1)!.file_id).toBe(largest.file_id);
    await expect(bot.api.sendPhoto(ana.id, "no-such-file")).rejects.toMatchObject({
      description: "Bad Request: wrong file identifier/HTTP URL specified",
    });
  });

  it("gives the bot a user's photo, location, live location edits and venue", async () => {
    const seen: string[] = [];
    await startBot((b) => {
      b.on("message:photo", async (ctx) => {
        const file = await ctx.getFile();
        seen.push(`photo ${file.file_path}`);
      });
      b.on("edited_message:location", (ctx) => void seen.push(`moved ${ctx.editedMessage.location.latitude}`));
      b.on("message:venue", (ctx) => void seen.push(`venue ${ctx.message.venue.title}`));
      b.on("message:location", (ctx) => void seen.push(`at ${ctx.message.location.latitude} live ${ctx.message.location.live_period ?? 0}`));
    });
    const ana = emulator.addUser({ firstName: "Ana" });
    const pic = path.join(dir, "pic.png");
    writeFileSync(pic, PNG);
    emulator.sendPhoto(ana.id, pic);
    const live = emulator.sendLocation(ana.id, 31.2, 121.4, { livePeriod: 900 });
    emulator.editLiveLocation(ana.id, live.message_id, 31.3, 121.4);
    emulator.sendVenue(ana.id, { latitude: 31.2, longitude: 121.4, title: "People's Square", address: "Huangpu" });
    await emulator.waitForIdle();
    expect(seen).toEqual(["photo photos/file_1.png", "at 31.2 live 900", "moved 31.3", "venue People's Square"]);
  });

  it("runs the pre-checkout and successful-payment round trip with unique charge ids", async () => {
    const paid: string[] = [];
    await startBot((b) => {
      b.command("buy", (ctx) => ctx.replyWithInvoice("Two lattes", "For the price of one", "deal:7", "XTR", [{ label: "Lattes", amount: 50 }]));
      b.on("pre_checkout_query", (ctx) => ctx.answerPreCheckoutQuery(ctx.preCheckoutQuery.invoice_payload === "deal:7"));
      b.on("message:successful_payment", (ctx) => void paid.push(ctx.message.successful_payment.telegram_payment_charge_id));
    });
    const ana = emulator.addUser({ firstName: "Ana" });
    emulator.sendText(ana.id, "/buy");
    await emulator.waitForIdle();
    expect(emulator.lastInvoice(ana.id)).toMatchObject({ title: "Two lattes", currency: "XTR", totalAmount: 50 });

    const first = await emulator.pay(ana.id);
    const second = await emulator.pay(ana.id);
    await emulator.waitForIdle();
    expect(first.ok && second.ok).toBe(true);
    expect(paid).toHaveLength(2);
    expect(new Set(paid).size).toBe(2);

    await bot.api.refundStarPayment(ana.id, paid[0]!);
    await expect(bot.api.refundStarPayment(ana.id, paid[0]!)).rejects.toMatchObject({ description: "Bad Request: CHARGE_ALREADY_REFUNDED" });
  });

  it("tells the buyer why when the bot refuses the pre-checkout query", async () => {
    await startBot((b) => {
      b.command("buy", (ctx) => ctx.replyWithInvoice("Lattes", "Sold out soon", "deal:8", "XTR", [{ label: "Lattes", amount: 5 }]));
      b.on("pre_checkout_query", (ctx) => ctx.answerPreCheckoutQuery(false, { error_message: "Sold out" }));
    });
    const ana = emulator.addUser({ firstName: "Ana" });
    emulator.sendText(ana.id, "/buy");
    await emulator.waitForIdle();
    expect(await emulator.pay(ana.id)).toEqual({ ok: false, errorMessage: "Sold out" });
  });

  it("sends my_chat_member when a user blocks the bot, and then refuses messages with 403", async () => {
    const statuses: string[] = [];
    await startBot((b) => b.on("my_chat_member", (ctx) => void statuses.push(ctx.myChatMember.new_chat_member.status)));
    const ana = emulator.addUser({ firstName: "Ana" });
    emulator.sendText(ana.id, "hi");
    emulator.setBlocked(ana.id, true);
    await emulator.waitForIdle();
    expect(statuses).toEqual(["kicked"]);
    const error = await bot.api.sendMessage(ana.id, "promo").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GrammyError);
    expect(error).toMatchObject({ error_code: 403, description: "Forbidden: bot was blocked by the user" });
  });

  it("keeps setMyCommands per language", async () => {
    const api = new Bot(TOKEN, { client: { apiRoot: emulator.url } }).api;
    await api.setMyCommands([{ command: "start", description: "Start" }]);
    await api.setMyCommands([{ command: "start", description: "开始" }], { language_code: "zh" });
    expect(await api.getMyCommands({ language_code: "zh" })).toEqual([{ command: "start", description: "开始" }]);
    await expect(api.setMyCommands([{ command: "Bad-Name", description: "x" }])).rejects.toMatchObject({
      description: "Bad Request: BOT_COMMAND_INVALID",
    });
  });
});

describe("rate limiting, when switched on", () => {
  it("answers 429 with retry_after beyond the per-chat budget", async () => {
    const limited = await new BotApiEmulator({
      token: TOKEN,
      filesDir: path.join(dir, "files2"),
      rateLimit: { globalPerSecond: 30, perChatPerSecond: 1 },
    }).start();
    try {
      const api = new Bot(TOKEN, { client: { apiRoot: limited.url } }).api;
      const ana = limited.addUser({ firstName: "Ana" });
      limited.sendText(ana.id, "hi");
      await api.sendMessage(ana.id, "one");
      await expect(api.sendMessage(ana.id, "two")).rejects.toMatchObject({
        error_code: 429,
        parameters: { retry_after: 1 },
        description: "Too Many Requests: retry after 1",
      });
    } finally {
      await limited.close();
    }
  });
});

describe("groups and polls", () => {
  /** A group of Ana (its creator and admin) and Li, with the bot in it. */
  function lunchCrew() {
    const ana = emulator.addUser({ firstName: "Ana" });
    const li = emulator.addUser({ firstName: "Li" });
    const group = emulator.addGroup({ id: -1001234, title: "Lunch crew", members: [ana.id, li.id] });
    return { ana, li, group };
  }
  const refusal = (request: Promise<unknown>) => request.then(
    () => "sent",
    (error: GrammyError) => error.description,
  );

  it("gives a bot in privacy mode only the group's commands and the replies to its own messages", async () => {
    const seen: string[] = [];
    await startBot((b) => {
      b.command("nearby", (ctx) => ctx.reply("Reply with a location", { reply_markup: { force_reply: true } }));
      b.on("message", (ctx) => void seen.push(ctx.message.text ?? (ctx.message.location ? "location" : "?")));
    });
    const { ana, group } = lunchCrew();
    emulator.sendGroupText(ana.id, group.id, "hello everyone");
    emulator.sendGroupText(ana.id, group.id, "/nearby");
    await emulator.waitForIdle();
    const ask = emulator.groupMessages(group.id).find((m) => m.from?.id === emulator.me.id)!;
    emulator.sendGroupLocation(ana.id, group.id, 31.23, 121.47);
    emulator.sendGroupLocation(ana.id, group.id, 31.23, 121.47, { replyTo: ask.message_id });
    await emulator.waitForIdle();
    expect(seen).toEqual(["location"]);
    expect(emulator.groupMessages(group.id).map((m) => m.text ?? "location")).toEqual([
      "hello everyone",
      "/nearby",
      "Reply with a location",
      "location",
      "location",
    ]);
  });

  it("sends a poll, delivers each vote as poll_answer and poll updates, and stopPoll closes it once", async () => {
    const answers: [number, number[]][] = [];
    const states: { counts: number[]; closed: boolean }[] = [];
    await startBot(
      (b) => {
        b.command("vote", (ctx) =>
          ctx.replyWithPoll("Where for lunch?", [{ text: "Noodles" }, { text: "Pizza" }], { is_anonymous: false, open_period: 3600 }),
        );
        b.on("poll_answer", (ctx) => void answers.push([ctx.pollAnswer.user!.id, ctx.pollAnswer.option_ids]));
        b.on("poll", (ctx) => void states.push({ counts: ctx.poll.options.map((o) => o.voter_count), closed: ctx.poll.is_closed }));
      },
      ["message", "poll", "poll_answer"],
    );
    const { ana, li, group } = lunchCrew();
    emulator.sendGroupText(ana.id, group.id, "/vote");
    await emulator.waitForIdle();
    const sent = emulator.groupMessages(group.id).find((m) => m.poll)!;
    expect(sent.poll).toMatchObject({ question: "Where for lunch?", is_anonymous: false, is_closed: false, open_period: 3600 });
    emulator.vote(li.id, group.id, sent.message_id, [1]);
    emulator.vote(ana.id, group.id, sent.message_id, [0]);
    emulator.vote(ana.id, group.id, sent.message_id, [1]);
    await emulator.waitForIdle();
    expect(answers).toEqual([[li.id, [1]], [ana.id, [0]], [ana.id, [1]]]);
    expect(states.map((s) => s.counts)).toEqual([[0, 1], [1, 1], [0, 2]]);

    const stopped = await bot.api.stopPoll(group.id, sent.message_id);
    expect(stopped).toMatchObject({ is_closed: true, total_voter_count: 2, options: [{ text: "Noodles", voter_count: 0 }, { text: "Pizza", voter_count: 2 }] });
    await emulator.waitForIdle();
    expect(states.at(-1)).toEqual({ counts: [0, 2], closed: true });
    expect(await refusal(bot.api.stopPoll(group.id, sent.message_id))).toBe("Bad Request: poll has already been closed");
    expect(() => emulator.vote(li.id, group.id, sent.message_id, [0])).toThrow("the poll is closed");
    expect(errors).toEqual([]);
  });

  it("closes a poll when its open_period runs out, as Telegram does, and tells the bot", async () => {
    await emulator.close();
    let now = new Date("2026-05-04T09:00:00Z");
    emulator = await new BotApiEmulator({ token: TOKEN, filesDir: path.join(dir, "files"), clock: () => now }).start();
    const closed: boolean[] = [];
    await startBot((b) => b.on("poll", (ctx) => void closed.push(ctx.poll.is_closed)), ["message", "poll"]);
    const { ana, group } = lunchCrew();
    emulator.sendText(ana.id, "hi");
    await bot.api.sendPoll(group.id, "Lunch?", ["A", "B"], { open_period: 600 });
    now = new Date(now.getTime() + 599_000);
    expect(emulator.closeDuePolls()).toEqual([]);
    now = new Date(now.getTime() + 1_000);
    expect(emulator.closeDuePolls().map((p) => p.is_closed)).toEqual([true]);
    await emulator.waitForIdle();
    expect(closed).toEqual([true]);
  });

  it("refuses what Telegram refuses in sendPoll and stopPoll", async () => {
    await startBot(() => undefined);
    const { ana, group } = lunchCrew();
    const send = (question: string, options: string[], other: Parameters<Bot["api"]["sendPoll"]>[3] = {}) =>
      refusal(bot.api.sendPoll(group.id, question, options, other));
    expect(await send(" ", ["A", "B"])).toBe("Bad Request: text must be non-empty");
    expect(await send("Q".repeat(301), ["A", "B"])).toBe("Bad Request: poll question length must not exceed 300");
    expect(await send("Q", [])).toBe("Bad Request: poll must have at least one answer option");
    expect(await send("Q", Array.from({ length: 13 }, (_, i) => `Option ${i + 1}`))).toBe("Bad Request: poll can't have more than 12 options");
    expect(await send("Q", ["A", " "])).toBe("Bad Request: text must be non-empty");
    expect(await send("Q", ["A", "x".repeat(101)])).toBe("Bad Request: poll options length must not exceed 100");
    // Telegram counts characters, not UTF-16 units.
    expect(await send("Q", ["A", "🦄".repeat(100)])).toBe("sent");
    expect(await send("Q", ["A", "B"], { open_period: 4 })).toBe("Bad Request: POLL_OPEN_PERIOD_INVALID");
    expect(await send("Q", ["A", "B"], { open_period: 2_628_001 })).toBe("Bad Request: POLL_OPEN_PERIOD_INVALID");
    expect(await send("Q", ["A", "B"], { close_date: Math.floor(Date.now() / 1000) + 2 })).toBe("Bad Request: POLL_CLOSE_DATE_INVALID");
    expect(await send("Q", ["A", "B"], { open_period: 60, close_date: Math.floor(Date.now() / 1000) + 60 })).toBe(
      "Bad Request: can't use open_period and close_date together",
    );
    expect(await refusal(bot.api.sendPoll(-999, "Q", ["A", "B"]))).toBe("Bad Request: chat not found");
    // A private chat takes polls, anonymous or not, once the user has written.
    emulator.sendText(ana.id, "hi");
    expect(await refusal(bot.api.sendPoll(ana.id, "Q", ["A", "B"], { is_anonymous: false }))).toBe("sent");

    const text = await bot.api.sendMessage(group.id, "Not a poll");
    expect(await refusal(bot.api.stopPoll(group.id, text.message_id))).toBe("Bad Request: message is not a poll");
    const members = emulator.sendGroupText(ana.id, group.id, "/poll");
    expect(await refusal(bot.api.stopPoll(group.id, members.message_id))).toBe("Bad Request: message with poll to stop not found");
    expect(await refusal(bot.api.stopPoll(group.id, 9999))).toBe("Bad Request: message with poll to stop not found");
  });

  it("says who administers a group", async () => {
    await startBot(() => undefined);
    const { ana, li, group } = lunchCrew();
    expect((await bot.api.getChatMember(group.id, ana.id)).status).toBe("administrator");
    expect((await bot.api.getChatMember(group.id, li.id)).status).toBe("member");
    expect((await bot.api.getChatMember(group.id, 42)).status).toBe("left");
  });
});
