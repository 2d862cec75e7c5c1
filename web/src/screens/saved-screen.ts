// Saved (♡) deals: open one's page, or take it off the list.
import { api, type SavedDeal } from "../api.js";
import type { AppContext } from "../context.js";
import { h } from "../dom.js";
import { t } from "../i18n.js";
import type { Screen } from "../router.js";
import { markedListScreen } from "./marked-list.js";

export function savedScreen(ctx: AppContext): Screen {
  return markedListScreen<SavedDeal>({
    tab: "app-tab-saved",
    title: "app-saved-title",
    empty: "app-saved-none",
    removeLabel: "app-unsave",
    load: () => api.saved().then(({ deals }) => deals),
    id: (deal) => deal.id,
    content: (deal) => [
      h("span", { class: "deal-title" }, deal.title),
      h("span", { class: "deal-shop" }, deal.shop.name),
      h("span", { class: "deal-price" }, h("b", {}, deal.price.text), deal.usualPrice ? h("s", {}, deal.usualPrice.text) : null),
      h("span", { class: "deal-ends" }, deal.onSale ? (deal.endsAtLocal ? `${t("app-deal-ends")}: ${deal.endsAtLocal}` : "") : t("app-saved-off-sale")),
    ],
    open: (deal) => ctx.router.push(ctx.screens.deal(deal.id)),
    remove: (deal) => api.save(deal.id, false),
  });
}
