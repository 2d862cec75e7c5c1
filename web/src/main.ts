// The Mini App: who the user is and where, then the deals around them.
import "./style.css";
import { api, type Me } from "./api.js";
import type { AppContext, Position } from "./context.js";
import { clear, h } from "./dom.js";
import { errorText } from "./errors.js";
import { setLocale, t } from "./i18n.js";
import { createRouter, type Screen } from "./router.js";
import { dealScreen } from "./screens/deal-screen.js";
import { followingScreen } from "./screens/following-screen.js";
import { savedScreen } from "./screens/saved-screen.js";
import { mapScreen } from "./screens/map-screen.js";
import { merchantScreen } from "./screens/merchant-screen.js";
import { reviewFormScreen } from "./screens/review-form-screen.js";
import { reviewsScreen } from "./screens/reviews-screen.js";
import { vouchersScreen } from "./screens/vouchers-screen.js";
import { telegram } from "./telegram.js";
import { message } from "./ui.js";

const root = document.getElementById("app")!;

function applyTheme(): void {
  const style = document.documentElement.style;
  for (const [key, value] of Object.entries(telegram.themeParams)) {
    if (value) style.setProperty(`--tg-theme-${key.replace(/_/g, "-")}`, value);
  }
  document.documentElement.dataset["scheme"] = telegram.colorScheme;
}

/** Telegram's location where the user allowed it (Bot API 8.0 and later); a second at most, then none. */
function telegramLocation(): Promise<Position | null> {
  if (!telegram.isVersionAtLeast("8.0")) return Promise.resolve(null);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(null), 1000);
    telegram.LocationManager.init(() => {
      if (!telegram.LocationManager.isAccessGranted) return (clearTimeout(timer), resolve(null));
      telegram.LocationManager.getLocation((location) => {
        clearTimeout(timer);
        resolve(location ? { lat: location.latitude, lng: location.longitude } : null);
      });
    });
  });
}

function shell(ctx: AppContext, me: Me) {
  const main = h("main", { id: "screen" });
  const header = h("header", {});
  const tabs: [string, () => Screen][] = [
    ["app-tab-deals", () => mapScreen(ctx)],
    ["app-tab-vouchers", () => ctx.screens.vouchers()],
    ["app-tab-saved", () => savedScreen(ctx)],
    ["app-tab-following", () => followingScreen(ctx)],
  ];
  if (me.shops.length > 0) tabs.push(["app-tab-shop", () => merchantScreen()]);
  const nav = h("nav", { class: "tabs" });
  for (const [label, screen] of tabs) {
    const button = h("button", { type: "button", "data-tab": label }, t(label));
    button.addEventListener("click", () => ctx.router.reset(screen()));
    nav.append(button);
  }
  clear(root, header, main, nav);
  return (screen: Screen, canGoBack: boolean) => {
    clear(header, canGoBack ? h("button", { type: "button", class: "back", onclick: () => ctx.router.back() }, `‹ ${t("app-back")}`) : null, h("h1", {}, screen.title()));
    if (screen.tab) for (const button of nav.querySelectorAll<HTMLElement>("button")) button.classList.toggle("selected", button.dataset["tab"] === screen.tab);
    main.replaceChildren();
    window.scrollTo(0, 0);
    return screen.mount(main);
  };
}

/**
 * The deal the app was opened for, shown over the map: a deal card's "Open in
 * app" button adds ?deal=<id> to the app's address; a t.me link's startapp
 * carries the chat's own deal payload, d-<id>.
 */
function linkedDeal(): number | null {
  const id = new URLSearchParams(location.search).get("deal") ?? /^d-(\d+)(?:-s\d+)?$/.exec(telegram.initDataUnsafe.start_param ?? "")?.[1];
  return id && /^\d+$/.test(id) ? Number(id) : null;
}

async function start(): Promise<void> {
  applyTheme();
  telegram.onEvent("themeChanged", applyTheme);
  telegram.ready();
  telegram.expand();
  try {
    const [me, located] = await Promise.all([api.me(), telegramLocation()]);
    setLocale(me.user.locale);
    const ctx: AppContext = {
      me,
      position: located ?? me.location,
      router: createRouter((screen, canGoBack) => render(screen, canGoBack)),
      screens: {
        deal: (id) => dealScreen(ctx, id),
        shop: (id) => reviewsScreen(ctx, id),
        vouchers: () => vouchersScreen(ctx),
        reviewForm: (voucher) => reviewFormScreen(ctx, voucher),
      },
    };
    const render = shell(ctx, me);
    ctx.router.reset(mapScreen(ctx));
    const linked = linkedDeal();
    if (linked) ctx.router.push(ctx.screens.deal(linked));
  } catch (error) {
    setLocale(telegram.initDataUnsafe.user?.language_code?.startsWith("zh") ? "zh" : "en");
    clear(root, message(errorText(error), "error"));
  }
}

void start();
