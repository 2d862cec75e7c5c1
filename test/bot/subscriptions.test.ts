// /subscribe, /subscriptions and /unsubscribe as a user goes through them, in
// English and Chinese, with bad input and forged buttons.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { button, buttonTexts, callbackAnswer, createHarness, lastShown, only, type BotHarness } from "../support/bot-harness.js";

const SHANGHAI = { lat: 31.2304, lng: 121.4737 };
let h: BotHarness & { close(): Promise<void> };
beforeEach(() => {
  h = createHarness();
});
afterEach(() => h.close());

describe("/subscribe", () => {
  it("asks for a place, saves it with the defaults in its time zone, and every setting is a button", async () => {
    const ana = h.user({ id: 1001, firstName: "Ana", languageCode: "en" });
    const ask = only(await ana.send("/subscribe"));
    expect(ask.text).toMatch(/^🔔 Which place should I watch for new deals\?/);
    expect(buttonTexts(ask)).toEqual(["◀ Back", "✖ Cancel"]); // no last location yet

    const saved = only(await ana.location(SHANGHAI.lat, SHANGHAI.lng));
    expect(saved.text).toBe(
      [
        "✅ Subscribed! I'll push new deals near this place. Adjust it below.",
        "",
        "🔔 📍 Place · 31.2304, 121.4737 (Asia/Shanghai)",
        "Radius: 3 km",
        "Categories: All categories",
        "At most 3 pushes a day",
        "Quiet hours: 22:00–08:00 (local time)",
      ].join("\n"),
    );
    expect(buttonTexts(saved)).toEqual([
      "🏠 Home", "🏢 Work", "✓ 📍 Place",
      "1 km", "✓ 3 km", "5 km", "10 km", "25 km",
      "🏷 All categories",
      "−", "3 a day", "+",
      "✓ 🌙 22:00–08:00", "🌙 23:00–07:00", "🌙 21:00–09:00", "No quiet hours",
      "🌙 Other times…",
      "📍 Move", "🗑 Delete",
      "◀ All places",
    ]);

    let screen = lastShown(await ana.press(button(saved, "🏠 Home")));
    screen = lastShown(await ana.press(button(screen, "10 km")));
    screen = lastShown(await ana.press(button(screen, "+")));
    screen = lastShown(await ana.press(button(screen, "No quiet hours")));
    expect(screen.method).toBe("editMessageText");
    expect(screen.text).toContain("🔔 🏠 Home · 31.2304, 121.4737");
    expect(screen.text).toContain("Radius: 10 km\nCategories: All categories\nAt most 4 pushes a day\nQuiet hours: none");

    const picker = lastShown(await ana.press(button(screen, "🏷 All categories")));
    expect(picker.text).toMatch(/^🏷 Push deals of these categories/);
    let picked = lastShown(await ana.press(button(picker, "☕ Cafés & drinks")));
    expect(buttonTexts(picked)).toContain("✓ ☕ Cafés & drinks");
    picked = lastShown(await ana.press(button(picked, /Food/)));
    const back = lastShown(await ana.press(button(picked, "◀ Back")));
    expect(back.text).toMatch(/Categories: ☕ Cafés & drinks, 🍜 Food|Categories: 🍜 Food, ☕ Cafés & drinks/);

    const [sub] = await h.services.subscriptions.list(1001n);
    expect(sub).toMatchObject({ label: "home", radiusM: 10_000, dailyMax: 4, quietStart: 0, quietEnd: 0, timeZone: "Asia/Shanghai", locale: "en" });
    expect(sub!.categories.split(",").sort()).toEqual(["cafe", "food"]);
  });

  it("offers the last shared location, and keeps several places", async () => {
    const ana = h.user({ id: 1001, firstName: "Ana", languageCode: "en" });
    await ana.location(40.758, -73.9855);
    const ask = only(await ana.send("/subscribe"));
    const saved = only(await ana.press(button(ask, "📍 Use my last location")));
    expect(saved.text).toContain("40.7580, -73.9855 (America/New_York)");
    await ana.send("/subscribe");
    await ana.location(SHANGHAI.lat, SHANGHAI.lng);
    const list = only(await ana.send("/subscriptions"));
    expect(list.text).toBe(
      [
        "🔔 Your places (2). Tap one to change it.",
        "",
        "1. 📍 Place: 3 km · All categories · ≤ 3/day · 🌙 22:00–08:00",
        "2. 📍 Place: 3 km · All categories · ≤ 3/day · 🌙 22:00–08:00",
      ].join("\n"),
    );
    expect(buttonTexts(list)).toEqual(["1. 📍 Place", "2. 📍 Place", "➕ Add a place", "🔕 Stop all", "✖ Close"]);
    const first = lastShown(await ana.press(button(list, "1. 📍 Place")));
    const calls = await ana.press(button(first, "🗑 Delete"));
    expect(callbackAnswer(calls).text).toBe("Deleted.");
    expect(lastShown(calls).text).toMatch(/^🔔 Your places \(1\)/);
  });

  it("keeps asking for a place on bad input, losing nothing", async () => {
    const ana = h.user({ id: 1001, firstName: "Ana", languageCode: "en" });
    await ana.send("/subscribe");
    expect(only(await ana.send("somewhere nice")).text).toMatch(/^📍 I need the place on the map, not its address/);
    expect(only(await ana.send("95, 10")).text).toMatch(/^📍 Those coordinates are not valid/);
    expect(only(await ana.photo("AgACphoto")).text).toMatch(/^Please share the place's location/);
    expect(await h.services.subscriptions.list(1001n)).toEqual([]);
    expect(only(await ana.send("31.2304, 121.4737")).text).toMatch(/^✅ Subscribed!/);
  });

  it("moves a place, keeping its settings and reading its quiet hours in the new time zone", async () => {
    const ana = h.user({ id: 1001, firstName: "Ana", languageCode: "en" });
    await ana.send("/subscribe");
    const saved = only(await ana.location(SHANGHAI.lat, SHANGHAI.lng));
    const wider = lastShown(await ana.press(button(saved, "10 km")));
    const ask = only(await ana.press(button(wider, "📍 Move")));
    expect(ask.text).toMatch(/^📍 Where should this place be now\?/);
    expect(buttonTexts(ask)).toEqual(["◀ Back", "✖ Cancel"]);
    expect(only(await ana.send("somewhere else")).text).toMatch(/^📍 I need the place on the map/);
    // Back: the place's settings as they were.
    const back = only(await ana.press(button(ask, "◀ Back")));
    expect([back.text, buttonTexts(back)]).toEqual([wider.text, buttonTexts(wider)]);
    only(await ana.press(button(back, "📍 Move")));

    const moved = only(await ana.send("40.758, -73.9855"));
    expect(moved.text).toMatch(/^✅ Moved\./);
    expect(moved.text).toContain("🔔 📍 Place · 40.7580, -73.9855 (America/New_York)\nRadius: 10 km");
    const subs = await h.services.subscriptions.list(1001n);
    expect(subs).toHaveLength(1);
    expect(subs[0]).toMatchObject({ lat: 40.758, lng: -73.9855, timeZone: "America/New_York", radiusM: 10_000, quietStart: 1320 });
  });

  it("takes quiet hours typed as two times of day, and says what it cannot read", async () => {
    const ana = h.user({ id: 1001, firstName: "Ana", languageCode: "en" });
    await ana.send("/subscribe");
    const saved = only(await ana.location(SHANGHAI.lat, SHANGHAI.lng));
    const ask = only(await ana.press(button(saved, "🌙 Other times…")));
    expect(ask.text).toBe('🌙 When should I keep quiet about this place? Send two local times, such as 22:30–07:00, or "none".');
    expect(buttonTexts(ask)).toEqual(["◀ Back", "✖ Cancel"]);
    expect(only(await ana.send("after dinner")).text).toBe("Quiet hours must be times of day such as 22:00–08:00.");
    expect(only(await ana.send("25:00-07:00")).text).toBe("Quiet hours must be times of day such as 22:00–08:00.");
    const back = only(await ana.press(button(ask, "◀ Back")));
    expect(back.text).toContain("Quiet hours: 22:00–08:00 (local time)");
    expect(buttonTexts(back)).toContain("🌙 Other times…");
    expect(await h.db.repos.forms.get(1001n)).toBeNull();
    only(await ana.press(button(back, "🌙 Other times…")));

    const set = only(await ana.send("22:30 - 6:45"));
    expect(set.text).toMatch(/^✅ Quiet hours saved\./);
    expect(set.text).toContain("Quiet hours: 22:30–06:45 (local time)");
    expect(buttonTexts(set)).toContain("✓ 🌙 22:30–06:45");
    expect((await h.services.subscriptions.list(1001n))[0]).toMatchObject({ quietStart: 22 * 60 + 30, quietEnd: 6 * 60 + 45 });

    // A preset again: the typed button offers other times once more.
    const preset = lastShown(await ana.press(button(set, "🌙 23:00–07:00")));
    expect(buttonTexts(preset)).toEqual(expect.arrayContaining(["✓ 🌙 23:00–07:00", "🌙 Other times…"]));
  });

  it("refuses to move a place that is gone or someone else's", async () => {
    const ana = h.user({ id: 1001, firstName: "Ana", languageCode: "en" });
    await ana.send("/subscribe");
    const saved = only(await ana.location(SHANGHAI.lat, SHANGHAI.lng));
    const move = button(saved, "📍 Move");
    const mallory = h.user({ id: 1002, firstName: "Mallory", languageCode: "en" });
    await mallory.send("/start");
    expect(callbackAnswer(await mallory.press(move))).toEqual({ text: expect.stringContaining("doesn't exist any more"), alert: true });
    // Deleted while Ana was choosing the new place: nothing is created instead.
    only(await ana.press(move));
    await ana.press(button(saved, "🗑 Delete"));
    expect(only(await ana.location(40.758, -73.9855)).text).toBe("This subscription doesn't exist any more. See /subscriptions.");
    expect(await h.services.subscriptions.list(1001n)).toEqual([]);
  });

  it("refuses a sixth place", async () => {
    await h.db.repos.users.ensure({ id: 1001, firstName: "Ana" });
    for (let i = 0; i < 5; i++) await h.services.subscriptions.subscribe(1001n, SHANGHAI, "en");
    const ana = h.user({ id: 1001, firstName: "Ana", languageCode: "en" });
    await ana.send("/subscribe");
    expect(only(await ana.location(SHANGHAI.lat, SHANGHAI.lng)).text).toBe(
      "You can watch at most 5 places. Delete one in /subscriptions first.",
    );
  });

  it("answers a forged or malformed settings button politely and changes nothing", async () => {
    const ana = h.user({ id: 1001, firstName: "Ana", languageCode: "en" });
    await ana.send("/subscribe");
    const saved = only(await ana.location(SHANGHAI.lat, SHANGHAI.lng));
    const radius = button(saved, "25 km");
    const mallory = h.user({ id: 1002, firstName: "Mallory", languageCode: "en" });
    await mallory.send("/start");
    expect(callbackAnswer(await mallory.press(radius))).toEqual({ text: expect.stringContaining("doesn't exist any more"), alert: true });
    const id = radius.split(":")[2];
    expect(callbackAnswer(await ana.press(`sb:q:${id}:9`))).toMatchObject({ alert: true });
    expect(callbackAnswer(await ana.press(`sb:r:${id}:7`))).toMatchObject({ alert: true });
    expect(callbackAnswer(await ana.press("sb:r:x"))).toEqual({ text: "This button is no longer valid. Please start again.", alert: true });
    expect((await h.services.subscriptions.list(1001n))[0]).toMatchObject({ radiusM: 3000, quietStart: 1320 });
  });
});

describe("/unsubscribe", () => {
  it("stops every push at once, places and followed shops alike, and says so when there is nothing to stop", async () => {
    const ana = h.user({ id: 1001, firstName: "Ana", languageCode: "en" });
    for (const _ of [1, 2]) {
      await ana.send("/subscribe");
      await ana.location(SHANGHAI.lat, SHANGHAI.lng);
    }
    // A followed shop's new offers are pushed too: stopping everything unfollows it.
    await h.shop(1091, { ...SHANGHAI, name: "Tea House" });
    await h.services.follows.follow(1001n, (await h.db.repos.shops.findByOwner(1091n))!.id);
    expect(only(await ana.send("/unsubscribe")).text).toBe("🔕 Done: no more pushes (2 places removed, 1 shop unfollowed). /subscribe starts again.");
    expect(await h.services.subscriptions.list(1001n)).toEqual([]);
    expect(await h.services.follows.following(1001n)).toEqual([]);
    expect(only(await ana.send("/unsubscribe")).text).toBe("You have no subscriptions and follow no shop, so there is nothing to stop.");
    expect(only(await ana.send("/subscriptions")).text).toMatch(/^You have no subscriptions yet/);
  });

  it("goes back from the question of a new place to the list of places, adding nothing", async () => {
    const ana = h.user({ id: 1001, firstName: "Ana", languageCode: "en" });
    const ask = only(await ana.send("/subscribe"));
    const list = only(await ana.press(button(ask, "◀ Back")));
    expect(list.text).toMatch(/^You have no subscriptions yet/);
    expect(await h.db.repos.forms.get(1001n)).toBeNull();
    expect(await h.services.subscriptions.list(1001n)).toEqual([]);
  });
});

describe("in Chinese", () => {
  it("subscribes, lists and unsubscribes", async () => {
    const li = h.user({ id: 1002, firstName: "Li", languageCode: "zh" });
    expect(only(await li.send("/subscribe")).text).toMatch(/^🔔 要我关注哪个地点的新优惠？/);
    expect(only(await li.send("不知道")).text).toMatch(/^📍 我需要地图上的位置，而不是地址/);
    const saved = only(await li.location(SHANGHAI.lat, SHANGHAI.lng));
    expect(saved.text).toContain("✅ 订阅成功！");
    expect(saved.text).toContain("范围：3 公里\n分类：全部分类\n每天最多 3 条推送\n免打扰：22:00–08:00（当地时间）");
    expect(buttonTexts(saved)).toContain("无免打扰");
    const list = only(await li.send("/subscriptions"));
    expect(list.text).toBe("🔔 你订阅的地点（1 个）。点一个进行修改。\n\n1. 📍 地点：3 公里 · 全部分类 · 每天 ≤ 3 条 · 🌙 22:00–08:00");
    const stopped = await li.press(button(list, "🔕 全部停止"));
    expect(lastShown(stopped).text).toBe("🔕 好的，不再推送（已删除 1 个地点）。发送 /subscribe 可重新订阅。");
    expect((await h.services.subscriptions.list(1002n)).length).toBe(0);
  });

  it("takes quiet hours typed the Chinese way, and moves a place", async () => {
    const li = h.user({ id: 1002, firstName: "Li", languageCode: "zh" });
    await li.send("/subscribe");
    const saved = only(await li.location(SHANGHAI.lat, SHANGHAI.lng));
    expect(only(await li.press(button(saved, "🌙 其他时间…"))).text).toMatch(/^🌙 这个地点什么时间不要打扰你？/);
    const set = only(await li.send("22点30到7点"));
    expect(set.text).toContain("✅ 免打扰时间已保存。");
    expect(set.text).toContain("免打扰：22:30–07:00（当地时间）");
    expect(only(await li.press(button(set, "📍 移动"))).text).toMatch(/^📍 这个地点要换到哪里？/);
    const moved = only(await li.send("39.9042, 116.4074"));
    expect(moved.text).toMatch(/^✅ 已移动。/);
    expect(moved.text).toContain("免打扰：22:30–07:00（当地时间）");
  });
});

describe("blocking the bot", () => {
  it("marks the user inactive on my_chat_member, and active again when they write", async () => {
    const ana = h.user({ id: 1001, firstName: "Ana", languageCode: "en" });
    await ana.send("/start");
    await h.deliver({
      my_chat_member: {
        chat: { id: 1001, type: "private", first_name: "Ana" },
        from: ana.from,
        date: h.unixNow(),
        old_chat_member: { user: { id: 7_000_000_001, is_bot: true, first_name: "Nearbuy" }, status: "member" },
        new_chat_member: { user: { id: 7_000_000_001, is_bot: true, first_name: "Nearbuy" }, status: "kicked", until_date: 0 },
      },
    } as never);
    expect((await h.db.repos.users.find(1001n))!.blockedAt).toEqual(h.clock());
    await ana.send("/help");
    expect((await h.db.repos.users.find(1001n))!.blockedAt).toBeNull();
  });
});
