// The shops the user follows: open one's page (its reviews and Follow), or unfollow.
import { api, type FollowedShop } from "../api.js";
import type { AppContext } from "../context.js";
import { h } from "../dom.js";
import { t } from "../i18n.js";
import type { Screen } from "../router.js";
import { categoryName } from "../ui.js";
import { markedListScreen } from "./marked-list.js";

export function followingScreen(ctx: AppContext): Screen {
  return markedListScreen<FollowedShop>({
    tab: "app-tab-following",
    title: "app-following-title",
    empty: "app-following-none",
    removeLabel: "app-unfollow",
    load: () => api.following().then(({ shops }) => shops),
    id: (shop) => shop.id,
    content: (shop) => [
      h("span", { class: "deal-title" }, shop.name),
      h("span", { class: "deal-shop" }, `${categoryName(shop.category)} · ${shop.address}`),
      h("span", { class: "on-sale" }, t("app-following-on-sale", { count: shop.onSale })),
    ],
    open: (shop) => ctx.router.push(ctx.screens.shop(shop.id)),
    remove: (shop) => api.follow(shop.id, false),
  });
}
