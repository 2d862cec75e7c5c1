// The lists of what the user marked, Saved (♡) and Following: each entry opens
// its page, and a button takes it off the list through the same routes as the
// deal's page's toggles.
import { clear, h } from "../dom.js";
import { errorText } from "../errors.js";
import { t } from "../i18n.js";
import type { Screen } from "../router.js";
import { telegram } from "../telegram.js";
import { message } from "../ui.js";

export interface MarkedList<T> {
  tab: string;
  title: string;
  /** Shown when the list is (or becomes) empty. */
  empty: string;
  /** The remove button's label. */
  removeLabel: string;
  load(): Promise<T[]>;
  id(item: T): number;
  /** What the entry's open button holds. */
  content(item: T): (Node | string | null)[];
  open(item: T): void;
  remove(item: T): Promise<unknown>;
}

export function markedListScreen<T>(list: MarkedList<T>): Screen {
  return {
    tab: list.tab,
    title: () => t(list.title),
    mount(root) {
      const items = h("ul", { class: "marked", "aria-busy": "true" });
      const status = h("div", { class: "status" });
      root.append(status, items);
      let gone = false;

      const showEmpty = () => items.childElementCount === 0 && clear(items, message(t(list.empty)));

      function entry(item: T): HTMLElement {
        const li = h("li", { class: "marked-item", "data-id": list.id(item) });
        const open = h("button", { type: "button", class: "open", onclick: () => (telegram.HapticFeedback.selectionChanged(), list.open(item)) }, ...list.content(item));
        const remove = h("button", { type: "button", class: "remove" }, t(list.removeLabel));
        remove.addEventListener("click", () => {
          remove.setAttribute("aria-busy", "true");
          clear(status);
          list
            .remove(item)
            .then(() => {
              telegram.HapticFeedback.notificationOccurred("success");
              li.remove();
              showEmpty();
            })
            .catch((error: unknown) => clear(status, message(errorText(error), "error")))
            .finally(() => remove.removeAttribute("aria-busy"));
        });
        li.append(open, remove);
        return li;
      }

      list
        .load()
        .then((found) => {
          if (gone) return;
          items.removeAttribute("aria-busy");
          clear(items, ...found.map(entry));
          showEmpty();
        })
        .catch((error: unknown) => clear(items, message(errorText(error), "error")));
      return () => {
        gone = true;
      };
    },
  };
}
