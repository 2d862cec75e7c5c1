// Registering a shop: the guided form, the one-line form, and every way out of it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { button, buttonTexts, callbackAnswer, createHarness, lastShown, only, replyKeyboard, shown } from "../support/bot-harness.js";

const CATEGORY_BUTTONS = [
  "🍜 Food", "☕ Cafés & drinks",
  "💇 Beauty", "🏋️ Fitness",
  "🎳 Fun", "🛍 Shopping",
  "🧺 Services", "🏨 Hotels",
];

describe("registering a shop", () => {
  let h: ReturnType<typeof createHarness>;
  beforeAll(() => {
    h = createHarness();
  });
  afterAll(() => h.close());

  const shopOf = (id: number) => h.db.repos.shops.findByOwner(BigInt(id));
  const stepOf = async (id: number) => (await h.db.repos.forms.get(BigInt(id)))?.step;

  it("guides through name, category, location, address and hours, and approves at once without operators", async () => {
    const joe = h.user({ id: 401, firstName: "Joe", languageCode: "en" });
    const name = only(await joe.send("/register"));
    expect(name.text).toBe("🏪 Let's put your shop on the map. What is its name? (up to 64 characters)");
    expect(buttonTexts(name)).toEqual(["✖ Cancel"]);

    const category = only(await joe.send("Joe's Noodles"));
    expect(category.text).toBe("Which category fits best?");
    expect(buttonTexts(category)).toEqual([...CATEGORY_BUTTONS, "◀ Back", "✖ Cancel"]);

    const picked = await joe.press(button(category, "🍜 Food"));
    expect(callbackAnswer(picked).alert).toBe(false);
    const location = only(picked);
    expect(location.text).toBe("📍 Where is it? Share its location (📎 → Location) or send \"latitude, longitude\".");
    expect(buttonTexts(location)).toEqual(["◀ Back", "✖ Cancel"]);

    // The location answers the form: no nearby list.
    const address = only(await joe.location(31.2335, 121.4855));
    expect(address.text).toBe("✉️ The street address, as customers should read it:");
    expect(buttonTexts(address)).toEqual(["◀ Back", "✖ Cancel"]);

    const hours = only(await joe.send("  12 Fuzhou Road,   Huangpu "));
    expect(hours.text).toMatch(/^🕘 Opening hours/);

    const currency = only(await joe.send("Mon–Sun 10:00–22:00"));
    expect(currency.text).toBe(
      "💱 Prices at this shop: Chinese Yuan (CNY), the currency where it stands. Keep it, pick another, or send a three-letter code such as EUR.",
    );
    expect(buttonTexts(currency)).toEqual(["✅ Keep CNY", "USD", "EUR", "JPY", "GBP", "HKD", "SGD", "◀ Back", "✖ Cancel"]);

    const done = only(await joe.press(button(currency, "✅ Keep CNY")));
    expect(done.text).toBe("✅ Joe's Noodles is registered. Post your first offer with /newdeal.");
    expect(replyKeyboard(done)?.keyboard.flat()).toEqual([{ text: "📍 Share location", request_location: true }]);

    expect(await shopOf(401)).toMatchObject({
      name: "Joe's Noodles",
      category: "food",
      lat: 31.2335,
      lng: 121.4855,
      address: "12 Fuzhou Road, Huangpu",
      openingHours: "Mon–Sun 10:00–22:00",
      status: "APPROVED",
      currency: "CNY",
    });
    expect(await stepOf(401)).toBeUndefined();
  });

  it("asks in Chinese for a Chinese user", async () => {
    const li = h.user({ id: 402, firstName: "李", languageCode: "zh-hans" });
    const name = only(await li.send("/register"));
    expect(name.text).toBe("🏪 来登记你的店铺吧。店名是什么？（最多 64 个字符）");
    expect(buttonTexts(name)).toEqual(["✖ 取消"]);
    const category = only(await li.send("老李面馆"));
    expect(buttonTexts(category)).toContain("🍜 美食");
    expect(buttonTexts(category).slice(-2)).toEqual(["◀ 上一步", "✖ 取消"]);
    const cancelled = only(await li.press(button(category, "✖ 取消")));
    expect(cancelled.text).toBe("已取消，没有保存任何内容。");
  });

  it("takes the category typed as text as well as tapped", async () => {
    const kay = h.user({ id: 403, firstName: "Kay", languageCode: "en" });
    await kay.send("/register");
    await kay.send("Kay's Gym");
    expect(only(await kay.send(" Fitness ")).text).toMatch(/^📍 Where is it\?/);
    expect((await h.db.repos.forms.get(403n))?.data).toMatchObject({ name: "Kay's Gym", category: "fitness" });
    await kay.send("/cancel");
  });

  it("accepts coordinates typed as text", async () => {
    const lou = h.user({ id: 404, firstName: "Lou", languageCode: "en" });
    await lou.send("/register");
    await lou.send("Lou's Laundry");
    await lou.press("form:pick:services");
    expect(only(await lou.send("31.2304, 121.4737")).text).toMatch(/^✉️ The street address/);
    expect((await h.db.repos.forms.get(404n))?.data).toMatchObject({ lat: 31.2304, lng: 121.4737 });
    await lou.send("/cancel");
  });

  it("suggests a venue's address at the address step", async () => {
    const max = h.user({ id: 405, firstName: "Max", languageCode: "en" });
    await max.send("/register");
    await max.send("Max Bowling");
    await max.press("form:pick:fun");
    const address = only(await max.venue(31.24, 121.49, "Max Bowling", "1 Bund Road"));
    expect(address.text).toBe("✉️ The street address, as customers should read it:\n\n1 Bund Road");
    expect(only(await max.send("1 Bund Road, Huangpu")).text).toMatch(/^🕘 Opening hours/);
    await max.send("10–22");
    only(await max.press("form:pick:CNY"));
    expect(await shopOf(405)).toMatchObject({ name: "Max Bowling", address: "1 Bund Road, Huangpu", lat: 31.24, lng: 121.49 });
  });

  it("reminds that the address is needed when Skip is sent at the address step", async () => {
    const ned = h.user({ id: 406, firstName: "Ned", languageCode: "en" });
    await ned.send("/register");
    await ned.send("Ned's Nails");
    await ned.press("form:pick:beauty");
    await ned.location(31.22, 121.46);
    expect(only(await ned.send("/skip")).text).toBe("Please answer with text.");
    expect(callbackAnswer(await ned.press("form:skip")).alert).toBe(false);
    expect(await stepOf(406)).toBe("address");
    await ned.send("/cancel");
  });

  it("takes the one-line form and asks only for the hours and the currency", async () => {
    const olga = h.user({ id: 407, firstName: "Olga", languageCode: "en" });
    const hours = only(await olga.send("/register Olga's Café | cafe | 31.23,121.47 | Some Rd 1"));
    expect(hours.text).toMatch(/^🕘 Opening hours/);
    expect(buttonTexts(hours)).toEqual(["◀ Back", "✖ Cancel"]);
    expect(only(await olga.send("8–18")).text).toMatch(/^💱 Prices at this shop: Chinese Yuan \(CNY\)/);
    const done = only(await olga.press("form:pick:CNY"));
    expect(done.text).toBe("✅ Olga's Café is registered. Post your first offer with /newdeal.");
    expect(await shopOf(407)).toMatchObject({
      name: "Olga's Café",
      category: "cafe",
      lat: 31.23,
      lng: 121.47,
      address: "Some Rd 1",
      openingHours: "8–18",
      status: "APPROVED",
    });
  });

  it("says how the one-line form goes when it has the wrong number of parts", async () => {
    const pat = h.user({ id: 408, firstName: "Pat", languageCode: "en" });
    const help = only(await pat.send("/register Pat's Pies | food | 31.23,121.47"));
    expect(help.text).toBe(
      "Use: /register Shop name | category | latitude,longitude | address, with a category among: food, cafe, beauty, fitness, fun, retail, services, hotel. Or just send /register to be guided.",
    );
    expect(await stepOf(408)).toBeUndefined();
  });

  it("refuses an unknown category, in the one-line form and in the guided one", async () => {
    const quinn = h.user({ id: 409, firstName: "Quinn", languageCode: "en" });
    expect(only(await quinn.send("/register Q | pizza | 31.23,121.47 | Some Rd 1")).text).toBe(
      "Please pick one of the categories.",
    );
    expect(await shopOf(409)).toBeNull();

    await quinn.send("/register");
    await quinn.send("Quinn's Pizza");
    expect(only(await quinn.send("pizza")).text).toBe("Please pick one of the categories.");
    expect(await stepOf(409)).toBe("category");
    // A forged category button gets the same answer, as an alert.
    const forged = await quinn.press("form:pick:pizza");
    expect(callbackAnswer(forged)).toEqual({ text: "Please pick one of the categories.", alert: true });
    expect(await stepOf(409)).toBe("category");
    await quinn.send("/cancel");
  });

  it("refuses coordinates out of range and keeps asking for the location", async () => {
    const rae = h.user({ id: 410, firstName: "Rae", languageCode: "en" });
    const oneLine = only(await rae.send("/register Rae | food | 91,0 | Some Rd 1"));
    expect(oneLine.text).toMatch(/^📍 Those coordinates are not valid: latitude must be between -90 and 90/);

    await rae.send("/register");
    await rae.send("Rae's Ramen");
    await rae.press("form:pick:food");
    for (const typed of ["91,0", "0, 181"]) {
      expect(only(await rae.send(typed)).text).toMatch(/^📍 Those coordinates are not valid/);
      expect(await stepOf(410)).toBe("location");
    }
    // An address is what a new merchant types first: they are told how to send the place instead.
    expect(only(await rae.send("100 Bedford Ave, Brooklyn")).text).toBe(
      '📍 I need the place on the map, not its address: tap 📎 → Location and drop the pin on it, or send its coordinates, e.g. "31.2304, 121.4737" (a map app shows them when you long-press the place).',
    );
    expect(await stepOf(410)).toBe("location");
    const photo = only(await rae.photo("AgACphoto"));
    expect(photo.text).toBe('Please share the shop\'s location: tap 📎 → Location, or send "latitude, longitude".');
    expect(await shopOf(410)).toBeNull();
    await rae.send("/cancel");
  });

  it("refuses a 4000-character name clearly, keeps the step and writes nothing", async () => {
    const sam = h.user({ id: 411, firstName: "Sam", languageCode: "en" });
    await sam.send("/register");
    const reply = only(await sam.send("N".repeat(4000)));
    expect(reply.text).toBe("That's too long: at most 64 characters, please.");
    expect(await h.db.repos.forms.get(411n)).toMatchObject({ form: "register", step: "name", data: {} });
    expect(await shopOf(411)).toBeNull();
    // The step is still open: a good name moves on.
    expect(only(await sam.send("Sam's")).text).toBe("Which category fits best?");
    await sam.send("/cancel");
  });

  it("asks for text when the name step gets a photo", async () => {
    const tom = h.user({ id: 412, firstName: "Tom", languageCode: "en" });
    await tom.send("/register");
    expect(only(await tom.photo("AgACphoto")).text).toBe("Please answer with text.");
    expect(await stepOf(412)).toBe("name");
    await tom.send("/cancel");
  });

  it("goes back a step with Back, keeping what was typed", async () => {
    const uma = h.user({ id: 413, firstName: "Uma", languageCode: "en" });
    await uma.send("/register");
    const category = only(await uma.send("Uma's"));
    const name = only(await uma.press(button(category, "◀ Back")));
    expect(name.text).toMatch(/^🏪 Let's put your shop on the map/);
    expect(await stepOf(413)).toBe("name");
    expect(only(await uma.send("Uma's Udon")).text).toBe("Which category fits best?");
    const location = only(await uma.press("form:pick:food"));
    const back = only(await uma.press(button(location, "◀ Back")));
    expect(back.text).toBe("Which category fits best?");
    expect((await h.db.repos.forms.get(413n))?.data).toMatchObject({ name: "Uma's Udon", category: "food" });
    await uma.send("/cancel");
  });

  it("cancels with the Cancel button, and the next message is not taken as an answer", async () => {
    const vic = h.user({ id: 414, firstName: "Vic", languageCode: "en" });
    await vic.send("/register");
    const category = only(await vic.send("Vic's"));
    const calls = await vic.press(button(category, "✖ Cancel"));
    const cancelled = only(calls);
    expect(cancelled.text).toBe("Cancelled. Nothing was saved.");
    expect(replyKeyboard(cancelled)?.keyboard.flat()).toEqual([{ text: "📍 Share location", request_location: true }]);
    expect(await stepOf(414)).toBeUndefined();
    // Read as a request for deals, not as the shop's category.
    expect(only(await vic.send("food")).text).toMatch(/^🔎 I understood: 🍜 Food\n/);
    // The old form's buttons are dead now.
    expect(callbackAnswer(await vic.press(button(category, "🍜 Food")))).toEqual({
      text: "This button is no longer valid. Please start again.",
      alert: true,
    });
    expect(await shopOf(414)).toBeNull();
  });

  it("cancels with /cancel", async () => {
    const wes = h.user({ id: 415, firstName: "Wes", languageCode: "en" });
    await wes.send("/register");
    await wes.send("Wes's");
    expect(only(await wes.send("/cancel")).text).toBe("Cancelled. Nothing was saved.");
    expect(await stepOf(415)).toBeUndefined();
  });

  it("leaves the form when another command comes, and runs that command", async () => {
    const xan = h.user({ id: 416, firstName: "Xan", languageCode: "en" });
    await xan.send("/register");
    await xan.send("Xan's");
    const calls = shown(await xan.send("/nearby"));
    expect(calls.map((c) => c.text)).toEqual([
      "(You left the shop registration form; nothing was saved.)",
      "Share your location with the button below (or send a venue) and I'll show deals nearby.",
    ]);
    expect(await stepOf(416)).toBeUndefined();
    // A location now gets the nearby list, not the form.
    expect(lastShown(await xan.location(31.2304, 121.4737)).text).toBe(
      "😶 No deals within 5 km · All categories.\nTry a wider radius:",
    );
  });

  it("leaves the form on /start too, which then answers as usual", async () => {
    const yue = h.user({ id: 417, firstName: "Yue", languageCode: "en" });
    const usual = shown(await yue.send("/start")).map((c) => c.text);
    await yue.send("/register");
    await yue.send("Yue's");
    const [left, ...answer] = shown(await yue.send("/start")).map((c) => c.text);
    expect(left).toBe("(You left the shop registration form; nothing was saved.)");
    expect(answer).toEqual(usual);
    expect(await stepOf(417)).toBeUndefined();
  });

  it("keeps the form through /help: the help, then the question again, nothing lost", async () => {
    const yue = h.user({ id: 419, firstName: "Yue", languageCode: "en" });
    const help = only(await yue.send("/help")).text;
    await yue.send("/register");
    const asked = lastShown(await yue.send("Yue's"));
    const answer = shown(await yue.send("/help"));
    expect(answer.map((c) => c.text)).toEqual([help, asked.text]);
    expect(buttonTexts(answer[1]!)).toEqual(buttonTexts(asked));
    expect(await stepOf(419)).toBe("category");
    await yue.press("form:pick:food");
    expect(await stepOf(419)).toBe("location");
  });

  it("keeps the form through /language, and asks its question again in the new language", async () => {
    const zoe = h.user({ id: 418, firstName: "Zoe", languageCode: "en" });
    await zoe.send("/register");
    await zoe.send("Zoe's");
    const choose = only(await zoe.send("/language"));
    const switched = shown(await zoe.press(button(choose, "中文")));
    expect(switched.map((c) => c.text)).toEqual(["✅ 之后我会说中文。", "哪个分类最合适？"]);
    expect(await stepOf(418)).toBe("category");
    // The answer still goes to the form, which kept the name.
    expect(only(await zoe.press(button(switched[1]!, /美食/))).text).toMatch(/^📍/);
    expect(await h.db.repos.forms.get(418n)).toMatchObject({ step: "location", data: { name: "Zoe's", category: "food" } });
  });

  it("updates the details when a merchant registers again", async () => {
    const joe = h.user({ id: 401, firstName: "Joe", languageCode: "en" });
    await joe.send("/register Joe's Noodle Bar | food | 31.2336,121.4856 | 14 Fuzhou Road");
    await joe.send("Mon–Sun 10:00–23:00");
    const updated = only(await joe.press("form:pick:CNY"));
    expect(updated.text).toBe("✅ Your shop's details are updated.");
    expect(await shopOf(401)).toMatchObject({ name: "Joe's Noodle Bar", address: "14 Fuzhou Road", status: "APPROVED" });
    expect(await h.db.repos.shops.count()).toBe(3);
  });

  it("moves the shop's offers with its new pin and category when it registers again, as /shop does", async () => {
    const joe = h.user({ id: 401, firstName: "Joe", languageCode: "en" });
    const deal = await h.publish(401, { title: "Noodle lunch" });
    const newPin = { lat: 31.3, lng: 121.6 };
    await joe.send(`/register Joe's Noodle Bar | cafe | ${newPin.lat},${newPin.lng} | 1 Harbour Road`);
    await joe.send("Mon–Sun 10:00–23:00");
    expect(only(await joe.press("form:pick:CNY")).text).toBe("✅ Your shop's details are updated.");

    const ann = h.user({ id: 431, firstName: "Ann", languageCode: "en" });
    const list = only(await ann.location(newPin.lat, newPin.lng));
    expect(list.text).toContain("1. Noodle lunch: CN¥10 CN¥20 −50% · 0 m");
    expect(await h.db.db.deal.findUniqueOrThrow({ where: { id: deal.id } })).toMatchObject({ category: "cafe", ...newPin });
  });
});
