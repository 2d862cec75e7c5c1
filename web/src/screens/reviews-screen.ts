// A shop's page: its rating and Follow button, its offers on sale now (each
// opens its deal's page), then the visible reviews five at a time, newest or
// most helpful first, each with its photos and a "helpful" vote.
import { api, imageUrl, SUB_SCORES, type DealSummary, type Review, type ReviewOrder, type ShopReviews } from "../api.js";
import type { AppContext } from "../context.js";
import { clear, h } from "../dom.js";
import { errorText } from "../errors.js";
import { t } from "../i18n.js";
import type { Screen } from "../router.js";
import { telegram } from "../telegram.js";
import { dealCard, distance, followButton, message, ratingText } from "../ui.js";
// The shop's page and a deal's page open each other.

const stars = (n: number) => "★".repeat(n) + "☆".repeat(5 - n);

export function reviewsScreen(ctx: AppContext, shopId: number): Screen {
  return {
    title: () => t("app-shop-page-title"),
    mount(root) {
      const body = h("section", { class: "reviews-page" });
      // The shop's name, rating and Follow, and its reviews come with each page of reviews; the offers once.
      const head = h("div", { class: "shop-head", "aria-busy": "true" });
      const offers = h("section", { class: "shop-offers", "aria-busy": "true" }, h("h2", {}, t("app-shop-offers")));
      const reviewList = h("div", { class: "shop-reviews-list" });
      const status = h("div", { class: "status" });
      body.append(head, offers, reviewList);
      root.append(body);
      let gone = false;

      const openDeal = (deal: DealSummary) => {
        telegram.HapticFeedback.selectionChanged();
        ctx.router.push(ctx.screens.deal(deal.id));
      };
      api
        .shopDeals(shopId)
        .then(({ deals }) => {
          if (gone) return;
          offers.append(
            deals.length === 0
              ? message(t("app-shop-offers-none"))
              : h("ul", { class: "deal-list" }, ...deals.map((deal) => dealCard(deal, distance(deal.distanceM) || null, openDeal))),
          );
        })
        .catch((error: unknown) => offers.append(message(errorText(error), "error")))
        .finally(() => offers.removeAttribute("aria-busy"));

      function load(order: ReviewOrder, page: number) {
        head.setAttribute("aria-busy", "true");
        api
          .reviews(shopId, order, page)
          .then((found) => {
            if (gone) return;
            head.removeAttribute("aria-busy");
            render(found);
          })
          .catch((error: unknown) => clear(head, message(errorText(error), "error")));
      }

      function item(review: Review): HTMLElement {
        const photos = h("div", { class: "photos" });
        for (const url of review.photos) void imageUrl(url).then((src) => photos.append(h("img", { src, alt: "" })), () => undefined);
        const subs = SUB_SCORES.filter((k) => review[k] !== null)
          .map((k) => t(`app-review-${k}`, { n: review[k]! }))
          .join(" · ");
        const helpful = h("button", { type: "button", class: "link helpful" }, t("app-review-helpful", { count: review.helpful }));
        helpful.onclick = async () => {
          try {
            const { counted } = await api.helpful(review.id);
            telegram.HapticFeedback.notificationOccurred(counted ? "success" : "warning");
            if (counted) helpful.textContent = t("app-review-helpful", { count: review.helpful + 1 });
            helpful.disabled = true;
          } catch (error) {
            // Not counted, and the button stays: the message says why (offline, the server).
            telegram.HapticFeedback.notificationOccurred("error");
            clear(status, message(errorText(error), "error"));
          }
        };
        return h(
          "li",
          { class: "review", "data-review-id": review.id },
          h("p", { class: "review-head" }, h("b", {}, stars(review.stars)), ` ${review.author} · ${review.createdAtLocal}`),
          h("p", { class: "review-deal" }, review.dealTitle),
          subs ? h("p", { class: "review-subs" }, subs) : null,
          review.text ? h("p", { class: "review-text" }, review.text) : null,
          photos,
          review.reply ? h("p", { class: "review-reply" }, t("app-review-reply", { reply: review.reply })) : null,
          helpful,
        );
      }

      function render(found: ShopReviews) {
        const other: ReviewOrder = found.order === "newest" ? "helpful" : "newest";
        clear(
          head,
          h("h1", {}, found.shop.name),
          h("p", { class: "address" }, found.shop.address),
          h("p", { class: "rating" }, found.total > 0 ? ratingText(found.shop) : t("app-reviews-none")),
          h("div", { class: "marks" }, followButton(found.shop.id, found.shop.following, status)),
          status,
        );
        clear(
          reviewList,
          found.total > 0 ? h("h2", {}, t("app-reviews-title")) : null,
          found.total > 1 ? h("button", { type: "button", class: "link sort", onclick: () => load(other, 0) }, t(`app-reviews-sort-${other}`)) : null,
          h("ul", { class: "reviews" }, ...found.reviews.map(item)),
          found.page > 0 ? h("button", { type: "button", onclick: () => load(found.order, found.page - 1) }, "◀") : null,
          found.page < found.pages - 1 ? h("button", { type: "button", onclick: () => load(found.order, found.page + 1) }, "▶") : null,
        );
      }

      load("newest", 0);
      return () => {
        gone = true;
      };
    },
  };
}
