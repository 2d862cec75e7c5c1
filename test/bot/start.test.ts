// First contact: the greeting, the reply keyboard, deep-link sources, /language.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { button, buttonTexts, callbackAnswer, createHarness, only, replyKeyboard, shown } from "../support/bot-harness.js";

describe("starting the bot", () => {
  let h: ReturnType<typeof createHarness>;
  beforeAll(() => {
    h = createHarness();
  });
  afterAll(() => h.close());

  it("greets an English speaker by name and offers a share-location button", async () => {
    const alice = h.user({ id: 101, firstName: "Alice", languageCode: "en" });
    const reply = only(await alice.send("/start"));
    expect(reply.text).toContain("Hi Alice!");
    expect(reply.text).toContain("Share your location");
    const keyboard = replyKeyboard(reply);
    expect(keyboard?.keyboard.flat()).toEqual([{ text: "📍 Share location", request_location: true }]);
    expect(keyboard?.resize_keyboard).toBe(true);
  });

  it("greets in Chinese when Telegram's language is zh-hans", async () => {
    const li = h.user({ id: 102, firstName: "李雷", languageCode: "zh-hans" });
    const reply = only(await li.send("/start"));
    expect(reply.text).toContain("李雷，你好！");
    expect(replyKeyboard(reply)?.keyboard.flat()).toEqual([{ text: "📍 发送位置", request_location: true }]);
  });

  it("greets a user whose name looks like HTML without breaking the message", async () => {
    const tricky = h.user({ id: 103, firstName: "Tom <3 & <b>Co", languageCode: "en" });
    const reply = only(await tricky.send("/start"));
    expect(reply.text).toContain("Hi Tom <3 & <b>Co!");
  });

  it("keeps the first deep-link payload as the user's source", async () => {
    const bob = h.user({ id: 104, firstName: "Bob", languageCode: "en" });
    only(await bob.send("/start promo_spring"));
    expect((await h.db.repos.users.find(104n))?.source).toBe("promo_spring");
    const again = only(await bob.send("/start other_campaign"));
    expect(again.text).toContain("Hi Bob!");
    expect((await h.db.repos.users.find(104n))?.source).toBe("promo_spring");
  });

  it("does not store a payload Telegram would never send as a source", async () => {
    const carol = h.user({ id: 105, firstName: "Carol", languageCode: "en" });
    only(await carol.send("/start not a payload!"));
    expect((await h.db.repos.users.find(105n))?.source).toBeNull();
  });

  it("switches to Chinese with /language even though Telegram says English", async () => {
    const dave = h.user({ id: 106, firstName: "Dave", languageCode: "en" });
    const menu = only(await dave.send("/language"));
    expect(menu.text).toBe("Choose your language:");
    expect(buttonTexts(menu)).toEqual(["English", "中文"]);

    const calls = await dave.press(button(menu, "中文"));
    expect(callbackAnswer(calls).alert).toBe(false);
    const [edited, help] = shown(calls);
    expect(edited?.method).toBe("editMessageText");
    expect(edited?.text).toBe("✅ 之后我会说中文。");
    expect(help?.text).toContain("/nearby：附近的优惠");
    expect(replyKeyboard(help!)?.keyboard.flat()).toEqual([{ text: "📍 发送位置", request_location: true }]);

    expect(only(await dave.send("/start")).text).toContain("Dave，你好！");
    expect(only(await dave.send("what?")).text).toBe("没看懂。发送位置查看附近优惠，或发送 /help。");
    expect((await h.db.repos.users.find(106n))?.language).toBe("zh");
  });

  it("switches back to English from the same menu", async () => {
    const erin = h.user({ id: 107, firstName: "Erin", languageCode: "zh" });
    const menu = only(await erin.send("/language"));
    expect(menu.text).toBe("请选择语言：");
    const calls = await erin.press(button(menu, "English"));
    expect(shown(calls)[0]?.text).toBe("✅ I'll speak English from now on.");
    expect(only(await erin.send("/help")).text).toContain("/nearby: deals around you");
  });

  it("says there is nothing to cancel when no form is open", async () => {
    const frank = h.user({ id: 108, firstName: "Frank", languageCode: "en" });
    expect(only(await frank.send("/cancel")).text).toBe("There is nothing to cancel.");
  });
});
