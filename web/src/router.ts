// Screens as a stack: Telegram's back button (and the header's back link, for
// a browser) pops it; the tabs start a new stack.
import { telegram } from "./telegram.js";

export interface Screen {
  /** The tab it belongs to, highlighted while it is shown; a screen pushed over another keeps that one's. */
  tab?: string;
  /** Its header; the root screens show the tabs instead of a back link. */
  title(): string;
  /** Draws into `root`; what it returns runs when the screen leaves. */
  mount(root: HTMLElement): (() => void) | void;
}

type Render = (screen: Screen, canGoBack: boolean) => (() => void) | void;

export function createRouter(render: Render) {
  const stack: Screen[] = [];
  let leave: (() => void) | void;
  const show = () => {
    leave?.();
    const screen = stack[stack.length - 1]!;
    const canGoBack = stack.length > 1;
    if (canGoBack) telegram.BackButton.show();
    else telegram.BackButton.hide();
    leave = render(screen, canGoBack);
  };
  const router = {
    push(screen: Screen) {
      stack.push(screen);
      show();
    },
    /** A new stack: a tab, or where a finished flow lands. */
    reset(screen: Screen) {
      stack.length = 0;
      router.push(screen);
    },
    back() {
      if (stack.length < 2) return;
      stack.pop();
      show();
    },
  };
  telegram.BackButton.onClick(() => router.back());
  return router;
}

export type Router = ReturnType<typeof createRouter>;
