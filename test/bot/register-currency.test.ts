// The currency step of /register: the pin's country suggests one, a button
// keeps it, another button or a typed code changes it, and the shop's offers
// are priced in what was chosen.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { button, buttonTexts, createHarness, only } from "../support/bot-harness.js";

const TOKYO = "35.6812, 139.7671";

describe("the currency step of /register", () => {
  let h: ReturnType<typeof createHarness>;
  beforeAll(() => {
    h = createHarness({ currency: "USD" });
  });
  afterAll(() => h.close());

  const shopOf = (id: number) => h.db.repos.shops.findByOwner(BigInt(id));

  it("suggests the currency of the pin's country, and another can be picked with a button", async () => {
    const aki = h.user({ id: 1201, firstName: "Aki", languageCode: "en" });
    await aki.send(`/register Aki Ramen | food | ${TOKYO} | 1 Marunouchi`);
    const currency = only(await aki.send("11–23"));
    expect(currency.text).toBe(
      "💱 Prices at this shop: Japanese Yen (JPY), the currency where it stands. Keep it, pick another, or send a three-letter code such as EUR.",
    );
    expect(buttonTexts(currency)).toEqual(["✅ Keep JPY", "CNY", "USD", "EUR", "GBP", "HKD", "SGD", "◀ Back", "✖ Cancel"]);
    expect(only(await aki.press(button(currency, "USD"))).text).toBe("✅ Aki Ramen is registered. Post your first offer with /newdeal.");
    expect(await shopOf(1201)).toMatchObject({ currency: "USD" });

    await aki.send("/newdeal");
    await aki.send("Ramen");
    await aki.send("/skip");
    expect(only(await aki.send("/skip")).text).toBe("💰 The price customers pay, in USD (e.g. 9.90; 0 for a free coupon):");
  });

  it("takes a typed code, refuses one that is no currency, and goes back to the hours", async () => {
    const eva = h.user({ id: 1202, firstName: "Eva", languageCode: "en" });
    await eva.send("/register Eva Café | cafe | 31.23,121.47 | 1 Road");
    const currency = only(await eva.send("8–18"));
    expect(only(await eva.send("XYZ")).text).toBe(
      "That's not a currency code I know. Send three letters such as USD, EUR or CNY, or tap a button.",
    );
    expect(only(await eva.photo("menu")).text).toBe("Please answer with text.");
    expect((await h.db.repos.forms.get(1202n))?.step).toBe("currency");
    expect(only(await eva.press(button(currency, "◀ Back"))).text).toMatch(/^🕘 Opening hours/);
    expect(only(await eva.send("9–19")).text).toMatch(/^💱 Prices at this shop: Chinese Yuan \(CNY\)/);
    expect(only(await eva.send(" eur ")).text).toBe("✅ Eva Café is registered. Post your first offer with /newdeal.");
    expect(await shopOf(1202)).toMatchObject({ currency: "EUR", openingHours: "9–19" });
  });

  it("registering again in the same country suggests the currency the owner chose, not the country's", async () => {
    const ken = h.user({ id: 1204, firstName: "Ken", languageCode: "en" });
    await ken.send(`/register Ken Sushi | food | ${TOKYO} | 2 Marunouchi`);
    await ken.press(button(only(await ken.send("11–22")), "USD"));
    await ken.send("/register Ken Sushi | food | 35.6895, 139.6917 | 3 Shinjuku");
    const again = only(await ken.send("11–23"));
    expect(again.text).toBe(
      "💱 Prices at this shop: US Dollar (USD), as you chose. Keep it, pick another, or send a three-letter code such as EUR.",
    );
    expect(only(await ken.press(button(again, "✅ Keep USD"))).text).toBe("✅ Your shop's details are updated.");
    expect(await shopOf(1204)).toMatchObject({ currency: "USD", address: "3 Shinjuku" });

    // Moved to another country, the shop is offered that country's currency.
    await ken.send("/register Ken Sushi | food | 31.23,121.47 | 1 Road");
    expect(only(await ken.send("11–23")).text).toMatch(/^💱 Prices at this shop: Chinese Yuan \(CNY\), the currency where it stands/);
  });

  it("asks in Chinese", async () => {
    const li = h.user({ id: 1203, firstName: "李", languageCode: "zh-hans" });
    await li.send("/register 老李面馆 | food | 31.23,121.47 | 南京路 1 号");
    const currency = only(await li.send("10–22"));
    expect(currency.text).toBe("💱 本店标价货币：人民币（CNY），即店铺所在地的货币。保留它、选择其他货币，或发送三个字母的代码，例如 EUR。");
    expect(buttonTexts(currency).slice(0, 1)).toEqual(["✅ 保留 CNY"]);
    expect(only(await li.send("ABC")).text).toBe("这不是我认识的货币代码。请发送三个字母，例如 USD、EUR 或 CNY，或点按钮。");
    expect(only(await li.press(button(currency, "✅ 保留 CNY"))).text).toBe("✅ 老李面馆 登记成功。用 /newdeal 发布第一个优惠吧。");
    expect(await shopOf(1203)).toMatchObject({ currency: "CNY" });
  });
});
