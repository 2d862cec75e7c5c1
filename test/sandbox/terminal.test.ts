// What a sandbox user reads and types: rendering of the bot's messages and
// parsing of typed lines.
import type { Message } from "grammy/types";
import { describe, expect, it } from "vitest";
import { parseInput, parseTimeShift, renderEntities, renderEvent } from "../../src/sandbox/terminal.js";

const chat = { id: 1, type: "private" as const, first_name: "Ana" };
const bot = { id: 9, is_bot: true as const, first_name: "Nearbuy" };
const base = { message_id: 5, date: 0, chat, from: bot };

describe("rendering the bot's messages", () => {
  it("shows bold with ANSI on a terminal and as plain text in a transcript, strikethrough kept readable", () => {
    const entities = [
      { type: "bold" as const, offset: 0, length: 5 },
      { type: "strikethrough" as const, offset: 6, length: 3 },
    ];
    expect(renderEntities("Latte $10 now", entities, true)).toBe("\x1b[1mLatte\x1b[22m \x1b[9m$10\x1b[29m now");
    expect(renderEntities("Latte $10 now", entities, false)).toBe("Latte ~~$10~~ now");
  });

  it("keeps a link's URL visible", () => {
    expect(renderEntities("see map", [{ type: "text_link", offset: 4, length: 3, url: "https://m.example" }], false)).toBe(
      "see map (https://m.example)",
    );
  });

  it("numbers inline buttons across rows and prints URL buttons with their address", () => {
    const message = {
      ...base,
      text: "3 deals",
      reply_markup: {
        inline_keyboard: [
          [{ text: "Coffee", callback_data: "d:1" }, { text: "Tea", callback_data: "d:2" }],
          [{ text: "Map", url: "https://maps.example/x" }],
        ],
      },
    } as Message;
    const out = renderEvent({ type: "message", chatId: 1, message }, { color: false })!;
    expect(out.lines).toEqual(["🤖 3 deals", "   [1] Coffee   [2] Tea", "   [3] Map ↗ https://maps.example/x"]);
    expect(out.buttons?.map((b) => b.n)).toEqual([1, 2, 3]);
  });

  it("lists a reply keyboard and says how to answer a location request", () => {
    const message = { ...base, text: "Hi" } as Message;
    const replyMarkup = { keyboard: [[{ text: "📍 Share location", request_location: true }]] };
    const out = renderEvent({ type: "message", chatId: 1, message, replyMarkup }, { color: false })!;
    expect(out.lines.at(-1)).toBe("   ⌨ keyboard: « 📍 Share location » → :here PLACE or :loc LAT LNG");
  });

  it("shows photos as a file path, pins as coordinates, venues with their name, invoices as a summary", () => {
    const photo = { ...base, photo: [{ file_id: "F", file_unique_id: "U", width: 1, height: 1 }], caption: "Pizza" } as Message;
    expect(renderEvent({ type: "message", chatId: 1, message: photo }, { color: false, filePath: () => "data/sandbox/files/photos/file_1.jpg" })!.lines).toEqual([
      "🤖 🖼 photo: data/sandbox/files/photos/file_1.jpg",
      "   Pizza",
    ]);
    const pin = { ...base, location: { latitude: 40.7, longitude: -73.9 } } as Message;
    expect(renderEvent({ type: "message", chatId: 1, message: pin }, { color: false })!.lines).toEqual(["🤖 📍 40.7, -73.9"]);
    const venue = {
      ...base,
      location: { latitude: 40.7, longitude: -73.9 },
      venue: { location: { latitude: 40.7, longitude: -73.9 }, title: "Joe's", address: "212 Bedford Ave" },
    } as Message;
    expect(renderEvent({ type: "message", chatId: 1, message: venue }, { color: false })!.lines).toEqual([
      "🤖 📍 40.7, -73.9 (Joe's, 212 Bedford Ave)",
    ]);
    const invoice = {
      ...base,
      invoice: { title: "Garlic knots", description: "For two", start_parameter: "", currency: "USD", total_amount: 450 },
    } as Message;
    expect(renderEvent({ type: "message", chatId: 1, message: invoice }, { color: false })!.lines).toEqual([
      "🤖 🧾 Invoice: Garlic knots",
      "   For two",
      "   Total: 4.50 USD · type :pay to pay",
    ]);
  });

  it("marks edits, and an edit without a keyboard clears the numbered buttons", () => {
    const out = renderEvent({ type: "edit", chatId: 1, message: { ...base, text: "Done" } as Message }, { color: false })!;
    expect(out.lines).toEqual(["🤖 (edited) Done"]);
    expect(out.buttons).toEqual([]);
  });

  it("makes Bot API errors and alerts visible", () => {
    expect(renderEvent({ type: "api-error", method: "sendMessage", code: 400, description: "Bad Request: message is too long" }, { color: false })!.lines).toEqual([
      "⚠️ Bot API error in sendMessage: 400 Bad Request: message is too long",
    ]);
    expect(renderEvent({ type: "callback-answer", chatId: 1, queryId: "q", text: "Sold out", showAlert: true }, { color: false })!.lines).toEqual([
      "⚠️ alert: Sold out",
    ]);
  });
});

describe("parsing typed lines", () => {
  it("presses a button only when asked in brackets; a plain number is text for the bot", () => {
    expect(parseInput("[2]")).toEqual({ kind: "press", n: 2 });
    expect(parseInput(" [ 12 ] ")).toEqual({ kind: "press", n: 12 });
    expect(parseInput("3")).toEqual({ kind: "text", text: "3" });
    expect(parseInput(":say [2]")).toEqual({ kind: "text", text: "[2]" });
  });

  it("parses the sandbox commands apart from the bot's own", () => {
    expect(parseInput("/start")).toEqual({ kind: "text", text: "/start" });
    expect(parseInput(":loc 31.23, 121.47")).toEqual({ kind: "loc", lat: 31.23, lng: 121.47 });
    expect(parseInput(":loc 91 0").kind).toBe("invalid");
    expect(parseInput(":here times square")).toEqual({ kind: "here", name: "times square" });
    expect(parseInput(":as joe")).toEqual({ kind: "as", name: "joe" });
    expect(parseInput(":photo ./a.jpg Fresh pizza")).toEqual({ kind: "photo", path: "./a.jpg", caption: "Fresh pizza" });
    expect(parseInput(":time +2h")).toEqual({ kind: "time", ms: 7_200_000 });
    expect(parseInput(":share")).toEqual({ kind: "share" });
    expect(parseInput(":share 2").kind).toBe("invalid");
    expect(parseInput(":nope")).toEqual({ kind: "invalid", message: "Unknown sandbox command :nope. Type :help." });
    expect(parseInput("# a comment")).toEqual({ kind: "comment" });
  });

  it("moves time only forward, in minutes, hours and days", () => {
    expect(parseTimeShift("+30m")).toBe(1_800_000);
    expect(parseTimeShift("+1d6h")).toBe(108_000_000);
    expect(parseTimeShift("-1h")).toBeNull();
    expect(parseTimeShift("2h")).toBeNull();
  });
});
