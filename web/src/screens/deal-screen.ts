// One deal: photos, the terms, the shop, Buy (quantity, then Telegram's
// payment sheet; the order and its fulfilment are the chat's own) and Send to
// a friend (Telegram's share sheet).
import { api, ApiError, imageUrl, type DealPage } from "../api.js";
import type { AppContext } from "../context.js";
import { clear, h } from "../dom.js";
import { errorText } from "../errors.js";
import { t } from "../i18n.js";
import type { Screen } from "../router.js";
import { telegram } from "../telegram.js";
import { categoryName, distance, followButton, mainButton, message, ratingText, toggleButton } from "../ui.js";

export function dealScreen(ctx: AppContext, id: number): Screen {
  return {
    title: () => t("app-deal-title"),
    mount(root) {
      const body = h("article", { class: "deal-page", "aria-busy": "true" });
      root.append(body);
      let removeButton: (() => void) | undefined;
      let gone = false;
      api
        .deal(id, ctx.position ?? undefined)
        .then((deal) => {
          if (gone) return;
          body.removeAttribute("aria-busy");
          removeButton = render(deal);
        })
        .catch((error: unknown) => clear(body, message(errorText(error), "error")));

      function render(deal: DealPage): () => void {
        const max = Math.max(1, Math.min(deal.stockLeft ?? 99, deal.perPersonLimit ?? 99));
        let quantity = 1;
        const count = h("output", { "aria-live": "polite" }, String(quantity));
        const status = h("div", { class: "status" });
        const step = (by: number) => () => {
          quantity = Math.min(max, Math.max(1, quantity + by));
          count.textContent = String(quantity);
          telegram.HapticFeedback.selectionChanged();
        };
        const buy = async () => {
          telegram.MainButton.showProgress();
          clear(status);
          try {
            const result = await api.invoice(deal.id, quantity);
            if (result.claimed) return done();
            telegram.openInvoice(result.invoiceUrl!, (outcome) => {
              if (outcome === "paid") done();
              else if (outcome === "failed") clear(status, message(t("app-buy-failed"), "error"));
              else if (outcome === "pending") clear(status, message(t("app-buy-pending")));
            });
          } catch (error) {
            telegram.HapticFeedback.notificationOccurred("error");
            clear(status, message(errorText(error), "error"));
          } finally {
            telegram.MainButton.hideProgress();
          }
        };
        // Send to a friend: Telegram's share sheet with the card the bot prepared
        // (the chat's own share, so the friend's visit counts for the sharer).
        // A client older than 8.0 has no such sheet, and a user Telegram would
        // not prepare one for still has inline mode, with this deal chosen.
        const shareInline = () => telegram.switchInlineQuery(`deal:${deal.id}`, ["users", "groups"]);
        const share = async () => {
          if (!telegram.isVersionAtLeast("8.0")) return shareInline();
          clear(status);
          try {
            const { preparedMessageId } = await api.share(deal.id);
            telegram.shareMessage(preparedMessageId, (sent) => {
              if (sent) telegram.HapticFeedback.notificationOccurred("success");
              clear(status, message(t(sent ? "app-share-sent" : "app-share-cancelled"), sent ? "success" : "info"));
            });
          } catch (error) {
            // Telegram would not prepare it, or this user prepared many this hour: inline mode needs neither.
            if (error instanceof ApiError && (error.code === "share-refused" || error.code === "share-rate-limited")) return shareInline();
            telegram.HapticFeedback.notificationOccurred("error");
            clear(status, message(errorText(error), "error"));
          }
        };
        const done = () => {
          telegram.HapticFeedback.notificationOccurred("success");
          ctx.router.reset(ctx.screens.vouchers());
        };
        // Follow the shop, save the deal: each button shows the state and flips it.
        const marks = h(
          "div",
          { class: "marks" },
          followButton(deal.shop.id, deal.shop.following, status),
          toggleButton("save", deal.saved, (on) => t(on ? "app-saved" : "app-save"), (on) => api.save(deal.id, on), status),
        );
        const photos = h("div", { class: "photos" });
        for (const url of deal.photos) void imageUrl(url).then((src) => photos.append(h("img", { src, alt: deal.title })), () => undefined);
        const soldOut = deal.stockLeft === 0;

        clear(
          body,
          photos,
          h("h1", {}, deal.title),
          h("p", { class: "deal-price" }, h("b", {}, deal.price.text), deal.usualPrice ? h("s", {}, deal.usualPrice.text) : null, deal.discountPercent ? h("span", { class: "badge" }, `−${deal.discountPercent}%`) : null),
          h(
            "dl",
            { class: "facts" },
            h("dt", {}, t("app-deal-category")),
            h("dd", {}, categoryName(deal.category)),
            deal.stockLeft !== null ? h("dt", {}, t("app-deal-stock")) : null,
            deal.stockLeft !== null ? h("dd", {}, String(deal.stockLeft)) : null,
            deal.endsAtLocal ? h("dt", {}, t("app-deal-ends")) : null,
            deal.endsAtLocal ? h("dd", {}, deal.endsAtLocal) : null,
            deal.perPersonLimit ? h("dt", {}, t("app-deal-limit")) : null,
            deal.perPersonLimit ? h("dd", {}, String(deal.perPersonLimit)) : null,
          ),
          deal.description ? h("p", { class: "description" }, deal.description) : null,
          h("h2", {}, t("app-deal-refunds")),
          h("p", {}, deal.refundPolicyText),
          h(
            "section",
            { class: "shop" },
            h("h2", {}, deal.shop.name),
            // The shop's page: its reviews (with the rating when it has any) and its Follow button.
            deal.shop.reviews > 0
              ? h(
                  "button",
                  { type: "button", class: "link shop-reviews", onclick: () => ctx.router.push(ctx.screens.shop(deal.shop.id)) },
                  t("app-shop-reviews", { rating: ratingText(deal.shop), count: deal.shop.reviews }),
                )
              : h("button", { type: "button", class: "link shop-page", onclick: () => ctx.router.push(ctx.screens.shop(deal.shop.id)) }, t("app-shop-open")),
            h("p", {}, deal.shop.address),
            deal.shop.hours ? h("p", {}, t("app-shop-hours", { hours: deal.shop.hours })) : null,
            deal.shop.distanceM !== null ? h("p", {}, distance(deal.shop.distanceM)) : null,
            h("a", { href: deal.routeUrl, onclick: (e) => (e.preventDefault(), telegram.openLink(deal.routeUrl)) }, t("app-shop-route")),
          ),
          marks,
          soldOut
            ? message(t("error-deal-sold-out"), "error")
            : h(
                "div",
                { class: "buy" },
                h("span", {}, t("app-buy-quantity")),
                h("button", { type: "button", "aria-label": "−", onclick: step(-1) }, "−"),
                count,
                h("button", { type: "button", "aria-label": "+", onclick: step(1) }, "+"),
                h("button", { type: "button", class: "primary", onclick: () => void buy() }, t("app-buy")),
              ),
          // As in the chat, only a deal on sale is sent to friends.
          deal.onSale ? h("button", { type: "button", class: "link", "data-action": "share", onclick: () => void share() }, t("app-share")) : null,
          status,
        );
        return soldOut ? () => undefined : mainButton(t("app-buy-for", { price: deal.price.text }), () => void buy());
      }

      return () => {
        gone = true;
        removeButton?.();
      };
    },
  };
}
