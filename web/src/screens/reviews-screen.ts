// A shop's page: its rating and Follow button, then the visible reviews five
// at a time, newest or most helpful first, each with its photos and a
// "helpful" vote.
import { api, imageUrl, SUB_SCORES, type Review, type ReviewOrder, type ShopRating, type ShopReviews } from "../api.js";
import { clear, h } from "../dom.js";
import { errorText } from "../errors.js";
import { t } from "../i18n.js";
import type { Screen } from "../router.js";
import { telegram } from "../telegram.js";
import { followButton, message } from "../ui.js";

/** "⭐ 4.5 (12)" */
export function ratingText({ rating, reviews }: ShopRating): string {
  return t("app-rating", { rating: (rating ?? 0).toFixed(1), count: reviews });
}

const stars = (n: number) => "★".repeat(n) + "☆".repeat(5 - n);

export function reviewsScreen(shopId: number): Screen {
  return {
    title: () => t("app-reviews-title"),
    mount(root) {
      const body = h("section", { class: "reviews-page", "aria-busy": "true" });
      const status = h("div", { class: "status" });
      root.append(body);
      let gone = false;

      function load(order: ReviewOrder, page: number) {
        body.setAttribute("aria-busy", "true");
        api
          .reviews(shopId, order, page)
          .then((found) => {
            if (gone) return;
            body.removeAttribute("aria-busy");
            render(found);
          })
          .catch((error: unknown) => clear(body, message(errorText(error), "error")));
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
          body,
          h("h1", {}, found.shop.name),
          h("p", { class: "address" }, found.shop.address),
          h("p", { class: "rating" }, found.total > 0 ? ratingText(found.shop) : t("app-reviews-none")),
          h("div", { class: "marks" }, followButton(found.shop.id, found.shop.following, status)),
          status,
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
