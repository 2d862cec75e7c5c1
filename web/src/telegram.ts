// A minimal Telegram Mini App bridge with the official script's API shape
// (window.Telegram.WebApp). Telegram's own telegram-web-app.js carries no
// licence we could vendor under, so this speaks its protocol directly: the app
// posts events through TelegramWebviewProxy.postEvent (or to the parent frame
// on the web clients) and Telegram answers through Telegram.WebView.receiveEvent.

type EventData = Record<string, unknown>;
type Listener = (data: EventData) => void;

export interface ThemeParams {
  [key: string]: string | undefined;
}

export interface MainButton {
  setText(text: string): MainButton;
  show(): MainButton;
  hide(): MainButton;
  enable(): MainButton;
  disable(): MainButton;
  showProgress(): MainButton;
  hideProgress(): MainButton;
  onClick(callback: () => void): MainButton;
  offClick(callback: () => void): MainButton;
}

export interface BackButton {
  show(): BackButton;
  hide(): BackButton;
  onClick(callback: () => void): BackButton;
  offClick(callback: () => void): BackButton;
}

export interface LocationData {
  latitude: number;
  longitude: number;
}

export interface LocationManager {
  readonly isInited: boolean;
  readonly isLocationAvailable: boolean;
  readonly isAccessGranted: boolean;
  init(callback?: () => void): LocationManager;
  getLocation(callback: (location: LocationData | null) => void): LocationManager;
}

export interface WebApp {
  readonly initData: string;
  readonly version: string;
  readonly platform: string;
  readonly colorScheme: "light" | "dark";
  readonly themeParams: ThemeParams;
  readonly initDataUnsafe: { user?: { id: number; language_code?: string; first_name?: string }; start_param?: string };
  readonly MainButton: MainButton;
  readonly BackButton: BackButton;
  readonly LocationManager: LocationManager;
  readonly HapticFeedback: {
    impactOccurred(style: "light" | "medium" | "heavy" | "rigid" | "soft"): void;
    notificationOccurred(type: "error" | "success" | "warning"): void;
    selectionChanged(): void;
  };
  isVersionAtLeast(version: string): boolean;
  ready(): void;
  expand(): void;
  onEvent(type: "themeChanged", callback: () => void): void;
  openInvoice(url: string, callback?: (status: string) => void): void;
  showScanQrPopup(params: { text?: string }, callback?: (text: string) => true | void): void;
  closeScanQrPopup(): void;
  /** Bot API 8.0: Telegram's share sheet for a message the bot prepared (savePreparedInlineMessage); the callback says whether it was sent. */
  shareMessage(preparedMessageId: string, callback?: (sent: boolean) => void): void;
  switchInlineQuery(query: string, chooseChatTypes?: string[]): void;
  openLink(url: string): void;
}

interface TelegramWindow {
  TelegramWebviewProxy?: { postEvent(type: string, data: string): void };
  Telegram?: { WebApp?: WebApp; WebView?: { receiveEvent(type: string, data: EventData | null): void } };
}

const win = window as unknown as Window & TelegramWindow;
const listeners = new Map<string, Set<Listener>>();
/** Outside Telegram (the sandbox opens the app in a browser), the browser stands in for what it can. */
const inTelegram = Boolean(win.TelegramWebviewProxy) || window.parent !== window;

function postEvent(type: string, data: EventData = {}): void {
  if (win.TelegramWebviewProxy) win.TelegramWebviewProxy.postEvent(type, JSON.stringify(data));
  else if (window.parent !== window) window.parent.postMessage(JSON.stringify({ eventType: type, eventData: data }), "*");
}

function on(type: string, listener: Listener): void {
  if (!listeners.has(type)) listeners.set(type, new Set());
  listeners.get(type)!.add(listener);
}

function off(type: string, listener: Listener): void {
  listeners.get(type)?.delete(listener);
}

function receiveEvent(type: string, data: EventData | null): void {
  for (const listener of [...(listeners.get(type) ?? [])]) listener(data ?? {});
}

window.addEventListener("message", (event) => {
  if (typeof event.data !== "string") return;
  try {
    const message = JSON.parse(event.data) as { eventType?: string; eventData?: EventData };
    if (message.eventType) receiveEvent(message.eventType, message.eventData ?? null);
  } catch {
    // Not a message of Telegram's.
  }
});

/** Launch parameters: the URL's hash first, then what an earlier page of this session kept. */
function launchParams(): URLSearchParams {
  const fromHash = new URLSearchParams(location.hash.slice(1));
  if (fromHash.has("tgWebAppData")) {
    sessionStorage.setItem("tgLaunch", fromHash.toString());
    return fromHash;
  }
  return new URLSearchParams(sessionStorage.getItem("tgLaunch") ?? "");
}

function parseJson<T>(text: string | null, fallback: T): T {
  try {
    return text ? (JSON.parse(text) as T) : fallback;
  } catch {
    return fallback;
  }
}

function isDark(color: string | undefined): boolean {
  const hex = /^#([0-9a-f]{6})$/i.exec(color ?? "")?.[1];
  if (!hex) return false;
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b! < 120;
}

function createWebApp(): WebApp {
  const params = launchParams();
  const initData = params.get("tgWebAppData") ?? "";
  const initParams = new URLSearchParams(initData);
  let themeParams = parseJson<ThemeParams>(params.get("tgWebAppThemeParams"), {});
  const themeListeners = new Set<() => void>();
  on("theme_changed", (data) => {
    themeParams = (data["theme_params"] as ThemeParams | undefined) ?? themeParams;
    for (const listener of themeListeners) listener();
  });

  const main = { text: "", visible: false, active: true, progress: false };
  const syncMain = () =>
    postEvent("web_app_setup_main_button", {
      is_visible: main.visible,
      is_active: main.active,
      is_progress_visible: main.progress,
      text: main.text,
      color: themeParams["button_color"],
      text_color: themeParams["button_text_color"],
    });
  const clickHandlers = (event: string) => {
    const map = new Map<() => void, Listener>();
    return {
      add(callback: () => void) {
        const listener = () => callback();
        map.set(callback, listener);
        on(event, listener);
      },
      remove(callback: () => void) {
        const listener = map.get(callback);
        if (listener) off(event, listener);
        map.delete(callback);
      },
    };
  };
  const mainClicks = clickHandlers("main_button_pressed");
  const MainButton: MainButton = {
    setText: (text) => ((main.text = text), syncMain(), MainButton),
    show: () => ((main.visible = true), syncMain(), MainButton),
    hide: () => ((main.visible = false), syncMain(), MainButton),
    enable: () => ((main.active = true), syncMain(), MainButton),
    disable: () => ((main.active = false), syncMain(), MainButton),
    showProgress: () => ((main.progress = true), syncMain(), MainButton),
    hideProgress: () => ((main.progress = false), syncMain(), MainButton),
    onClick: (callback) => (mainClicks.add(callback), MainButton),
    offClick: (callback) => (mainClicks.remove(callback), MainButton),
  };
  const backClicks = clickHandlers("back_button_pressed");
  const BackButton: BackButton = {
    show: () => (postEvent("web_app_setup_back_button", { is_visible: true }), BackButton),
    hide: () => (postEvent("web_app_setup_back_button", { is_visible: false }), BackButton),
    onClick: (callback) => (backClicks.add(callback), BackButton),
    offClick: (callback) => (backClicks.remove(callback), BackButton),
  };

  const locationState = { inited: false, available: false, granted: false };
  const LocationManager: LocationManager = {
    get isInited() {
      return locationState.inited;
    },
    get isLocationAvailable() {
      return locationState.available;
    },
    get isAccessGranted() {
      return locationState.granted;
    },
    init(callback) {
      if (!inTelegram) {
        Object.assign(locationState, { inited: true, available: "geolocation" in navigator, granted: false });
        callback?.();
        return LocationManager;
      }
      const listener: Listener = (data) => {
        off("location_checked", listener);
        locationState.inited = true;
        locationState.available = data["available"] === true;
        locationState.granted = data["access_granted"] === true;
        callback?.();
      };
      on("location_checked", listener);
      postEvent("web_app_check_location");
      return LocationManager;
    },
    getLocation(callback) {
      if (!inTelegram) {
        navigator.geolocation.getCurrentPosition(
          ({ coords }) => callback({ latitude: coords.latitude, longitude: coords.longitude }),
          () => callback(null),
        );
        return LocationManager;
      }
      const listener: Listener = (data) => {
        off("location_requested", listener);
        const { latitude, longitude } = data as { latitude?: number; longitude?: number };
        callback(data["available"] !== false && typeof latitude === "number" && typeof longitude === "number" ? { latitude, longitude } : null);
      };
      on("location_requested", listener);
      postEvent("web_app_request_location");
      return LocationManager;
    },
  };

  return {
    initData,
    version: params.get("tgWebAppVersion") ?? "6.0",
    platform: params.get("tgWebAppPlatform") ?? "unknown",
    get colorScheme() {
      return isDark(themeParams["bg_color"]) ? "dark" : "light";
    },
    get themeParams() {
      return themeParams;
    },
    initDataUnsafe: {
      user: parseJson(initParams.get("user"), undefined),
      // What a t.me/<bot>/<app>?startapp= link brings.
      start_param: initParams.get("start_param") ?? params.get("tgWebAppStartParam") ?? undefined,
    },
    MainButton,
    BackButton,
    LocationManager,
    HapticFeedback: {
      impactOccurred: (style) => postEvent("web_app_trigger_haptic_feedback", { type: "impact", impact_style: style }),
      notificationOccurred: (type) => postEvent("web_app_trigger_haptic_feedback", { type: "notification", notification_type: type }),
      selectionChanged: () => postEvent("web_app_trigger_haptic_feedback", { type: "selection_change" }),
    },
    isVersionAtLeast(wanted) {
      const have = (params.get("tgWebAppVersion") ?? "6.0").split(".").map(Number);
      const want = wanted.split(".").map(Number);
      for (let i = 0; i < Math.max(have.length, want.length); i++) {
        if ((have[i] ?? 0) !== (want[i] ?? 0)) return (have[i] ?? 0) > (want[i] ?? 0);
      }
      return true;
    },
    ready: () => postEvent("web_app_ready"),
    expand: () => postEvent("web_app_expand"),
    onEvent: (_type, callback) => themeListeners.add(callback),
    openInvoice(url, callback) {
      // No payment sheet in a plain browser: the invoice waits to be paid elsewhere (the sandbox's :pay app).
      if (!inTelegram) return callback?.("pending");
      const slug = /\/(?:\$|invoice\/)([\w-]+)$/.exec(url)?.[1] ?? url.split("/").pop() ?? "";
      const listener: Listener = (data) => {
        if (data["slug"] !== slug) return;
        off("invoice_closed", listener);
        callback?.(String(data["status"]));
      };
      on("invoice_closed", listener);
      postEvent("web_app_open_invoice", { slug });
    },
    showScanQrPopup(params, callback) {
      if (!inTelegram) {
        const typed = window.prompt(params.text ?? "");
        if (typed) callback?.(typed);
        return;
      }
      const received: Listener = (data) => {
        if (callback?.(String(data["data"])) === true) WebApp.closeScanQrPopup();
      };
      const closed: Listener = () => {
        off("qr_text_received", received);
        off("scan_qr_popup_closed", closed);
      };
      on("qr_text_received", received);
      on("scan_qr_popup_closed", closed);
      postEvent("web_app_open_scan_qr_popup", { text: params.text });
    },
    closeScanQrPopup() {
      postEvent("web_app_close_scan_qr_popup");
      receiveEvent("scan_qr_popup_closed", null);
    },
    shareMessage(preparedMessageId, callback) {
      // No share sheet in a plain browser: the message waits to be sent elsewhere (the sandbox's :share).
      if (!inTelegram) return;
      const sent: Listener = () => settle(true);
      const failed: Listener = () => settle(false);
      const settle = (outcome: boolean) => {
        off("prepared_message_sent", sent);
        off("prepared_message_failed", failed);
        callback?.(outcome);
      };
      on("prepared_message_sent", sent);
      on("prepared_message_failed", failed);
      postEvent("web_app_send_prepared_message", { id: preparedMessageId });
    },
    switchInlineQuery: (query, chooseChatTypes) => postEvent("web_app_switch_inline_query", { query, chat_types: chooseChatTypes ?? [] }),
    openLink: (url) => {
      if (inTelegram) postEvent("web_app_open_link", { url });
      else window.open(url, "_blank", "noopener");
    },
  };
}

win.Telegram = { ...win.Telegram, WebView: { receiveEvent } };
const WebApp = createWebApp();
win.Telegram.WebApp = WebApp;

export const telegram: WebApp = WebApp;
